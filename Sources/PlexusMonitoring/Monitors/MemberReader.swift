import Foundation
import PlexusCore

/// Reads one JSON object of a definition member by member and keeps every problem, not only the
/// first: members it does not know (naming the known one probably meant) and members that cannot
/// be read as their type. What could be read is kept in ``readable``, with stand-ins for required
/// members that could not, so the rest of the definition can still be checked.
struct MemberReader {
    /// The object's field path, such as `rules[1]`; empty for a document's root.
    let path: String
    /// Every problem found, each on its field.
    private(set) var problems: [DomainError] = []
    /// The known members as given, less those found unreadable, plus stand-ins.
    private(set) var readable: [String: JSONValue] = [:]
    /// The fields that hold stand-ins, whose checks say nothing about what was written.
    private(set) var replaced: [String] = []
    /// Whether the value was an object at all.
    let isObject: Bool
    private let members: [String: JSONValue]

    /// Starts reading `json` found at `path`. Members not in `allowed` (when given) are reported,
    /// with `unknown(name)` as the message when given, else "Unknown field …; expected one of …".
    init(_ json: JSONValue, at path: String, allowed: [String]?, notAnObject: String, unknown: ((String) -> String)? = nil) {
        self.path = path
        guard case let .object(members) = json else {
            self.members = [:]
            isObject = false
            problems = [.invalid(field: path, message: notAnObject)]
            return
        }
        self.members = members
        isObject = true
        for name in members.keys.sorted() {
            if let allowed, !allowed.contains(name) {
                problems.append(.invalid(field: field(name), message: unknown?(name) ?? Self.unknownMessage(name, allowed: allowed)))
            } else {
                readable[name] = members[name]
            }
        }
    }

    /// The path of member `name`.
    func field(_ name: String) -> String { Self.join(path, name) }

    /// The member's value, when it is given and not null.
    func value(_ name: String) -> JSONValue? {
        guard let value = members[name], value != .null else { return nil }
        return value
    }

    /// Checks that member `name` reads as `Value`; an unreadable member is dropped from
    /// ``readable``. A required member that is missing is reported too; either way it is replaced
    /// by `standIn` when one is given.
    mutating func read<Value: Decodable>(_ name: String, as type: Value.Type, required: Bool = false, standIn: JSONValue? = nil) {
        guard let value = value(name) else {
            if required {
                problems.append(.invalid(field: field(name), message: "\(name) is required."))
                standInFor(name, standIn)
            }
            return
        }
        do {
            _ = try Self.decode(Value.self, from: value)
        } catch {
            problems.append(Self.problem(error, at: field(name)))
            standInFor(name, standIn)
        }
    }

    /// Reads member `name`, an object whose members are `allowed` (any when nil), as `Value`: first
    /// member by member with `readMembers`, then as a whole without the members found unreadable.
    mutating func readObject<Value: Decodable>(
        _ name: String, as type: Value.Type, allowed: [String]?, notAnObject: String, required: Bool = false, standIn: JSONValue? = nil,
        members readMembers: (inout MemberReader) -> Void = { _ in }
    ) {
        guard let value = value(name) else {
            read(name, as: Value.self, required: required, standIn: standIn)
            return
        }
        var nested = MemberReader(value, at: field(name), allowed: allowed, notAnObject: notAnObject)
        if nested.isObject { readMembers(&nested) }
        problems += nested.problems
        replaced += nested.replaced
        guard nested.isObject else { return standInFor(name, standIn) }
        do {
            _ = try Self.decode(Value.self, from: .object(nested.readable))
            readable[name] = .object(nested.readable)
        } catch {
            let problem = Self.problem(error, at: field(name))
            if !nested.problems.contains(where: { Self.field($0.field ?? "", isWithin: problem.field ?? "") }) { problems.append(problem) }
            standInFor(name, standIn)
        }
    }

    /// Sets member `name` of ``readable`` to `value`.
    mutating func keep(_ name: String, _ value: JSONValue) {
        readable[name] = value
    }

    /// Adds a problem found by the caller.
    mutating func report(_ problem: DomainError) {
        problems.append(problem)
    }

    /// Replaces member `name` by `standIn`, or drops it when there is none.
    private mutating func standInFor(_ name: String, _ standIn: JSONValue?) {
        readable[name] = standIn
        if standIn != nil { replaced.append(field(name)) }
    }

    /// Whether `field` is `outer` or lies inside it (`rules[1].column` lies inside `rules[1]`).
    static func field(_ field: String, isWithin outer: String) -> Bool {
        field == outer || field.hasPrefix(outer + ".") || field.hasPrefix(outer + "[") || outer.isEmpty
    }

    // MARK: - Shared with the definitions' decoders

    /// "Unknown field 'windw'; expected one of …. Did you mean 'window'?"
    static func unknownMessage(_ name: String, allowed: [String]) -> String {
        let hint = FieldSuggestion.closest(to: name, in: allowed).map { " Did you mean '\($0)'?" } ?? ""
        return "Unknown field '\(name)'; expected one of \(allowed.joined(separator: ", ")).\(hint)"
    }

    /// Throws for the first member of the decoder's object that is not in `allowed`, so a
    /// misspelt field is refused instead of being ignored.
    static func refuseUnknownMembers(of decoder: any Decoder, allowed: [String]) throws {
        let given = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).sorted()
        if let unknown = given.first(where: { !allowed.contains($0) }) {
            throw DomainError.invalid(field: FieldPath.text(decoder.codingPath + [AnyKey(unknown)]), message: unknownMessage(unknown, allowed: allowed))
        }
    }

    /// `prefix` and `field` joined as a field path: `rules[1]` and `column` give `rules[1].column`.
    static func join(_ prefix: String, _ field: String) -> String {
        if prefix.isEmpty { return field }
        if field.isEmpty { return prefix }
        return field.hasPrefix("[") ? prefix + field : "\(prefix).\(field)"
    }

    /// Decodes `Value` from `json` as a document of its own (field paths in its errors start at it).
    static func decode<Value: Decodable>(_ type: Value.Type, from json: JSONValue) throws -> Value {
        try PlexusJSON.decoder().decode(Value.self, from: try JSONEncoder().encode(json))
    }

    /// `error`, thrown while decoding the value at `path`, as a problem on its field.
    static func problem(_ error: any Error, at path: String) -> DomainError {
        switch error {
        case let .invalid(field, message) as DomainError: return .invalid(field: join(path, field), message: message)
        case let error as DomainError: return error
        case let .keyNotFound(key, context) as DecodingError:
            return .invalid(field: join(path, FieldPath.text(context.codingPath + [key])), message: "\(key.stringValue) is required.")
        case let .typeMismatch(type, context) as DecodingError, let .valueNotFound(type, context) as DecodingError:
            return .invalid(field: join(path, FieldPath.text(context.codingPath)), message: "Expected \(describe(type)).")
        case let .dataCorrupted(context) as DecodingError:
            return .invalid(field: join(path, FieldPath.text(context.codingPath)), message: context.debugDescription)
        default:
            return .invalid(field: path, message: "The definition cannot be read: \(error).")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "a mapping"
        }
    }
}

/// Any member name, for reading which members an object has.
struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}

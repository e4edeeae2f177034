import PlexusCore

/// Reads typed fields out of a converted YAML document, recording a ``DefinitionProblem`` for every
/// field that is missing, of the wrong shape or unknown, so that one pass finds them all.
struct DefinitionReader: Sendable {
    /// Where each field was written; gives back scalars exactly as written.
    let sourceMap: YAMLSourceMap
    /// Every problem recorded so far, in the order found.
    private(set) var problems: [DefinitionProblem] = []

    init(sourceMap: YAMLSourceMap) {
        self.sourceMap = sourceMap
    }

    /// Records a problem with the field at `path`.
    mutating func report(_ path: String, _ message: String) {
        problems.append(DefinitionProblem(path: path, message: message))
    }

    /// Records problems found elsewhere, such as by a classifier kind.
    mutating func report(_ more: [DefinitionProblem]) {
        problems += more
    }

    /// The members of the mapping at `path`, reporting any member not in `fields` (with the closest
    /// known name when one is near), or `nil` when `value` is not a mapping.
    mutating func mapping(_ value: JSONValue, at path: String, fields: [String]) -> [String: JSONValue]? {
        guard let members = value.objectValue else {
            report(path, "Expected a mapping with the fields \(fields.joined(separator: ", ")); found \(Self.describe(value)).")
            return nil
        }
        for name in members.keys.sorted() where !fields.contains(name) {
            let hint = FieldSuggestion.closest(to: name, in: fields).map { " Did you mean '\($0)'?" } ?? ""
            report(YAMLSourceMap.member(name, of: path), "Unknown field '\(name)'; expected one of \(fields.joined(separator: ", ")).\(hint)")
        }
        return members
    }

    /// The member `name` of `members` unless it is absent or null; reports its absence when `required`.
    mutating func field(_ name: String, of members: [String: JSONValue], at path: String, required: Bool) -> JSONValue? {
        if let value = members[name], value != .null { return value }
        if required {
            report(YAMLSourceMap.member(name, of: path), "Missing required field '\(name)'.")
        }
        return nil
    }

    /// The elements of the list at `path`, or `nil` (reported) when `value` is not a list.
    mutating func list(_ value: JSONValue, at path: String) -> [JSONValue]? {
        guard case .array(let elements) = value else {
            report(path, "Expected a list; found \(Self.describe(value)).")
            return nil
        }
        return elements
    }

    /// The scalar at `path` as text: strings as they are, numbers and booleans exactly as written
    /// (so classes `[1, 2, 3]` read as "1", "2", "3"); `nil` (reported) for lists, mappings and null.
    mutating func text(_ value: JSONValue, at path: String) -> String? {
        switch value {
        case .string(let text): return text
        case .number, .bool: return sourceMap.text(at: path) ?? Self.describe(value)
        case .null, .array, .object:
            report(path, "Expected a single value; found \(Self.describe(value)).")
            return nil
        }
    }

    /// The list of scalars at `path` as text, or `nil` when it is not a list; bad elements are reported and left out.
    mutating func texts(_ value: JSONValue, at path: String) -> [String]? {
        guard let elements = list(value, at: path) else { return nil }
        return elements.enumerated().compactMap { index, element in
            text(element, at: YAMLSourceMap.element(index, of: path))
        }
    }

    /// How a value reads in a message: "a list", "a mapping", "null", or the value itself.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): "the number \(number)"
        case .string(let text): "'\(text)'"
        case .array: "a list"
        case .object: "a mapping"
        }
    }
}

import Foundation
import PlexusCore

extension MonitorDefinition {
    /// Reads a definition from JSON (as a YAML or JSON file gives it) and checks it: the
    /// definition when it could be read, and every problem found, each on its field.
    public static func read(_ json: JSONValue, registry: MonitorSourceRegistry = .standard) -> (definition: MonitorDefinition?, problems: [DomainError]) {
        do {
            let definition = try PlexusJSON.decoder().decode(MonitorDefinition.self, from: try JSONEncoder().encode(json))
            return (definition, definition.problems(registry: registry))
        } catch {
            // Read field by field, so a file with several unreadable fields hears of all of them,
            // then check the rest of the definition without them.
            let (problems, readable) = fieldProblems(json)
            guard !problems.isEmpty else { return (nil, [Self.problem(error)]) }
            let rest = (try? decode(MonitorDefinition.self, from: readable))?.problems(registry: registry) ?? []
            let reported = Set(problems.compactMap(\.field))
            return (nil, problems + rest.filter { !reported.contains($0.field ?? "") })
        }
    }

    /// The problems of each top-level field read on its own, and of each rule on its own; and the
    /// definition without the fields and rules that could not be read.
    private static func fieldProblems(_ json: JSONValue) -> (problems: [DomainError], readable: JSONValue) {
        guard case var .object(members) = json else {
            return ([.invalid(field: "", message: "A monitor definition is a mapping of fields (name, source, reference, rules, …).")], json)
        }
        var problems: [DomainError] = []
        var unreadable: Set<String> = []
        func check<Value: Decodable>(_ key: String, _ type: Value.Type, required: Bool = false) {
            guard let value = members[key], value != .null else {
                if required { problems.append(.invalid(field: key, message: "\(key) is required.")) }
                return
            }
            do {
                _ = try decode([String: Value].self, from: .object([key: value]))
            } catch {
                problems.append(Self.problem(error))
                unreadable.insert(key)
            }
        }
        check("name", String.self, required: true)
        check("description", String.self)
        check("subject", String.self)
        check("source", MonitorSourceSpec.self, required: true)
        check("reference", MonitorReference.self, required: true)
        check("window", WindowLength.self)
        check("columns", [String].self)
        check("drift", DriftSettings.self)
        check("minimumSampleSize", Int.self)
        check("schedule", String.self)
        check("timeZone", String.self)
        check("autoResolveAfter", Int.self)
        check("enabled", Bool.self)
        if case let .array(rules)? = members["rules"] {
            var readableRules: [JSONValue] = []
            for index in rules.indices {
                // Nulls before the rule keep its index in the field path.
                let padded = JSONValue.array(Array(repeating: .null, count: index) + [rules[index]])
                do {
                    _ = try decode([String: [MonitorRule?]].self, from: .object(["rules": padded]))
                    readableRules.append(rules[index])
                } catch {
                    problems.append(Self.problem(error))
                }
            }
            members["rules"] = .array(readableRules)
        } else {
            check("rules", [MonitorRule].self)
        }
        for key in unreadable { members[key] = nil }
        return (problems, .object(members))
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from json: JSONValue) throws -> Value {
        try PlexusJSON.decoder().decode(Value.self, from: try JSONEncoder().encode(json))
    }

    private static func problem(_ error: any Error) -> DomainError {
        switch error {
        case let error as DomainError: error
        case let error as DecodingError: problem(error)
        default: .invalid(field: "", message: "The definition cannot be read: \(error).")
        }
    }

    private static func problem(_ error: DecodingError) -> DomainError {
        switch error {
        case let .keyNotFound(key, context):
            return .invalid(field: FieldPath.text(context.codingPath + [key]), message: "\(key.stringValue) is required.")
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            return .invalid(field: FieldPath.text(context.codingPath), message: "Expected \(Self.describe(type)).")
        case let .dataCorrupted(context):
            return .invalid(field: FieldPath.text(context.codingPath), message: context.debugDescription)
        @unknown default:
            return .invalid(field: "", message: "\(error)")
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

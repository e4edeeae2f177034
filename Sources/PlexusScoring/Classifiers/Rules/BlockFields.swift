import PlexusCore

/// Small helpers the rules, fuzzy and logic kinds share to read a classifier block by hand, so
/// every problem gets its exact path and unknown fields are reported instead of ignored.
enum BlockFields {
    /// `parent.key`, or `key` at the top of the block.
    static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// `parent[index]`.
    static func path(_ parent: String, _ index: Int) -> String { "\(parent)[\(index)]" }

    /// A problem for each field of `object` not in `allowed`, naming the allowed ones.
    static func unknown(in object: [String: JSONValue], allowed: [String], at parent: String) -> [SettingsProblem] {
        object.keys.filter { !allowed.contains($0) }.sorted().map {
            SettingsProblem(path: path(parent, $0), message: "Unknown field '\($0)'; expected one of \(allowed.joined(separator: ", ")).")
        }
    }

    /// The non-empty string at `key`, or `nil` with a problem appended (when `required` or mistyped).
    static func string(_ key: String, in object: [String: JSONValue], at parent: String, required: Bool, problems: inout [SettingsProblem]) -> String? {
        switch object[key] {
        case nil:
            if required { problems.append(SettingsProblem(path: path(parent, key), message: "Missing required field '\(key)'.")) }
            return nil
        case .string(let value) where !value.trimmingCharacters(in: .whitespaces).isEmpty:
            return value
        case .some(let other):
            problems.append(SettingsProblem(path: path(parent, key), message: "Expected a non-empty string, found \(describe(other))."))
            return nil
        }
    }

    /// A problem unless `value` is one of the score's classes.
    static func checkClass(_ value: String, at path: String, of score: ScoreDefinition) -> [SettingsProblem] {
        score.classes.contains(value) ? [] : [SettingsProblem(
            path: path, message: "'\(value)' is not one of the score's classes (\(score.classes.joined(separator: ", "))).")]
    }

    /// A short description of a JSON value's kind and content, for messages.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): "the number \(number)"
        case .string(let text): text.isEmpty ? "an empty string" : "the string '\(text)'"
        case .array: "a list"
        case .object: "a mapping"
        }
    }
}

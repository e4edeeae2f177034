import PlexusCore

/// Resolves plain YAML scalars the way the YAML 1.2 core schema does, not YAML 1.1: `Yes`, `No`,
/// `on` and `off` stay strings, so classes named `Yes` and `No` are never turned into booleans.
enum YAMLScalar {
    /// The JSON value of an untagged plain scalar: `true`/`false` in any case are booleans; `null`,
    /// `~` and the empty scalar are null; decimal, `0x` and `0o` integers and decimal floats are
    /// numbers; anything else is a string. `.inf` and `.nan` stay strings because JSON has no such numbers.
    static func resolve(_ text: String) -> JSONValue {
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null", "~", "": return .null
        default: return number(text).map(JSONValue.number) ?? .string(text)
        }
    }

    private static func number(_ text: String) -> Double? {
        if text.hasPrefix("0x") { return radix(text.dropFirst(2), 16) }
        if text.hasPrefix("0o") { return radix(text.dropFirst(2), 8) }
        guard text.wholeMatch(of: #/[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/#) != nil else { return nil }
        return Double(text)
    }

    private static func radix(_ digits: Substring, _ radix: Int) -> Double? {
        UInt64(digits, radix: radix).map { Double($0) }
    }
}

/// Field paths as Plexus reports them in errors: `scoreResults[3].confidence`, `rules[2].pattern`.
public enum FieldPath {
    /// The path of a `Codable` coding path; empty for the top level.
    public static func text(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}

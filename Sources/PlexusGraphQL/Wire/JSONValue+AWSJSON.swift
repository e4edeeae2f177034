import Foundation
import PlexusCore

extension JSONValue {
    /// Parses a JSON-encoded string, as AWSJSON fields such as `metadata` carry free-form values.
    init(awsJSON text: String, field: String) throws {
        do {
            self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw DomainError.invalid(
                field: field,
                message: "Must be a JSON-encoded string such as \"{\\\"channel\\\":\\\"phone\\\"}\"; got '\(text.prefix(80))', which is not valid JSON."
            )
        }
    }

    /// The value as a JSON-encoded string with sorted keys.
    var awsJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding fails only for NaN or infinite numbers, which no parsed or stored JSON holds.
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}

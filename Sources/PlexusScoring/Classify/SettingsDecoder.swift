import Foundation
import PlexusCore

/// Decodes a classifier block into a kind's `Codable` settings type, turning decoding errors into
/// a ``SettingsProblem`` with the path of the offending field.
public enum SettingsDecoder {
    /// Decodes `settings` as `T`, or throws the first problem found.
    public static func decode<T: Decodable>(_ type: T.Type, from settings: JSONValue) throws(SettingsProblem) -> T {
        do {
            let data = try JSONEncoder().encode(settings)
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw problem(from: error)
        } catch {
            throw SettingsProblem(path: "", message: "The classifier block could not be read: \(error).")
        }
    }

    private static func problem(from error: DecodingError) -> SettingsProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return SettingsProblem(path: FieldPath.text(context.codingPath + [key]), message: "Missing required field '\(key.stringValue)'.")
        case .typeMismatch(let expected, let context):
            return SettingsProblem(path: FieldPath.text(context.codingPath), message: "Expected \(describe(expected)). \(context.debugDescription)")
        case .valueNotFound(let expected, let context):
            return SettingsProblem(path: FieldPath.text(context.codingPath), message: "Expected \(describe(expected)), found null.")
        case .dataCorrupted(let context):
            return SettingsProblem(path: FieldPath.text(context.codingPath), message: context.debugDescription)
        @unknown default:
            return SettingsProblem(path: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}

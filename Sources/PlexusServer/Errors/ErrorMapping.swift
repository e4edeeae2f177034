import Foundation
import Hummingbird
import PlexusCore
import PlexusStore

/// The one place that turns any error into an HTTP status and a JSON body.
enum ErrorMapping {
    static func apiError(for error: any Error) -> APIError? {
        switch error {
        case let error as APIError: return error
        case let error as DomainError: return fromDomain(error)
        case let error as DecodingError: return fromDecoding(error)
        case let error as HTTPError:
            return APIError(status: error.status, code: code(for: error.status), message: error.body ?? message(for: error.status))
        case let error as any HTTPResponseError:
            return APIError(status: error.status, code: code(for: error.status), message: message(for: error.status))
        default: return nil
        }
    }

    private static func fromDomain(_ error: DomainError) -> APIError {
        let status: HTTPResponse.Status = switch error {
        case .invalid: .badRequest
        case .notFound(_, _, let field): field == nil ? .notFound : .unprocessableContent
        case .conflict: .conflict
        case .forbidden: .forbidden
        }
        return APIError(status: status, code: error.code, message: error.message, field: error.field)
    }

    private static func fromDecoding(_ error: DecodingError) -> APIError {
        switch error {
        case .typeMismatch(let type, let context):
            return APIError(status: .badRequest, code: "invalid_type", message: "Expected \(describe(type)).", field: path(context.codingPath))
        case .valueNotFound(let type, let context):
            return APIError(status: .badRequest, code: "missing_value", message: "Expected \(describe(type)), not null.", field: path(context.codingPath))
        case .keyNotFound(let key, let context):
            return APIError(status: .badRequest, code: "missing_field", message: "The field '\(key.stringValue)' is required.", field: path(context.codingPath + [key]))
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return APIError(status: .badRequest, code: "malformed_json", message: "The body is not valid JSON: \(context.debugDescription)")
        case .dataCorrupted(let context):
            return APIError(status: .badRequest, code: "invalid_value", message: context.debugDescription, field: path(context.codingPath))
        @unknown default:
            return APIError(status: .badRequest, code: "invalid_body", message: "The body could not be read: \(error).")
        }
    }

    /// `scoreResults[3].confidence` from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String? {
        codingPath.isEmpty ? nil : FieldPath.text(codingPath)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "a value of type \(name)"
        }
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: return "route_not_found"
        case .methodNotAllowed: return "method_not_allowed"
        case .contentTooLarge: return "body_too_large"
        case .unauthorized: return "unauthorized"
        default: return status.code < 500 ? "bad_request" : "internal_error"
        }
    }

    private static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: return "No such route; see /docs for the API."
        case .methodNotAllowed: return "This route does not accept that method; see /docs."
        default: return status.reasonPhrase
        }
    }
}

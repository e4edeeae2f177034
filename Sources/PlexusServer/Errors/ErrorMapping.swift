import Foundation
import Hummingbird
import PlexusCore
import PlexusModels
import PlexusMonitoring
import PlexusStats
import PlexusStore

/// The one place that turns any error into an HTTP status and a JSON body.
enum ErrorMapping {
    static func apiError(for error: any Error) -> APIError? {
        switch error {
        case let error as APIError: return error
        case let error as DomainError: return fromDomain(error)
        case let error as DecodingError: return fromDecoding(error)
        case let error as DatasetError:
            let field = if case .unknownColumns = error { "schema" } else { "file" }
            return APIError(status: .unprocessableContent, code: "invalid_dataset", message: error.description, field: field)
        case let error as ModelError: return fromModel(error)
        case let error as StatisticsError:
            return APIError(status: .unprocessableContent, code: "invalid_dataset", message: error.description, field: "file")
        case let error as HTTPError:
            return APIError(status: error.status, code: code(for: error.status), message: error.body ?? message(for: error.status))
        case let error as any HTTPResponseError:
            return APIError(status: error.status, code: code(for: error.status), message: message(for: error.status))
        case StoreError.storageFull:
            return APIError(status: .init(code: 507, reasonPhrase: "Insufficient Storage"), code: "insufficient_storage", message: String(describing: error), headers: [.retryAfter: "30"])
        case StoreError.databaseUnavailable(let detail):
            return APIError(
                status: .serviceUnavailable, code: "database_unavailable",
                message: "The database is unavailable (\(detail)); retry in a moment (writes with idempotency keys are safe to resend).",
                headers: [.retryAfter: "1"])
        default: return nil
        }
    }

    private static func fromModel(_ error: ModelError) -> APIError {
        switch error {
        case .notONNX, .unsupportedOpset, .invalidGraph, .invalidAttribute:
            return APIError(status: .unprocessableContent, code: "invalid_model", message: error.description, field: "file")
        case .unsupportedOperators:
            return APIError(status: .unprocessableContent, code: "unsupported_operators", message: error.description, field: "file")
        case let .missingInput(name):
            return APIError(status: .unprocessableContent, code: "invalid_input", message: error.description, field: "inputs.\(name)")
        case let .inputMismatch(input, _):
            return APIError(status: .unprocessableContent, code: "invalid_input", message: error.description, field: "inputs.\(input)")
        case let .invalidRequest(field, _):
            return APIError(status: .unprocessableContent, code: "invalid_input", message: error.description, field: field)
        case .evaluation:
            return APIError(status: .unprocessableContent, code: "prediction_failed", message: error.description, field: "inputs")
        case .notExplainable:
            return APIError(status: .unprocessableContent, code: "not_explainable", message: error.description, field: "method")
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
        let problem = DecodingProblem(error)
        return APIError(status: .badRequest, code: problem.code, message: problem.message, field: problem.field)
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

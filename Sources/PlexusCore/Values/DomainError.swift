/// A failure that the caller can fix, described in the caller's terms.
///
/// Pure modules throw these; the server maps each case to one HTTP status in a single place.
public enum DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value is missing, malformed or out of range. `field` is its path, e.g. `scoreResults[3].confidence`.
    case invalid(field: String, message: String)
    /// The referenced resource does not exist in the caller's account.
    case notFound(resource: String, id: String, field: String?)
    /// The request conflicts with existing data, e.g. a duplicate key.
    case conflict(field: String, message: String)
    /// The caller is authenticated but not allowed to do this.
    case forbidden(message: String)

    /// A human-readable message that says what is wrong and what to do.
    public var message: String {
        switch self {
        case .invalid(_, let message), .conflict(_, let message), .forbidden(let message):
            return message
        case .notFound(let resource, let id, _):
            return "No \(resource) with id or key '\(id)' exists in this account; check the value or create it first."
        }
    }

    /// The path of the offending field, when there is one.
    public var field: String? {
        switch self {
        case .invalid(let field, _), .conflict(let field, _): return field
        case .notFound(_, _, let field): return field
        case .forbidden: return nil
        }
    }

    /// A short machine-readable code, such as `invalid_value` or `not_found`.
    public var code: String {
        switch self {
        case .invalid: return "invalid_value"
        case .notFound: return "not_found"
        case .conflict: return "conflict"
        case .forbidden: return "forbidden"
        }
    }

    /// The message, prefixed by the field when there is one.
    public var description: String {
        field.map { "\($0): \(message)" } ?? message
    }

    /// Prefixes the field path with `prefix`, e.g. `confidence` becomes `scoreResults[2].confidence`.
    public func nested(under prefix: String) -> DomainError {
        func join(_ field: String) -> String { field.isEmpty ? prefix : "\(prefix).\(field)" }
        switch self {
        case .invalid(let field, let message): return .invalid(field: join(field), message: message)
        case .conflict(let field, let message): return .conflict(field: join(field), message: message)
        case .notFound(let resource, let id, let field):
            return .notFound(resource: resource, id: id, field: field.map(join) ?? prefix)
        case .forbidden: return self
        }
    }
}

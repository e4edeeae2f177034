/// What an API key may do in its account. Every route declares the one scope it needs.
///
/// - `read`: every `GET`, GraphQL queries and live updates.
/// - `write`: creating and changing scorecards, items, labels, results, evaluations and jobs;
///   a `write` key may also read and ingest.
/// - `ingest`: only creating score results and pipeline performance records (what a pipeline
///   needs).
/// - `admin`: everything, plus managing the account's keys and limits.
public enum APIScope: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case admin, read, write, ingest

    /// Whether a key holding this scope may use a route that needs `required`.
    public func grants(_ required: APIScope) -> Bool {
        switch self {
        case .admin: true
        case .write: required != .admin
        case .read, .ingest: required == self
        }
    }

    /// Sorted as listed: admin, read, write, ingest.
    public static func < (lhs: APIScope, rhs: APIScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a list such as `read,ingest` or `read ingest`.
    /// - Throws: ``DomainError/invalid(field:message:)`` naming `field` for an unknown or empty list.
    public static func parseList(_ text: String, field: String) throws -> Set<APIScope> {
        let names = text.split { $0 == "," || $0 == " " }.map(String.init)
        return try parse(names, field: field)
    }

    /// Parses scope names.
    /// - Throws: ``DomainError/invalid(field:message:)`` naming `field` for an unknown name or none.
    public static func parse(_ names: [String], field: String) throws -> Set<APIScope> {
        var scopes = Set<APIScope>()
        for name in names {
            guard let scope = APIScope(rawValue: name.lowercased()) else {
                throw DomainError.invalid(field: field, message: "Unknown scope '\(name)'; use admin, read, write or ingest.")
            }
            scopes.insert(scope)
        }
        guard !scopes.isEmpty else {
            throw DomainError.invalid(field: field, message: "Give at least one scope: admin, read, write or ingest.")
        }
        return scopes
    }
}

extension Set where Element == APIScope {
    /// Whether any of these scopes grants `required`.
    public func grants(_ required: APIScope) -> Bool {
        contains { $0.grants(required) }
    }

    /// The scopes as a sorted list, the order they are stored and shown in.
    public var ordered: [APIScope] { sorted(by: <) }
}

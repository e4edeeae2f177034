import PlexusCore

extension DomainError {
    /// The error with its field named as in a mutation's `input` argument, e.g. `confidence` becomes
    /// `input.confidence`. `rename` first maps the store's name for a field to the input's; an
    /// unknown resource without a field is the input's `id`.
    func inInput(renaming rename: (String) -> String = { $0 }) -> DomainError {
        func path(_ field: String) -> String { "input.\(rename(field))" }
        switch self {
        case .invalid(let field, let message): return .invalid(field: path(field), message: message)
        case .conflict(let field, let message): return .conflict(field: path(field), message: message)
        case .notFound(let resource, let id, let field): return .notFound(resource: resource, id: id, field: path(field ?? "id"))
        case .forbidden: return self
        }
    }
}

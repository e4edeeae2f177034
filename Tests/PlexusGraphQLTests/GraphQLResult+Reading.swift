import GraphQL

extension GraphQLResult {
    /// The value at a path inside `data`, or null when there is none.
    subscript(path: IndexPathElement...) -> Map {
        data?[IndexPath(path)] ?? .null
    }

    /// Whether `data` holds the root field `name`, with the value null.
    func isNull(_ name: String) -> Bool {
        data?.dictionary?[name] == .null
    }

    /// The messages of all errors, in order.
    var messages: [String] { errors.map(\.message) }
}

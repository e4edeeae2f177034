import PlexusStore

/// The root value of every query and mutation; its methods, one per root field, live in the
/// resource folders and always pass the caller's account to the store.
struct GraphQLResolver: Sendable {
    /// Where the data lives.
    let store: SQLStore
}

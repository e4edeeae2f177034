/// Which kind of ID names the item of a score result created with ``ScoreResultsResource``.
public enum ItemIDKind: Sendable, Hashable {
    /// The caller's own ID for the item; an unknown one creates the item on the server.
    case external
    /// The ID Plexus gave the item.
    case plexus
    /// A Plexus ID when an item with that ID exists, otherwise an external ID (one extra lookup).
    case plexusOrExternal
}

import PlexusCore

extension Identifier {
    /// The identifier as a GraphQL `ID`.
    var graphQLID: ID { ID(rawValue) }

    /// The typed identifier a GraphQL `ID` names.
    init(_ id: ID) { self.init(id.rawValue) }
}

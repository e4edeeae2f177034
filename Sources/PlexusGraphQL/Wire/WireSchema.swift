import Graphiti

/// The pieces of the schema every resource uses: the `ID` scalar.
final class WireSchema: PartialSchema<GraphQLResolver, GraphQLContext> {
    @TypeDefinitions
    override var types: Types {
        Scalar(ID.self, as: "ID")
            .description("A unique identifier; sent and received as a string.")
    }
}

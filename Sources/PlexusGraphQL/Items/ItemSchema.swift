import Graphiti
import PlexusCore

/// `Item` and `getItem(id:)`.
final class ItemSchema: PartialSchema<GraphQLResolver, GraphQLContext> {
    @TypeDefinitions
    override var types: Types {
        Type(Item.self, as: "Item") {
            Field("id", at: \.id.graphQLID)
            Field("externalId", at: \.externalId)
            Field("text", at: \.text)
            Field("metadata", at: \.metadata?.awsJSON)
            Field("createdAt", at: \.createdAt.iso8601)
        }
    }

    @FieldDefinitions
    override var query: Fields {
        Field("getItem", at: GraphQLResolver.getItem) {
            Argument("id", at: \.id)
        }
    }
}

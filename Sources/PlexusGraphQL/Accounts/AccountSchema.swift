import Graphiti
import PlexusCore

/// `Account` and `getAccount(id:)`.
final class AccountSchema: PartialSchema<GraphQLResolver, GraphQLContext> {
    @TypeDefinitions
    override var types: Types {
        Type(Account.self, as: "Account") {
            Field("id", at: \.id.graphQLID)
            Field("key", at: \.key)
            Field("name", at: \.name)
            Field("createdAt", at: \.createdAt.iso8601)
        }
    }

    @FieldDefinitions
    override var query: Fields {
        Field("getAccount", at: GraphQLResolver.getAccount) {
            Argument("id", at: \.id).description("The account's ID or key.")
        }
    }
}

import Graphiti
import PlexusCore

/// `Scorecard` with its sections and scores, `getScorecard(key:)`, `getScorecardById(id:)` and
/// `listScorecards`.
final class ScorecardSchema: PartialSchema<GraphQLResolver, GraphQLContext> {
    @TypeDefinitions
    override var types: Types {
        Type(Scorecard.self, as: "Scorecard") {
            Field("id", at: \.id.graphQLID)
            Field("accountId", at: \.accountId.graphQLID)
            Field("key", at: \.key)
            Field("name", at: \.name)
            Field("description", at: \.description)
            Field("version", at: \.version)
            Field("sections", at: \.sections)
            Field("createdAt", at: \.createdAt.iso8601)
            Field("updatedAt", at: \.updatedAt.iso8601)
        }
        Type(ScorecardSection.self, as: "ScorecardSection") {
            Field("id", at: \.id.graphQLID)
            Field("name", at: \.name)
            Field("scores", at: \.scores)
        }
        Type(Score.self, as: "Score") {
            Field("id", at: \.id.graphQLID)
            Field("key", at: \.key)
            Field("name", at: \.name)
            Field("classes", at: \.classes)
            Field("positiveClass", at: \.positiveClass)
        }
        Type(ModelConnection<Scorecard>.self, as: "ModelScorecardConnection") {
            Field("items", at: \.items)
            Field("nextToken", at: \.nextToken)
        }
    }

    @FieldDefinitions
    override var query: Fields {
        Field("getScorecard", at: GraphQLResolver.getScorecard) {
            Argument("key", at: \.key)
        }
        Field("getScorecardById", at: GraphQLResolver.getScorecardById) {
            Argument("id", at: \.id)
        }
        Field("listScorecards", at: GraphQLResolver.listScorecards) {
            Argument("limit", at: \.limit)
            Argument("nextToken", at: \.nextToken)
        }
    }
}

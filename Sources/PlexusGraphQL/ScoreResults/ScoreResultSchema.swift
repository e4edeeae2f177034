import Graphiti
import PlexusCore

/// `ScoreResult`, its connection and inputs, `getScoreResult`, `listScoreResults`,
/// `createScoreResult` and `updateScoreResult`.
final class ScoreResultSchema: PartialSchema<GraphQLResolver, GraphQLContext> {
    @TypeDefinitions
    override var types: Types {
        Type(ScoreResult.self, as: "ScoreResult") {
            Field("id", at: \.id.graphQLID)
            Field("accountId", at: \.accountId.graphQLID)
            Field("scorecardId", at: \.scorecardId.graphQLID)
            Field("scoreId", at: \.scoreId.graphQLID)
            Field("itemId", at: \.itemId.graphQLID)
            Field("value", at: \.value)
            Field("confidence", at: \.confidence)
            Field("explanation", at: \.explanation)
            Field("metadata", at: \.metadata?.awsJSON)
            Field("cost", at: \.cost)
            Field("latency", at: \.latency)
            Field("evaluationId", at: \.evaluationId?.graphQLID)
            Field("scoringJobId", at: \.scoringJobId)
            Field("idempotencyKey", at: \.idempotencyKey)
            Field("scorecardVersion", at: \.scorecardVersion)
            Field("createdAt", at: \.createdAt.iso8601)
            Field("updatedAt", at: \.updatedAt.iso8601)
        }
        Type(ModelConnection<ScoreResult>.self, as: "ModelScoreResultConnection") {
            Field("items", at: \.items)
            Field("nextToken", at: \.nextToken)
        }
        Input(CreateScoreResultInput.self, as: "CreateScoreResultInput") {
            InputField("scorecardId", at: \.scorecardId)
            InputField("scorecardKey", at: \.scorecardKey)
            InputField("scoreId", at: \.scoreId)
            InputField("scoreKey", at: \.scoreKey)
            InputField("itemId", at: \.itemId)
            InputField("itemExternalId", at: \.itemExternalId)
            InputField("value", at: \.value)
            InputField("confidence", at: \.confidence)
            InputField("explanation", at: \.explanation)
            InputField("metadata", at: \.metadata).description("A JSON-encoded object, as AWSJSON.")
            InputField("cost", at: \.cost)
            InputField("latency", at: \.latency)
            InputField("evaluationId", at: \.evaluationId)
            InputField("scoringJobId", at: \.scoringJobId)
            InputField("idempotencyKey", at: \.idempotencyKey)
        }
        Input(UpdateScoreResultInput.self, as: "UpdateScoreResultInput") {
            InputField("id", at: \.id)
            InputField("value", at: \.value)
            InputField("confidence", at: \.confidence)
            InputField("explanation", at: \.explanation)
            InputField("metadata", at: \.metadata).description("A JSON-encoded object, as AWSJSON; replaces the old metadata.")
            InputField("cost", at: \.cost)
            InputField("latency", at: \.latency)
        }
    }

    @FieldDefinitions
    override var query: Fields {
        Field("getScoreResult", at: GraphQLResolver.getScoreResult) {
            Argument("id", at: \.id)
        }
        Field("listScoreResults", at: GraphQLResolver.listScoreResults) {
            Argument("scorecardId", at: \.scorecardId)
            Argument("scoreId", at: \.scoreId)
            Argument("itemId", at: \.itemId)
            Argument("evaluationId", at: \.evaluationId)
            Argument("since", at: \.since).description("Only results created at or after this ISO 8601 time.")
            Argument("until", at: \.until).description("Only results created before this ISO 8601 time.")
            Argument("limit", at: \.limit)
            Argument("nextToken", at: \.nextToken)
        }
    }

    @FieldDefinitions
    override var mutation: Fields {
        Field("createScoreResult", at: GraphQLResolver.createScoreResult) {
            Argument("input", at: \.input)
        }
        Field("updateScoreResult", at: GraphQLResolver.updateScoreResult) {
            Argument("input", at: \.input)
        }
    }
}

import Graphiti
import PlexusCore

/// `Experiment` (the domain's ``Evaluation``, under the name older clients use), its connection and
/// inputs, `getExperiment`, `listExperiments`, `createExperiment` and `updateExperiment`.
final class ExperimentSchema: PartialSchema<GraphQLResolver, GraphQLContext> {
    @TypeDefinitions
    override var types: Types {
        Type(Evaluation.self, as: "Experiment") {
            Field("id", at: \.id.graphQLID)
            Field("type", at: \.type)
            Field("accountId", at: \.accountId.graphQLID)
            Field("scorecardId", at: \.scorecardId.graphQLID)
            Field("scoreId", at: \.scoreId?.graphQLID)
            Field("parameters", at: \.parameters?.awsJSON)
            Field("status", at: \.status.rawValue).description("PENDING, RUNNING, COMPLETED, FAILED or CANCELLED.")
            Field("progress", at: \.progress)
            Field("processedItems", at: \.processedItems)
            Field("totalItems", at: \.totalItems)
            Field("accuracy", at: \.accuracy)
            Field("metrics", at: \.metrics?.awsJSON)
            Field("confusionMatrix", at: \.confusionMatrix?.awsJSON)
            Field("errorMessage", at: \.errorMessage)
            Field("errorDetails", at: \.errorDetails?.awsJSON)
            Field("createdAt", at: \.createdAt.iso8601)
            Field("updatedAt", at: \.updatedAt.iso8601)
            Field("startedAt", at: \.startedAt?.iso8601)
            Field("completedAt", at: \.completedAt?.iso8601)
        }
        Type(ModelConnection<Evaluation>.self, as: "ModelExperimentConnection") {
            Field("items", at: \.items)
            Field("nextToken", at: \.nextToken)
        }
        Input(CreateExperimentInput.self, as: "CreateExperimentInput") {
            InputField("type", at: \.type).description("e.g. accuracy (the default).")
            InputField("scorecardId", at: \.scorecardId)
            InputField("scorecardKey", at: \.scorecardKey)
            InputField("scoreId", at: \.scoreId)
            InputField("scoreKey", at: \.scoreKey)
            InputField("parameters", at: \.parameters).description("A JSON-encoded object, as AWSJSON.")
            InputField("totalItems", at: \.totalItems)
        }
        Input(UpdateExperimentInput.self, as: "UpdateExperimentInput") {
            InputField("id", at: \.id)
            InputField("status", at: \.status).description("PENDING, RUNNING, COMPLETED, FAILED or CANCELLED.")
            InputField("progress", at: \.progress)
            InputField("processedItems", at: \.processedItems)
            InputField("totalItems", at: \.totalItems)
            InputField("accuracy", at: \.accuracy)
            InputField("metrics", at: \.metrics).description("A JSON-encoded object, as AWSJSON.")
            InputField("confusionMatrix", at: \.confusionMatrix).description("A JSON-encoded object, as AWSJSON.")
            InputField("errorMessage", at: \.errorMessage)
            InputField("errorDetails", at: \.errorDetails).description("A JSON-encoded object, as AWSJSON.")
        }
    }

    @FieldDefinitions
    override var query: Fields {
        Field("getExperiment", at: GraphQLResolver.getExperiment) {
            Argument("id", at: \.id)
        }
        Field("listExperiments", at: GraphQLResolver.listExperiments) {
            Argument("scorecardId", at: \.scorecardId)
            Argument("limit", at: \.limit)
            Argument("nextToken", at: \.nextToken)
        }
    }

    @FieldDefinitions
    override var mutation: Fields {
        Field("createExperiment", at: GraphQLResolver.createExperiment) {
            Argument("input", at: \.input)
        }
        Field("updateExperiment", at: GraphQLResolver.updateExperiment) {
            Argument("input", at: \.input)
        }
    }
}

/// The JSON bodies of the MLflow calls ``MLflowClient`` makes, named after the REST API.
extension MLflowClient {
    struct Empty: Decodable {}

    struct ExperimentAnswer: Decodable {
        var experiment: MLflowExperiment
    }

    struct CreatedExperiment: Decodable {
        var experimentID: String
        enum CodingKeys: String, CodingKey { case experimentID = "experiment_id" }
    }

    struct CreateRun: Encodable {
        var experimentID: String
        var runName: String
        var startTime: Int64
        var tags: [MLflowKeyValue]
        enum CodingKeys: String, CodingKey {
            case experimentID = "experiment_id", runName = "run_name", startTime = "start_time", tags
        }
    }

    struct UpdateRun: Encodable {
        var runID: String
        var status: MLflowRunStatus
        var endTime: Int64?
        enum CodingKeys: String, CodingKey { case runID = "run_id", status, endTime = "end_time" }
    }

    struct RunAnswer: Decodable {
        struct Run: Decodable {
            var info: MLflowRunInfo
            var data: RunData?
        }
        struct RunData: Decodable {
            var metrics: [MLflowMetric]?
            var params: [MLflowKeyValue]?
            var tags: [MLflowKeyValue]?
        }
        var run: Run
    }

    struct LogBatch: Encodable {
        var runID: String
        var batch: MLflowBatchPlan.Batch
        enum CodingKeys: String, CodingKey { case runID = "run_id", params, metrics, tags }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(runID, forKey: .runID)
            try container.encode(batch.params, forKey: .params)
            try container.encode(batch.metrics, forKey: .metrics)
            try container.encode(batch.tags, forKey: .tags)
        }
    }

    struct MetricHistory: Decodable {
        var metrics: [MLflowMetric]?
        var nextPageToken: String?
        enum CodingKeys: String, CodingKey { case metrics, nextPageToken = "next_page_token" }
    }

    struct RegisteredModelAnswer: Decodable {}

    struct CreateModelVersion: Encodable {
        var name: String
        var source: String
        var runID: String
        enum CodingKeys: String, CodingKey { case name, source, runID = "run_id" }
    }

    struct ModelVersionAnswer: Decodable {
        var modelVersion: MLflowModelVersion
        enum CodingKeys: String, CodingKey { case modelVersion = "model_version" }
    }
}

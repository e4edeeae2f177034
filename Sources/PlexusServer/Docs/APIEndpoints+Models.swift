/// ONNX models: upload, list, read, delete, predict and explain.
extension APIEndpoints {
    static let onnxModels: [Endpoint] = [
        Endpoint(
            method: .post, path: "/api/v1/models/upload",
            summary: "Upload an ONNX model: multipart/form-data with a 'file' part (curl -F file=@model.onnx -F name=churn), or a raw application/octet-stream body with ?name=. The model is checked first: a file that is not ONNX, an operator set newer than Plexus runs, or any unsupported operator (each named with its node) is refused with 422. The same name again makes the next version. Answers 201 with the version: inputs and outputs with types and shapes, operators, operator sets, producer, metadata, SHA-256 and size.",
            tag: "Models", scope: .write,
            query: [
                .init(name: "name", description: "The model's name (default: the file's name without .onnx); versions share it."),
                .init(name: "description", description: "What the model is."),
                .init(name: "features", description: "The column names of a single matrix input, comma-separated, so predictions can be sent as rows of named features."),
            ],
            body: "ModelUploadForm", bodyMediaTypes: ["multipart/form-data", "application/octet-stream"], status: 201, response: "RegisteredModel"),
        Endpoint(method: .get, path: "/api/v1/models", summary: "List the account's model versions, newest first (GET /api/v1/models/ works too).", tag: "Models", scope: .read,
                 query: paging, response: "RegisteredModelPage"),
        Endpoint(method: .get, path: "/api/v1/models/{model_id}", summary: "Get a model version by ID, name@version, or name (the newest version).", tag: "Models", scope: .read, response: "RegisteredModel"),
        Endpoint(method: .delete, path: "/api/v1/models/{model_id}", summary: "Delete a model version (by ID or name@version), or every version of a name.", tag: "Models", scope: .write, response: "RegisteredModelsDeleted"),
        Endpoint(
            method: .post, path: "/api/v1/models/{model_id}/predict",
            summary: "Predict with a model version: {\"inputs\": {\"X\": [[…], …]}} gives each model input as nested arrays (null for a missing number), or {\"rows\": [{\"feature\": value}]} names features (a single matrix input's columns as named at upload, or one input per feature). Answers each output by name and one prediction per row: its label and probabilities, or its value. Shape and type mismatches are 422 naming the input.",
            tag: "Models", scope: .read, body: "PredictionInput", response: "Prediction"),
        Endpoint(
            method: .post, path: "/api/v1/models/{model_id}/explain",
            summary: "Explain a model version's predictions: {\"method\": \"tree_shap\", \"rows\": […], \"background\": {\"rows\": […]}} gives each row's SHAP value per feature and output, computed from the ONNX trees (TreeEnsembleClassifier or TreeEnsembleRegressor over the model's input), in shap's space for the family: probabilities for forests, log-odds for boosted trees, values for regressors. featurePerturbation is interventional (against each background row; the default) or tree_path_dependent (node covers counted from the background). Each row reports its additivity error (base value + Σ values − output). method kernel_shap explains any model with one numeric matrix input (class probabilities, or values) as shap's KernelExplainer does: exact when every coalition fits in nsamples (auto: 2·features + 2048), otherwise seeded samples with a standard error per value. method lime fits lime's tabular surrogate (quartile bins of the background, 5,000 seeded perturbations, kernel width 0.75·√features, weighted ridge) and adds each output's intercept and weighted R² and each feature's bin. At most 1,000 background rows; a model the method cannot explain is 422 not_explainable. The explanation is stored with its id (read it back, or see its charts on the dashboard at /explanations/{id}) unless store is false. Up to PLEXUS_EXPLAIN_SYNC_ROWS rows (default 1,000) are answered at once; more, up to 10,000, are checked and queued as an explanation job: 202 with the job's id (GET /api/v1/jobs/{id}), which is also the id the explanation is stored under when the job completes (explanation.completed on the model's WebSocket).",
            tag: "Models", scope: .read, body: "ExplanationInput", response: "Explanation", accepted: "QueuedExplanation"),
        Endpoint(
            method: .post, path: "/api/v1/models/{model_id}/importance",
            summary: "Permutation importance as scikit-learn's permutation_importance computes it: {\"rows\": […], \"targets\": […]} (or inputs) with their true labels or values; each feature's column is shuffled nRepeats times (5 by default; every column with the same seeded shuffles, each repeat shuffling the column again) and the answer gives the baseline score and each feature's drops, mean and standard deviation. scoring is accuracy (classifiers' default), balanced_accuracy, r2 (regressors' default), neg_mean_squared_error or neg_mean_absolute_error. At most 10,000 rows and 5,000,000 model evaluations.",
            tag: "Models", scope: .read, body: "ImportanceInput", response: "Importance"),
        Endpoint(method: .get, path: "/api/v1/models/{model_id}/explanations", summary: "List the stored explanations of a model version, newest first, without their rows.", tag: "Models", scope: .read,
                 query: paging, response: "ExplanationSummaryPage"),
        Endpoint(method: .get, path: "/api/v1/explanations/{explanation_id}", summary: "Get a stored explanation, rows and all.", tag: "Models", scope: .read, response: "Explanation"),
    ]
}

import PlexusCore
import PlexusModels

/// The JSON Schemas of ONNX models and predictions.
extension APISchemas {
    private typealias S = Schema

    static let models: [String: JSONValue] = [
        "ModelUploadForm": S.object([
            "file": ["type": "string", "contentMediaType": "application/octet-stream", "description": "The .onnx file."],
            "name": ["type": "string", "maxLength": 200], "description": S.string,
            "features": ["type": "string", "description": "Column names of a single matrix input, comma-separated."],
        ], required: ["file"]),
        "ModelValue": S.object(["name": S.string, "kind": S.string, "elementType": S.string, "shape": S.array(S.string)], required: ["name", "kind"]),
        "ModelOperator": S.object(["domain": S.string, "operatorType": S.string, "nodes": S.integer], required: ["domain", "operatorType", "nodes"]),
        "RegisteredModel": S.object([
            "id": S.string, "name": S.string, "version": S.integer, "description": S.string, "features": S.array(S.string),
            "sha256": S.string, "byteCount": S.integer, "irVersion": S.integer, "opsets": ["type": "object", "additionalProperties": S.integer],
            "producer": S.string, "metadata": ["type": "object", "additionalProperties": S.string],
            "inputs": S.array(S.ref("ModelValue")), "outputs": S.array(S.ref("ModelValue")), "operators": S.array(S.ref("ModelOperator")),
            "createdAt": S.dateTime,
        ], required: ["id", "name", "version", "sha256", "byteCount", "irVersion", "opsets", "producer", "metadata", "inputs", "outputs", "operators", "createdAt"]),
        "RegisteredModelPage": S.page(of: "RegisteredModel"),
        "RegisteredModelsDeleted": S.object(["deleted": S.array(S.ref("RegisteredModel"))], required: ["deleted"]),
        "PredictionInput": [
            "type": "object",
            "description": "Either inputs (each model input by name, as nested arrays) or rows (objects of named features).",
            "properties": [
                "inputs": ["type": "object", "additionalProperties": S.anyJSON],
                "rows": ["type": "array", "items": ["type": "object"], "minItems": 1],
            ],
        ],
        "Prediction": S.object([
            "model": S.object(["id": S.string, "name": S.string, "version": S.integer], required: ["id", "name", "version"]),
            "rows": S.integer, "outputs": ["type": "object", "additionalProperties": S.anyJSON], "predictions": S.array(["type": "object"]),
            "logged": S.integer,
        ], required: ["model", "rows", "outputs", "predictions"]),
        "ExplanationInput": [
            "type": "object",
            "description": "The rows to explain (inputs or rows, as for a prediction), the method, and background rows to compare them with.",
            "properties": [
                "method": ["type": "string", "enum": ["tree_shap", "kernel_shap", "lime"], "default": "tree_shap"],
                "inputs": ["type": "object", "additionalProperties": S.anyJSON],
                "rows": ["type": "array", "items": ["type": "object"], "minItems": 1, "maxItems": 1000],
                "background": [
                    "type": "object", "description": "Background rows, such as a sample of the training data: {\"rows\": […]} or {\"inputs\": {…}}; at most 1,000.",
                    "properties": [
                        "inputs": ["type": "object", "additionalProperties": S.anyJSON],
                        "rows": ["type": "array", "items": ["type": "object"], "minItems": 1, "maxItems": 1000],
                    ],
                ],
                "featurePerturbation": ["type": "string", "enum": ["interventional", "tree_path_dependent"], "default": "interventional"],
                "modelOutput": [
                    "type": "string", "enum": ["raw", "probability"], "default": "raw",
                    "description": "tree_shap: raw (the family's space) or probability (binary boosted trees' log-odds rescaled per background row as shap's model_output=\"probability\"; interventional only).",
                ],
                "nsamples": ["description": "kernel_shap: coalitions per row, or auto (2·features + 2048); every coalition is enumerated when 2^features − 2 fit.", "oneOf": [["type": "integer", "minimum": 2, "maximum": 1_000_000], ["type": "string", "enum": ["auto"]]]],
                "seed": ["type": "integer", "minimum": 0, "description": "kernel_shap and lime: the seed of the random draws (0 by default)."],
                "numSamples": ["type": "integer", "minimum": 10, "maximum": 1_000_000, "default": 5_000, "description": "lime: perturbed rows per explained row."],
                "kernelWidth": ["type": "number", "exclusiveMinimum": 0, "description": "lime: the kernel width (default 0.75·√features)."],
                "store": ["type": "boolean", "default": true, "description": "Keep the explanation (its id then reads it back, and the dashboard charts it); false computes it only."],
            ],
            "required": ["background"],
        ],
        "QueuedExplanation": S.object([
            "jobId": S.string, "explanationId": ["type": "string", "description": "The id the explanation is stored under once the job completes (the job's id)."],
            "status": S.enumeration(["queued"]), "rows": S.integer,
        ], required: ["jobId", "explanationId", "status", "rows"]),
        "Explanation": S.object([
            "model": S.object(["id": S.string, "name": S.string, "version": S.integer], required: ["id", "name", "version"]),
            "method": S.string, "parameters": ["type": "object", "additionalProperties": S.anyJSON], "features": S.array(S.string),
            "outputs": S.array(S.object(["name": S.string, "space": S.string], required: ["name", "space"])),
            "baseValues": S.array(S.number),
            "rows": S.array(S.object([
                "outputs": S.array(S.number), "values": S.array(S.array(S.number)), "additivityError": S.number,
                "standardErrors": S.array(S.array(S.number)),
                "intercepts": S.array(S.number), "scores": S.array(S.number), "conditions": S.array(S.string),
                "features": S.array(S.nullable(S.number)),
            ], required: ["outputs", "values", "additivityError"])),
            "meanAbsoluteValues": S.array(S.array(S.number)), "largestAdditivityError": S.number,
            "id": S.string, "createdAt": S.dateTime,
        ], required: ["model", "method", "parameters", "features", "outputs", "baseValues", "rows", "meanAbsoluteValues", "largestAdditivityError"]),
        "ExplanationSummary": S.object([
            "id": S.string, "model": S.object(["id": S.string, "name": S.string, "version": S.integer], required: ["id", "name", "version"]),
            "method": S.string, "parameters": ["type": "object", "additionalProperties": S.anyJSON], "features": S.array(S.string),
            "outputs": S.array(S.object(["name": S.string, "space": S.string], required: ["name", "space"])),
            "rowCount": S.integer, "largestAdditivityError": S.number, "createdAt": S.dateTime,
        ], required: ["id", "model", "method", "parameters", "features", "outputs", "rowCount", "largestAdditivityError", "createdAt"]),
        "ExplanationSummaryPage": S.page(of: "ExplanationSummary"),
        "ImportanceInput": [
            "type": "object",
            "description": "The rows (inputs or rows, as for a prediction) with their true targets, and how to score and shuffle them.",
            "properties": [
                "inputs": ["type": "object", "additionalProperties": S.anyJSON],
                "rows": ["type": "array", "items": ["type": "object"], "minItems": 1, "maxItems": 10_000],
                "targets": ["type": "array", "items": ["oneOf": [["type": "string"], ["type": "number"]]], "description": "The true label (classifiers) or value (regressors) of each row."],
                "scoring": ["type": "string", "enum": .array(PermutationImportance.Scoring.allCases.map { .string($0.rawValue) })],
                "nRepeats": ["type": "integer", "minimum": 1, "maximum": 100, "default": 5],
                "seed": ["type": "integer", "minimum": 0, "default": 0],
            ],
            "required": ["targets"],
        ],
        "Importance": S.object([
            "model": S.object(["id": S.string, "name": S.string, "version": S.integer], required: ["id", "name", "version"]),
            "scoring": S.string, "baseline": S.number, "features": S.array(S.string),
            "importancesMean": S.array(S.number), "importancesStd": S.array(S.number), "importances": S.array(S.array(S.number)),
            "rows": S.integer, "repeats": S.integer, "seed": S.integer,
        ], required: ["model", "scoring", "baseline", "features", "importancesMean", "importancesStd", "importances", "rows", "repeats", "seed"]),
    ]
}

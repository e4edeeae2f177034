import PlexusCore
import PlexusMonitoring

/// The JSON Schemas of datasets, their statistics and quality findings.
extension APISchemas {
    private typealias S = Schema

    private static let columnType = S.enumeration(ColumnType.allCases.map(\.rawValue))
    private static let nullableNumber = S.nullable(S.number)

    static let data: [String: JSONValue] = [
        "DatasetUploadForm": S.object([
            "file": ["type": "string", "contentMediaType": "application/octet-stream", "description": "The CSV or JSON Lines file."],
            "name": ["type": "string", "maxLength": 200], "description": S.string,
            "schema": ["type": "string", "description": "Types to force, as a JSON object of column names to types."],
            "format": S.enumeration(["csv", "jsonl"]),
        ], required: ["file"]),
        "DatasetColumn": S.object(["name": S.string, "type": columnType, "inferredType": columnType], required: ["name", "type"]),
        "BadRow": S.object(["line": S.integer, "message": S.string], required: ["line", "message"]),
        "Dataset": S.object([
            "id": S.string, "name": S.string, "description": S.string, "format": S.enumeration(["csv", "jsonl"]),
            "status": S.enumeration(["uploading", "ready"]), "columns": S.array(S.ref("DatasetColumn")),
            "rowCount": S.integer, "badRowCount": S.integer, "badRows": S.array(S.ref("BadRow")), "duplicateRowCount": S.integer,
            "byteCount": S.integer, "sha256": S.string, "qualityScore": ["type": "number", "minimum": 0, "maximum": 100], "createdAt": S.dateTime,
        ], required: ["id", "name", "format", "status", "columns", "rowCount", "badRowCount", "badRows", "duplicateRowCount", "byteCount", "sha256", "createdAt"]),
        "DatasetPage": S.page(of: "Dataset"),
        "DatasetDeleted": S.object(["id": S.string, "deleted": S.boolean], required: ["id", "deleted"]),
        "Histogram": S.object(["edges": S.array(S.number), "counts": S.array(S.integer)], required: ["edges", "counts"]),
        "CategoryCount": S.object(["value": S.string, "count": S.integer], required: ["value", "count"]),
        "ColumnStatistics": S.object([
            "name": S.string, "type": columnType, "count": S.integer, "missing": S.integer, "distinct": S.integer, "mismatched": S.integer,
            "mean": nullableNumber, "std": nullableNumber, "min": nullableNumber, "p1": nullableNumber, "p5": nullableNumber,
            "p25": nullableNumber, "p50": nullableNumber, "p75": nullableNumber, "p95": nullableNumber, "p99": nullableNumber,
            "max": nullableNumber, "skewness": nullableNumber, "kurtosis": nullableNumber, "histogram": S.ref("Histogram"),
            "top": S.array(S.ref("CategoryCount")),
        ], required: ["name", "type", "count", "missing", "distinct", "mismatched", "top"]),
        "DatasetStatistics": S.object(
            ["datasetId": S.string, "rowCount": S.integer, "columns": S.array(S.ref("ColumnStatistics"))], required: ["datasetId", "rowCount", "columns"]),
        "CellExample": S.object(["row": S.integer, "value": S.string], required: ["row", "value"]),
        "QualityFinding": S.object([
            "kind": S.enumeration(QualityFinding.Kind.allCases.map(\.rawValue)), "severity": S.enumeration(QualityFinding.Severity.allCases.map(\.rawValue)),
            "column": S.string, "count": S.integer, "examples": S.array(S.ref("CellExample")), "message": S.string, "share": S.unitInterval,
        ], required: ["kind", "severity", "count", "examples", "message", "share"]),
        "DatasetQuality": S.object([
            "datasetId": S.string, "score": ["type": "number", "minimum": 0, "maximum": 100], "formula": S.string,
            "findings": S.array(S.ref("QualityFinding")),
        ], required: ["datasetId", "score", "formula", "findings"]),
    ]
}

/// Datasets: upload, list, read, delete, statistics and quality.
extension APIEndpoints {
    private static let dataPaging: [Endpoint.Parameter] = [
        .init(name: "limit", description: "Rows per page, 1–1000 (default 100).", schema: ["type": "integer", "minimum": 1, "maximum": 1000]),
        .init(name: "cursor", description: "The nextCursor of the previous page."),
    ]

    static let data: [Endpoint] = [
        Endpoint(
            method: .post, path: "/api/v1/data/upload",
            summary: "Upload a dataset: multipart/form-data with a 'file' part (curl -F file=@data.csv -F name=…), or a raw text/csv or application/x-ndjson body. CSV (RFC 4180, header row, BOM, ',' ';' or tab detected) or JSON Lines; streamed, so any size passes in flat memory. Column types are inferred unless schema overrides them; unreadable rows are counted and listed by line. Answers 201 with the dataset once it is stored, profiled and checked.",
            tag: "Data", scope: .write,
            query: [
                .init(name: "name", description: "The dataset's name (default: the file's name)."),
                .init(name: "description", description: "What the data is."),
                .init(name: "schema", description: "Types to force, as a JSON object such as {\"plan\":\"categorical\"}; types: integer, float, boolean, categorical, text, datetime."),
                .init(name: "format", description: "csv or jsonl (default: from the file name or Content-Type).", schema: Schema.enumeration(["csv", "jsonl"])),
            ],
            body: "DatasetUploadForm", bodyMediaTypes: ["multipart/form-data", "text/csv", "application/x-ndjson"], status: 201, response: "Dataset"),
        Endpoint(method: .get, path: "/api/v1/data", summary: "List the account's datasets, newest first (GET /api/v1/data/ works too).", tag: "Data", scope: .read, query: dataPaging, response: "DatasetPage"),
        Endpoint(method: .get, path: "/api/v1/data/{id}", summary: "Get a dataset: schema, row count, unreadable rows, duplicates, SHA-256 and quality score.", tag: "Data", scope: .read, response: "Dataset"),
        Endpoint(method: .delete, path: "/api/v1/data/{id}", summary: "Delete a dataset and its cells.", tag: "Data", scope: .write, response: "DatasetDeleted"),
        Endpoint(
            method: .get, path: "/api/v1/data/{id}/statistics",
            summary: "Per-column statistics as pandas computes them: count, missing, distinct, mean, std (ddof 1), min, p1–p99 (linear), max, skewness, kurtosis, a histogram and the top 20 categories.",
            tag: "Data", scope: .read, response: "DatasetStatistics"),
        Endpoint(
            method: .get, path: "/api/v1/data/{id}/quality",
            summary: "Quality findings (missing values, duplicates, constant and near-constant columns, high cardinality, IQR and z-score outliers, mixed types, and with expect or model the missing or mistyped input columns), each with severity, column, count, examples by row and what to do; and the score 0–100 with its formula.",
            tag: "Data", scope: .read,
            query: [
                .init(name: "expect", description: "An input schema to check against, as a JSON object of column names to types, such as {\"age\":\"integer\"}."),
                .init(name: "model", description: "An uploaded model (ID, name@version or name) whose inputs the columns must feed: its feature names as numbers, or its named inputs by element type; expect overrides single columns."),
            ],
            response: "DatasetQuality"),
    ]
}

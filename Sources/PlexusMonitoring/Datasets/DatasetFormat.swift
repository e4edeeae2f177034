import Foundation

/// The file formats a dataset can be uploaded in.
public enum DatasetFormat: String, Sendable, Codable, CaseIterable {
    /// Delimited text with a header row (`,`, `;` or tab, detected).
    case csv
    /// One JSON object per line.
    case jsonLines = "jsonl"

    /// The format a content type names (`text/csv`, `application/x-ndjson`, …), if any.
    public init?(contentType: String) {
        let essence = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch essence {
        case "text/csv", "application/csv", "text/tab-separated-values", "text/plain": self = .csv
        case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines", "application/ndjson": self = .jsonLines
        default: return nil
        }
    }

    /// The format a file name's extension names (`.csv`, `.tsv`, `.jsonl`, `.ndjson`), if any.
    public init?(fileName: String) {
        switch fileName.split(separator: ".").last?.lowercased() {
        case "csv", "tsv", "txt": self = .csv
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }
}

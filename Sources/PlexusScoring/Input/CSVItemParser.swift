import Foundation
import PlexusCore

/// Turns CSV records into items using the header: `id` and `text` are required, `label:<score>`
/// columns are human labels, and every other column becomes metadata (numbers become numbers).
struct CSVItemParser {
    let file: String
    private let header: [String]
    private let idColumn: Int
    private let textColumn: Int

    static let labelPrefix = "label:"

    /// Reads the header row, or fails naming what is missing.
    init(file: String, header: [String]) throws(ItemFileError) {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let id = names.firstIndex(of: "id"), let text = names.firstIndex(of: "text") else {
            throw .missingColumns(file: file, found: names)
        }
        self.file = file
        self.header = names
        idColumn = id
        textColumn = text
    }

    func parse(_ fields: [String], line: Int) -> ItemRow? {
        if fields.count == 1, fields[0].allSatisfy(\.isWhitespace) { return nil }
        guard fields.count == header.count else {
            return .problem(RowProblem(file: file, line: line, message: "Expected \(header.count) columns as in the header, found \(fields.count)."))
        }
        let id = fields[idColumn]
        guard !id.isEmpty else { return .problem(RowProblem(file: file, line: line, message: "The id column is empty.")) }
        var metadata: [String: JSONValue] = [:]
        var labels: [String: String] = [:]
        for (index, name) in header.enumerated() where index != idColumn && index != textColumn {
            let value = fields[index]
            if name.hasPrefix(Self.labelPrefix) {
                if !value.isEmpty { labels[String(name.dropFirst(Self.labelPrefix.count))] = value }
            } else if !value.isEmpty {
                metadata[name] = Self.cell(value)
            }
        }
        return .item(InputItem(item: ScoringItem(id: id, text: fields[textColumn], metadata: metadata), labels: labels), line: line)
    }

    /// A metadata cell: a finite number when it reads as one, except codes with leading zeros
    /// (`007`, `02134`), which stay text like everything else.
    static func cell(_ value: String) -> JSONValue {
        let digits = value.drop { $0 == "-" }
        let isCode = digits.count > 1 && digits.first == "0" && digits.dropFirst().first != "."
        guard !isCode, let number = Double(value), number.isFinite else { return .string(value) }
        return .number(number)
    }
}

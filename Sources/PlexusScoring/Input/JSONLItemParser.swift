import Foundation
import PlexusCore

/// Reads one JSON Lines row: `{"id", "text", "metadata"?, "labels"?}`.
struct JSONLItemParser {
    let file: String

    func parse(_ line: String, number: Int) -> ItemRow? {
        guard !line.allSatisfy(\.isWhitespace) else { return nil }
        do {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
            return .item(try item(from: value, line: number), line: number)
        } catch let problem as RowProblem {
            return .problem(problem)
        } catch {
            return .problem(RowProblem(file: file, line: number, message: "Not valid JSON; each line must be one JSON object like {\"id\": \"call-1\", \"text\": \"...\"}."))
        }
    }

    private func item(from value: JSONValue, line: Int) throws(RowProblem) -> InputItem {
        guard let object = value.objectValue else { throw fail(line, "Expected a JSON object, found \(value).") }
        let id = object["id"].flatMap(Self.scalarText)
        guard let id, !id.isEmpty else { throw fail(line, "Missing \"id\" (a string or number naming the item).") }
        guard let text = object["text"]?.stringValue else { throw fail(line, "Item '\(id)' has no \"text\" string.") }
        var metadata: [String: JSONValue] = [:]
        if let given = object["metadata"], given != .null {
            guard let members = given.objectValue else { throw fail(line, "Item '\(id)': \"metadata\" must be an object.") }
            metadata = members
        }
        var labels: [String: String] = [:]
        if let given = object["labels"], given != .null {
            guard let members = given.objectValue else { throw fail(line, "Item '\(id)': \"labels\" must be an object of score key to class.") }
            for (score, label) in members {
                guard let text = Self.scalarText(label) else { throw fail(line, "Item '\(id)': label for '\(score)' must be a string.") }
                labels[score] = text
            }
        }
        return InputItem(item: ScoringItem(id: id, text: text, metadata: metadata), labels: labels)
    }

    private func fail(_ line: Int, _ message: String) -> RowProblem {
        RowProblem(file: file, line: line, message: message)
    }

    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.plainText
        case .bool(let flag): return String(flag)
        default: return nil
        }
    }
}

import Foundation
import PlexusCore

/// A keyset pagination cursor: the sort key and ID of the last row of a page, opaque to callers.
struct Cursor: Sendable, Hashable {
    let micros: Int64
    let id: String

    /// Encodes the cursor as URL-safe base64.
    var token: String {
        Data("\(micros):\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(micros: Int64, id: String) {
        self.micros = micros
        self.id = id
    }

    /// Decodes a token made by ``token``; anything else is an invalid `cursor`.
    init(token: String) throws {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":"), let micros = Int64(text[..<colon])
        else {
            throw DomainError.invalid(field: "cursor", message: "The cursor is not one this server issued; pass the nextCursor of the previous page unchanged.")
        }
        self.init(micros: micros, id: String(text[text.index(after: colon)...]))
    }

    /// The cursor of the page after `rows`, or `nil` when the page was not full.
    static func next<Row>(after rows: [Row], limit: Int, key: (Row) -> (Date, String)) -> String? {
        guard rows.count == limit, let last = rows.last else { return nil }
        let (date, id) = key(last)
        return Cursor(micros: Timestamp.micros(date), id: id).token
    }
}

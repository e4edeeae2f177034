import Foundation

/// How single cells are read: what counts as missing, and the forms each type accepts.
public enum Cell {
    /// The spellings of "no value", as pandas reads them by default (compared exactly).
    public static let missingSpellings: Set<String> = [
        "", "NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "None", "#N/A", "#NA", "<NA>", "#N/A N/A", "1.#IND", "1.#QNAN", "-1.#IND", "-1.#QNAN",
    ]

    /// Whether the cell holds no value.
    public static func isMissing(_ cell: String) -> Bool { cell.utf8.count <= longestMissingSpelling && missingSpellings.contains(cell) }

    private static let longestMissingSpelling = missingSpellings.map(\.utf8.count).max() ?? 0

    /// `cell` without the white space around it, as `trimmingCharacters(in: .whitespaces)` gives
    /// it; the cell itself, uncopied, when it starts and ends with visible ASCII (most cells).
    static func trimmed(_ cell: String) -> Substring {
        guard let first = cell.utf8.first, let last = cell.utf8.last else { return cell[...] }
        let visible = UInt8(ascii: "!") ... UInt8(ascii: "~")
        if visible.contains(first), visible.contains(last) { return cell[...] }
        return Substring(cell.trimmingCharacters(in: .whitespaces))
    }

    /// An optional sign and decimal digits that fit in 64 bits.
    public static func integer(_ cell: String) -> Int64? {
        Int64(trimmed(cell))
    }

    /// A finite decimal number (with optional exponent); not hexadecimal, infinities or NaN.
    public static func float(_ cell: String) -> Double? {
        let text = trimmed(cell)
        guard !text.isEmpty, text.utf8.allSatisfy(Cell.isNumberByte),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    /// true/false, yes/no, t/f, y/n in any case.
    public static func boolean(_ cell: String) -> Bool? {
        let text = trimmed(cell)
        // The longest spelling is "false".
        guard text.utf8.count <= 5 else { return nil }
        return switch text.lowercased() {
        case "true", "yes", "t", "y": true
        case "false", "no", "f", "n": false
        default: nil
        }
    }

    /// An ISO 8601 date (`2026-12-05`) or date-time (`2026-12-05T10:30:00`, a space instead of
    /// `T`, optional seconds and fraction, `Z` or an offset; UTC when none) as seconds since 1970.
    public static func datetime(_ cell: String) -> Double? {
        let text = trimmed(cell)
        // Most cells are not dates: rule them out before copying anything.
        guard text.utf8.count >= 10, text.utf8.dropFirst(4).first == UInt8(ascii: "-") else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
              (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Double(daysSince1970(year: year, month: month, day: day)) * 86_400
        guard bytes.count > 10 else { return seconds }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count >= 16, bytes[13] == UInt8(ascii: ":"),
              let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = digits(bytes, index + 1, 2), second < 61 else { return nil }
            seconds += Double(second)
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                var end = index + 1
                while end < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                guard end > index + 1, let fraction = Double("0" + String(decoding: bytes[index ..< end], as: UTF8.self)) else { return nil }
                seconds += fraction
                index = end
            }
        }
        if index == bytes.count { return seconds }
        if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count { return seconds }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.count - index == 6,
              bytes[index + 3] == UInt8(ascii: ":"), let offsetHours = digits(bytes, index + 1, 2),
              let offsetMinutes = digits(bytes, index + 4, 2) else { return nil }
        let offset = Double(offsetHours * 3600 + offsetMinutes * 60)
        return bytes[index] == UInt8(ascii: "+") ? seconds - offset : seconds + offset
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start ..< start + count] {
            guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date in the proleptic Gregorian calendar (Hinnant's algorithm).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

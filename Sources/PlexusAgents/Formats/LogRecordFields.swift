import Foundation
import PlexusCore

/// Reading a record's fields the forgiving way sources need: the first of several spellings,
/// flags as booleans or 1/0, numbers as numbers or numeric strings, times in the usual shapes.
struct LogRecordFields {
    let record: [String: JSONValue]

    /// The first present, non-null value among `names`; a dotted name is also looked up nested
    /// (`request.body` as a key, or `body` inside `request`).
    func value(_ names: String...) -> JSONValue? {
        for name in names {
            if let value = record[name], value != .null { return value }
            let parts = name.split(separator: ".").map(String.init)
            guard parts.count > 1 else { continue }
            var current: JSONValue? = .object(record)
            for part in parts { current = current?.objectValue?[part] }
            if let current, current != .null { return current }
        }
        return nil
    }

    func string(_ names: String...) -> String? {
        for name in names {
            switch value(name) {
            case let .string(text)?: return text
            case let .number(number)?: return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            default: continue
            }
        }
        return nil
    }

    func number(_ names: String...) throws(LogRecordProblem) -> Double? {
        for name in names {
            switch value(name) {
            case let .number(number)?: return number
            case let .string(text)?:
                guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
                    throw LogRecordProblem(field: name, message: "'\(text)' is not a number")
                }
                return number
            case nil: continue
            case .some:
                throw LogRecordProblem(field: name, message: "is not a number")
            }
        }
        return nil
    }

    func int(_ names: String...) throws(LogRecordProblem) -> Int? {
        for name in names {
            guard let number = try number(name) else { continue }
            guard number.isFinite, number.rounded() == number, abs(number) < 9e15 else {
                throw LogRecordProblem(field: name, message: "\(number) is not a whole number")
            }
            return Int(number)
        }
        return nil
    }

    /// A flag written as true/false, 1/0 or their strings.
    func flag(_ names: String...) throws(LogRecordProblem) -> Bool? {
        for name in names {
            switch value(name) {
            case let .bool(flag)?: return flag
            case let .number(number)? where number == 0 || number == 1: return number == 1
            case let .string(text)?:
                switch text.lowercased() {
                case "true", "1", "yes": return true
                case "false", "0", "no": return false
                default: throw LogRecordProblem(field: name, message: "'\(text)' is not true/false or 1/0")
                }
            case nil: continue
            case .some: throw LogRecordProblem(field: name, message: "is not true/false or 1/0")
            }
        }
        return nil
    }

    /// A time as ISO 8601 (with or without fractional seconds or zone; no zone is UTC),
    /// `yyyy-MM-dd HH:mm:ss`, or epoch seconds or milliseconds.
    func date(_ names: String...) throws(LogRecordProblem) -> Date? {
        for name in names {
            switch value(name) {
            case let .number(number)?:
                // Past the year 2286 in seconds means milliseconds.
                return Date(timeIntervalSince1970: number > 1e10 ? number / 1_000 : number)
            case let .string(text)?:
                guard let date = Self.parseDate(text) else {
                    throw LogRecordProblem(field: name, message: "'\(text)' is not a time (ISO 8601, 'yyyy-MM-dd HH:mm:ss' or epoch seconds)")
                }
                return date
            case nil: continue
            case .some: throw LogRecordProblem(field: name, message: "is not a time")
            }
        }
        return nil
    }

    static func parseDate(_ text: String) -> Date? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return Date(timeIntervalSince1970: seconds > 1e10 ? seconds / 1_000 : seconds) }
        trimmed = trimmed.replacingOccurrences(of: " ", with: "T")
        let hasZone = trimmed.hasSuffix("Z") || trimmed.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil
        if !hasZone { trimmed += "Z" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: trimmed) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: trimmed)
    }
}

import Foundation
import PlexusCore

/// A cron schedule: five fields (minute, hour, day of month, month, day of week) with lists,
/// ranges and steps (`*/15`, `1-5`, `0,30`), or one of `@hourly`, `@daily` (`@midnight`),
/// `@weekly`, `@monthly` and `@yearly`; read in UTC unless a time zone is named.
///
/// As in Vixie cron, when both day fields are restricted a time matches if either does; day of
/// week counts Sunday as 0 (7 is Sunday too).
public struct CronSchedule: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let expression: String
    /// The time zone the fields are read in.
    public let timeZone: TimeZone
    private let minutes: Set<Int>, hours: Set<Int>, days: Set<Int>, months: Set<Int>, weekdays: Set<Int>
    private let daysRestricted: Bool, weekdaysRestricted: Bool

    private static let shorthands = [
        "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]
    private static let fieldNames = ["minute", "hour", "day of month", "month", "day of week"]
    private static let ranges = [0 ... 59, 0 ... 23, 1 ... 31, 1 ... 12, 0 ... 7]

    /// Reads `expression` in `timeZone` (an IANA name such as `Europe/Paris`; UTC when nil).
    /// - Throws: ``DomainError/invalid(field:message:)`` on `field` naming the part that is wrong.
    public init(_ expression: String, timeZone: String? = nil, field: String = "schedule") throws {
        let trimmed = expression.trimmingCharacters(in: .whitespaces)
        let expanded = Self.shorthands[trimmed.lowercased()] ?? trimmed
        let parts = expanded.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 5 else {
            throw DomainError.invalid(field: field, message: "'\(expression)' is not a cron expression: it needs five fields (minute hour day-of-month month day-of-week), such as '0 * * * *', or one of \(Self.shorthands.keys.sorted().joined(separator: ", ")).")
        }
        var sets: [Set<Int>] = []
        for (index, part) in parts.enumerated() {
            sets.append(try Self.parse(part, range: Self.ranges[index], name: Self.fieldNames[index], expression: expression, field: field))
        }
        if let name = timeZone {
            guard let zone = TimeZone(identifier: name) else {
                throw DomainError.invalid(field: "timeZone", message: "'\(name)' is not a time zone; use an IANA name such as 'UTC' or 'Europe/Paris'.")
            }
            self.timeZone = zone
        } else {
            self.timeZone = TimeZone(identifier: "UTC")!
        }
        self.expression = trimmed
        (minutes, hours, days, months) = (sets[0], sets[1], sets[2], sets[3])
        weekdays = Set(sets[4].map { $0 % 7 })
        daysRestricted = parts[2] != "*"
        weekdaysRestricted = parts[4] != "*"
    }

    public var description: String { timeZone.identifier == "UTC" ? expression : "\(expression) (\(timeZone.identifier))" }

    /// The first time after `date` (strictly later, on a whole minute) that the schedule fires,
    /// or nil when it never does (such as `0 0 31 2 *`).
    public func next(after date: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var day = calendar.startOfDay(for: date)
        let hourList = hours.sorted(), minuteList = minutes.sorted()
        // Eight years of days reaches every satisfiable combination, 29 February included.
        for _ in 0 ..< 366 * 8 {
            if months.contains(calendar.component(.month, from: day)), matchesDay(day, calendar: calendar) {
                for hour in hourList {
                    for minute in minuteList {
                        // A local time skipped by a daylight-saving change does not exist, so it never fires.
                        guard let fire = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day),
                              calendar.component(.hour, from: fire) == hour, calendar.component(.minute, from: fire) == minute
                        else { continue }
                        if fire > date { return fire }
                    }
                }
            }
            guard let following = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = calendar.startOfDay(for: following)
        }
        return nil
    }

    private func matchesDay(_ day: Date, calendar: Calendar) -> Bool {
        let dayMatches = days.contains(calendar.component(.day, from: day))
        let weekdayMatches = weekdays.contains(calendar.component(.weekday, from: day) - 1)
        switch (daysRestricted, weekdaysRestricted) {
        case (true, true): return dayMatches || weekdayMatches
        case (true, false): return dayMatches
        case (false, true): return weekdayMatches
        case (false, false): return true
        }
    }

    private static func parse(_ text: String, range: ClosedRange<Int>, name: String, expression: String, field: String) throws -> Set<Int> {
        func problem(_ detail: String) -> DomainError {
            .invalid(field: field, message: "In '\(expression)', the \(name) field '\(text)' \(detail); use numbers \(range.lowerBound)–\(range.upperBound), '*', lists (1,2), ranges (1-5) and steps (*/15).")
        }
        var values = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = item.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2, let base = pieces.first, !base.isEmpty else { throw problem("is not readable") }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value > 0 else { throw problem("has a step that is not a positive number") }
                step = value
            }
            let bounds: ClosedRange<Int>
            if base == "*" {
                bounds = range
            } else if let dash = base.firstIndex(of: "-") {
                guard let low = Int(base[..<dash]), let high = Int(base[base.index(after: dash)...]), low <= high else {
                    throw problem("has a range that is not low-high")
                }
                bounds = low ... high
            } else {
                guard let value = Int(base) else { throw problem("is not a number") }
                bounds = value ... (pieces.count == 2 ? range.upperBound : value)
            }
            guard range.contains(bounds.lowerBound), range.contains(bounds.upperBound) else { throw problem("is out of range") }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return values
    }
}

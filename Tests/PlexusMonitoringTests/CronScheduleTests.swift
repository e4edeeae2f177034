import Foundation
import PlexusCore
import PlexusMonitoring
import Testing

@Suite("Cron schedules")
struct CronScheduleTests {
    private func date(_ text: String) -> Date { PlexusJSON.parseDate(text)! }

    private func next(_ expression: String, after: String, timeZone: String? = nil) throws -> String? {
        try CronSchedule(expression, timeZone: timeZone).next(after: date(after)).map(PlexusJSON.formatDate)
    }

    @Test("Steps, ranges and lists pick the next matching minute, strictly after the given time")
    func fields() throws {
        #expect(try next("*/15 * * * *", after: "2026-12-06T10:07:30Z") == "2026-12-06T10:15:00.000Z")
        #expect(try next("*/15 * * * *", after: "2026-12-06T10:15:00Z") == "2026-12-06T10:30:00.000Z")
        #expect(try next("0 9-17 * * 1-5", after: "2026-12-05T18:00:00Z") == "2026-12-07T09:00:00.000Z") // Saturday → Monday
        #expect(try next("30 8,20 * * *", after: "2026-12-06T08:30:00Z") == "2026-12-06T20:30:00.000Z")
        #expect(try next("0 0 1 */3 *", after: "2026-12-06T00:00:00Z") == "2027-01-01T00:00:00.000Z")
        #expect(try next("5 4 * * 7", after: "2026-12-06T04:05:00Z") == "2026-12-13T04:05:00.000Z") // 7 is Sunday
    }

    @Test("Shorthands expand to their five fields")
    func shorthands() throws {
        #expect(try next("@hourly", after: "2026-12-06T10:59:59Z") == "2026-12-06T11:00:00.000Z")
        #expect(try next("@daily", after: "2026-12-06T10:00:00Z") == "2026-12-07T00:00:00.000Z")
        #expect(try next("@weekly", after: "2026-12-06T10:00:00Z") == "2026-12-13T00:00:00.000Z")
        #expect(try next("@monthly", after: "2026-12-06T10:00:00Z") == "2027-01-01T00:00:00.000Z")
    }

    @Test("With both day fields restricted a day matching either fires, as Vixie cron does")
    func eitherDay() throws {
        // The 15th, or any Friday: Friday 11 December comes first.
        #expect(try next("0 0 15 * 5", after: "2026-12-06T00:00:00Z") == "2026-12-11T00:00:00.000Z")
    }

    @Test("A named time zone reads the fields in local time, daylight saving included")
    func timeZones() throws {
        // 02:00 in Paris is 01:00 UTC in winter and 00:00 UTC in summer.
        #expect(try next("0 2 * * *", after: "2026-12-06T12:00:00Z", timeZone: "Europe/Paris") == "2026-12-07T01:00:00.000Z")
        #expect(try next("0 2 * * *", after: "2026-07-06T12:00:00Z", timeZone: "Europe/Paris") == "2026-07-07T00:00:00.000Z")
        // 02:30 does not exist on 29 March 2026 in Paris (clocks jump from 02:00 to 03:00): the next day's runs.
        #expect(try next("30 2 * * *", after: "2026-03-28T12:00:00Z", timeZone: "Europe/Paris") == "2026-03-30T00:30:00.000Z")
    }

    @Test("29 February is found in the next leap year; 31 February never fires")
    func rareDates() throws {
        #expect(try next("0 0 29 2 *", after: "2026-12-06T00:00:00Z") == "2028-02-29T00:00:00.000Z")
        #expect(try next("0 0 31 2 *", after: "2026-12-06T00:00:00Z") == nil)
    }

    @Test("Malformed expressions are refused with the field and what to write", arguments: [
        ("* * * *", "five fields"), ("61 * * * *", "minute field '61' is out of range"), ("* 24 * * *", "hour field"),
        ("*/0 * * * *", "step"), ("5-1 * * * *", "low-high"), ("a * * * *", "not a number"), ("* * 0 * *", "day of month"),
    ])
    func malformed(expression: String, fragment: String) {
        #expect {
            try CronSchedule(expression)
        } throws: { error in
            guard case let .invalid(field, message) = error as? DomainError else { return false }
            return field == "schedule" && message.contains(fragment)
        }
    }

    @Test("An unknown time zone is refused on timeZone")
    func unknownZone() {
        #expect(throws: DomainError.invalid(field: "timeZone", message: "'Mars/Olympus' is not a time zone; use an IANA name such as 'UTC' or 'Europe/Paris'.")) {
            try CronSchedule("@daily", timeZone: "Mars/Olympus")
        }
    }
}

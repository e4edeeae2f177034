import Foundation

/// Takes e-mail addresses, card numbers (13–19 digits that pass the Luhn check) and phone
/// numbers (10–15 digits, one or two of space, brackets, dot or dash between them) out of text before it is stored, leaving
/// `[email]`, `[card]` and `[phone]` in their place.
public struct TextRedactor: Sendable {
    /// How many of each were taken out.
    public struct Counts: Sendable, Equatable {
        public var emails = 0
        public var cards = 0
        public var phones = 0

        public init(emails: Int = 0, cards: Int = 0, phones: Int = 0) {
            (self.emails, self.cards, self.phones) = (emails, cards, phones)
        }
    }

    private static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
    private static let digitRun = try! NSRegularExpression(pattern: #"(?<![\w+])\+?\d(?:[ ().-]{0,2}\d){9,18}(?!\w)"#)

    public init() {}

    public func redact(_ text: String) -> (text: String, counts: Counts) {
        var counts = Counts()
        var result = Self.replace(Self.email, in: text) { _ in
            counts.emails += 1
            return "[email]"
        }
        result = Self.replace(Self.digitRun, in: result) { match in
            let digits = match.filter(\.isNumber)
            if (13 ... 19).contains(digits.count), Self.passesLuhn(digits) {
                counts.cards += 1
                return "[card]"
            }
            if (10 ... 15).contains(digits.count) {
                counts.phones += 1
                return "[phone]"
            }
            return match
        }
        return (result, counts)
    }

    /// Whether `digits` pass the Luhn check that card numbers carry.
    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (position, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            let weighted = position % 2 == 1 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum % 10 == 0
    }

    private static func replace(_ pattern: NSRegularExpression, in text: String, _ replacement: (String) -> String) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        var result = ""
        var last = text.startIndex
        for match in pattern.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            result += text[last ..< range.lowerBound]
            result += replacement(String(text[range]))
            last = range.upperBound
        }
        result += text[last...]
        return result
    }
}

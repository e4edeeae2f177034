/// Small validation rules shared by every input type, each throwing a ``DomainError/invalid(field:message:)``.
public enum Validate {
    /// The longest key accepted for accounts, scorecards and scores.
    public static let maximumKeyLength = 64

    /// Checks that `key` is 1–64 characters of letters, digits, `-`, `_` or `.`.
    public static func key(_ key: String, field: String) throws {
        guard !key.isEmpty, key.count <= maximumKeyLength else {
            throw DomainError.invalid(field: field, message: "A key must be 1–\(maximumKeyLength) characters long; got \(key.count).")
        }
        let allowed = key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
        guard allowed else {
            throw DomainError.invalid(field: field, message: "Key '\(key)' may contain only letters, digits, '-', '_' and '.'.")
        }
    }

    /// Checks that `text` is not empty or only whitespace.
    public static func nonBlank(_ text: String, field: String) throws {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DomainError.invalid(field: field, message: "A value is required and must not be blank.")
        }
    }

    /// Checks that `value` lies in the closed unit interval, as confidences and progress do.
    public static func unitInterval(_ value: Double?, field: String) throws {
        guard let value else { return }
        guard value.isFinite, (0...1).contains(value) else {
            throw DomainError.invalid(field: field, message: "Must be a number between 0 and 1; got \(value).")
        }
    }

    /// Checks that `value` is a finite number that is not negative, as costs and latencies are.
    public static func nonNegative(_ value: Double?, field: String) throws {
        guard let value else { return }
        guard value.isFinite, value >= 0 else {
            throw DomainError.invalid(field: field, message: "Must be a number ≥ 0; got \(value).")
        }
    }

    /// Checks that a count is not negative.
    public static func nonNegative(_ value: Int?, field: String) throws {
        guard let value else { return }
        guard value >= 0 else {
            throw DomainError.invalid(field: field, message: "Must be a whole number ≥ 0; got \(value).")
        }
    }
}

extension Validate {
    /// Checks that `value` is a percentage from 0 to 100, as time savings are.
    public static func percentage(_ value: Double?, field: String) throws {
        guard let value else { return }
        guard value.isFinite, (0...100).contains(value) else {
            throw DomainError.invalid(field: field, message: "Must be a percentage between 0 and 100; got \(value).")
        }
    }

    /// Checks that optional free text is at most `limit` characters long.
    public static func length(_ text: String?, atMost limit: Int, field: String) throws {
        guard let text, text.count > limit else { return }
        throw DomainError.invalid(field: field, message: "Must be at most \(limit) characters long; got \(text.count). Shorten it.")
    }
}

/// Numbers as people write them, for prompts, IDs and labels read from JSON.
extension Double {
    /// Whole numbers without a fraction (`42`, not `42.0`); others, and whole numbers too large for
    /// an exact integer, as Swift prints them.
    public var plainText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

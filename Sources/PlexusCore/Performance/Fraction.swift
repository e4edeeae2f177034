/// Shares as 0–1 fractions that are 0, never NaN, when there is nothing to divide.
enum Fraction {
    static func of(_ part: Int, in whole: Int) -> Double {
        whole > 0 ? Double(part) / Double(whole) : 0
    }
}

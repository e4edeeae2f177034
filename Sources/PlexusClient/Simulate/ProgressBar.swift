/// A one-line text progress bar such as `[##########----------]  50/100  accuracy 0.840`.
public struct ProgressBar: Sendable {
    /// Characters between the brackets.
    public var width = 30

    /// Creates a progress bar.
    public init(width: Int = 30) {
        self.width = width
    }

    /// The bar for `done` of `total`, followed by `detail`.
    public func render(done: Int, total: Int, detail: String = "") -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let counts = String(repeating: " ", count: max(0, String(total).count - String(done).count)) + "\(done)/\(total)"
        return "[\(bar)] \(counts)" + (detail.isEmpty ? "" : "  \(detail)")
    }
}

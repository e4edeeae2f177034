/// Keeps the lines of a text that mention a keyword, with `window` lines either side.
struct RelevanceFilter: Sendable {
    var keywords: [String]
    var window: Int

    /// The kept lines joined in order, or `nil` when no line mentions a keyword.
    func relevantText(of text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var keep = Array(repeating: false, count: lines.count)
        var found = false
        for (index, line) in lines.enumerated() where keywords.contains(where: { line.range(of: $0, options: .caseInsensitive) != nil }) {
            found = true
            for kept in max(0, index - window)...min(lines.count - 1, index + window) { keep[kept] = true }
        }
        guard found else { return nil }
        return lines.indices.filter { keep[$0] }.map { String(lines[$0]) }.joined(separator: "\n")
    }
}

/// Splits long texts into overlapping chunks at line (turn) boundaries, or at whitespace inside
/// a line longer than a chunk, so no chunk exceeds `maxChars` (except a single unbreakable word).
struct TextChunker: Sendable {
    var maxChars: Int
    var overlap: Int

    /// The chunks of `text`; a text that fits is one chunk.
    func chunks(of text: String) -> [String] {
        guard text.count > maxChars else { return [text] }
        let units = self.units(of: text)
        var chunks: [String] = []
        var current: [Substring] = []
        var length = 0
        for unit in units {
            if length + unit.count > maxChars, !current.isEmpty {
                chunks.append(current.joined())
                (current, length) = carriedOver(from: current, before: unit)
            }
            current.append(unit)
            length += unit.count
        }
        if !current.isEmpty { chunks.append(current.joined()) }
        return chunks
    }

    /// Lines with their newline; a line longer than `maxChars` broken into words with their spaces.
    private func units(of text: String) -> [Substring] {
        var units: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            let line = text[start..<end]
            if line.count <= maxChars {
                units.append(line)
            } else {
                var wordStart = line.startIndex
                while wordStart < line.endIndex {
                    let space = line[wordStart...].firstIndex(where: \.isWhitespace).map { line.index(after: $0) } ?? line.endIndex
                    units.append(line[wordStart..<space])
                    wordStart = space
                }
            }
            start = end
        }
        return units
    }

    /// What of a finished chunk starts the next one: its tail, never the whole chunk (the next
    /// chunk would repeat it), and only as much as leaves room for `unit` within `maxChars`.
    private func carriedOver(from chunk: [Substring], before unit: Substring) -> ([Substring], Int) {
        var carried = tail(of: chunk)
        if carried.count == chunk.count { carried.removeFirst() }
        var length = carried.reduce(0) { $0 + $1.count }
        while !carried.isEmpty, length + unit.count > maxChars {
            length -= carried.removeFirst().count
        }
        return (carried, length)
    }

    /// The trailing units of a finished chunk that fit in `overlap`, to start the next chunk.
    private func tail(of units: [Substring]) -> [Substring] {
        var kept: [Substring] = []
        var length = 0
        for unit in units.reversed() {
            guard length + unit.count <= overlap else { break }
            kept.insert(unit, at: 0)
            length += unit.count
        }
        return kept
    }
}

import PlexusScoring

/// Input rows made on demand from an item number, so a run over any count holds no list of items.
struct ScoringRows: AsyncSequence, Sendable {
    typealias Element = ItemRow

    let count: Int
    let make: @Sendable (Int) -> ScoringItem

    struct AsyncIterator: AsyncIteratorProtocol {
        let rows: ScoringRows
        var next = 0

        mutating func next() async -> ItemRow? {
            guard next < rows.count else { return nil }
            defer { next += 1 }
            return .item(InputItem(item: rows.make(next)), line: next + 1)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rows: self) }
}

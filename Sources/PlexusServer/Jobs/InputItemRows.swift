import PlexusScoring

/// Items already in memory (an evaluation's labelled sample) as the rows a batch scorer reads.
struct InputItemRows: AsyncSequence, Sendable {
    typealias Element = ItemRow

    let items: [InputItem]

    func makeAsyncIterator() -> Iterator {
        Iterator(items: items)
    }

    /// Hands out the items in order, numbered from 1.
    struct Iterator: AsyncIteratorProtocol {
        let items: [InputItem]
        var index = 0

        mutating func next() async throws -> ItemRow? {
            try Task.checkCancellation()
            guard index < items.count else { return nil }
            index += 1
            return .item(items[index - 1], line: index)
        }
    }
}

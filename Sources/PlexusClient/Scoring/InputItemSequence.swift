import PlexusScoring

/// Items already in memory, served as input rows.
struct InputItemSequence: AsyncSequence, Sendable {
    let items: [InputItem]

    func makeAsyncIterator() -> Iterator { Iterator(items: items) }

    struct Iterator: AsyncIteratorProtocol {
        let items: [InputItem]
        var index = 0

        mutating func next() async -> ItemRow? {
            guard index < items.count else { return nil }
            defer { index += 1 }
            return .item(items[index], line: index + 1)
        }
    }
}

/// Items already in memory (an evaluation's labelled sample) as the rows a ``BatchScorer`` reads.
public struct InputItemRows: AsyncSequence, Sendable {
    /// The rows, in order.
    public typealias Element = ItemRow

    /// The items served.
    public let items: [InputItem]

    /// Serves `items` in order, numbered from line 1.
    public init(items: [InputItem]) {
        self.items = items
    }

    /// Starts at the first item.
    public func makeAsyncIterator() -> Iterator {
        Iterator(items: items)
    }

    /// Hands out the items in order; stops early when the task is cancelled.
    public struct Iterator: AsyncIteratorProtocol {
        let items: [InputItem]
        var index = 0

        /// The next row, or `nil` after the last item.
        public mutating func next() async throws -> ItemRow? {
            try Task.checkCancellation()
            guard index < items.count else { return nil }
            index += 1
            return .item(items[index - 1], line: index)
        }
    }
}

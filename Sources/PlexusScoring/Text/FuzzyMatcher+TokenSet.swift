extension FuzzyMatcher {
    /// The window of `words` with the highest token-set similarity, if it beats `toBeat`.
    ///
    /// Words are numbered (the phrase's distinct words first) and ranked in code-point order once
    /// per segment, so a window's shared and unshared words are found by marking and sorted as
    /// integers; the Indel distance, the only costly part, is computed only when the length bound
    /// says the window could beat the best so far.
    func bestTokenSetWindow(in words: NormalizedWords, toBeat: Double) -> (similarity: Double, words: Range<Int>)? {
        let table = WordTable(phrase: normalized, text: words)
        let text = table.text
        var marks = [Int](repeating: -1, count: table.vocabulary.count)
        var shared: [Int] = [], onlyWindow: [Int] = [], onlyPhrase: [Int] = []
        let sizes = sizes(forSegmentOf: text.count)
        var best: (similarity: Double, words: Range<Int>)?
        var bestSimilarity = toBeat
        var window = 0
        var workspace = SubsequenceWorkspace()
        for start in 0...(text.count - sizes.lowerBound) {
            for size in sizes where start + size <= text.count {
                window += 1
                shared.removeAll(keepingCapacity: true)
                onlyWindow.removeAll(keepingCapacity: true)
                onlyPhrase.removeAll(keepingCapacity: true)
                for word in text[start..<(start + size)] where marks[word] != window {
                    marks[word] = window
                    if word < table.phraseWords { shared.append(word) } else { onlyWindow.append(word) }
                }
                for word in 0..<table.phraseWords where marks[word] != window { onlyPhrase.append(word) }
                let similarity: Double
                if !shared.isEmpty, onlyPhrase.isEmpty || onlyWindow.isEmpty {
                    similarity = 1
                } else {
                    let lengths = TokenSetSimilarity.Lengths(
                        shared: table.joinedLength(shared), onlyFirst: table.joinedLength(onlyPhrase), onlySecond: table.joinedLength(onlyWindow)
                    )
                    guard lengths.bound > bestSimilarity else { continue }
                    similarity = lengths.similarity(indel: workspace.indel(table.sortedJoined(onlyPhrase), table.sortedJoined(onlyWindow)))
                }
                if similarity > bestSimilarity {
                    bestSimilarity = similarity
                    best = (similarity, start..<(start + size))
                    if similarity >= 1 { return best }
                }
            }
        }
        return best
    }
}

/// The distinct words of a phrase and a segment, numbered with the phrase's first.
private struct WordTable {
    var vocabulary: [ArraySlice<UInt32>] = []
    var lengths: [Int] = []
    /// Each word's position in code-point order.
    var ranks: [Int] = []
    var phraseWords = 0
    var text: [Int] = []

    init(phrase: NormalizedWords, text words: NormalizedWords) {
        var numbers: [ArraySlice<UInt32>: Int] = [:]
        func number(_ word: ArraySlice<UInt32>) -> Int {
            if let known = numbers[word] { return known }
            numbers[word] = vocabulary.count
            vocabulary.append(word)
            return vocabulary.count - 1
        }
        for index in phrase.words.indices { _ = number(phrase.word(index)) }
        phraseWords = vocabulary.count
        text = words.words.indices.map { number(words.word($0)) }
        lengths = vocabulary.map(\.count)
        ranks = [Int](repeating: 0, count: vocabulary.count)
        let order = vocabulary.indices.sorted { vocabulary[$0].lexicographicallyPrecedes(vocabulary[$1]) }
        for (rank, word) in order.enumerated() { ranks[word] = rank }
    }

    func joinedLength(_ words: [Int]) -> Int {
        var total = words.count - 1
        for word in words { total += lengths[word] }
        return max(total, 0)
    }

    func sortedJoined(_ words: [Int]) -> [UInt32] {
        var joined: [UInt32] = []
        joined.reserveCapacity(joinedLength(words))
        for word in words.sorted(by: { ranks[$0] < ranks[$1] }) {
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: vocabulary[word])
        }
        return joined
    }
}

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
        var marks = [Int](repeating: -1, count: table.lengths.count)
        var shared: [Int] = [], onlyWindow: [Int] = [], onlyPhrase: [Int] = []
        let sizes = sizes(forSegmentOf: text.count)
        var best: (similarity: Double, words: Range<Int>)?
        var bestSimilarity = toBeat
        var window = 0
        var workspace = SubsequenceWorkspace()
        var phraseText: [UInt32] = [], windowText: [UInt32] = []
        let lengths = table.lengths, phraseWords = table.phraseWords
        for start in 0...(text.count - sizes.lowerBound) {
            for size in sizes where start + size <= text.count {
                window += 1
                shared.removeAll(keepingCapacity: true)
                onlyWindow.removeAll(keepingCapacity: true)
                onlyPhrase.removeAll(keepingCapacity: true)
                // Index loops and plain sums: slices and closures here cost more in reference counting than the distance.
                var sharedLength = -1, windowLength = -1, phraseLength = -1
                for index in start..<(start + size) {
                    let word = text[index]
                    guard marks[word] != window else { continue }
                    marks[word] = window
                    if word < phraseWords {
                        shared.append(word)
                        sharedLength += lengths[word] + 1
                    } else {
                        onlyWindow.append(word)
                        windowLength += lengths[word] + 1
                    }
                }
                for word in 0..<phraseWords where marks[word] != window {
                    onlyPhrase.append(word)
                    phraseLength += lengths[word] + 1
                }
                let similarity: Double
                if !shared.isEmpty, onlyPhrase.isEmpty || onlyWindow.isEmpty {
                    similarity = 1
                } else {
                    let lengths = TokenSetSimilarity.Lengths(shared: max(sharedLength, 0), onlyFirst: max(phraseLength, 0), onlySecond: max(windowLength, 0))
                    guard lengths.bound > bestSimilarity else { continue }
                    table.sortedJoined(&onlyPhrase, into: &phraseText)
                    table.sortedJoined(&onlyWindow, into: &windowText)
                    similarity = lengths.similarity(indel: workspace.indel(phraseText, windowText))
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
    /// Every distinct word's scalars, one after another (one buffer, so no slice is retained per use).
    var letters: [UInt32] = []
    /// Where each word lies in ``letters``.
    var spans: [Range<Int>] = []
    var lengths: [Int] = []
    /// Each word's position in code-point order.
    var ranks: [Int] = []
    var phraseWords = 0
    var text: [Int] = []

    init(phrase: NormalizedWords, text words: NormalizedWords) {
        var numbers: [ArraySlice<UInt32>: Int] = [:]
        var vocabulary: [ArraySlice<UInt32>] = []
        func number(_ word: ArraySlice<UInt32>) -> Int {
            if let known = numbers[word] { return known }
            numbers[word] = vocabulary.count
            vocabulary.append(word)
            return vocabulary.count - 1
        }
        for index in phrase.words.indices { _ = number(phrase.word(index)) }
        phraseWords = vocabulary.count
        text = words.words.indices.map { number(words.word($0)) }
        for word in vocabulary {
            spans.append(letters.count..<(letters.count + word.count))
            letters.append(contentsOf: word)
        }
        lengths = vocabulary.map(\.count)
        ranks = [Int](repeating: 0, count: vocabulary.count)
        let order = vocabulary.indices.sorted { vocabulary[$0].lexicographicallyPrecedes(vocabulary[$1]) }
        for (rank, word) in order.enumerated() { ranks[word] = rank }
    }

    /// Sorts `words` in code-point order and writes them into `joined`, separated by single spaces.
    func sortedJoined(_ words: inout [Int], into joined: inout [UInt32]) {
        // Insertion sort by rank: the lists are a few words long, and this needs no closure.
        for index in words.indices.dropFirst() {
            let word = words[index]
            var position = index
            while position > 0, ranks[words[position - 1]] > ranks[word] {
                words[position] = words[position - 1]
                position -= 1
            }
            words[position] = word
        }
        joined.removeAll(keepingCapacity: true)
        for word in words {
            if !joined.isEmpty { joined.append(0x20) }
            for offset in spans[word] { joined.append(letters[offset]) }
        }
    }
}

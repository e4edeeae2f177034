extension FuzzyMatcher {
    /// The window of `words` with the highest Levenshtein similarity, if it beats `toBeat`.
    ///
    /// Windows starting at the same word share one pass over the text: the distance is read
    /// each time a window-ending word has been fed.
    func bestEditDistanceWindow(in words: NormalizedWords, toBeat: Double) -> (similarity: Double, words: Range<Int>)? {
        if let masks = phraseMasks {
            // Each text scalar's mask is looked up once, although overlapping windows feed it many times.
            let textMasks = words.scalars.map(masks.mask)
            var column = BitParallelLevenshtein(patternLength: normalized.scalars.count)
            return scanWindows(of: words, toBeat: toBeat, reset: { column.reset() }, feed: { column.append(mask: textMasks[$0]) }, distance: { column.distance })
        }
        var column = LevenshteinColumn(pattern: normalized.scalars)
        return scanWindows(of: words, toBeat: toBeat, reset: { column.reset() }, feed: { column.append(words.scalars[$0]) }, distance: { column.distance })
    }

    private func scanWindows(
        of words: NormalizedWords, toBeat: Double, reset: () -> Void, feed: (Int) -> Void, distance: () -> Int
    ) -> (similarity: Double, words: Range<Int>)? {
        let phraseLength = normalized.scalars.count
        let sizes = sizes(forSegmentOf: words.words.count)
        var best: (similarity: Double, words: Range<Int>)?
        var bestSimilarity = toBeat
        for start in 0...(words.words.count - sizes.lowerBound) {
            reset()
            let first = words.words[start].start
            var position = first
            for end in (start + 1)...min(words.words.count, start + sizes.upperBound) {
                let stop = words.words[end - 1].end
                while position < stop {
                    feed(position)
                    position += 1
                }
                guard end - start >= sizes.lowerBound else { continue }
                let similarity = 1 - Double(distance()) / Double(max(phraseLength, stop - first))
                if similarity > bestSimilarity {
                    bestSimilarity = similarity
                    best = (similarity, start..<end)
                    if similarity >= 1 { return best }
                }
            }
        }
        return best
    }
}

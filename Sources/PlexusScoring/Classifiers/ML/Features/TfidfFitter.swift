import Foundation

/// Learns a ``TfidfVectorizer`` from texts as scikit-learn's `TfidfVectorizer.fit` does with
/// `max_df=1.0`, `smooth_idf=True`:
/// 1. every n-gram of every text is counted (total count and number of texts containing it);
/// 2. terms in fewer than `minDF` texts are dropped;
/// 3. with `maxFeatures`, only that many terms with the highest total counts are kept; among
///    terms with equal counts the alphabetically first are kept (scikit-learn uses numpy's
///    unstable argsort there, whose tie order depends on the CPU);
/// 4. the kept terms are numbered in code-point order (UTF-8 byte order);
/// 5. `idf = ln((1 + n) / (1 + df)) + 1` for `n` texts.
enum TfidfFitter {
    /// Fits the vocabulary and idf of `texts`.
    static func fit(_ texts: [String], ngramRange: ClosedRange<Int>, minDF: Int, maxFeatures: Int?, sublinearTF: Bool)
        throws(TextModelTrainingError) -> TfidfVectorizer
    {
        guard minDF <= texts.count else {
            throw .minDFAboveDocumentCount(minDF: minDF, documents: texts.count)
        }
        var table = TermTable()
        var totals: [Int] = []
        var documentFrequency: [Int] = []
        var lastDocument: [Int] = []
        var tokens = TokenBuffer()
        for (document, text) in texts.enumerated() {
            TextTokenizer.tokenize(text, into: &tokens)
            forEachNgram(of: tokens, in: ngramRange) { key in
                let term = table.insert(key)
                if term == totals.count {
                    totals.append(0)
                    documentFrequency.append(0)
                    lastDocument.append(-1)
                }
                totals[term] += 1
                if lastDocument[term] != document {
                    lastDocument[term] = document
                    documentFrequency[term] += 1
                }
            }
        }
        let alphabetical = (0..<table.count).sorted { table.bytes($0).lexicographicallyPrecedes(table.bytes($1)) }
        var kept = alphabetical.filter { documentFrequency[$0] >= minDF }
        if let maxFeatures, kept.count > maxFeatures {
            let ranked = kept.enumerated().sorted { lhs, rhs in
                let (left, right) = (totals[lhs.element], totals[rhs.element])
                return left != right ? left > right : lhs.offset < rhs.offset
            }
            kept = ranked.prefix(maxFeatures).map(\.offset).sorted().map { kept[$0] }
        }
        guard !kept.isEmpty else { throw .emptyVocabulary(minDF: minDF, documents: texts.count) }
        let documents = Double(texts.count)
        let idf = kept.map { log((1 + documents) / (1 + Double(documentFrequency[$0]))) + 1 }
        return TfidfVectorizer(vocabulary: kept.map(table.term), idf: idf, ngramRange: ngramRange, sublinearTF: sublinearTF)
    }

    /// Calls `body` with the bytes of every n-gram of `tokens` whose length is in `range`.
    static func forEachNgram(of tokens: TokenBuffer, in range: ClosedRange<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let count = tokens.count
        tokens.bytes.withUnsafeBufferPointer { bytes in
            for length in range where length <= count {
                for first in 0...(count - length) {
                    body(UnsafeBufferPointer(rebasing: bytes[tokens.starts[first]..<tokens.ends[first + length - 1]]))
                }
            }
        }
    }
}

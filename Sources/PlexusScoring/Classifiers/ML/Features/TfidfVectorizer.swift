import Foundation

/// A fitted TF-IDF transform, computing what scikit-learn's `TfidfVectorizer.transform` does:
/// n-gram counts over the vocabulary, optionally `1 + ln(tf)`, times `idf`, then scaled to unit
/// Euclidean length (an all-zero row stays zero). Build one with ``TfidfFitter`` or from a
/// trained model's vocabulary and idf.
public struct TfidfVectorizer: Sendable {
    /// The vocabulary; a term's number is its column.
    let terms: TermTable
    /// The inverse document frequency of each column.
    public let idf: [Double]
    /// The shortest and longest n-grams counted.
    public let ngramRange: ClosedRange<Int>
    /// Whether term frequencies are replaced by `1 + ln(tf)`.
    public let sublinearTF: Bool

    /// Creates a vectorizer from a vocabulary in column order and its idf values.
    public init(vocabulary: [String], idf: [Double], ngramRange: ClosedRange<Int>, sublinearTF: Bool) {
        self.terms = TermTable(vocabulary)
        self.idf = idf
        self.ngramRange = ngramRange
        self.sublinearTF = sublinearTF
    }

    init(terms: TermTable, idf: [Double], ngramRange: ClosedRange<Int>, sublinearTF: Bool) {
        self.terms = terms
        self.idf = idf
        self.ngramRange = ngramRange
        self.sublinearTF = sublinearTF
    }

    /// The number of columns.
    public var featureCount: Int { idf.count }

    /// The vocabulary in column order.
    public var vocabulary: [String] { (0..<terms.count).map(terms.term) }

    /// The term of column `index`.
    public func term(_ index: Int) -> String { terms.term(index) }

    /// The TF-IDF row of `text`.
    public func transform(_ text: String) -> SparseVector {
        var scratch = FeatureScratch(featureCount: featureCount)
        featurize(text, into: &scratch)
        return SparseVector(indices: scratch.indices.map(Int.init), values: scratch.values)
    }

    /// Computes the TF-IDF row of `text` into `scratch.indices` and `scratch.values`; the columns
    /// are ascending when `sorted`, else in order of first occurrence (prediction needs no order).
    func featurize(_ text: String, into scratch: inout FeatureScratch, sorted: Bool = true) {
        TextTokenizer.tokenize(text, into: &scratch.tokens)
        countTerms(into: &scratch)
        if sorted { scratch.indices.sort() }
        scratch.values.removeAll(keepingCapacity: true)
        var squares = 0.0
        for column in scratch.indices {
            let count = Double(scratch.counts[Int(column)])
            scratch.counts[Int(column)] = 0
            let weight = (sublinearTF ? 1 + log(count) : count) * idf[Int(column)]
            scratch.values.append(weight)
            squares += weight * weight
        }
        guard squares > 0 else { return }
        let norm = squares.squareRoot()
        for index in scratch.values.indices { scratch.values[index] /= norm }
    }

    /// Counts the vocabulary's n-grams of `scratch.tokens` into `scratch.counts`, listing each
    /// column seen once in `scratch.indices`.
    private func countTerms(into scratch: inout FeatureScratch) {
        scratch.indices.removeAll(keepingCapacity: true)
        let tokens = scratch.tokens
        TfidfFitter.forEachNgram(of: tokens, in: ngramRange) { key in
            let column = terms.index(of: key)
            guard column >= 0 else { return }
            if scratch.counts[column] == 0 { scratch.indices.append(Int32(column)) }
            scratch.counts[column] += 1
        }
    }
}

/// Working memory for featurizing texts one after another without allocating.
struct FeatureScratch: Sendable {
    /// The current text's tokens.
    var tokens = TokenBuffer()
    /// A count per column; zero again after each text.
    var counts: [Int32]
    /// The current text's columns.
    var indices: [Int32] = []
    /// The current text's values, parallel to ``indices``.
    var values: [Double] = []

    /// Creates scratch space for a vocabulary of `featureCount` terms.
    init(featureCount: Int) {
        counts = Array(repeating: 0, count: featureCount)
    }
}

import Foundation
import PlexusCore
import PlexusStats

/// LIME for text (Ribeiro et al. 2016) with lime's `LimeTextExplainer` defaults, for any
/// classifier of texts: the text is split into words (runs of letters, digits and `_`; the same
/// word everywhere is one feature, case kept), each perturbed text removes a uniformly drawn
/// number of distinct words (1 to all) chosen at random, a sample is weighted by the kernel
/// √exp(−d²/w²) with d the cosine distance × 100 between its kept-word flags and the original's
/// (w = 25), and a weighted ridge regression (α = 1, with intercept) of each class's probability
/// on the flags gives each word's weight. Seeded: the same text, classifier and seed give the
/// same weights bit for bit.
public struct TextLimeExplainer: Sendable {
    public static let method = "lime_text"
    /// How many perturbed texts are classified (lime's default 5,000; the first is the text itself).
    public let samples: Int
    /// The kernel width (lime's default 25, on distances that run from 0 to 100).
    public let kernelWidth: Double
    /// Where the draws start.
    public let seed: UInt64

    /// An explainer; `samples` must be at least 2.
    public init(samples: Int = 5_000, kernelWidth: Double = 25, seed: UInt64 = 0) throws(ModelError) {
        guard samples >= 2, samples <= 1_000_000 else {
            throw .invalidRequest(field: "samples", message: "samples is a whole number of perturbed texts, 2–1000000 (lime's default is 5000).")
        }
        guard kernelWidth > 0, kernelWidth.isFinite else {
            throw .invalidRequest(field: "kernelWidth", message: "kernelWidth is a positive number (lime's default for text is 25).")
        }
        (self.samples, self.kernelWidth, self.seed) = (samples, kernelWidth, seed)
    }

    /// The word weights of `text`. `classify` gets the perturbed texts (the first is `text`
    /// itself) and returns one row of `classes.count` probabilities per text, in order.
    public func explain(
        _ text: String, classes: [String], classify: @Sendable ([String]) async throws -> [[Double]]
    ) async throws -> TextExplanation {
        let document = WordSplit(text)
        let wordCount = document.words.count
        guard wordCount > 0 else {
            throw ModelError.invalidRequest(field: "text", message: "The text has no words to explain.")
        }
        guard !classes.isEmpty else {
            throw ModelError.invalidRequest(field: "classes", message: "Name at least one class the classifier gives probabilities for.")
        }
        var generator = SeededRandomNumberGenerator(seed: seed)
        var design = WeightedRidge(features: wordCount, samples: samples)
        var texts = [text]
        var kernel = [Double](repeating: 1, count: samples)
        texts.reserveCapacity(samples)
        let all = (0 ..< Int32(wordCount)).map { $0 }
        all.withUnsafeBufferPointer { design.addSample($0) }
        var order = Array(0 ..< wordCount)
        var removed = [Bool](repeating: false, count: wordCount)
        var kept: [Int32] = []
        kept.reserveCapacity(wordCount)
        for sample in 1 ..< samples {
            // How many words go (1 … all), then which: the first `count` of a partial shuffle.
            let count = 1 + Int(generator.next() % UInt64(wordCount))
            for position in 0 ..< count {
                let pick = position + Int(generator.next() % UInt64(wordCount - position))
                order.swapAt(position, pick)
                removed[order[position]] = true
            }
            kept.removeAll(keepingCapacity: true)
            for word in 0 ..< wordCount where !removed[word] { kept.append(Int32(word)) }
            kept.withUnsafeBufferPointer { design.addSample($0) }
            texts.append(document.text(removing: removed))
            // Cosine distance between the kept flags and all ones: 1 − √(kept / words).
            let distance = (1 - (Double(kept.count) / Double(wordCount)).squareRoot()) * 100
            kernel[sample] = exp(-distance * distance / (kernelWidth * kernelWidth)).squareRoot()
            for position in 0 ..< count { removed[order[position]] = false }
        }
        let probabilities = try await classify(texts)
        guard probabilities.count == samples, probabilities.allSatisfy({ $0.count == classes.count }) else {
            throw ModelError.evaluation(node: Self.method, message:
                "the classifier gave \(probabilities.count) rows for \(samples) texts, each needing \(classes.count) probabilities")
        }
        let fits = try design.fit(
            targets: classes.indices.map { output in probabilities.map { $0[output] } }, weights: kernel, alpha: 1)
        return TextExplanation(
            words: document.words, classes: classes, probabilities: probabilities[0],
            weights: fits.map(\.coefficients), intercepts: fits.map(\.intercept), scores: fits.map(\.score),
            samples: samples, kernelWidth: kernelWidth, seed: seed)
    }
}

/// A text cut into runs of word characters and the separators between them, as lime's
/// `IndexedString` cuts it on `\W+` with a bag of words: each distinct word, in order of first
/// appearance, is one feature, and removing it removes every occurrence.
struct WordSplit {
    /// The distinct words, in order of first appearance.
    let words: [String]
    /// The runs in order, each with its word's feature (nil for separators).
    private let runs: [(text: Substring, word: Int?)]

    init(_ text: String) {
        var runs: [(Substring, Int?)] = []
        var words: [String] = [], index: [Substring: Int] = [:]
        var start = text.startIndex
        while start < text.endIndex {
            let isWord = Self.isWordCharacter(text[start])
            var end = text.index(after: start)
            while end < text.endIndex, Self.isWordCharacter(text[end]) == isWord { end = text.index(after: end) }
            let run = text[start ..< end]
            if isWord {
                let feature = index[run] ?? words.count
                if feature == words.count {
                    index[run] = feature
                    words.append(String(run))
                }
                runs.append((run, feature))
            } else {
                runs.append((run, nil))
            }
            start = end
        }
        self.words = words
        self.runs = runs
    }

    /// The text with the words flagged in `removed` left out (separators stay, as in lime).
    func text(removing removed: [Bool]) -> String {
        var result = ""
        for run in runs where run.word.map({ !removed[$0] }) ?? true { result += run.text }
        return result
    }

    /// Python's `\w`: letters, digits and the underscore.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}

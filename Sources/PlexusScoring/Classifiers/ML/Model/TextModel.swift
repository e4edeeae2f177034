import Foundation

/// A ``TrainedTextModel`` made ready to predict: the vocabulary in a byte-keyed hash table and the
/// weights laid out feature-major, so one text costs one pass over its bytes and one sparse
/// product. Safe to share between tasks.
public struct TextModel: Sendable {
    /// The artifact this model was built from.
    public let artifact: TrainedTextModel
    /// The fitted TF-IDF transform.
    public let vectorizer: TfidfVectorizer
    /// `weights[j * outputs + k]`: column `j`'s weight for output `k`.
    private let weights: [Double]
    private let outputs: Int
    private let temperature: Double

    /// Prepares `artifact` for prediction.
    public init(_ artifact: TrainedTextModel) {
        self.artifact = artifact
        vectorizer = TfidfVectorizer(
            vocabulary: artifact.vocabulary, idf: artifact.idf, ngramRange: artifact.settings.ngramRange, sublinearTF: artifact.settings.sublinearTF)
        outputs = artifact.weights.count
        temperature = artifact.calibration?.temperature ?? 1
        var weights = [Double](repeating: 0, count: artifact.vocabulary.count * outputs)
        for (k, row) in artifact.weights.enumerated() {
            for (column, weight) in row.enumerated() { weights[column * outputs + k] = weight }
        }
        self.weights = weights
    }

    /// The classes, in the order of ``TextPrediction/probabilities``.
    public var classes: [String] { artifact.classes }

    /// Predicts one text.
    public func predict(_ text: String) -> TextPrediction {
        var scratch = FeatureScratch(featureCount: vectorizer.featureCount)
        return predict(text, scratch: &scratch)
    }

    /// Predicts many texts in order, reusing working memory from one text to the next.
    public func predict(_ texts: [String]) -> [TextPrediction] {
        var scratch = FeatureScratch(featureCount: vectorizer.featureCount)
        return texts.map { predict($0, scratch: &scratch) }
    }

    /// Predicts many texts in order, splitting them among `parallelism` concurrent tasks
    /// (the machine's active processor count by default).
    public func predictConcurrently(_ texts: [String], parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) async -> [TextPrediction] {
        let chunkSize = max(1, (texts.count + max(parallelism, 1) - 1) / max(parallelism, 1))
        return await withTaskGroup(of: (Int, [TextPrediction]).self) { group in
            for start in stride(from: 0, to: texts.count, by: chunkSize) {
                let chunk = Array(texts[start..<min(start + chunkSize, texts.count)])
                group.addTask { (start, predict(chunk)) }
            }
            var results = [[TextPrediction]](repeating: [], count: (texts.count + chunkSize - 1) / chunkSize)
            for await (start, predictions) in group { results[start / chunkSize] = predictions }
            return results.flatMap { $0 }
        }
    }

    /// Predicts `text` and lists the `top` terms that moved it most, by absolute contribution.
    public func explain(_ text: String, top: Int = 5) -> (prediction: TextPrediction, terms: [TermContribution]) {
        var scratch = FeatureScratch(featureCount: vectorizer.featureCount)
        let prediction = predict(text, scratch: &scratch)
        // Rank by size first and name only the leaders (plus any tied with the last of them), so a
        // long text does not build a string for every term it contains.
        let sized = zip(scratch.indices, scratch.values)
            .map { column, value in (column: Int(column), contribution: value * lean(of: Int(column), toward: prediction.classIndex)) }
            .sorted { abs($0.contribution) > abs($1.contribution) }
        guard top > 0, let cutoff = sized.prefix(top).last.map({ abs($0.contribution) }) else { return (prediction, []) }
        let leaders = sized.prefix { abs($0.contribution) >= cutoff }
            .map { TermContribution(term: vectorizer.term($0.column), contribution: $0.contribution) }
        let ranked = leaders.sorted { abs($0.contribution) != abs($1.contribution) ? abs($0.contribution) > abs($1.contribution) : $0.term < $1.term }
        return (prediction, Array(ranked.prefix(top)))
    }

    private func predict(_ text: String, scratch: inout FeatureScratch) -> TextPrediction {
        vectorizer.featurize(text, into: &scratch, sorted: false)
        var scores = artifact.intercepts
        weights.withUnsafeBufferPointer { weights in
            for (column, value) in zip(scratch.indices, scratch.values) {
                let base = Int(column) * outputs
                for k in 0..<outputs { scores[k] += value * weights[base + k] }
            }
        }
        let probabilities: [Double]
        if outputs == 1 {
            let positive = LinkFunction.sigmoid(scores[0] / temperature)
            probabilities = [1 - positive, positive]
        } else {
            probabilities = LinkFunction.softmax(scores, temperature: temperature)
        }
        var best = 0
        for index in probabilities.indices where probabilities[index] > probabilities[best] { best = index }
        return TextPrediction(classIndex: best, label: artifact.classes[best], probabilities: probabilities)
    }

    /// Column `column`'s coefficient for class `chosen` minus the mean of the other classes'.
    private func lean(of column: Int, toward chosen: Int) -> Double {
        let base = column * outputs
        if outputs == 1 { return chosen == 1 ? weights[base] : -weights[base] }
        var others = 0.0
        for k in 0..<outputs where k != chosen { others += weights[base + k] }
        return weights[base + chosen] - others / Double(outputs - 1)
    }
}

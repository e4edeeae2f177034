import Foundation
import PlexusCore

/// Feature attributions for rows of a model's input: for each row and each explained output, how
/// much each feature moved the output away from the base value (the output expected over the
/// background), so that base value + Σ attributions = the model's output.
public struct Explanation: Sendable, Equatable {
    /// What each explained output is: a class's probability or margin, or a regression target.
    public let outputs: [ExplainedOutput]
    /// The expected value of each output over the background, in `outputs`' order.
    public let baseValues: [Double]
    /// One entry per explained row, in the order given.
    public let rows: [Row]

    /// The attributions of one row.
    public struct Row: Sendable, Equatable {
        /// The model's value for each output, in the explained space.
        public let outputs: [Double]
        /// `values[output][feature]`: each feature's contribution to each output.
        public let values: [[Double]]
        /// The largest |base value + Σ values − output| over the outputs: the additivity check
        /// (for LIME, |intercept + Σ weights − output|: how far the surrogate misses the model at the row).
        public let additivityError: Double
        /// `standardErrors[output][feature]` when the values were estimated from sampled
        /// coalitions; nil when they are exact.
        public let standardErrors: [[Double]]?
        /// LIME: each output's surrogate intercept.
        public let intercepts: [Double]?
        /// LIME: each output's surrogate weighted R².
        public let scores: [Double]?
        /// LIME: the bin each feature of the row falls in.
        public let conditions: [FeatureBin]?

        /// Creates a row.
        public init(outputs: [Double], values: [[Double]], additivityError: Double, standardErrors: [[Double]]? = nil,
                    intercepts: [Double]? = nil, scores: [Double]? = nil, conditions: [FeatureBin]? = nil) {
            self.outputs = outputs
            self.values = values
            self.additivityError = additivityError
            self.standardErrors = standardErrors
            self.intercepts = intercepts
            self.scores = scores
            self.conditions = conditions
        }
    }

    /// The largest additivity error of any row.
    public var largestAdditivityError: Double { rows.map(\.additivityError).max() ?? 0 }

    /// Mean |attribution| of each feature over the rows, for each output: `[output][feature]`.
    public var meanAbsoluteValues: [[Double]] {
        guard let first = rows.first else { return outputs.map { _ in [] } }
        return first.values.indices.map { output in
            first.values[output].indices.map { feature in
                rows.reduce(0) { $0 + abs($1.values[output][feature]) } / Double(rows.count)
            }
        }
    }
}

/// The bin of a feature's value: above `lower` (when there is one) and at most `upper` (when
/// there is one), as LIME's quartile discretizer cuts it.
public struct FeatureBin: Sendable, Equatable {
    /// The cut below the bin; nil for the first bin.
    public let lower: Double?
    /// The cut that closes the bin; nil for the last bin.
    public let upper: Double?

    /// The bin as lime names it: `age <= 41.00`, `41.00 < age <= 52.00` or `age > 52.00`.
    public func condition(name: String) -> String {
        func number(_ value: Double) -> String { String(format: "%.2f", value) }
        switch (lower, upper) {
        case let (nil, upper?): return "\(name) <= \(number(upper))"
        case let (lower?, nil): return "\(name) > \(number(lower))"
        case let (lower?, upper?): return "\(number(lower)) < \(name) <= \(number(upper))"
        case (nil, nil): return "any \(name)"
        }
    }
}

/// One output an explanation explains.
public struct ExplainedOutput: Sendable, Equatable {
    /// The class label, or `value` (`value_N` for target N of a multi-target regressor).
    public let name: String
    /// The output's space: `probability`, `log_odds` (a logistic model's margin), `margin` (a
    /// softmax model's raw class score) or `value`.
    public let space: String
}

extension ModelExplanation {
    /// The wire form of `explanation` of `explained`, made by `method` with `settings` for
    /// `model`; `features` names the columns (`input[i]` when the model was uploaded without names).
    public init(_ explanation: Explanation, of explained: FeatureMatrix, model: ModelPrediction.Version, method: String, settings: [String: JSONValue],
                features: [String]) {
        self.init(
            model: model, method: method, parameters: settings, features: features,
            outputs: explanation.outputs.map { Output(name: $0.name, space: $0.space) }, baseValues: explanation.baseValues,
            rows: explanation.rows.enumerated().map { index, row in
                Row(outputs: row.outputs, values: row.values, additivityError: row.additivityError, standardErrors: row.standardErrors,
                    intercepts: row.intercepts, scores: row.scores,
                    conditions: row.conditions.map { bins in zip(bins, features).map { $0.condition(name: $1) } },
                    features: index < explained.rows ? explained[row: index].map { $0.isFinite ? Double($0) : nil } : nil)
            },
            meanAbsoluteValues: explanation.meanAbsoluteValues, largestAdditivityError: explanation.largestAdditivityError)
    }
}

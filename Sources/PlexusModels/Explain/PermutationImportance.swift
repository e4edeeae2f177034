import PlexusCore
import PlexusStats

/// scikit-learn's `permutation_importance`: how much a score drops when one feature's column is
/// shuffled, so the model loses what that feature tells it. For a model with one numeric matrix
/// input; the score compares its predicted labels (classifiers) or values (regressors) with the
/// true targets. As in scikit-learn, every column is shuffled with the same sequence of index
/// shuffles, each repeat shuffling the running index array again and permuting the column as
/// it already is.
public struct PermutationImportance: Sendable {
    /// How predictions are scored; higher is better, as scikit-learn's scorers are.
    public enum Scoring: String, Sendable, CaseIterable {
        case accuracy
        case balancedAccuracy = "balanced_accuracy"
        case r2
        case negMeanSquaredError = "neg_mean_squared_error"
        case negMeanAbsoluteError = "neg_mean_absolute_error"

        /// Whether the score compares labels (classifiers) rather than values.
        public var comparesLabels: Bool { self == .accuracy || self == .balancedAccuracy }
    }

    /// The baseline score and each feature's drops.
    public struct Result: Sendable, Equatable {
        /// The score on the rows as they are.
        public let baseline: Double
        /// `importances[feature][repeat]`: baseline − the score with that feature shuffled.
        public let importances: [[Double]]
        /// Each feature's mean drop over the repeats.
        public var means: [Double] { importances.map { $0.reduce(0, +) / Double(max($0.count, 1)) } }
        /// Each feature's standard deviation of the drops over the repeats (NumPy's, ddof 0).
        public var standardDeviations: [Double] {
            zip(importances, means).map { drops, mean in
                (drops.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(drops.count, 1))).squareRoot()
            }
        }
    }

    /// The most model evaluations (rows × (features × repeats + 1)) one request may ask for.
    public static let evaluationLimit = 5_000_000

    /// The model input the rows fill.
    public let inputName: String
    /// How many features a row has.
    public let featureCount: Int
    private let runner: ModelRunner
    private let predictionName: String

    /// Prepares `model`, refusing it unless it has one numeric matrix input of fixed width.
    public init(model: ONNXModel) throws(ModelError) {
        let method = "permutation_importance"
        guard model.inputs.count == 1, let input = model.inputs.first, input.kind == "tensor", input.elementType != .string else {
            throw .notExplainable(method: method, reason:
                "it takes \(model.inputs.count) inputs (\(model.inputs.map(\.name).joined(separator: ", "))); permutation importance shuffles columns of one numeric matrix input")
        }
        guard case let .fixed(width)? = input.shape?.last, width > 0 else {
            throw .notExplainable(method: method, reason: "its input '\(input.name)' has no fixed number of features")
        }
        guard let first = model.outputs.first else { throw .notExplainable(method: method, reason: "it has no output") }
        runner = try ModelRunner(model)
        inputName = input.name
        featureCount = width
        predictionName = first.name
    }

    /// The shuffles scikit-learn's algorithm applies to every column, drawn from `seed`: the
    /// running index array after each of `repeats` Fisher–Yates shuffles.
    public static func shuffles(rows: Int, repeats: Int, seed: UInt64) -> [[Int]] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var index = Array(0 ..< rows)
        return (0 ..< repeats).map { _ in
            index.shuffle(using: &generator)
            return index
        }
    }

    /// The importances of every feature of `rows` against `targets` (labels as strings or whole
    /// numbers for classifiers, numbers for regressors), each column permuted by `shuffles` in turn.
    /// - Throws: ``ModelError/invalidRequest(field:message:)`` naming `targets` when they do not
    ///   fit the rows or the scoring.
    public func compute(_ rows: FeatureMatrix, targets: [JSONValue], scoring: Scoring, shuffles: [[Int]]) throws(ModelError) -> Result {
        guard rows.columns == featureCount else {
            throw .invalidRequest(field: "rows", message: "Rows need \(featureCount) features for '\(inputName)'; these have \(rows.columns).")
        }
        guard targets.count == rows.rows, rows.rows > 0 else {
            throw .invalidRequest(field: "targets", message: "Send one target per row: \(rows.rows) rows, \(targets.count) targets.")
        }
        let truth = try Truth(targets, scoring: scoring)
        let baseline = try score(rows, truth, scoring)
        var importances: [[Double]] = []
        for column in 0 ..< featureCount {
            var permuted = Array(rows.values)
            var drops: [Double] = []
            for index in shuffles {
                let current = (0 ..< rows.rows).map { permuted[$0 * featureCount + column] }
                for row in 0 ..< rows.rows { permuted[row * featureCount + column] = current[index[row]] }
                drops.append(baseline - (try score(FeatureMatrix(values: permuted, rows: rows.rows, columns: featureCount), truth, scoring)))
            }
            importances.append(drops)
        }
        return Result(baseline: baseline, importances: importances)
    }

    /// The true targets, as the scoring compares them.
    private enum Truth {
        case labels([String])
        case values([Double])

        init(_ targets: [JSONValue], scoring: Scoring) throws(ModelError) {
            if scoring.comparesLabels {
                var labels: [String] = []
                for (row, target) in targets.enumerated() {
                    switch target {
                    case let .string(label): labels.append(label)
                    case let .number(number) where number.rounded() == number && abs(number) < 9e15: labels.append(String(Int64(number)))
                    default: throw .invalidRequest(field: "targets", message: "\(scoring.rawValue) compares class labels; target \(row) is \(Self.shown(target)), not a label or a whole number.")
                    }
                }
                self = .labels(labels)
            } else {
                var values: [Double] = []
                for (row, target) in targets.enumerated() {
                    guard let number = target.numberValue, number.isFinite else {
                        throw .invalidRequest(field: "targets", message: "\(scoring.rawValue) compares numbers; target \(row) is \(Self.shown(target)).")
                    }
                    values.append(number)
                }
                self = .values(values)
            }
        }

        /// A target as the client sent it, in JSON.
        private static func shown(_ target: JSONValue) -> String {
            (try? PlexusJSON.encoder().encode(target)).map { String(decoding: $0, as: UTF8.self) } ?? "not a JSON value"
        }
    }

    private func score(_ rows: FeatureMatrix, _ truth: Truth, _ scoring: Scoring) throws(ModelError) -> Double {
        guard let tensor = Tensor(shape: [rows.rows, rows.columns], elements: .float(Array(rows.values))) else {
            throw .evaluation(node: inputName, message: "the rows do not fill a \(rows.rows)×\(rows.columns) matrix")
        }
        guard case let .tensor(output)? = try runner.run([inputName: .tensor(tensor)])[predictionName] else {
            throw .evaluation(node: predictionName, message: "the model's first output is not a tensor of predictions")
        }
        switch truth {
        case let .labels(labels):
            let predicted: [String] = switch output.elements {
            case let .int64(values): values.map(String.init)
            case let .string(values): values
            case let .float(values): values.map { String(Int64($0.rounded())) }
            case let .double(values): values.map { String(Int64($0.rounded())) }
            case let .bool(values): values.map { $0 ? "1" : "0" }
            }
            guard predicted.count == labels.count else {
                throw .invalidRequest(field: "scoring", message: "\(scoring.rawValue) needs one predicted label per row; the model's first output '\(predictionName)' gives \(predicted.count) for \(labels.count) rows.")
            }
            if scoring == .accuracy {
                return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
            }
            // Balanced accuracy: the mean recall over the classes the targets hold.
            var hits: [String: Int] = [:], totals: [String: Int] = [:]
            for (guess, label) in zip(predicted, labels) {
                totals[label, default: 0] += 1
                if guess == label { hits[label, default: 0] += 1 }
            }
            return totals.keys.sorted().map { Double(hits[$0] ?? 0) / Double(totals[$0]!) }.reduce(0, +) / Double(totals.count)
        case let .values(values):
            guard let predicted = output.floats, predicted.count == values.count else {
                throw .invalidRequest(field: "scoring", message: "\(scoring.rawValue) needs one predicted value per row from the model's first output '\(predictionName)'.")
            }
            let errors = zip(values, predicted).map { $0 - Double($1) }
            switch scoring {
            case .negMeanSquaredError: return -errors.reduce(0) { $0 + $1 * $1 } / Double(values.count)
            case .negMeanAbsoluteError: return -errors.reduce(0) { $0 + abs($1) } / Double(values.count)
            default:
                let mean = values.reduce(0, +) / Double(values.count)
                let residual = errors.reduce(0) { $0 + $1 * $1 }
                let total = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
                // scikit-learn's r2 for constant targets: 1 when every prediction is right, else 0.
                guard total > 0 else { return residual == 0 ? 1 : 0 }
                return 1 - residual / total
            }
        }
    }
}

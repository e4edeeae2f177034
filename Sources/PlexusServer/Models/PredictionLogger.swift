import Foundation
import PlexusCore
import PlexusModels
import PlexusMonitoring
import PlexusStore

/// Logs a sample of predictions as points of the series `model.<name>` (``RegisteredModel/predictionSeries``): each row's features, its
/// prediction (`prediction` with one `p_<class>` per class, or `value`) and the model version,
/// at the time of the request. Monitors watch the series like any other, so a model's input
/// drift and prediction drift are ordinary series monitors.
struct PredictionLogger: Sendable {
    /// The most rows one request logs; a sample is drawn from larger requests.
    static let rowsPerRequest = 10_000

    let store: SQLStore
    /// The share of rows logged, 0–1.
    let rate: Double

    /// Logs a sample of the rows of `inputs` (the model's input tensors) and their
    /// `predictions` for `model` of `accountID`; returns how many were logged.
    func log(model: RegisteredModel, accountID: Identifier<Account>, inputs: [String: ONNXValue], rowCount: Int, predictions: [JSONValue], at time: Date = Date()) async throws -> Int {
        guard rate > 0, rowCount > 0 else { return 0 }
        let rows = Self.featureRows(inputs, count: rowCount, features: model.features)
        var chosen = rows.indices.filter { _ in rate >= 1 || Double.random(in: 0 ..< 1) < rate }
        if chosen.count > Self.rowsPerRequest { chosen = Array(chosen.shuffled().prefix(Self.rowsPerRequest)).sorted() }
        let points = chosen.map { index in
            var values: [String: JSONValue] = [:]
            // Features first, leaving room for the prediction's fields within a point's limit.
            for (name, value) in rows[index].sorted(by: { $0.key < $1.key }).prefix(SeriesPoint.maximumFields - 40) {
                switch value {
                case let .number(number) where !number.isFinite: values[name] = .null
                case .string, .number, .bool, .null: values[name] = value
                default: continue
                }
            }
            let prediction = index < predictions.count ? predictions[index] : .null
            if let label = prediction["label"] { values["prediction"] = label }
            if let value = prediction["value"] { values["prediction"] = value }
            switch prediction["probabilities"] {
            case let .array(probabilities)?:
                for (position, probability) in probabilities.prefix(30).enumerated() { values["p_\(position)"] = probability }
            case let .object(byClass)?:
                for (label, probability) in byClass.sorted(by: { $0.key < $1.key }).prefix(30) { values["p_\(label)"] = probability }
            default: break
            }
            values["model_version"] = .number(Double(model.version))
            return SeriesPoint(time: time, values: values)
        }
        guard !points.isEmpty else { return 0 }
        return try await store.addSeriesPoints(points, series: model.predictionSeries, accountID: accountID)
    }

    /// One object of named features per row: a matrix input's columns by the names given at
    /// upload (else `input[j]`), a one-column input by its own name.
    static func featureRows(_ inputs: [String: ONNXValue], count: Int, features: [String]?) -> [[String: JSONValue]] {
        var rows = [[String: JSONValue]](repeating: [:], count: count)
        for (name, value) in inputs.sorted(by: { $0.key < $1.key }) {
            guard let tensor = value.tensor, let rowsInTensor = tensor.shape.first, rowsInTensor == count else { continue }
            let columns = rowsInTensor == 0 ? 0 : tensor.elements.count / rowsInTensor
            let names: [String] = if columns == 1 {
                [name]
            } else if inputs.count == 1, let features, features.count == columns {
                features
            } else {
                (0 ..< columns).map { "\(name)[\($0)]" }
            }
            for row in 0 ..< count {
                for column in 0 ..< columns {
                    let index = row * columns + column
                    rows[row][names[column]] = switch tensor.elements {
                    case let .float(values): values[index].isFinite ? .number(Double(values[index])) : .null
                    case let .double(values): values[index].isFinite ? .number(values[index]) : .null
                    case let .int64(values): .number(Double(values[index]))
                    case let .string(values): .string(values[index])
                    case let .bool(values): .bool(values[index])
                    }
                }
            }
        }
        return rows
    }
}

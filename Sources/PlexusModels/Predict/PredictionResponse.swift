import PlexusCore

/// A prediction's outputs as JSON: each output by name (tensors as nested arrays, ZipMap's maps
/// as objects per row), and one entry per row with its label and probabilities, or its value.
public enum PredictionResponse {
    /// The `outputs` and `predictions` members of the answer for `rows` rows.
    public static func json(_ outputs: [String: ONNXValue], model: ONNXModel, rows: Int) -> (outputs: JSONValue, predictions: JSONValue) {
        var encoded: [String: JSONValue] = [:]
        for (name, value) in outputs { encoded[name] = json(value) }
        let ordered = model.outputs.compactMap { description in outputs[description.name] }
        var predictions: [JSONValue] = []
        if ordered.count >= 2, let labels = ordered[0].tensor, labels.elements.count == rows {
            // A classifier: labels first, then probabilities or scores.
            let probabilities = rowsOf(ordered[1])
            for row in 0 ..< rows {
                var entry: [String: JSONValue] = ["label": element(labels.elements, row)]
                if row < probabilities.count { entry["probabilities"] = probabilities[row] }
                predictions.append(.object(entry))
            }
        } else if let values = ordered.first?.tensor, let numbers = values.floats, values.elements.count == rows {
            predictions = numbers.map { .object(["value": number($0)]) }
        }
        return (.object(encoded), .array(predictions))
    }

    private static func json(_ value: ONNXValue) -> JSONValue {
        switch value {
        case let .tensor(tensor): nested(tensor)
        case .probabilityMaps: .array(rowsOf(value))
        }
    }

    /// One JSON value per row: a map of class to probability, or a row of numbers.
    private static func rowsOf(_ value: ONNXValue) -> [JSONValue] {
        switch value {
        case let .probabilityMaps(labels, rows):
            let names: [String] = switch labels {
            case let .int64(values): values.map(String.init)
            case let .string(values): values
            }
            return rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(names, row.map(number)))) }
        case let .tensor(tensor):
            guard tensor.shape.count == 2 else { return [] }
            let columns = tensor.shape[1]
            return (0 ..< tensor.shape[0]).map { row in .array((0 ..< columns).map { element(tensor.elements, row * columns + $0) }) }
        }
    }

    private static func nested(_ tensor: Tensor) -> JSONValue {
        func build(_ depth: Int, _ offset: Int) -> JSONValue {
            guard depth < tensor.shape.count else { return element(tensor.elements, offset) }
            let stride = tensor.shape[(depth + 1)...].reduce(1, *)
            return .array((0 ..< tensor.shape[depth]).map { build(depth + 1, offset + $0 * stride) })
        }
        return build(0, 0)
    }

    private static func element(_ elements: Tensor.Elements, _ index: Int) -> JSONValue {
        switch elements {
        case let .float(values): number(values[index])
        case let .double(values): values[index].isFinite ? .number(values[index]) : .null
        case let .int64(values): .number(Double(values[index]))
        case let .string(values): .string(values[index])
        case let .bool(values): .bool(values[index])
        }
    }

    private static func number(_ value: Float) -> JSONValue {
        value.isFinite ? .number(Double(value)) : .null
    }
}

import PlexusCore

/// The inputs of a prediction, read from the JSON a client sends: either `inputs`, each model
/// input by name as nested arrays (numbers, strings, null for a missing number), or `rows`,
/// objects of named features mapped onto the model's inputs.
public enum PredictionRequest {
    /// The most rows one request may carry.
    public static let rowLimit = 100_000

    /// The model's inputs from `body`, and how many rows they hold.
    /// - Throws: ``ModelError/invalidRequest(field:message:)`` naming the offending field.
    public static func inputs(from body: JSONValue, model: ONNXModel, features: [String]?) throws(ModelError) -> (inputs: [String: ONNXValue], rows: Int) {
        guard case let .object(members) = body else {
            throw .invalidRequest(field: "inputs", message: "Send a JSON object with inputs ({\"inputs\": {\"X\": [[…]]}}) or rows ({\"rows\": [{\"feature\": value}]}).")
        }
        switch (members["inputs"], members["rows"]) {
        case let (.object(given)?, nil): return try tensors(given, model: model)
        case let (nil, .array(rows)?): return try fromRows(rows, model: model, features: features)
        case (.some, .some): throw .invalidRequest(field: "rows", message: "Send inputs or rows, not both.")
        case (.some, nil): throw .invalidRequest(field: "inputs", message: "inputs must be an object with one entry per model input, such as {\"X\": [[…]]}.")
        case (nil, .some): throw .invalidRequest(field: "rows", message: "rows must be an array of objects, one per row.")
        case (nil, nil):
            throw .invalidRequest(field: "inputs", message: "Send inputs ({\"inputs\": {\"X\": [[…]]}}) or rows ({\"rows\": [{\"feature\": value}]}).")
        }
    }

    private static func tensors(_ given: [String: JSONValue], model: ONNXModel) throws(ModelError) -> (inputs: [String: ONNXValue], rows: Int) {
        if let unknown = given.keys.sorted().first(where: { name in !model.inputs.contains { $0.name == name } }) {
            throw .invalidRequest(field: "inputs.\(unknown)", message: "The model has no input '\(unknown)'; its inputs are \(model.inputs.map(\.name).joined(separator: ", ")).")
        }
        var inputs: [String: ONNXValue] = [:]
        var rows = 0
        for description in model.inputs {
            guard let value = given[description.name] else {
                throw .invalidRequest(field: "inputs.\(description.name)", message: "The model needs the input '\(description.name)'.")
            }
            let tensor = try tensor(value, field: "inputs.\(description.name)", elementType: description.elementType)
            rows = max(rows, tensor.shape.first ?? 1)
            inputs[description.name] = .tensor(tensor)
        }
        guard rows <= rowLimit else { throw .invalidRequest(field: "inputs", message: "At most \(rowLimit) rows per request; send \(rows) in several.") }
        return (inputs, rows)
    }

    private static func fromRows(_ rows: [JSONValue], model: ONNXModel, features: [String]?) throws(ModelError) -> (inputs: [String: ONNXValue], rows: Int) {
        guard !rows.isEmpty, rows.count <= rowLimit else { throw .invalidRequest(field: "rows", message: "Send 1–\(rowLimit) rows; got \(rows.count).") }
        var objects: [[String: JSONValue]] = []
        for (index, row) in rows.enumerated() {
            guard case let .object(members) = row else { throw .invalidRequest(field: "rows[\(index)]", message: "Each row must be an object of feature names to values.") }
            objects.append(members)
        }
        // One matrix input whose columns the upload named.
        if model.inputs.count == 1, let features, let input = model.inputs.first {
            let matrix: [JSONValue] = objects.map { row in .array(features.map { row[$0] ?? .null }) }
            if let unknown = objects.flatMap(\.keys).first(where: { !features.contains($0) }) {
                throw .invalidRequest(field: "rows", message: "The model's features are \(features.joined(separator: ", ")); '\(unknown)' is not one of them.")
            }
            return ([input.name: .tensor(try tensor(.array(matrix), field: "rows", elementType: input.elementType))], rows.count)
        }
        // One input per feature, each a column.
        let names = model.inputs.map(\.name)
        if let unknown = objects.flatMap(\.keys).first(where: { !names.contains($0) }) {
            let hint = model.inputs.count == 1 ? " Upload the model with features=a,b,… to name its columns, or send inputs." : ""
            throw .invalidRequest(field: "rows", message: "The model's inputs are \(names.joined(separator: ", ")); '\(unknown)' is not one of them.\(hint)")
        }
        var inputs: [String: ONNXValue] = [:]
        for description in model.inputs {
            let column: [JSONValue] = objects.map { .array([$0[description.name] ?? .null]) }
            inputs[description.name] = .tensor(try tensor(.array(column), field: "rows", elementType: description.elementType))
        }
        return (inputs, rows.count)
    }

    /// Nested arrays as a tensor: numbers as floats (int64 where the model wants int64), null as
    /// a missing number (NaN), strings as strings; every row the same length.
    static func tensor(_ value: JSONValue, field: String, elementType: TensorElementType?) throws(ModelError) -> Tensor {
        var shape: [Int] = []
        var level = value
        while case let .array(items) = level {
            shape.append(items.count)
            guard let first = items.first else { break }
            level = first
        }
        var leaves: [JSONValue] = []
        leaves.reserveCapacity(shape.reduce(1, *))
        func collect(_ value: JSONValue, depth: Int) throws(ModelError) {
            if depth == shape.count {
                leaves.append(value)
                return
            }
            guard case let .array(items) = value, items.count == shape[depth] else {
                throw .invalidRequest(field: field, message: "The arrays are ragged: every row must hold \(shape.dropFirst(depth).map(String.init).joined(separator: "×")) values.")
            }
            for item in items { try collect(item, depth: depth + 1) }
        }
        try collect(value, depth: 0)
        let strings = elementType == .string || leaves.contains { if case .string = $0 { true } else { false } }
        let elements: Tensor.Elements
        if strings {
            var texts: [String] = []
            for leaf in leaves {
                switch leaf {
                case let .string(text): texts.append(text)
                // A category written as a number (a CSV cell such as 3) is its text.
                case let .number(number) where elementType == .string: texts.append(number.plainText)
                default: throw .invalidRequest(field: field, message: "The input takes strings; every value must be one.")
                }
            }
            elements = .string(texts)
        } else {
            var numbers: [Double] = []
            for leaf in leaves {
                switch leaf {
                case let .number(number): numbers.append(number)
                case .null: numbers.append(.nan)
                case let .bool(flag): numbers.append(flag ? 1 : 0)
                default: throw .invalidRequest(field: field, message: "Values must be numbers (null for a missing one), not arrays or objects.")
                }
            }
            if elementType == .int64 {
                guard numbers.allSatisfy({ $0.rounded() == $0 && abs($0) < 9e18 }) else {
                    throw .invalidRequest(field: field, message: "The input takes whole numbers.")
                }
                elements = .int64(numbers.map { Int64($0) })
            } else {
                if let huge = numbers.first(where: { $0.isFinite && !Float($0).isFinite }) {
                    throw .invalidRequest(field: field, message: "\(huge) is outside the range of the model's 32-bit float inputs (about ±3.4e38).")
                }
                elements = .float(numbers.map(Float.init))
            }
        }
        guard let tensor = Tensor(shape: shape, elements: elements) else {
            throw .invalidRequest(field: field, message: "The values do not fill a shape.")
        }
        return tensor
    }
}

/// A dense tensor: its shape and its elements in row-major order.
public struct Tensor: Sendable, Equatable {
    /// The elements, of one of the types the interpreter computes with.
    public enum Elements: Sendable, Equatable {
        case float([Float])
        case double([Double])
        case int64([Int64])
        case string([String])
        /// Truth values, as comparisons make them.
        case bool([Bool])

        /// How many elements there are.
        public var count: Int {
            switch self {
            case let .float(values): values.count
            case let .double(values): values.count
            case let .int64(values): values.count
            case let .string(values): values.count
            case let .bool(values): values.count
            }
        }

        /// The elements at `positions`, in that order.
        func picking(_ positions: [Int]) -> Elements {
            switch self {
            case let .float(values): .float(positions.map { values[$0] })
            case let .double(values): .double(positions.map { values[$0] })
            case let .int64(values): .int64(positions.map { values[$0] })
            case let .string(values): .string(positions.map { values[$0] })
            case let .bool(values): .bool(positions.map { values[$0] })
            }
        }

        /// The ONNX element type.
        public var elementType: TensorElementType {
            switch self {
            case .float: .float
            case .double: .double
            case .int64: .int64
            case .string: .string
            case .bool: .bool
            }
        }
    }

    /// The size of each dimension.
    public let shape: [Int]
    /// The elements; as many as the shape's product.
    public let elements: Elements

    /// A tensor of `shape` holding `elements`; nil when their counts disagree.
    public init?(shape: [Int], elements: Elements) {
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == elements.count else { return nil }
        self.shape = shape
        self.elements = elements
    }

    /// A tensor whose count is known to match (for operators' outputs).
    init(checkedShape shape: [Int], _ elements: Elements) {
        precondition(shape.reduce(1, *) == elements.count, "shape \(shape) does not hold \(elements.count) elements")
        self.shape = shape
        self.elements = elements
    }

    /// The numeric elements as 32-bit floats (as ONNX-ML operators read them); nil for strings.
    public var floats: [Float]? {
        switch elements {
        case let .float(values): values
        case let .double(values): values.map(Float.init)
        case let .int64(values): values.map(Float.init)
        case let .bool(values): values.map { $0 ? 1 : 0 }
        case .string: nil
        }
    }
}

/// A value flowing along the graph: a tensor, or the rows of probabilities by class that ZipMap makes.
public enum ONNXValue: Sendable, Equatable {
    case tensor(Tensor)
    /// One map from class label to probability per row, as ZipMap outputs them.
    case probabilityMaps(labels: ClassLabels, rows: [[Float]])

    /// The tensor, when the value is one.
    public var tensor: Tensor? {
        if case let .tensor(tensor) = self { tensor } else { nil }
    }
}

/// The class labels of a classifier, numbers or names.
public enum ClassLabels: Sendable, Equatable {
    case int64([Int64])
    case string([String])

    /// How many classes there are.
    public var count: Int {
        switch self {
        case let .int64(labels): labels.count
        case let .string(labels): labels.count
        }
    }

    /// The labels as a tensor element list, picking label `index` for each entry of `indices`.
    func elements(at indices: [Int]) -> Tensor.Elements {
        switch self {
        case let .int64(labels): .int64(indices.map { labels[$0] })
        case let .string(labels): .string(indices.map { labels[$0] })
        }
    }
}

/// ONNX's tensor element types (`TensorProto.DataType`), by their numbers.
public enum TensorElementType: Int32, Sendable, Equatable, CustomStringConvertible {
    case undefined = 0, float = 1, uint8 = 2, int8 = 3, uint16 = 4, int16 = 5, int32 = 6, int64 = 7, string = 8, bool = 9
    case float16 = 10, double = 11, uint32 = 12, uint64 = 13, complex64 = 14, complex128 = 15, bfloat16 = 16

    public var description: String {
        switch self {
        case .undefined: "undefined"
        case .float: "float"
        case .uint8: "uint8"
        case .int8: "int8"
        case .uint16: "uint16"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .string: "string"
        case .bool: "bool"
        case .float16: "float16"
        case .double: "double"
        case .uint32: "uint32"
        case .uint64: "uint64"
        case .complex64: "complex64"
        case .complex128: "complex128"
        case .bfloat16: "bfloat16"
        }
    }
}

import Foundation

/// The transform ONNX-ML classifiers and regressors apply to their raw scores, computed in
/// 32-bit floats as onnxruntime does.
enum PostTransform: String, Sendable {
    case none = "NONE", logistic = "LOGISTIC", softmax = "SOFTMAX", softmaxZero = "SOFTMAX_ZERO", probit = "PROBIT"

    /// The node's `post_transform`.
    init(_ attributes: NodeAttributes) throws(ModelError) {
        let name = try attributes.string("post_transform", default: "NONE")
        guard let transform = PostTransform(rawValue: name) else {
            throw attributes.invalid("post_transform", "is '\(name)'; use NONE, LOGISTIC, SOFTMAX, SOFTMAX_ZERO or PROBIT")
        }
        self = transform
    }

    /// Transforms one row's scores in place.
    func apply(to scores: inout ArraySlice<Float>) {
        guard self != .none else { return }
        scores.withUnsafeMutableBufferPointer { apply(toRow: $0) }
    }

    /// Transforms every row of `scores` (row-major, `width` scores a row) in place.
    func apply(toRows scores: inout [Float], width: Int) {
        guard self != .none, width > 0 else { return }
        scores.withUnsafeMutableBufferPointer { buffer in
            switch self {
            case .logistic, .probit: apply(toRow: buffer)
            default:
                var start = 0
                while start + width <= buffer.count {
                    apply(toRow: UnsafeMutableBufferPointer(rebasing: buffer[start ..< start + width]))
                    start += width
                }
            }
        }
    }

    private func apply(toRow scores: UnsafeMutableBufferPointer<Float>) {
        switch self {
        case .none: return
        case .logistic: for index in scores.indices { scores[index] = Self.logistic(scores[index]) }
        case .probit: for index in scores.indices { scores[index] = Self.probit(scores[index]) }
        case .softmax, .softmaxZero:
            var largest = scores.first ?? 0
            for score in scores where score > largest { largest = score }
            var total: Float = 0
            for index in scores.indices {
                // SOFTMAX_ZERO leaves zero scores out: they stay (almost) zero.
                if self == .softmaxZero, abs(scores[index]) <= 0.0000001 {
                    scores[index] *= expf(-largest)
                } else {
                    scores[index] = expf(scores[index] - largest)
                    total += scores[index]
                }
            }
            for index in scores.indices { scores[index] /= total }
        }
    }

    /// 1 / (1 + e^−x), evaluated on |x| so it never overflows.
    static func logistic(_ value: Float) -> Float {
        let positive = 1 / (1 + expf(-abs(value)))
        return value < 0 ? 1 - positive : positive
    }

    /// √2 · erf⁻¹(2p − 1), with the same closed-form approximation of erf⁻¹ as onnxruntime.
    static func probit(_ value: Float) -> Float {
        let x = 2 * value - 1
        let sign: Float = x < 0 ? -1 : 1
        let product = (1 - x) * (1 + x)
        let logarithm = logf(product)
        let first = 2 / (3.14159 * 0.147) + 0.5 * logarithm
        let second = 1 / 0.147 * logarithm
        return Float(2).squareRoot() * sign * (-first + (first * first - second).squareRoot()).squareRoot()
    }
}

import Foundation

/// The kernel of `SVMClassifier` and `SVMRegressor` (`kernel_type` with `kernel_params` gamma,
/// coef0 and degree), computed as onnxruntime does: RBF from squared differences, the others
/// from a dot product of fused multiply-adds in order.
struct SVMKernel: Sendable {
    enum Kind: String, Sendable { case linear = "LINEAR", polynomial = "POLY", rbf = "RBF", sigmoid = "SIGMOID" }

    let kind: Kind
    private let gamma: Float
    private let coef0: Float
    private let degree: Float

    /// The node's kernel; linear whatever it says when `hasSupportVectors` is false (liblinear's models).
    init(_ attributes: NodeAttributes, hasSupportVectors: Bool) throws(ModelError) {
        let name = try attributes.string("kernel_type", default: "LINEAR")
        guard let kind = Kind(rawValue: name) else { throw attributes.invalid("kernel_type", "is '\(name)'; use LINEAR, POLY, RBF or SIGMOID") }
        let parameters = try attributes.floats("kernel_params")
        guard parameters.isEmpty || parameters.count == 3 else { throw attributes.invalid("kernel_params", "needs gamma, coef0 and degree") }
        (gamma, coef0, degree) = parameters.isEmpty ? (0, 0, 0) : (parameters[0], parameters[1], parameters[2])
        self.kind = hasSupportVectors ? kind : .linear
    }

    /// K(x, vector).
    func value(_ x: ArraySlice<Float>, _ vector: ArraySlice<Float>) -> Float {
        if kind == .rbf {
            var sum: Float = 0
            for (a, b) in zip(x, vector) {
                let difference = a - b
                sum += difference * difference
            }
            return expf(-gamma * sum)
        }
        var dot: Float = 0
        for (a, b) in zip(x, vector) { dot = dot.addingProduct(a, b) }
        switch kind {
        case .linear, .rbf: return dot
        case .polynomial:
            let base = gamma * dot + coef0
            return degree == 2 ? base * base : degree == 3 ? base * base * base : powf(base, degree)
        case .sigmoid: return tanhf(gamma * dot + coef0)
        }
    }
}

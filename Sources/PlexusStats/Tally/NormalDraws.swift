import Foundation

/// Standard normal draws by the ziggurat method (Marsaglia and Tsang 2000, in Doornik's 2005
/// form with 128 layers): one 64-bit draw picks a layer (its low 7 bits) and a position in it
/// (its top 53 bits), and about 99% of draws are accepted from that alone, with no logarithm,
/// square root or division; the rest fall in a layer's wedge or in the tail beyond r and are
/// decided exactly. Seeded through the generator, so the draws repeat bit for bit. Make one and
/// keep it: it holds the layers' table.
public struct NormalDraws: Sendable {
    private static let layers = 128
    /// Where the tail starts, and the area of each layer, for 128 layers.
    @usableFromInline static let tailStart = 3.442619855899
    private static let layerArea = 9.91256303526217e-3

    /// The layers' right edges x[0…128] (x[0] the base's equivalent width, x[128] = 0), and the
    /// share of each layer that lies wholly under the curve, x[i+1]/x[i].
    @usableFromInline let edges: [Double]
    @usableFromInline let inside: [Double]

    /// The table of layers (computed here, once per value).
    public init() {
        let (layers, tailStart, layerArea) = (Self.layers, Self.tailStart, Self.layerArea)
        var x = [Double](repeating: 0, count: layers + 1)
        var density = exp(-0.5 * tailStart * tailStart)
        x[0] = layerArea / density
        x[1] = tailStart
        for index in 2 ..< layers {
            x[index] = (-2 * log(layerArea / x[index - 1] + density)).squareRoot()
            density = exp(-0.5 * x[index] * x[index])
        }
        edges = x
        inside = (0 ..< layers).map { x[$0 + 1] / x[$0] }
    }

    /// One standard normal draw.
    @inlinable
    public func next(using generator: inout SeededRandomNumberGenerator) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(bits & 0x7F)
            let u = 2 * (Double(bits >> 11) * 0x1.0p-53) - 1
            if abs(u) < inside[layer] { return u * edges[layer] }
            if layer == 0 { return tail(negative: u < 0, using: &generator) }
            // The wedge: accept x under the curve between the layer's edges.
            let x = u * edges[layer]
            let outer = exp(-0.5 * (edges[layer] * edges[layer] - x * x))
            let innerEdge = exp(-0.5 * (edges[layer + 1] * edges[layer + 1] - x * x))
            if innerEdge + Self.uniform(&generator) * (outer - innerEdge) < 1 { return x }
        }
    }

    /// A uniform draw in [0, 1) from the generator's top 53 bits.
    @inlinable
    public static func uniform(_ generator: inout SeededRandomNumberGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1.0p-53
    }

    /// A draw from the normal's tail beyond `tailStart` (Marsaglia's exponential rejection).
    @usableFromInline
    func tail(negative: Bool, using generator: inout SeededRandomNumberGenerator) -> Double {
        while true {
            // log of a uniform in (0, 1], so never log(0).
            let x = log(1 - Self.uniform(&generator)) / Self.tailStart
            let y = log(1 - Self.uniform(&generator))
            if -2 * y >= x * x { return negative ? x - Self.tailStart : Self.tailStart - x }
        }
    }
}

import Foundation
import PlexusStats

/// A column's drift form as stored beside its dataset, computed once at upload, so a monitor
/// whose reference is the dataset reads sorted numbers or category counts instead of its rows.
/// Numbers are stored as little-endian 64-bit floats in parts that follow each other in order
/// (so a long column is written without being held whole), counts as JSON in one part.
public enum StoredDriftColumn {
    /// The kind written beside the parts of a numeric column.
    public static let numericKind = "numeric"
    /// The kind written beside the part of a categorical column.
    public static let categoricalKind = "categorical"

    /// The bytes of `column`, as one part.
    public static func encode(_ column: DriftColumn) -> [UInt8] {
        switch column {
        case let .numeric(sample): encode(numbers: sample.values)
        case let .categorical(counts): Array((try? JSONEncoder().encode(counts.counts)) ?? Data("{}".utf8))
        }
    }

    /// The bytes of a part of sorted numbers.
    public static func encode(numbers: [Double]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 8)
        for value in numbers { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// The column whose parts, in order, were written as `kind`; nil when they are not in that form.
    public static func decode(kind: String, parts: [[UInt8]]) -> DriftColumn? {
        switch kind {
        case numericKind:
            guard parts.allSatisfy({ $0.count % 8 == 0 }) else { return nil }
            var values: [Double] = []
            values.reserveCapacity(parts.reduce(0) { $0 + $1.count / 8 })
            for part in parts {
                part.withUnsafeBytes { raw in
                    for offset in stride(from: 0, to: raw.count, by: 8) {
                        values.append(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))))
                    }
                }
            }
            guard zip(values, values.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
            return .numeric(SortedSample(alreadySorted: values))
        case categoricalKind:
            guard parts.count == 1 else { return nil }
            return (try? JSONDecoder().decode([String: Int].self, from: Data(parts[0]))).map { .categorical(CategoryCounts(counts: $0)) }
        default:
            return nil
        }
    }
}

import Foundation
import PlexusStats

/// A column's drift form as stored beside its dataset, computed once at upload, so a monitor
/// whose reference is the dataset reads sorted numbers or category counts instead of its rows.
/// Numbers are stored as little-endian 64-bit floats, counts as JSON.
public enum StoredDriftColumn {
    /// The kind written beside the bytes.
    public static func kind(of column: DriftColumn) -> String {
        if case .numeric = column { return "numeric" }
        return "categorical"
    }

    /// The bytes of `column`.
    public static func encode(_ column: DriftColumn) -> [UInt8] {
        switch column {
        case let .numeric(sample):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(sample.count * 8)
            for value in sample.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
            return bytes
        case let .categorical(counts):
            return Array((try? JSONEncoder().encode(counts.counts)) ?? Data("{}".utf8))
        }
    }

    /// The column written by ``encode(_:)`` as `kind`; nil when the bytes are not in that form.
    public static func decode(kind: String, _ bytes: [UInt8]) -> DriftColumn? {
        switch kind {
        case "numeric":
            guard bytes.count % 8 == 0 else { return nil }
            var values: [Double] = []
            values.reserveCapacity(bytes.count / 8)
            bytes.withUnsafeBytes { raw in
                for offset in stride(from: 0, to: raw.count, by: 8) {
                    values.append(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))))
                }
            }
            return .numeric(SortedSample(alreadySorted: values))
        case "categorical":
            return (try? JSONDecoder().decode([String: Int].self, from: Data(bytes))).map { .categorical(CategoryCounts(counts: $0)) }
        default:
            return nil
        }
    }
}

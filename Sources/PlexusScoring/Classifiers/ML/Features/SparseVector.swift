/// A row of features with few non-zero entries: column numbers in ascending order and their values.
public struct SparseVector: Sendable, Hashable, Codable {
    /// The columns with a non-zero value, ascending.
    public var indices: [Int]
    /// The value of each column in ``indices``.
    public var values: [Double]

    /// Creates a vector from parallel arrays of columns (ascending) and values.
    public init(indices: [Int], values: [Double]) {
        self.indices = indices
        self.values = values
    }

    /// The number of non-zero entries.
    public var count: Int { indices.count }
}

import Foundation

/// A file stored with a run: its path under the run's artifact root and its bytes.
public struct MLflowArtifact: Sendable, Hashable {
    /// The relative path, e.g. `reports/confusion.json`.
    public var path: String
    /// The file's contents.
    public var data: Data

    /// An artifact at `path` holding `data`.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

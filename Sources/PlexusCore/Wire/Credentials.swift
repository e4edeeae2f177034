/// What `plexus serve` saves to `./.plexus/credentials` on first start so the CLI can find the
/// server and its admin key: `{"apiURL":"http://127.0.0.1:8080","apiKey":"plx_…"}`.
public struct Credentials: Sendable, Codable, Hashable {
    /// Where the server listens.
    public var apiURL: String
    /// An API key.
    public var apiKey: String

    /// Creates credentials.
    public init(apiURL: String, apiKey: String) {
        self.apiURL = apiURL
        self.apiKey = apiKey
    }

    /// The default location, relative to the working directory.
    public static let defaultPath = ".plexus/credentials"
}

import Foundation
import PlexusCore

/// Where the CLI finds the server and its key: flags, then `PLEXUS_API_URL` / `PLEXUS_API_KEY`,
/// then `./.plexus/credentials` (written by the first `plexus serve`), then `http://127.0.0.1:8080`.
public struct ConnectionSettings: Sendable, Hashable {
    /// The server's base URL.
    public var apiURL: String
    /// The API key.
    public var apiKey: String

    /// Creates settings from known values.
    public init(apiURL: String, apiKey: String) {
        self.apiURL = apiURL
        self.apiKey = apiKey
    }

    /// The URL used when nothing else names one.
    public static let defaultURL = "http://127.0.0.1:8080"

    /// Resolves the settings; this is the one place the CLI reads the environment for them.
    public static func resolve(
        apiURL: String?, apiKey: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        credentialsPath: String = Credentials.defaultPath
    ) throws -> ConnectionSettings {
        let saved = try readCredentials(at: credentialsPath)
        let url = apiURL ?? environment["PLEXUS_API_URL"].nonEmpty ?? saved?.apiURL ?? defaultURL
        guard let key = apiKey ?? environment["PLEXUS_API_KEY"].nonEmpty ?? saved?.apiKey else {
            throw PlexusClientError.missingContext(
                "No API key: pass --api-key, set PLEXUS_API_KEY, or run `plexus serve` once in this directory so it writes \(credentialsPath).")
        }
        return ConnectionSettings(apiURL: url, apiKey: key)
    }

    private static func readCredentials(at path: String) throws -> Credentials? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try PlexusJSON.decoder().decode(Credentials.self, from: data)
        } catch {
            throw PlexusClientError.invalid(field: path, message: "The credentials file is not valid JSON with apiURL and apiKey; delete it or fix it (\(error)).")
        }
    }
}

private extension Optional where Wrapped == String {
    var nonEmpty: String? { self.flatMap { $0.isEmpty ? nil : $0 } }
}

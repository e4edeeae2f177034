import ArgumentParser
import PlexusClient

/// `--api-url` and `--api-key`, shared by every command that talks to a server.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server URL (env PLEXUS_API_URL; default from ./.plexus/credentials, else http://127.0.0.1:8080).")
    var apiURL: String?

    @Option(help: "API key (env PLEXUS_API_KEY; default from ./.plexus/credentials).")
    var apiKey: String?

    /// Runs `body` with a client for the resolved server, shutting it down afterwards.
    func withClient<T: Sendable>(context: ClientContext = ClientContext(), _ body: (PlexusClient) async throws -> T) async throws -> T {
        let settings = try ConnectionSettings.resolve(apiURL: apiURL, apiKey: apiKey)
        return try await PlexusClient.withClient(baseURL: settings.apiURL, apiKey: settings.apiKey, context: context, body)
    }
}

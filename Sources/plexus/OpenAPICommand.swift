import ArgumentParser
import PlexusServer

/// `plexus openapi`: prints the API's OpenAPI document without a running server.
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi", abstract: "Print the REST API's OpenAPI 3.1 document (the same as GET /openapi.json).")

    func run() throws {
        try Output.json(openAPIDocument())
    }
}

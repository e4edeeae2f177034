import Foundation
import PlexusClient
import PlexusCore
import Testing

@Suite("Where the CLI finds the server and key")
struct ConnectionSettingsTests {
    private func credentialsFile(_ credentials: Credentials) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("credentials-\(UUID().uuidString)").path
        try PlexusJSON.encoder().encode(credentials).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Flags win over the environment, which wins over the credentials file")
    func precedence() throws {
        let file = try credentialsFile(Credentials(apiURL: "http://file:1", apiKey: "file-key"))
        let environment = ["PLEXUS_API_URL": "http://env:2", "PLEXUS_API_KEY": "env-key"]
        let fromFlags = try ConnectionSettings.resolve(apiURL: "http://flag:3", apiKey: "flag-key", environment: environment, credentialsPath: file)
        #expect(fromFlags == ConnectionSettings(apiURL: "http://flag:3", apiKey: "flag-key"))
        let fromEnvironment = try ConnectionSettings.resolve(apiURL: nil, apiKey: nil, environment: environment, credentialsPath: file)
        #expect(fromEnvironment == ConnectionSettings(apiURL: "http://env:2", apiKey: "env-key"))
        let fromFile = try ConnectionSettings.resolve(apiURL: nil, apiKey: nil, environment: [:], credentialsPath: file)
        #expect(fromFile == ConnectionSettings(apiURL: "http://file:1", apiKey: "file-key"))
    }

    @Test("With no key anywhere the error says how to get one")
    func missingKey() {
        #expect {
            try ConnectionSettings.resolve(apiURL: nil, apiKey: nil, environment: [:], credentialsPath: "/nonexistent/credentials")
        } throws: { error in
            "\(error)".contains("plexus serve")
        }
    }

    @Test("A corrupt credentials file is reported, not ignored")
    func corruptFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("credentials-\(UUID().uuidString)").path
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PlexusClientError.self) { try ConnectionSettings.resolve(apiURL: nil, apiKey: nil, environment: [:], credentialsPath: path) }
    }
}

import Foundation
import PlexusCore
import PlexusTestSupport
import Testing

/// The `plexus` binary run as a person runs it, for what only its output shows: messages in the
/// command line's own terms.
@Suite("plexus commands say what went wrong in the command line's terms", .serialized)
struct CommandLineTests {
    /// Runs `plexus arguments` in `folder` and returns its exit status and everything it printed.
    private func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        let output = OutputBuffer()
        let process = try ChildProcess(
            executable: ServeProcess.binary, arguments: arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
            directory: folder ?? FileManager.default.temporaryDirectory
        ) { output.append($0) }
        let status = await process.exitStatus()
        return (status, output.text)
    }

    private func withServer(_ body: (ServeProcess) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await ServeProcess(folder: folder, environment: ["PLEXUS_ADMIN_KEY": Self.key])
        do {
            try await body(server)
        } catch {
            _ = await server.stop()
            throw error
        }
        _ = await server.stop()
    }

    private static let key = "plx_command-line-test-key"

    private func environment(_ server: ServeProcess) -> [String: String] {
        ["PLEXUS_API_URL": server.baseURL, "PLEXUS_API_KEY": Self.key]
    }

    @Test("--version prints the version")
    func version() async throws {
        let (status, output) = try await run(["--version"])
        #expect(status == 0 && output.trimmingCharacters(in: .whitespacesAndNewlines) == PlexusVersion.current)
    }

    @Test("A server that is not running is reported at once, without retries, in plain words")
    func nothingListening() async throws {
        let start = ContinuousClock.now
        let (status, output) = try await run(["scorecard", "list"], environment: ["PLEXUS_API_URL": "http://127.0.0.1:1", "PLEXUS_API_KEY": "k"])
        #expect(status != 0 && ContinuousClock.now - start < .seconds(30))
        #expect(output.contains("nothing is listening there (connection refused). Is `plexus serve` running there?"))
        #expect(!output.contains("errno") && !output.contains("Retrying"))
    }

    @Test("Flags are named as flags, and a JSON mistake by its line and column")
    func flagsAndFiles() async throws {
        let simulate = try await run(["experiment", "simulate", "--scorecard-key", "call-qa", "--num-items", "0"])
        #expect(simulate.status != 0 && simulate.output.contains("--num-items must be at least 1"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).json")
        try Data("{\"key\": \"x\",\n  \"name\": \"X\",,\n  \"sections\": []}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let create = try await run(["scorecard", "create", "--file", file.path], environment: ["PLEXUS_API_URL": "http://127.0.0.1:1", "PLEXUS_API_KEY": "k"])
        #expect(create.status != 0 && create.output.contains("line 2, column 15: expected a member name in double quotes"))
        #expect(!create.output.contains("DecodingError") && !create.output.contains("Usage:"))
    }

    @Test("Unknown and missing scores, values outside the classes and a busy port each get a message that says what to do")
    func againstAServer() async throws {
        try await withServer { server in
            let environment = environment(server)
            let card = #"{"key":"qa","name":"QA","sections":[{"name":"Main","scores":[{"key":"greeting"},{"key":"resolved"}]}]}"#
            #expect(try await server.request("POST", "/api/v1/scorecards", key: Self.key, json: card).0 == 201)
            let unchosen = try await run(["score-result", "create", "--value", "Yes", "--item-id", "call-1", "--scorecard-id", "qa"], environment: environment)
            #expect(unchosen.status != 0 && unchosen.output.contains("Scorecard 'qa' has 2 scores (greeting, resolved); choose one with --score."))
            let unknown = try await run(["score-result", "create", "--value", "Yes", "--item-id", "call-1", "--scorecard-id", "qa", "--score", "nope"], environment: environment)
            #expect(unknown.output.contains("Scorecard 'qa' has no score 'nope'; its scores are greeting, resolved."))
            let maybe = try await run(["score-result", "create", "--value", "Maybe", "--item-id", "call-1", "--scorecard-id", "qa", "--score", "greeting"], environment: environment)
            #expect(maybe.status != 0 && maybe.output.contains("'Maybe' is not a class of score 'greeting'; send one of 'Yes', 'No'"))
            let account = try await run(["account", "get", "nosuch"], environment: ["PLEXUS_API_URL": server.baseURL, "PLEXUS_API_KEY": Self.key])
            #expect(account.output.contains("No account 'nosuch'") && !account.output.contains("exists in this API key's account"))

            let port = String(server.baseURL.split(separator: ":").last ?? "")
            let busy = try await run(["serve", "--port", port], in: server.folder)
            #expect(busy.status != 0 && busy.output.contains("Port \(port) on 127.0.0.1 is already in use") && busy.output.contains("--port"))
        }
    }
}

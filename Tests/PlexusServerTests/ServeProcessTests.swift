import Foundation
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("plexus serve as a process", .serialized)
struct ServeProcessTests {
    private func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("The first start prints a key once, saves it with mode 0600, and SIGTERM stops the server cleanly")
    func firstStart() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await ServeProcess(folder: folder)
        let credentialsPath = folder.appendingPathComponent(".plexus/credentials").path
        let attributes = try FileManager.default.attributesOfItem(atPath: credentialsPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let credentials = try PlexusJSON.decoder().decode(Credentials.self, from: Data(contentsOf: URL(fileURLWithPath: credentialsPath)))
        #expect(credentials.apiURL == server.baseURL)
        #expect(server.printed.contains(credentials.apiKey))
        let (status, _) = try await server.request("GET", "/api/v1/accounts/default", key: credentials.apiKey)
        #expect(status == 200)
        #expect(await server.stop() == 0)

        let again = try await ServeProcess(folder: folder)
        #expect(!again.printed.contains("Created the 'default' account"))
        #expect(try await again.request("GET", "/health", key: nil).0 == 200)
        #expect(await again.stop() == 0)
    }

    @Test("An acknowledged batch survives kill -9")
    func durability() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = "plx_durability-test-key"
        let server = try await ServeProcess(folder: folder, environment: ["PLEXUS_ADMIN_KEY": key])
        let scorecard = #"{"key":"qa","name":"QA","sections":[{"name":"Main","scores":[{"key":"greeting"}]}]}"#
        #expect(try await server.request("POST", "/api/v1/scorecards", key: key, json: scorecard).0 == 201)
        let results = (0..<1000).map { #"{"scorecardKey":"qa","scoreKey":"greeting","itemExternalId":"item-\#($0)","value":"Yes"}"# }
        let (status, _) = try await server.request("POST", "/api/v1/score-results/batch", key: key, json: #"{"scoreResults":[\#(results.joined(separator: ","))]}"#)
        #expect(status == 200)
        await server.kill()

        let restarted = try await ServeProcess(folder: folder, environment: ["PLEXUS_ADMIN_KEY": key])
        let (_, body) = try await restarted.request("GET", "/api/v1/score-results?limit=1000", key: key)
        let page = try PlexusJSON.decoder().decode(Page<ScoreResult>.self, from: Data(body.utf8))
        #expect(page.data.count == 1000)
        #expect(await restarted.stop() == 0)
    }

    @Test("SIGTERM ends the server even while a client holds an idle connection open")
    func shutdownWithIdleConnection() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await ServeProcess(folder: folder, environment: ["PLEXUS_SHUTDOWN_GRACE_SECONDS": "1"])
        let port = try #require(Int(server.baseURL.split(separator: ":").last ?? ""))
        let socket = try RawConnection(port: port)
        defer { socket.close() }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(await server.stop() == 0)
        #expect(clock.now - start < .seconds(8))
    }
}

import PlexusClient
import Testing

@Suite("MLflow client errors that need no server")
struct MLflowClientErrorTests {
    @Test("A tracking URI that is not an http(s) URL is rejected with a hint", arguments: ["", "127.0.0.1:5000", "file:///tmp/mlruns", "http://"])
    func badURI(uri: String) {
        let error = #expect(throws: MLflowError.self) { try MLflowClient(trackingURI: uri) }
        #expect(error == .invalidTrackingURI(uri))
        #expect(error?.description.contains("http://127.0.0.1:5000") == true)
    }

    @Test("An unreachable tracking URI names the URL and says to start the server")
    func unreachable() async throws {
        // Nothing listens on port 1; AsyncHTTPClient retries a refused connection until the deadline.
        let client = try MLflowClient(trackingURI: "http://127.0.0.1:1/", timeout: .milliseconds(300))
        let error = await #expect(throws: MLflowError.self) { try await client.experiment(named: "x") }
        guard case .unreachable(let url, _) = error else { Issue.record("Expected unreachable, got \(String(describing: error))"); return }
        #expect(url == "http://127.0.0.1:1/api/2.0/mlflow/experiments/get-by-name?experiment_name=x")
        #expect(error?.description.contains("`mlflow server` is running") == true)
    }
}

import AsyncHTTPClient
import Foundation
import PlexusClient

/// The MLflow server the live tests use: `PLEXUS_TEST_MLFLOW_URI` (CI starts one with
/// scripts/start-mlflow.sh and also sets `PLEXUS_REQUIRE_MLFLOW=1`). Without either, the live
/// suites are disabled so local runs without MLflow still pass.
enum MLflowTestServer {
    /// The tracking URI, if configured.
    static var uri: String? {
        ProcessInfo.processInfo.environment["PLEXUS_TEST_MLFLOW_URI"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the live tests run: a server is named, or the run requires one (and then fails without it).
    static var isEnabled: Bool {
        uri != nil || ProcessInfo.processInfo.environment["PLEXUS_REQUIRE_MLFLOW"] == "1"
    }

    /// Why a required server is missing.
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "PLEXUS_REQUIRE_MLFLOW=1 but PLEXUS_TEST_MLFLOW_URI is unset; start a server with scripts/start-mlflow.sh and export its URI."
        }
    }

    /// A client of the test server.
    static func client() throws -> MLflowClient {
        guard let uri else { throw Missing() }
        return try MLflowClient(trackingURI: uri, timeout: .seconds(60))
    }

    /// A name no earlier test run used, so runs of the suite never see each other's data.
    static func uniqueName(_ prefix: String) -> String {
        "plexus-test-\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}

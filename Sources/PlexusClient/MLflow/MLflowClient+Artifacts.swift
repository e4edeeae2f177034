import Foundation

extension MLflowClient {
    /// Uploads `data` as the artifact at `path` (e.g. `reports/confusion.json`) under the run's
    /// artifact root, through the server's `mlflow-artifacts` proxy. Throws
    /// ``MLflowError/artifactsUnsupported(artifactURI:reason:)`` when the server cannot take
    /// artifacts over HTTP, so the caller can store them another way.
    public func uploadArtifact(run: MLflowRunInfo, path: String, data: Data) async throws(MLflowError) {
        let url = try proxyURL(run: run, path: path)
        do {
            _ = try await transport.send("PUT", url: url, body: data, contentType: "application/octet-stream")
        } catch let .server(_, status, _, message) where status == 503 || status == 404 || status == 405 {
            // 503: started with --no-serve-artifacts; 404/405: a server without the proxy routes.
            throw .artifactsUnsupported(artifactURI: run.artifactURI, reason: "PUT \(url) answered HTTP \(status): \(message)")
        }
    }

    /// Downloads the artifact at `path` under the run's artifact root through the proxy.
    public func downloadArtifact(run: MLflowRunInfo, path: String) async throws(MLflowError) -> Data {
        try await transport.send("GET", url: try proxyURL(run: run, path: path), body: nil, contentType: nil)
    }

    private func proxyURL(run: MLflowRunInfo, path: String) throws(MLflowError) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw .invalid(field: "path", message: "Artifact path '\(path)' must be relative, like 'reports/summary.json', without empty, '.' or '..' parts.")
        }
        guard let location = MLflowArtifactLocation(artifactURI: run.artifactURI) else {
            throw .artifactsUnsupported(artifactURI: run.artifactURI, reason: "the run's artifact URI is not an mlflow-artifacts: URI, so only clients with direct access to that store can write it")
        }
        return location.url(baseURL: trackingURI, path: path)
    }
}

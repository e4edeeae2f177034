import Foundation
@testable import PlexusClient
import Testing

@Suite("MLflow artifact locations and fallback tags")
struct MLflowArtifactTests {
    @Test("mlflow-artifacts URIs, with or without a host, map to the proxy path")
    func proxyPath() {
        let plain = MLflowArtifactLocation(artifactURI: "mlflow-artifacts:/3/abc/artifacts")
        #expect(plain?.url(baseURL: "http://h:1", path: "model/MLmodel") == "http://h:1/api/2.0/mlflow-artifacts/artifacts/3/abc/artifacts/model/MLmodel")
        let hosted = MLflowArtifactLocation(artifactURI: "mlflow-artifacts://tracker:5000/3/abc/artifacts/")
        #expect(hosted?.rootPath == "3/abc/artifacts")
    }

    @Test("Local and cloud artifact URIs cannot be written over HTTP")
    func otherSchemes() {
        #expect(MLflowArtifactLocation(artifactURI: "/tmp/mlruns/1/abc/artifacts") == nil)
        #expect(MLflowArtifactLocation(artifactURI: "s3://bucket/1/abc/artifacts") == nil)
    }

    @Test("A small text artifact becomes a tag holding its text, with a key MLflow accepts")
    func textTag() {
        let tag = MLflowArtifactTag(artifact: MLflowArtifact(path: "reports/conf matrix#1.json", data: Data("{\"a\":1}".utf8)), maxLength: 8000)
        #expect(tag.tag == MLflowKeyValue(key: "plexus.artifact.reports/conf matrix_1.json", value: "{\"a\":1}"))
        #expect(tag.note == nil)
    }

    @Test("A binary artifact is stored as Base64")
    func binaryTag() {
        let bytes = Data([0xFF, 0x00, 0xFE])
        let tag = MLflowArtifactTag(artifact: MLflowArtifact(path: "model.onnx", data: bytes), maxLength: 8000)
        #expect(tag.tag.value == "base64:" + bytes.base64EncodedString())
    }

    @Test("An artifact over the tag limit is cut, marked with its full size, and noted")
    func truncatedTag() {
        let tag = MLflowArtifactTag(artifact: MLflowArtifact(path: "big.txt", data: Data(String(repeating: "x", count: 500).utf8)), maxLength: 100)
        #expect(tag.tag.value.unicodeScalars.count == 100)
        #expect(tag.tag.value.hasSuffix("…[truncated: 500 bytes]"))
        #expect(tag.note?.contains("big.txt") == true)
    }
}

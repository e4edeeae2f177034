import Foundation
import PlexusScoring
import Testing

@Suite("ml: model artifacts")
struct TrainedTextModelTests {
    @Test("An artifact survives encoding and decoding unchanged", arguments: TextModelAlgorithm.allCases)
    func roundTrip(_ algorithm: TextModelAlgorithm) throws {
        let model = try MLFactories.trainedArtifact(algorithm)
        #expect(try TrainedTextModel.decode(model.encoded()) == model)
    }

    @Test("Settings are written with snake_case keys")
    func snakeCaseKeys() throws {
        let json = String(decoding: try MLFactories.trainedArtifact().encoded(), as: UTF8.self)
        #expect(json.contains("\"ngram_range\":[1,2]"))
        #expect(json.contains("\"format_version\":1"))
    }

    @Test("Another format version is refused")
    func formatVersion() throws {
        var model = try MLFactories.trainedArtifact()
        model.formatVersion = 99
        let data = try model.encoded()
        #expect(throws: TextModelArtifactError.unsupportedFormat(found: 99, supported: 1)) { try TrainedTextModel.decode(data) }
    }

    @Test("Weights that do not fit the vocabulary are refused")
    func inconsistent() throws {
        var model = try MLFactories.trainedArtifact()
        model.weights[0].removeLast()
        let data = try model.encoded()
        #expect(throws: TextModelArtifactError.self) { try TrainedTextModel.decode(data) }
    }

    @Test("Bytes that are not an artifact are refused")
    func garbage() {
        #expect(throws: TextModelArtifactError.self) { try TrainedTextModel.decode(Data("not json".utf8)) }
    }

    @Test("Batch and concurrent prediction agree with one-by-one prediction")
    func batchPrediction() async throws {
        let model = TextModel(try MLFactories.trainedArtifact())
        let texts = MLFactories.separableCorpus(count: 9).map(\.text)
        let single = texts.map(model.predict)
        #expect(model.predict(texts) == single)
        #expect(await model.predictConcurrently(texts, parallelism: 4) == single)
    }
}

import PlexusScoring
import Testing

@Suite("ml: vocabulary limits")
struct TfidfFittingTests {
    func vocabulary(_ texts: [String], minDF: Int = 1, maxFeatures: Int? = nil) throws -> [String] {
        let examples = texts.enumerated().map { (text: $1, label: $0 % 2 == 0 ? "a" : "b") }
        let settings = TextModelSettings(algorithm: .naiveBayes, minDF: minDF, maxFeatures: maxFeatures, testSize: 0)
        return try TextModelTrainer(settings: settings).train(examples).vocabulary
    }

    @Test("max_features keeps the most frequent terms, the alphabetically first among ties")
    func maxFeaturesTies() throws {
        #expect(try vocabulary(["zz zz yy", "xx ww", "vv uu"], maxFeatures: 3) == ["uu", "vv", "zz"])
    }

    @Test("min_df drops terms found in too few texts")
    func minDF() throws {
        #expect(try vocabulary(["apple pear", "apple fig", "pear kiwi"], minDF: 2) == ["apple", "pear"])
    }

    @Test("A min_df no term reaches is an error naming it")
    func emptyVocabulary() {
        #expect(throws: TextModelTrainingError.emptyVocabulary(minDF: 3, documents: 3)) {
            try vocabulary(["apple pear", "apple fig", "pear kiwi"], minDF: 3)
        }
    }
}

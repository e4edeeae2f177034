@testable import PlexusScoring
import Testing

/// Similarities and distances against RapidFuzz on the cases it generated.
@Suite("Fuzzy matching agrees with RapidFuzz")
struct FuzzyReferenceTests {
    /// Agreement required with RapidFuzz's similarities.
    private let tolerance = 1e-9

    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test("The fixture holds pair and window cases")
    func fixtureLoads() throws {
        #expect(try FuzzyReferenceCase.all("pair").count >= 50)
        #expect(try FuzzyReferenceCase.all("window").count >= 30)
    }

    @Test("Levenshtein and Indel distances match RapidFuzz", arguments: try FuzzyReferenceCase.all("pair"))
    func distances(_ reference: FuzzyReferenceCase) throws {
        let a = scalars(try #require(reference.a)), b = scalars(try #require(reference.b))
        #expect(EditDistance.levenshtein(a, b) == reference.levenshtein)
        #expect(EditDistance.indel(a, b) == reference.indel)
        var workspace = SubsequenceWorkspace()
        #expect(workspace.indel(a, b) == reference.indel)
    }

    @Test("Similarities match Levenshtein.normalized_similarity and token_set_ratio", arguments: try FuzzyReferenceCase.all("pair"))
    func similarities(_ reference: FuzzyReferenceCase) throws {
        let a = try #require(reference.a), b = try #require(reference.b)
        let edit = FuzzyMatcher.similarity(a, b, method: .editDistance)
        let tokenSet = FuzzyMatcher.similarity(a, b, method: .tokenSet)
        #expect(abs(edit - (try #require(reference.levenshteinSimilarity))) <= tolerance)
        #expect(abs(tokenSet - reference.tokenSet) <= tolerance)
    }

    @Test("The best window matches a brute-force search with RapidFuzz", arguments: try FuzzyReferenceCase.all("window"))
    func bestWindow(_ reference: FuzzyReferenceCase) throws {
        let phrase = try #require(reference.phrase), text = try #require(reference.text)
        let edit = try #require(FuzzyMatcher(phrase: phrase, method: .editDistance).bestMatch(in: text))
        let tokenSet = try #require(FuzzyMatcher(phrase: phrase, method: .tokenSet).bestMatch(in: text))
        #expect(abs(edit.similarity - (try #require(reference.editDistance))) <= tolerance)
        #expect(abs(tokenSet.similarity - reference.tokenSet) <= tolerance)
        #expect(abs(FuzzyMatcher.similarity(phrase, String(edit.text), method: .editDistance) - edit.similarity) <= tolerance)
    }
}

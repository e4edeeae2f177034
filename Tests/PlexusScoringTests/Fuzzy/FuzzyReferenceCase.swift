import Foundation
import Testing

/// One case of `Fixtures/fuzzy.json`, written by `scripts/reference/fuzzy_fixtures.py` from RapidFuzz.
struct FuzzyReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var kind: String
    /// Pair cases: the two strings and RapidFuzz's distances and similarities.
    var a: String?
    var b: String?
    var levenshtein: Int?
    var levenshteinSimilarity: Double?
    var indel: Int?
    /// Window cases: the phrase, the text and the best window similarity by brute force.
    var phrase: String?
    var text: String?
    var editDistance: Double?
    /// Both kinds: `token_set_ratio / 100` of the pair, or the best window's.
    var tokenSet: Double

    var testDescription: String { name }

    /// The cases of `kind` ("pair" or "window").
    static func all(_ kind: String) throws -> [FuzzyReferenceCase] {
        struct File: Decodable { var cases: [FuzzyReferenceCase] }
        guard let url = Bundle.module.url(forResource: "fuzzy", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.filter { $0.kind == kind }
    }
}

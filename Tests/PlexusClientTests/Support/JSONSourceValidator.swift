import Foundation
import PlexusCore
import PlexusServer

/// A stand-in for the YAML parser in client tests: the source must be a scorecard draft as JSON
/// (which is also YAML), so the tests need no classifier types.
enum JSONSourceValidator {
    static let validator = ScorecardSourceValidator { source in
        guard let draft = try? PlexusJSON.decoder().decode(ScorecardDraft.self, from: Data(source.utf8)) else {
            throw ScorecardSourceRejected(diagnostics: [
                .init(line: 1, column: 1, path: "", message: "Not a scorecard draft in JSON."),
                .init(line: nil, column: nil, path: "key", message: "No key."),
            ])
        }
        return draft
    }

    /// The source of a scorecard `key` with one score `greeting`, named `name`.
    static func source(key: String = "chat-qa", name: String = "Chat QA") -> String {
        let draft = ScorecardDraft(key: key, name: name, sections: [.init(name: "Opening", scores: [ScoreDraft(key: "greeting")])])
        return String(decoding: (try? PlexusJSON.encoder().encode(draft)) ?? Data(), as: UTF8.self)
    }
}

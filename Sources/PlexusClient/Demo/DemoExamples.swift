import Foundation

/// The example scorecards and their labelled data that the demo loads: the same files README's
/// walkthrough uses (`examples/call-qa`, `examples/support-chat`), so a walkthrough on a `--demo`
/// server finds them already there.
public struct DemoExamples: Sendable, Hashable {
    /// One example: a scorecard's YAML and the labelled items it is scored on.
    public struct Example: Sendable, Hashable {
        /// The scorecard YAML, pushed as its first version.
        public var scorecardYAML: String
        /// The path of the labelled JSON Lines file.
        public var itemsPath: String
    }

    /// The examples, never empty; the first is the one the demo's history and evaluations use.
    public let examples: [Example]

    private init(examples: [Example]) {
        self.examples = examples
    }

    /// The examples in `directory` (the repository's `examples/`).
    /// - Throws: ``DemoError/examplesMissing(directory:file:)`` naming the first file that is not there.
    public static func load(from directory: String) throws -> DemoExamples {
        let base = URL(fileURLWithPath: directory)
        let files = [("call-qa/scorecard.yaml", "call-qa/transcripts.jsonl"), ("support-chat/scorecard.yaml", "support-chat/chats.jsonl")]
        let examples = try files.map { scorecard, items in
            let scorecardURL = base.appendingPathComponent(scorecard)
            let itemsURL = base.appendingPathComponent(items)
            guard let yaml = try? String(contentsOf: scorecardURL, encoding: .utf8) else {
                throw DemoError.examplesMissing(directory: directory, file: scorecard)
            }
            guard FileManager.default.isReadableFile(atPath: itemsURL.path) else {
                throw DemoError.examplesMissing(directory: directory, file: items)
            }
            return Example(scorecardYAML: yaml, itemsPath: itemsURL.path)
        }
        return DemoExamples(examples: examples)
    }
}

/// Why the demo could not be loaded.
public enum DemoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An example file the demo loads is not where it was looked for.
    case examplesMissing(directory: String, file: String)

    /// What is missing and what to do.
    public var description: String {
        switch self {
        case let .examplesMissing(directory, file):
            return "The demo loads the example scorecards and data, but \(directory)/\(file) is not there; "
                + "run from the repository's root folder, or pass --examples with the path of its examples folder."
        }
    }
}

import PlexusCore

/// The `llm` classifier type: a tree of prompts sent to an OpenAI-compatible model.
///
/// ```yaml
/// classifier:
///   type: llm
///   start: greeted
///   nodes:
///     greeted:
///       kind: classifier
///       user: "Transcript:\n{{text}}\n\nDid the agent say \"thank you for calling\"? Answer Yes or No."
/// ```
/// See docs/classifiers/llm.md for every setting.
public struct LLMClassifierKind: ClassifierKind {
    /// `llm`.
    public let type = "llm"

    /// Creates the kind.
    public init() {}

    /// Decoding problems, or every problem of the tree (targets, cycles, classes, templates, chunking, relevance).
    public func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        let unknown = RelevanceSettings.unknownFields(in: settings)
        do {
            return unknown + TreeValidator.problems(in: try SettingsDecoder.decode(LLMSettings.self, from: settings), for: score)
        } catch {
            return unknown + [error]
        }
    }

    /// Builds the classifier on the context's shared chat-completions client.
    public func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        guard let client = context.llm else { throw LLMError.notConfigured }
        let decoded = try SettingsDecoder.decode(LLMSettings.self, from: settings)
        let chunker = decoded.chunking.map { TextChunker(maxChars: $0.maxChars, overlap: $0.overlap ?? 0) }
        let tree = try PromptTree(decoded)
        var relevance: TextRelevance?
        if let settings = decoded.relevance?.llm {
            relevance = .llm(try LLMRelevanceFilter(settings, client: client, model: tree.model))
        } else if let settings = decoded.relevance, let keywords = settings.keywords {
            relevance = .keywords(RelevanceFilter(keywords: keywords, window: settings.window ?? 0))
        }
        return LLMClassifier(
            runner: TreeRunner(tree: tree, client: client), chunker: chunker,
            combiner: ChunkCombiner(rule: decoded.chunking?.combine ?? .any, positiveClass: score.positiveClass ?? "Yes"),
            relevance: relevance, otherwise: decoded.relevance?.otherwise
        )
    }
}

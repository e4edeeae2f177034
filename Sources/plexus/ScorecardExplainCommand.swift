import ArgumentParser
import Foundation
import PlexusClient
import PlexusCore
import PlexusModels

extension ScorecardCommand {
    /// `plexus scorecard explain`: which words make a score classify a text as it does.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which words make a score classify a text as it does (LIME for text), with a progress bar.",
            discussion: """
                Runs the score's classifier here (with the scores it depends on) on --samples copies of the text, each \
                with a random set of its words removed (every occurrence of a word goes together; case counts), and fits \
                lime's weighted ridge surrogate: a word's weight is how much keeping it moves each class's probability. \
                A classification counts as its confidence for its class (1 when the classifier gives none), the rest \
                shared by the other classes. Seeded by --seed, so a rerun gives the same weights. Every sample is one \
                classification: with an llm classifier that is --samples model calls, so start small (the cost is printed). \
                Prints the strongest words for the predicted class (or --class) as bars, or everything with --json.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var llm: LLMOptions
        @Argument(help: "The scorecard's key.") var scorecard: String
        @Option(help: "The score to explain.") var score: String
        @Option(help: "The text to explain.") var text: String?
        @Option(help: "A file holding the text to explain.") var file: String?
        @Option(help: "The scorecard version (default: newest).") var version: Int?
        @Option(help: "Perturbed texts to classify (lime's default 5000).") var samples = 5_000
        @Option(help: "The seed of the random draws.") var seed = 0
        @Option(help: "The kernel width on cosine distances × 100 (lime's default 25).") var kernelWidth = 25.0
        @Option(help: "Texts classified at the same time.") var concurrency = 8
        @Option(name: .customLong("class"), help: "The class whose weights to show (default: the predicted one).") var className: String?
        @Option(help: "How many words to show.") var top = 10
        @Flag(help: "Print the whole explanation as JSON.") var json = false

        func validate() throws {
            guard (text == nil) != (file == nil) else { throw ValidationError("Give the text with --text or --file (one of them).") }
            if let file, !FileManager.default.isReadableFile(atPath: file) { throw ValidationError("Cannot read \(file).") }
            guard (2 ... 1_000_000).contains(samples) else { throw ValidationError("--samples must be 2–1000000; got \(samples).") }
            guard seed >= 0 else { throw ValidationError("--seed must be 0 or more; got \(seed).") }
            guard kernelWidth > 0 else { throw ValidationError("--kernel-width must be positive; got \(kernelWidth).") }
            guard (1 ... 256).contains(concurrency) else { throw ValidationError("--concurrency must be 1–256; got \(concurrency).") }
            guard top >= 1 else { throw ValidationError("--top must be at least 1; got \(top).") }
        }

        func run() async throws {
            let document = try text ?? String(contentsOfFile: file ?? "", encoding: .utf8)
            let explainer = try TextLimeExplainer(samples: samples, kernelWidth: kernelWidth, seed: UInt64(seed))
            let (scorecard, version, score, concurrency) = (scorecard, version, score, concurrency)
            let isTerminal = isatty(STDERR_FILENO) == 1
            FileHandle.standardError.write(Data("Classifying \(samples) variants of the text with \(scorecard)/\(score)…\n".utf8))
            let (explanation, usage) = try await connection.withClient { client in
                try await llm.withLLM { llmClient in
                    let session = try await ScoringSession.open(client: client, scorecard: scorecard, version: version, llm: llmClient)
                    let runner = try await session.runner(scores: [score])
                    return try await explainer.explain(document, score: score, runner: runner, concurrency: concurrency) { done, total in
                        guard isTerminal, done == total || done % 50 == 0 else { return }
                        FileHandle.standardError.write(Data(("\r" + ProgressBar().render(done: done, total: total, detail: "texts classified")).utf8))
                    }
                }
            }
            if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
            if json { return try Output.json(explanation) }
            let shown: Int
            if let className {
                guard let index = explanation.classes.firstIndex(of: className) else {
                    throw ValidationError("--class \(className) is not one of the score's classes: \(explanation.classes.joined(separator: ", ")).")
                }
                shown = index
            } else {
                shown = explanation.predictedClass
            }
            print(Self.chart(explanation, class: shown, top: top))
            print(String(format: "%d texts classified, cost $%.4f (%d model calls).", explanation.samples, usage.cost, usage.calls))
        }

        /// The strongest words for class `index` as bars: █ towards the class, ░ away from it.
        static func chart(_ explanation: TextExplanation, class index: Int, top: Int, width: Int = 30) -> String {
            let probabilities = zip(explanation.classes, explanation.probabilities).map { String(format: "%@ %.2f", $0.0, $0.1) }
            var text = "Classified as \(explanation.classes[explanation.predictedClass]) (\(probabilities.joined(separator: ", "))).\n"
                + String(format: "Words for %@ (weighted R² of the surrogate %.2f, intercept %.3f):\n",
                         explanation.classes[index], explanation.scores[index], explanation.intercepts[index])
            let words = explanation.strongestWords(for: index, count: top)
            let nameWidth = words.map(\.word.count).max() ?? 0
            let largest = words.map { abs($0.weight) }.max() ?? 0
            for (word, weight) in words {
                let length = largest > 0 ? Int((abs(weight) / largest * Double(width)).rounded()) : 0
                text += "  " + word.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                    + String(repeating: weight >= 0 ? "█" : "░", count: length) + String(repeating: " ", count: width - length)
                    + String(format: "  %+.4f", weight) + "\n"
            }
            return text
        }
    }
}

import ArgumentParser
import Foundation
import PlexusScoring

/// `plexus-bench scoring`: items per second through the scoring engine's classifiers.
struct ScoringBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scoring",
        abstract: "Score generated transcripts with rules and ml scores (against scikit-learn) and with an llm score (against a fake server).",
        discussion: """
            (a) Generates --items transcripts of ~2 KB (seeded), trains the ml score on the first --train-items, and times the raw \
            ml predict loop and the full scorecard path (ScorecardRunner + BatchScorer) against scikit-learn's TfidfVectorizer + \
            LogisticRegression transform+predict on the same texts (scripts/bench/scoring_reference.py). Target: at least as fast.
            (b) Scores --llm-items items with a one-question llm score against the in-process fake server (100 ms latency) at \
            concurrency 64, at a quarter, half and all of the items. Targets: >= 90% of the ideal 640 items/s; flat peak RSS.
            """
    )

    @Option(help: "Transcripts for the rules and ml part.")
    var items = 100_000

    @Option(help: "Leading transcripts both models are trained on.")
    var trainItems = 10_000

    @Option(help: "Items scored concurrently in the rules and ml part (default: the active processor count).")
    var concurrency = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Items for the llm part; also measured at a quarter and a half of this.")
    var llmItems = 20_000

    @Option(help: "Requests in flight to the fake LLM server.")
    var llmConcurrency = 64

    @Option(help: "The fake LLM server's latency in milliseconds.")
    var llmLatency = 100

    @Option(help: "Python with scikit-learn, for the reference.")
    var python = ".venv/bin/python"

    @Option(help: "The scikit-learn reference script.")
    var referenceScript = "scripts/bench/scoring_reference.py"

    @Option(help: "Seeds the generated transcripts.")
    var seed: UInt64 = 2026

    @Flag(help: "Skip the llm part.")
    var skipLLM = false

    @Flag(help: "Skip the scikit-learn reference.")
    var skipReference = false

    func validate() throws {
        guard items >= 1, (1...items).contains(trainItems) else { throw ValidationError("--train-items \(trainItems) must be from 1 to --items \(items).") }
        guard llmItems >= 4, llmConcurrency >= 1, llmLatency >= 1 else { throw ValidationError("--llm-items must be at least 4, --llm-concurrency and --llm-latency at least 1.") }
    }

    func run() async throws {
        let corpus = ScoringCorpus(seed: seed)
        if !skipLLM {
            // First, so the rules and ml corpus does not inflate the memory it reports.
            try await ScoringLLMPhase(corpus: corpus, counts: [llmItems / 4, llmItems / 2, llmItems], concurrency: llmConcurrency, latencyMilliseconds: llmLatency).run()
            print("")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let transcripts = (0..<items).map(corpus.transcript)
        let characters = transcripts.reduce(0) { $0 + $1.text.utf8.count }
        print(String(format: "generated %d transcripts (mean %d bytes) in %.1f s; %d cores", items, characters / items, (clock.now - start).seconds, ProcessInfo.processInfo.activeProcessorCount))
        let reference = skipReference ? nil : ScoringReference(python: python, script: referenceScript)
        try await ScoringMLPhase(corpus: transcripts, training: trainItems, concurrency: concurrency, reference: reference).run()
    }
}

import Foundation
import PlexusScoring

/// Part (a) of `plexus-bench scoring`: `rules` and `ml` scores over a generated corpus, against
/// scikit-learn's TF-IDF + logistic regression on the same texts.
struct ScoringMLPhase {
    let corpus: [ScoringCorpus.Transcript]
    let training: Int
    let concurrency: Int
    let reference: ScoringReference?

    func run() async throws {
        let definition = try ScoringScorecards.definition(ScoringScorecards.rulesAndML)
        let block = definition.score(ScoringScorecards.mlScore)!.classifier
        let settings = try MLClassifierKind().trainingSettings(block)
        let clock = ContinuousClock()
        let trainStart = clock.now
        let artifact = try TextModelTrainer(settings: settings).train(corpus.prefix(training).map { ($0.text, $0.label) })
        print(String(format: "plexus trained on %d texts in %.1f s: %d terms", training, (clock.now - trainStart).seconds, artifact.vocabulary.count))

        let sklearn = try referenceRun()
        if let sklearn {
            print(String(format: "scikit-learn fitted in %.1f s: %d terms", sklearn.result.fitSeconds, sklearn.result.vocabulary))
        }
        let baseline = sklearn.map { ScoringMeasurement(label: "scikit-learn transform+predict, 1 thread", items: $0.result.items, seconds: $0.result.seconds) }
        let texts = corpus.map(\.text)
        let model = TextModel(artifact)
        var predictions: [TextPrediction] = []
        var rows = [await ScoringMeasurement.time("plexus ml predict, 1 task", items: texts.count) { predictions = model.predict(texts) }]
        if concurrency > 1 {
            rows.append(await ScoringMeasurement.time("plexus ml predict, \(concurrency) tasks", items: texts.count) {
                _ = await model.predictConcurrently(texts, parallelism: concurrency)
            })
        }
        let stored = StoredModelArtifact(version: 1, data: try artifact.encoded())
        for (label, scores) in [("rules (2 scores)", ScoringScorecards.ruleScores), ("ml (1 score)", [ScoringScorecards.mlScore]),
                                ("rules + ml (3 scores)", ScoringScorecards.ruleScores + [ScoringScorecards.mlScore])] {
            rows.append(try await scorecardRun(label, definition: definition, scores: scores, model: stored))
        }

        print(ScoringMeasurement.header)
        for row in [baseline].compactMap({ $0 }) + rows { print(row.line(against: baseline?.itemsPerSecond)) }
        if let sklearn {
            let agree = zip(predictions, sklearn.labels).count { $0.label == $1 }
            print(String(format: "plexus and scikit-learn agree on %d of %d predictions (%.3f%%)", agree, texts.count, 100 * Double(agree) / Double(texts.count)))
        }
    }

    /// The full path: ScorecardRunner + BatchScorer into a counting sink.
    private func scorecardRun(_ label: String, definition: ScorecardDefinition, scores: [String], model: StoredModelArtifact) async throws -> ScoringMeasurement {
        let context = ClassifierContext(scorecardKey: definition.key, models: ScoringModelSource(artifact: model))
        let runner = try await ScorecardRunner(definition: definition, version: 1, scores: scores, context: context)
        let items = corpus.map { ScoringItem(id: $0.id, text: $0.text) }
        let sink = ScoringCountingSink()
        let measurement = try await ScoringMeasurement.time("plexus scorecard \(label), concurrency \(concurrency)", items: items.count) {
            _ = try await BatchScorer(runner: runner, concurrency: concurrency).run(ScoringRows(count: items.count) { items[$0] }, into: sink)
        }
        let failures = await sink.failures
        guard failures.isEmpty, await sink.items == items.count else {
            throw BenchError.setup("the scorecard run stored \(await sink.items) of \(items.count) items; failures: \(failures.joined(separator: "; "))")
        }
        return measurement
    }

    /// Writes the corpus as JSON Lines and runs scikit-learn on it.
    private func referenceRun() throws -> (result: ScoringReference.Result, labels: [String])? {
        guard let reference else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-scoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("corpus.jsonl")
        let encoder = JSONEncoder()
        var data = Data()
        for transcript in corpus {
            data.append(try encoder.encode(transcript))
            data.append(0x0A)
        }
        try data.write(to: file)
        let predictions = folder.appendingPathComponent("predictions.txt")
        let result = try reference.run(corpus: file, training: training, predictions: predictions)
        let labels = try String(contentsOf: predictions, encoding: .utf8).split(separator: "\n").map(String.init)
        return (result, labels)
    }
}

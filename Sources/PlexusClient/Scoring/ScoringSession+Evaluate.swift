import PlexusCore
import PlexusScoring

/// Evaluation runs: score labelled items and compare with the labels, live.
extension ScoringSession {
    /// Scores the labelled items `options` selects and records one evaluation per evaluated score
    /// on the server, updating progress and metrics after every stored batch; ends each evaluation
    /// COMPLETED with its final metrics, confusion matrix and cost (or FAILED with the error).
    public func evaluate(_ options: EvaluationOptions, events: @escaping @Sendable (ScoringEvent) -> Void = { _ in }) async throws -> EvaluationReport {
        let runner = try await runner(scores: options.scores)
        let candidates = options.scores ?? definition.allScores.map(\.key)
        let items = try await LabelledInputs.load(options, scores: candidates, session: self)
        // Scores nobody labelled cannot be evaluated: named ones are an error, the rest are left out.
        let (evaluated, unlabelled) = EvaluationSample.labelledScores(candidates, in: items)
        guard !evaluated.isEmpty, options.scores == nil || unlabelled.isEmpty else {
            throw EvaluationRunError.noLabelledItems(scorecard: definition.key, scores: evaluated.isEmpty ? candidates : unlabelled)
        }
        let evaluations = try await createEvaluations(for: evaluated, items: items.count, options: options)
        let tallies = Dictionary(uniqueKeysWithValues: evaluated.compactMap { key in definition.score(key).map { (key, ScoreTally(score: $0)) } })
        let results = RemoteScoringSink(client: client, scorecardKey: definition.key, version: version, scoreKeys: runner.scoreKeys, evaluations: evaluations)
        let sink = EvaluatingSink(results: results, evaluations: evaluations, tallies: tallies, total: items.count) { [client] id, update in
            try await client.experiments.update(id: id, update)
        }
        do {
            var scorer = BatchScorer(runner: runner, concurrency: options.concurrency, batchSize: 25)
            scorer.itemsExpected = items.count
            let progress = try await scorer.run(InputItemRows(items: items), into: sink, events: events)
            let final = await sink.tallies
            for (key, id) in evaluations {
                var update = final[key]!.evaluationUpdate(processed: items.count, total: items.count)
                update.status = .completed
                _ = try await client.experiments.update(id: id, update, immediate: true)
            }
            let reports = evaluated.compactMap { key in
                final[key].map { EvaluationReport.ScoreReport(evaluationID: evaluations[key]!, tally: $0, classifierType: $0.score.classifierType ?? "") }
            }
            return EvaluationReport(
                scorecardKey: definition.key, version: version, items: items.count, scores: reports, progress: progress, unlabelledScores: unlabelled)
        } catch where Task.isCancelled {
            throw await interrupted(evaluations, by: error)
        } catch {
            for id in evaluations.values {
                let failure = EvaluationUpdate(status: .failed, errorMessage: String(describing: error))
                _ = try? await client.experiments.update(id: id, failure, immediate: true)
            }
            throw error
        }
    }

    /// Ends the evaluations of an interrupted run CANCELLED after the queued progress updates,
    /// within the grace period (the cancelled task's own requests would be refused).
    private func interrupted(_ evaluations: [String: Identifier<Evaluation>], by error: any Error) async -> RunInterrupted {
        let scoring = error as? ScoringInterrupted
        let recorded = scoring?.progress.resultsStored ?? 0
        let unsent = scoring?.unsaved ?? 0
        let message = scoring.map { "Interrupted after scoring \($0.progress.itemsScored) items." } ?? "Interrupted."
        let ended = await BoundedWait.run(.seconds(5)) { [client] in
            await client.flush()
            for id in evaluations.values {
                let update = EvaluationUpdate(status: .cancelled, errorMessage: message, errorDetails: ["reason": "interrupted"])
                _ = try? await client.experiments.update(id: id, update, immediate: true)
            }
        }
        return RunInterrupted(evaluations: Array(evaluations.values), recorded: recorded, unsent: unsent, evaluationsEnded: ended)
    }

    private func createEvaluations(for scores: [String], items: Int, options: EvaluationOptions) async throws -> [String: Identifier<Evaluation>] {
        var ids: [String: Identifier<Evaluation>] = [:]
        for key in scores {
            let classifier = definition.score(key)?.classifier ?? .null
            let parameters: JSONValue = .object([
                "scorecardVersion": .number(Double(version)), "classifier": classifier,
                "sample": options.sample.map { .number(Double($0)) } ?? .null, "seed": .number(Double(options.seed)),
                "source": .string(options.inputFile ?? "stored labels"),
            ])
            let evaluation = try await client.experiments.create(
                type: "evaluation", scorecardKey: definition.key, scoreKey: key, parameters: parameters, totalItems: items)
            _ = try await client.experiments.update(id: evaluation.id, EvaluationUpdate(status: .running), immediate: true)
            ids[key] = evaluation.id
        }
        return ids
    }
}

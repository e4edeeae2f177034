import PlexusCore
import PlexusScoring
import PlexusStore

/// Evaluation jobs: score the labelled items of each evaluated score and compare with the labels, live.
extension JobExecutor {
    /// Records one evaluation per evaluated score (reusing those of an interrupted earlier attempt),
    /// updates their progress and metrics after every stored batch, and ends them COMPLETED with the
    /// final metrics (or FAILED with the error).
    func evaluate(_ job: Job) async throws -> JobProgress {
        let (definition, runner) = try await prepare(job)
        let (scorecard, version) = try target(of: job)
        let parameters = job.parameters
        var seen = Set<String>()
        let candidates = (parameters.scores ?? definition.allScores.map(\.key)).filter { seen.insert($0).inserted }
        let items = EvaluationSample.draw(
            try await labelledItems(job, scorecard: scorecard, scores: candidates), sample: parameters.sample, seed: parameters.seed ?? JobInput.defaultSeed)
        // As in the CLI: scores nobody labelled are left out, or an error when the request named them.
        let (evaluated, unlabelled) = EvaluationSample.labelledScores(candidates, in: items)
        guard !evaluated.isEmpty, parameters.scores == nil || unlabelled.isEmpty else {
            throw JobRunError.noLabelledItems(scorecard: scorecard, scores: evaluated.isEmpty ? candidates : unlabelled)
        }
        let evaluations = try await evaluationRecords(job, scorecard: scorecard, version: version, definition: definition, scores: evaluated, items: items.count)
        try await store.updateJobProgress(
            job.id, accountID: job.accountId, progress: JobProgress(totalItems: items.count), evaluationIds: evaluated.compactMap { evaluations[$0] },
            attempt: job.attempts)
        let tallies = Dictionary(uniqueKeysWithValues: evaluated.compactMap { key in definition.score(key).map { (key, ScoreTally(score: $0)) } })
        var results = StoreScoringSink(
            store: store, accountID: job.accountId, jobID: job.id, scorecardKey: scorecard, version: version,
            scoreKeys: runner.scoreKeys)
        results.evaluations = evaluations
        let sink = EvaluatingSink(results: results, evaluations: evaluations, tallies: tallies, total: items.count) { [store] id, update in
            _ = try await store.updateEvaluation(id.rawValue, accountID: job.accountId, with: update)
        }
        do {
            let progress = try await JobProgressReporter(store: store, job: job).run(totalItems: items.count) { events in
                try await BatchScorer(runner: runner, concurrency: settings.concurrency, batchSize: min(settings.batchSize, 25))
                    .run(InputItemRows(items: items), into: sink, events: events)
            }
            // A shutdown can end the run early without an error; partial metrics must not be marked COMPLETED.
            try Task.checkCancellation()
            let final = await sink.tallies
            for (key, id) in evaluations {
                guard let tally = final[key] else { continue }
                var update = tally.evaluationUpdate(processed: items.count, total: items.count)
                update.status = .completed
                _ = try await store.updateEvaluation(id.rawValue, accountID: job.accountId, with: update)
            }
            return progress
        } catch {
            if !Task.isCancelled {
                for id in evaluations.values {
                    let failure = EvaluationUpdate(status: .failed, errorMessage: String(describing: error))
                    _ = try? await store.updateEvaluation(id.rawValue, accountID: job.accountId, with: failure)
                }
            }
            throw error
        }
    }

    /// Every item labelled for any of `scores`, with its labels merged across scores.
    private func labelledItems(_ job: Job, scorecard: String, scores: [String]) async throws -> [InputItem] {
        var merge = LabelledItemMerge()
        for score in scores {
            var page = PageRequest.first
            while true {
                let labelled = try await store.labelledItems(scorecard: scorecard, score: score, accountID: job.accountId, page: page)
                for item in labelled.data { merge.add(item, score: score) }
                guard let cursor = labelled.nextCursor else { break }
                page = try PageRequest(limit: PageRequest.maximumLimit, cursor: cursor)
            }
        }
        return merge.items
    }

    /// The evaluations of an interrupted earlier attempt when all are still open, else new RUNNING ones.
    private func evaluationRecords(
        _ job: Job, scorecard: String, version: Int, definition: ScorecardDefinition, scores: [String], items: Int
    ) async throws -> [String: Identifier<Evaluation>] {
        if job.evaluationIds.count == scores.count {
            var open = true
            for id in job.evaluationIds {
                let status = try await store.evaluation(id.rawValue, accountID: job.accountId)?.status
                open = open && status == .running
            }
            if open { return Dictionary(uniqueKeysWithValues: zip(scores, job.evaluationIds)) }
        }
        var ids: [String: Identifier<Evaluation>] = [:]
        for key in scores {
            let parameters: JSONValue = .object([
                "scorecardVersion": .number(Double(version)), "classifier": definition.score(key)?.classifier ?? .null,
                "sample": job.parameters.sample.map { .number(Double($0)) } ?? .null,
                "seed": .number(Double(job.parameters.seed ?? JobInput.defaultSeed)), "source": "stored labels", "jobId": .string(job.id.rawValue),
            ])
            let draft = EvaluationDraft(type: "evaluation", scorecard: scorecard, score: key, parameters: parameters, totalItems: items)
            let evaluation = try await store.createEvaluation(draft, accountID: job.accountId)
            _ = try await store.updateEvaluation(evaluation.id.rawValue, accountID: job.accountId, with: EvaluationUpdate(status: .running))
            ids[key] = evaluation.id
        }
        return ids
    }
}

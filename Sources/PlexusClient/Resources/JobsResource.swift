import PlexusCore

/// Server-side jobs: queue a scoring or evaluation job, follow it, list them.
public struct JobsResource: Sendable {
    let core: ClientCore

    /// Queues `input` to run in the server and returns the QUEUED job.
    /// - Throws: ``PlexusClientError/invalid(field:message:)`` for a bad input (nothing is sent),
    ///   and whatever the server answers (an unknown scorecard or score, for instance).
    public func create(_ input: JobInput) async throws -> Job {
        try LocalValidation.check { _ = try input.validate() }
        // Each call queues a new job, so a resend after a lost answer would queue two.
        return try await core.transport.send(try .post("jobs", body: input, retryable: false))
    }

    /// The job with ID `id`, with its status and progress.
    public func get(id: Identifier<Job>) async throws -> Job {
        try await core.transport.send(.get("jobs", id.rawValue, subject: ("job", id.rawValue)))
    }

    /// One page of the account's jobs, newest first.
    public func list(limit: Int? = nil, cursor: String? = nil) async throws -> Page<Job> {
        try await core.transport.send(.get("jobs", query: ScorecardsResource.paging(limit: limit, cursor: cursor)))
    }

    /// Polls the job every `interval` until it is COMPLETED or FAILED, calling `progress` with each
    /// reading, and returns it.
    public func wait(for id: Identifier<Job>, interval: Duration = .seconds(1), progress: (Job) -> Void = { _ in }) async throws -> Job {
        while true {
            let job = try await get(id: id)
            progress(job)
            if job.status == .completed || job.status == .failed { return job }
            try await Task.sleep(for: interval)
        }
    }
}

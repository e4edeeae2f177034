import Foundation
import PlexusCore
import SQLKit

/// Background jobs: a queue in the `jobs` table that the server's job runner claims from.
extension SQLStore {
    /// Creates a QUEUED job, with `input` as its input document (see ``jobInput(_:accountID:)``) when given.
    public func createJob(kind: JobKind, parameters: JobParameters, input: JSONValue? = nil, accountID: Identifier<Account>) async throws -> Job {
        let job = newJob(kind: kind, parameters: parameters, accountID: accountID)
        try await backend.write { tx in
            _ = try await Self.insert(job, dedupeKey: nil, on: tx.sql)
            if let input {
                try await tx.sql.raw("""
                    INSERT INTO job_inputs (job_id, account_id, body) VALUES (\(bind: job.id.rawValue), \(bind: accountID.rawValue), \(bind: JSONText.encode(input)))
                    """).run()
            }
        }
        return job
    }

    /// The input document job `id` was created with; nil when it has none.
    public func jobInput(_ id: Identifier<Job>, accountID: Identifier<Account>) async throws -> JSONValue? {
        try await backend.read { db in
            try await db.raw("SELECT body FROM job_inputs WHERE job_id = \(bind: id.rawValue) AND account_id = \(bind: accountID.rawValue)").first().map {
                try JSONText.decode(JSONValue.self, from: try $0.string("body"), column: "job_inputs.body")
            }
        }
    }

    /// A QUEUED job not stored yet.
    func newJob(kind: JobKind, parameters: JobParameters, accountID: Identifier<Account>) -> Job {
        let now = Timestamp.date(environment.nowMicros())
        return Job(id: newID(), accountId: accountID, kind: kind, status: .queued, parameters: parameters, createdAt: now, updatedAt: now)
    }

    /// Stores `job`; returns false, storing nothing, when a job with the same `dedupeKey` exists.
    static func insert(_ job: Job, dedupeKey: String?, on db: any SQLDatabase) async throws -> Bool {
        let now = Timestamp.micros(job.createdAt)
        return try await db.raw("""
            INSERT INTO jobs (id, account_id, kind, status, parameters, progress, evaluation_ids, attempts, created_at, updated_at, dedupe_key)
            VALUES (\(bind: job.id.rawValue), \(bind: job.accountId.rawValue), \(bind: job.kind.rawValue), \(bind: job.status.rawValue),
                \(bind: JSONText.encode(job.parameters)), \(bind: JSONText.encode(job.progress)), '[]', 0, \(bind: now), \(bind: now), \(bind: dedupeKey))
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
            """).first() != nil
    }

    /// The job with this ID, if the account owns it.
    public func job(_ id: String, accountID: Identifier<Account>) async throws -> Job? {
        try await backend.read { db in
            try await db.raw("SELECT * FROM jobs WHERE account_id = \(bind: accountID.rawValue) AND id = \(bind: id)").first().map(Self.job(from:))
        }
    }

    /// The account's jobs, newest first.
    public func jobs(accountID: Identifier<Account>, page: PageRequest) async throws -> Page<Job> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            let jobs = try await db.raw("SELECT * FROM jobs WHERE account_id = \(bind: accountID.rawValue)" + tail).all().map(Self.job(from:))
            return Page(data: jobs, nextCursor: Cursor.next(after: jobs, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// Marks the oldest QUEUED job of any account RUNNING and returns it; `nil` when none waits.
    ///
    /// Runners sharing a PostgreSQL database never claim the same job: the row is locked with
    /// `FOR UPDATE SKIP LOCKED`, so a second runner passes over it. SQLite has one writer at a time,
    /// so its plain `UPDATE … WHERE status = 'queued'` cannot race.
    public func claimNextJob() async throws -> Job? {
        let now = environment.nowMicros()
        let waiting = try await backend.read { db in
            try await db.raw("SELECT id FROM jobs WHERE status = \(bind: JobStatus.queued.rawValue) LIMIT 1").first() != nil
        }
        // Most polls find nothing; checking with a read first keeps them off the write lock.
        guard waiting else { return nil }
        return try await backend.write { tx in
            var pick: SQLQueryString = "SELECT id FROM jobs WHERE status = \(bind: JobStatus.queued.rawValue) ORDER BY created_at, id LIMIT 1"
            // A dialect that can lock selected rows (PostgreSQL) can also skip rows others hold.
            if tx.sql.dialect.exclusiveSelectLockExpression != nil { pick += " FOR UPDATE SKIP LOCKED" }
            let sql: SQLQueryString = """
                UPDATE jobs SET status = \(bind: JobStatus.running.rawValue), attempts = attempts + 1, updated_at = \(bind: now),
                    heartbeat_at = \(bind: now), started_at = COALESCE(started_at, \(bind: now))
                WHERE id = (\(pick)) RETURNING *
                """
            return try await tx.sql.raw(sql).first().map(Self.job(from:))
        }
    }

    /// Records a running job's totals and, when given, its evaluations. With `attempt`, only while
    /// that attempt still holds the job (see ``heartbeatJob(_:attempt:)``).
    public func updateJobProgress(
        _ id: Identifier<Job>, accountID: Identifier<Account>, progress: JobProgress, evaluationIds: [Identifier<Evaluation>]? = nil,
        attempt: Int? = nil
    ) async throws {
        let now = environment.nowMicros()
        try await backend.write { tx in
            var sql: SQLQueryString = """
                UPDATE jobs SET progress = \(bind: JSONText.encode(progress)), updated_at = \(bind: now), heartbeat_at = \(bind: now)
                """
            if let evaluationIds { sql += ", evaluation_ids = \(bind: JSONText.encode(evaluationIds.map(\.rawValue)))" }
            try await tx.sql.raw(sql + " WHERE account_id = \(bind: accountID.rawValue) AND id = \(bind: id.rawValue)" + Self.held(by: attempt)).run()
        }
    }

    /// Ends a job COMPLETED, or FAILED with `error`, with its final totals (`nil` keeps the last ones
    /// recorded). With `attempt`, only while that attempt still holds the job; returns whether it did.
    @discardableResult
    public func finishJob(
        _ id: Identifier<Job>, accountID: Identifier<Account>, progress: JobProgress?, error: String? = nil, attempt: Int? = nil
    ) async throws -> Bool {
        let now = environment.nowMicros()
        let status: JobStatus = error == nil ? .completed : .failed
        return try await backend.write { tx in
            let sql: SQLQueryString = """
                UPDATE jobs SET status = \(bind: status.rawValue), progress = COALESCE(\(bind: progress.map { JSONText.encode($0) }), progress), error = \(bind: error),
                    updated_at = \(bind: now), completed_at = \(bind: now)
                WHERE account_id = \(bind: accountID.rawValue) AND id = \(bind: id.rawValue)
                """
            return try await tx.sql.raw(sql + Self.held(by: attempt) + " RETURNING id").first() != nil
        }
    }

    /// Renews the lease of a RUNNING job: its runner is alive. Returns whether `attempt` (the job's
    /// `attempts` when it was claimed) still holds it; `false` means the lease expired and another
    /// runner claimed the job, so this runner must stop.
    @discardableResult
    public func heartbeatJob(_ id: Identifier<Job>, attempt: Int? = nil) async throws -> Bool {
        let now = environment.nowMicros()
        return try await backend.write { tx in
            let sql: SQLQueryString = """
                UPDATE jobs SET heartbeat_at = \(bind: now) WHERE id = \(bind: id.rawValue) AND status = \(bind: JobStatus.running.rawValue)
                """
            return try await tx.sql.raw(sql + Self.held(by: attempt) + " RETURNING id").first() != nil
        }
    }

    /// Puts a RUNNING job back in the queue (its runner is stopping before it finished); returns
    /// whether it was running (and, with `attempt`, still held by that attempt).
    @discardableResult
    public func requeueJob(_ id: Identifier<Job>, attempt: Int? = nil) async throws -> Bool {
        let now = environment.nowMicros()
        return try await backend.write { tx in
            let sql: SQLQueryString = """
                UPDATE jobs SET status = \(bind: JobStatus.queued.rawValue), updated_at = \(bind: now)
                WHERE id = \(bind: id.rawValue) AND status = \(bind: JobStatus.running.rawValue)
                """
            return try await tx.sql.raw(sql + Self.held(by: attempt) + " RETURNING id").first() != nil
        }
    }

    /// The condition that the job is RUNNING under claim number `attempt` (nothing when `nil`): a
    /// runner whose lease lapsed and whose job was claimed again can no longer write to it.
    private static func held(by attempt: Int?) -> SQLQueryString {
        guard let attempt else { return "" }
        return " AND status = \(bind: JobStatus.running.rawValue) AND attempts = \(bind: attempt)"
    }

    /// Puts back in the queue every RUNNING job whose runner has not renewed its lease for `lease`
    /// (the runner died with the job unfinished); returns how many.
    @discardableResult
    public func requeueAbandonedJobs(lease: Duration) async throws -> Int {
        let now = environment.nowMicros()
        let cutoff = now - lease.components.seconds * 1_000_000 - lease.components.attoseconds / 1_000_000_000_000
        return try await backend.write { tx in
            try await tx.sql.raw("""
                UPDATE jobs SET status = \(bind: JobStatus.queued.rawValue), updated_at = \(bind: now)
                WHERE status = \(bind: JobStatus.running.rawValue) AND (heartbeat_at IS NULL OR heartbeat_at <= \(bind: cutoff))
                RETURNING id
                """).all().count
        }
    }

    static func job(from row: any SQLRow) throws -> Job {
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            try JSONText.decode(T.self, from: try row.string(column), column: column)
        }
        func known<T: RawRepresentable<String>>(_ type: T.Type, _ column: String) throws -> T {
            let text = try row.string(column)
            guard let value = T(rawValue: text) else { throw StoreError.corruptValue(column: column, detail: "unknown value \(text)") }
            return value
        }
        return Job(
            id: try row.id("id"), accountId: try row.id("account_id"), kind: try known(JobKind.self, "kind"),
            status: try known(JobStatus.self, "status"), parameters: try decode(JobParameters.self, "parameters"),
            progress: try decode(JobProgress.self, "progress"),
            evaluationIds: try decode([String].self, "evaluation_ids").map { Identifier($0) }, error: try row.optionalString("error"),
            attempts: try row.int("attempts"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            startedAt: try row.optionalDate("started_at"), completedAt: try row.optionalDate("completed_at"))
    }

    /// How many jobs of each kind are queued or running, across every account (for `/metrics`);
    /// read from the index that holds only unfinished jobs.
    public func jobQueueDepth() async throws -> [JobKind: [JobStatus: Int]] {
        try await backend.read { db in
            let rows = try await db.raw("""
                SELECT kind, status, COUNT(*) AS jobs FROM jobs WHERE status IN ('queued', 'running') GROUP BY kind, status
                """).all()
            var depth: [JobKind: [JobStatus: Int]] = [:]
            for row in rows {
                guard let kind = JobKind(rawValue: try row.string("kind")), let status = JobStatus(rawValue: try row.string("status")) else { continue }
                depth[kind, default: [:]][status] = try row.int("jobs")
            }
            return depth
        }
    }
}

/// Every schema step this build knows, oldest first. Never edit a released step; add a new one.
enum Migrations {
    static let all: [Migration] = [initial, performance, dashboardCounts, versions, jobs, jobLeases, retiredScores, scopedKeys, datasets, monitors, jobKeys, driftParts, referenceSamples, registeredModels, modelExplanations, jobInputs, agentLogs]

    static let initial = Migration(version: 1, statements: [
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE api_keys (
            token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
            is_admin BIGINT NOT NULL, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE scorecards (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), key TEXT NOT NULL,
            name TEXT NOT NULL, description TEXT NOT NULL, version BIGINT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (account_id, key))
        """,
        "CREATE INDEX scorecards_account_created ON scorecards (account_id, created_at, id)",
        """
        CREATE TABLE sections (
            id TEXT PRIMARY KEY, scorecard_id TEXT NOT NULL REFERENCES scorecards(id),
            name TEXT NOT NULL, position BIGINT NOT NULL)
        """,
        "CREATE INDEX sections_scorecard ON sections (scorecard_id, position)",
        """
        CREATE TABLE scores (
            id TEXT PRIMARY KEY, scorecard_id TEXT NOT NULL REFERENCES scorecards(id),
            section_id TEXT NOT NULL REFERENCES sections(id), key TEXT NOT NULL, name TEXT NOT NULL,
            classes TEXT NOT NULL, positive_class TEXT, classifier TEXT, position BIGINT NOT NULL,
            UNIQUE (scorecard_id, key))
        """,
        """
        CREATE TABLE items (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), external_id TEXT NOT NULL,
            text TEXT NOT NULL, metadata TEXT, created_at BIGINT NOT NULL, UNIQUE (account_id, external_id))
        """,
        "CREATE INDEX items_account_created ON items (account_id, created_at, id)",
        """
        CREATE TABLE labels (
            id TEXT PRIMARY KEY, item_id TEXT NOT NULL REFERENCES items(id),
            score_id TEXT NOT NULL REFERENCES scores(id), account_id TEXT NOT NULL REFERENCES accounts(id),
            value TEXT NOT NULL, source TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            UNIQUE (item_id, score_id))
        """,
        "CREATE INDEX labels_account_created ON labels (account_id, created_at, id)",
        """
        CREATE TABLE evaluations (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), type TEXT NOT NULL,
            scorecard_id TEXT NOT NULL REFERENCES scorecards(id), score_id TEXT REFERENCES scores(id),
            parameters TEXT, status TEXT NOT NULL, progress DOUBLE PRECISION NOT NULL,
            processed_items BIGINT NOT NULL, total_items BIGINT, accuracy DOUBLE PRECISION, metrics TEXT,
            confusion_matrix TEXT, error_message TEXT, error_details TEXT, created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL, started_at BIGINT, completed_at BIGINT)
        """,
        "CREATE INDEX evaluations_account_created ON evaluations (account_id, created_at, id)",
        // No foreign keys on the busiest table: every reference is resolved inside the inserting
        // transaction (see ScoreResultResolver) and nothing it points at is ever deleted, so the
        // constraint would re-check what is already known on every row of every batch.
        """
        CREATE TABLE score_results (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL, scorecard_id TEXT NOT NULL, score_id TEXT NOT NULL,
            item_id TEXT NOT NULL, value TEXT NOT NULL, confidence DOUBLE PRECISION,
            explanation TEXT, metadata TEXT, cost DOUBLE PRECISION, latency DOUBLE PRECISION,
            evaluation_id TEXT, scoring_job_id TEXT, idempotency_key TEXT,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        // NULL keys never collide, so results without a key are never treated as duplicates.
        "CREATE UNIQUE INDEX score_results_idempotency ON score_results (account_id, idempotency_key)",
        "CREATE INDEX score_results_account_created ON score_results (account_id, created_at, id)",
        "CREATE INDEX score_results_scorecard_created ON score_results (scorecard_id, created_at, id)",
        "CREATE INDEX score_results_score_created ON score_results (score_id, created_at, id)",
        "CREATE INDEX score_results_item ON score_results (item_id, created_at)",
        // Most production results belong to no evaluation; a partial index skips them.
        "CREATE INDEX score_results_evaluation ON score_results (evaluation_id, created_at) WHERE evaluation_id IS NOT NULL",
    ])

    /// Pipeline performance records: one row per processed item, aggregated by time window.
    static let performance = Migration(version: 2, statements: [
        // Like score_results, no foreign key: the account comes from the caller's own API key,
        // and pipelines write these at a high rate.
        """
        CREATE TABLE performance_records (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL, processing_type TEXT NOT NULL, content_type TEXT,
            quality_score DOUBLE PRECISION, processing_time DOUBLE PRECISION, exit_checkpoint TEXT, exit_reason TEXT,
            exit_confidence DOUBLE PRECISION, time_saved_pct DOUBLE PRECISION, coherence DOUBLE PRECISION,
            completeness DOUBLE PRECISION, informativeness DOUBLE PRECISION, recorded_at BIGINT NOT NULL)
        """,
        // Every aggregate is one account's records since a time.
        "CREATE INDEX performance_records_account_recorded ON performance_records (account_id, recorded_at)",
    ])

    /// Per-score result and per-account item counters kept by every insert, so pages never count
    /// millions of rows, and
    /// indexes that let an evaluation's or an item's results come out in order without a sort.
    static let dashboardCounts = Migration(version: 3, statements: [
        """
        CREATE TABLE score_result_counts (
            score_id TEXT PRIMARY KEY, scorecard_id TEXT NOT NULL, account_id TEXT NOT NULL, count BIGINT NOT NULL)
        """,
        "CREATE INDEX score_result_counts_scorecard ON score_result_counts (account_id, scorecard_id)",
        "CREATE TABLE item_counts (account_id TEXT PRIMARY KEY, count BIGINT NOT NULL)",
        "INSERT INTO item_counts (account_id, count) SELECT account_id, COUNT(*) FROM items GROUP BY account_id",
        """
        INSERT INTO score_result_counts (score_id, scorecard_id, account_id, count)
        SELECT score_id, scorecard_id, account_id, COUNT(*) FROM score_results GROUP BY score_id, scorecard_id, account_id
        """,
        "DROP INDEX score_results_evaluation",
        "CREATE INDEX score_results_evaluation ON score_results (evaluation_id, created_at, id) WHERE evaluation_id IS NOT NULL",
        "DROP INDEX score_results_item",
        "CREATE INDEX score_results_item ON score_results (item_id, created_at, id)",
    ])

    /// Scorecard sources and trained models, each kept as immutable numbered versions, and the
    /// scorecard version each result was produced with.
    static let versions = Migration(version: 4, statements: [
        "ALTER TABLE score_results ADD COLUMN scorecard_version BIGINT",
        """
        CREATE TABLE scorecard_versions (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
            scorecard_id TEXT NOT NULL REFERENCES scorecards(id), version BIGINT NOT NULL, source TEXT NOT NULL,
            created_at BIGINT NOT NULL, UNIQUE (scorecard_id, version))
        """,
        """
        CREATE TABLE model_artifacts (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
            scorecard_id TEXT NOT NULL REFERENCES scorecards(id), score_id TEXT NOT NULL REFERENCES scores(id),
            version BIGINT NOT NULL, algorithm TEXT NOT NULL, artifact TEXT NOT NULL, metrics TEXT,
            created_at BIGINT NOT NULL, UNIQUE (score_id, version))
        """,
        // Labelled items of one score are read in label order for training and evaluation.
        "CREATE INDEX labels_score_created ON labels (score_id, created_at, id)",
    ])

    /// Background scoring and evaluation jobs, claimed oldest first by the job runner.
    static let jobs = Migration(version: 5, statements: [
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), kind TEXT NOT NULL, status TEXT NOT NULL,
            parameters TEXT NOT NULL, progress TEXT NOT NULL, evaluation_ids TEXT NOT NULL, error TEXT, attempts BIGINT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, started_at BIGINT, completed_at BIGINT)
        """,
        "CREATE INDEX jobs_account_created ON jobs (account_id, created_at, id)",
        // The runner looks for the oldest queued job; only unfinished jobs are worth indexing.
        "CREATE INDEX jobs_queue ON jobs (status, created_at, id) WHERE status IN ('queued', 'running')",
    ])

    /// When the runner holding a job last said it was alive, so a job whose runner died goes back to
    /// the queue while jobs of live runners on other machines are left alone.
    static let jobLeases = Migration(version: 6, statements: [
        "ALTER TABLE jobs ADD COLUMN heartbeat_at BIGINT",
    ])

    /// Sections and scores a newer scorecard version leaves out are retired instead of deleted, so
    /// the results, labels, models and evaluations that point at them stay valid.
    static let retiredScores = Migration(version: 7, statements: [
        "ALTER TABLE sections ADD COLUMN retired_at BIGINT",
        "ALTER TABLE scores ADD COLUMN retired_at BIGINT",
    ])

    /// Keys with an ID, a name, scopes, an expiry (for rotation) and a last-used time; accounts
    /// with their own request limit; and the secret that signs short-lived tokens. Keys made
    /// before this step keep full access to their account (`admin`).
    static let scopedKeys = Migration(version: 8, statements: [
        "ALTER TABLE api_keys ADD COLUMN id TEXT",
        "ALTER TABLE api_keys ADD COLUMN name TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE api_keys ADD COLUMN prefix TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE api_keys ADD COLUMN scopes TEXT NOT NULL DEFAULT 'admin'",
        "ALTER TABLE api_keys ADD COLUMN last_used_at BIGINT",
        "ALTER TABLE api_keys ADD COLUMN expires_at BIGINT",
        "UPDATE api_keys SET id = 'key_' || substr(token_hash, 1, 24)",
        "CREATE UNIQUE INDEX api_keys_id ON api_keys (id)",
        "CREATE INDEX api_keys_account ON api_keys (account_id, created_at)",
        "ALTER TABLE accounts ADD COLUMN rate_limit_per_second DOUBLE PRECISION",
        "ALTER TABLE accounts ADD COLUMN rate_limit_burst BIGINT",
        "CREATE TABLE signing_secrets (id TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at BIGINT NOT NULL)",
    ])

    /// Uploaded datasets and their cells, stored by column in chunks of rows (a binary column,
    /// BYTEA on PostgreSQL; SQLite keeps the bytes as a BLOB whatever the declared type). A dataset
    /// is listed once its upload completes; until then it is 'uploading'.
    static let datasets = Migration(version: 9, statements: [
        """
        CREATE TABLE datasets (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), name TEXT NOT NULL, description TEXT,
            format TEXT NOT NULL, status TEXT NOT NULL, columns TEXT NOT NULL, row_count BIGINT NOT NULL,
            bad_row_count BIGINT NOT NULL, bad_rows TEXT NOT NULL, duplicate_row_count BIGINT NOT NULL,
            byte_count BIGINT NOT NULL, sha256 TEXT NOT NULL, quality_score DOUBLE PRECISION, profiles TEXT, findings TEXT,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX datasets_account_created ON datasets (account_id, created_at, id)",
        "CREATE INDEX datasets_uploading ON datasets (status, updated_at) WHERE status = 'uploading'",
        """
        CREATE TABLE dataset_chunks (
            dataset_id TEXT NOT NULL REFERENCES datasets(id), column_index BIGINT NOT NULL, chunk_index BIGINT NOT NULL,
            first_row BIGINT NOT NULL, cells BYTEA NOT NULL, PRIMARY KEY (dataset_id, column_index, chunk_index))
        """,
    ])

    /// Monitors, their runs, the alerts they raise, the series points any system may post, and the
    /// webhooks alerts are delivered to, with every delivery kept until it is accepted; and each
    /// dataset's columns in the form drift tests read, so a reference is read once.
    static let monitors = Migration(version: 10, statements: [
        """
        CREATE TABLE monitors (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), name TEXT NOT NULL, subject TEXT, definition TEXT NOT NULL,
            status TEXT, last_run_at BIGINT, next_run_at BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX monitors_account_created ON monitors (account_id, created_at, id)",
        "CREATE INDEX monitors_account_subject ON monitors (account_id, subject)",
        "CREATE INDEX monitors_due ON monitors (next_run_at) WHERE next_run_at IS NOT NULL",
        """
        CREATE TABLE monitor_runs (
            id TEXT PRIMARY KEY, monitor_id TEXT NOT NULL REFERENCES monitors(id), account_id TEXT NOT NULL,
            trigger TEXT NOT NULL, due_at BIGINT, ran_at BIGINT NOT NULL, status TEXT NOT NULL, body TEXT,
            created_at BIGINT NOT NULL, UNIQUE (monitor_id, due_at))
        """,
        "CREATE INDEX monitor_runs_monitor_created ON monitor_runs (monitor_id, created_at, id)",
        """
        CREATE TABLE alerts (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), monitor_id TEXT NOT NULL REFERENCES monitors(id),
            rule TEXT NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX alerts_account_created ON alerts (account_id, created_at, id)",
        "CREATE INDEX alerts_monitor_state ON alerts (monitor_id, state)",
        """
        CREATE TABLE series_points (
            account_id TEXT NOT NULL REFERENCES accounts(id), series TEXT NOT NULL, time BIGINT NOT NULL, point_values TEXT NOT NULL)
        """,
        "CREATE INDEX series_points_window ON series_points (account_id, series, time)",
        """
        CREATE TABLE webhooks (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), url TEXT NOT NULL, secret TEXT NOT NULL,
            description TEXT, events TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX webhooks_account ON webhooks (account_id, created_at, id)",
        """
        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL REFERENCES webhooks(id), account_id TEXT NOT NULL, event TEXT NOT NULL,
            alert_id TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_at BIGINT,
            last_status BIGINT, last_error TEXT, created_at BIGINT NOT NULL, delivered_at BIGINT)
        """,
        "CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at, id)",
        "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending'",
        """
        CREATE TABLE dataset_drift_columns (
            dataset_id TEXT NOT NULL REFERENCES datasets(id), name TEXT NOT NULL, kind TEXT NOT NULL, payload BYTEA NOT NULL,
            PRIMARY KEY (dataset_id, name))
        """,
    ])

    /// A job may carry a key that no other job shares: the scheduler queues each (monitor, due
    /// time) under one, so schedulers on several servers cannot queue the same run twice.
    static let jobKeys = Migration(version: 11, statements: [
        "ALTER TABLE jobs ADD COLUMN dedupe_key TEXT",
        "CREATE UNIQUE INDEX jobs_dedupe_key ON jobs (dedupe_key)",
    ])

    /// A column's drift form is stored in parts, so a long column is written as it is merged from
    /// its sorted runs instead of as one value held whole.
    static let driftParts = Migration(version: 12, statements: [
        """
        CREATE TABLE dataset_drift_parts (
            dataset_id TEXT NOT NULL REFERENCES datasets(id), name TEXT NOT NULL, part BIGINT NOT NULL, kind TEXT NOT NULL,
            payload BYTEA NOT NULL, PRIMARY KEY (dataset_id, name, part))
        """,
        "INSERT INTO dataset_drift_parts (dataset_id, name, part, kind, payload) SELECT dataset_id, name, 0, kind, payload FROM dataset_drift_columns",
        "DROP TABLE dataset_drift_columns",
    ])

    /// The samples of closed reference ranges, read once and kept, so a monitor whose reference
    /// is a fixed range costs what its current window holds.
    static let referenceSamples = Migration(version: 13, statements: [
        """
        CREATE TABLE reference_samples (
            account_id TEXT NOT NULL REFERENCES accounts(id), reference_key TEXT NOT NULL, body TEXT NOT NULL,
            created_at BIGINT NOT NULL, PRIMARY KEY (account_id, reference_key))
        """,
    ])

    /// Uploaded ONNX models: each version's description and its file, immutable once stored.
    static let registeredModels = Migration(version: 14, statements: [
        """
        CREATE TABLE registered_models (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), name TEXT NOT NULL, version BIGINT NOT NULL,
            body TEXT NOT NULL, file BYTEA NOT NULL, created_at BIGINT NOT NULL, UNIQUE (account_id, name, version))
        """,
        "CREATE INDEX registered_models_account_created ON registered_models (account_id, created_at, id)",
    ])

    /// Stored model explanations: the whole explanation as JSON, with what a listing filters on.
    static let modelExplanations = Migration(version: 15, statements: [
        """
        CREATE TABLE model_explanations (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), model_id TEXT NOT NULL REFERENCES registered_models(id),
            method TEXT NOT NULL, row_count BIGINT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX model_explanations_model_created ON model_explanations (account_id, model_id, created_at, id)",
    ])

    /// A job's input document, when it has one too large for its parameters (an explanation
    /// job's rows), kept beside the job so job listings stay small.
    static let jobInputs = Migration(version: 16, statements: [
        "CREATE TABLE job_inputs (job_id TEXT PRIMARY KEY REFERENCES jobs(id), account_id TEXT NOT NULL REFERENCES accounts(id), body TEXT NOT NULL)",
    ])

    /// Agent projects and their LLM logs: append-only, one row per version of a record, the
    /// newest version of each marked; `created_at` is when the call was made.
    static let agentLogs = Migration(version: 17, statements: [
        """
        CREATE TABLE agent_projects (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), key TEXT NOT NULL, body TEXT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (account_id, key))
        """,
        "CREATE INDEX agent_projects_account_created ON agent_projects (account_id, created_at, id)",
        """
        CREATE TABLE agent_logs (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), project_id TEXT NOT NULL REFERENCES agent_projects(id),
            external_id TEXT, content_hash TEXT NOT NULL, version BIGINT NOT NULL, is_latest BIGINT NOT NULL, body TEXT NOT NULL,
            created_at BIGINT NOT NULL, ingested_at BIGINT NOT NULL, UNIQUE (project_id, content_hash))
        """,
        "CREATE INDEX agent_logs_project_latest ON agent_logs (project_id, is_latest, created_at, id)",
        "CREATE INDEX agent_logs_project_external ON agent_logs (project_id, external_id, version)",
    ])
}

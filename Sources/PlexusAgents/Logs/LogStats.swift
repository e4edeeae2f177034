import Foundation
import PlexusStats

/// What a project's logs add up to: how many, over what time, and per model the calls, errors,
/// refusals, latency percentiles (NumPy's linear interpolation), tokens and cost; refusals are
/// also counted by kind and by the detection layer that decided.
public struct LogStats: Sendable, Codable {
    /// One model's figures (the model that answered, else the one asked for).
    public struct ModelStats: Sendable, Equatable, Codable {
        public var model: String
        public var calls = 0
        public var errors = 0
        public var errorRate = 0.0
        /// Hard, partial and guardrail refusals over calls.
        public var refusalRate = 0.0
        public var latencyP50: Double?
        public var latencyP95: Double?
        public var latencyP99: Double?
        public var inputTokens = 0
        public var outputTokens = 0
        public var costUSD: Decimal = 0
    }

    public var logs = 0
    public var replayable = 0
    public var firstCall: Date?
    public var lastCall: Date?
    public var costUSD: Decimal = 0
    /// Refusals by kind (`hard`, `partial`, `guardrail`, `empty`, `truncated`).
    public var refusalsByKind: [String: Int] = [:]
    /// Refusals by the layer that decided (`provider_signal`, `guardrail_status`, `phrase`, `output`).
    public var refusalsByLayer: [String: Int] = [:]
    /// The phrase list the refusals were detected with.
    public var phraseListVersion = RefusalDetector.phraseListVersion
    /// Per model, most calls first.
    public var models: [ModelStats] = []

    /// Latencies and refusal counts per model while entries are added.
    private var pending: [String: (stats: ModelStats, latencies: [Double], refusals: Int)] = [:]

    private enum CodingKeys: String, CodingKey {
        case logs, replayable, firstCall, lastCall, costUSD, refusalsByKind, refusalsByLayer, phraseListVersion, models
    }

    /// No figures yet; ``add(_:)`` entries, then ``finish()``.
    public init() {}

    /// The figures of `entries`.
    public init(_ entries: some Sequence<LogEntry>) {
        for entry in entries { add(entry) }
        finish()
    }

    /// Counts `entry` in.
    public mutating func add(_ entry: LogEntry) {
        logs += 1
        if entry.replayable { replayable += 1 }
        firstCall = min(firstCall ?? entry.timestamp, entry.timestamp)
        lastCall = max(lastCall ?? entry.timestamp, entry.timestamp)
        costUSD += entry.costUSD ?? 0
        if entry.refusal.kind != .none {
            refusalsByKind[entry.refusal.kind.rawValue, default: 0] += 1
            if let layer = entry.refusal.layer { refusalsByLayer[layer.rawValue, default: 0] += 1 }
        }
        let name = entry.respondedModel ?? entry.requestedModel ?? "unknown"
        var model = pending[name] ?? (ModelStats(model: name), [], 0)
        model.stats.calls += 1
        if !entry.success { model.stats.errors += 1 }
        if [.hard, .partial, .guardrail].contains(entry.refusal.kind) { model.refusals += 1 }
        if let latency = entry.latencyMilliseconds, latency.isFinite { model.latencies.append(latency) }
        model.stats.inputTokens += entry.usage.inputTokens ?? 0
        model.stats.outputTokens += entry.usage.outputTokens ?? 0
        model.stats.costUSD += entry.costUSD ?? 0
        pending[name] = model
    }

    /// Works out the per-model rates and percentiles of what was added.
    public mutating func finish() {
        models = pending.values.map { model in
            var stats = model.stats
            stats.errorRate = Double(stats.errors) / Double(stats.calls)
            stats.refusalRate = Double(model.refusals) / Double(stats.calls)
            let sorted = SortedSample(alreadySorted: model.latencies.sorted())
            (stats.latencyP50, stats.latencyP95, stats.latencyP99) = (sorted.quantile(0.5), sorted.quantile(0.95), sorted.quantile(0.99))
            return stats
        }.sorted { ($0.calls, $1.model) > ($1.calls, $0.model) }
    }
}

/// How params, metrics and tags are cut into `runs/log-batch` calls that fit ``MLflowLimits``:
/// a param value over the limit is split over `key`, `key.part2`, `key.part3`, … (so nothing is
/// lost and the parts concatenate back); a tag value over the limit is truncated. Each such
/// change is described in ``notes``.
public struct MLflowBatchPlan: Sendable, Hashable {
    /// One call's worth of entities.
    public struct Batch: Sendable, Hashable, Encodable {
        /// Params in this call.
        public var params: [MLflowKeyValue] = []
        /// Metrics in this call, each with a timestamp.
        public var metrics: [MLflowMetric] = []
        /// Tags in this call.
        public var tags: [MLflowKeyValue] = []
    }

    /// The calls to make, in order.
    public var batches: [Batch]
    /// What was split or truncated to fit, one sentence per value.
    public var notes: [String]

    /// Plans the calls; metrics without a timestamp get `timestamp` (milliseconds since 1970).
    /// Throws ``MLflowError/invalid(field:message:)`` naming a key that is too long.
    public init(
        params: [MLflowKeyValue], metrics: [MLflowMetric], tags: [MLflowKeyValue],
        timestamp: Int64, limits: MLflowLimits = .standard
    ) throws(MLflowError) {
        var notes: [String] = []
        var fittedParams: [MLflowKeyValue] = []
        for param in params {
            let parts = Self.split(param.value, maxLength: limits.paramValueLength)
            if parts.count > 1 {
                let keys = [param.key] + (2...parts.count).map { "\(param.key).part\($0)" }
                notes.append("Param '\(param.key)' is \(param.value.unicodeScalars.count) characters, over MLflow's \(limits.paramValueLength); it is split over \(keys.joined(separator: ", ")).")
                fittedParams += zip(keys, parts).map { MLflowKeyValue(key: $0, value: $1) }
            } else {
                fittedParams.append(param)
            }
        }
        var fittedTags: [MLflowKeyValue] = []
        for tag in tags {
            let length = tag.value.unicodeScalars.count
            if length > limits.tagValueLength {
                notes.append("Tag '\(tag.key)' is \(length) characters, over MLflow's \(limits.tagValueLength); only the first \(limits.tagValueLength) are kept.")
                fittedTags.append(MLflowKeyValue(key: tag.key, value: Self.split(tag.value, maxLength: limits.tagValueLength)[0]))
            } else {
                fittedTags.append(tag)
            }
        }
        let keys = fittedParams.map { ("params", $0.key) } + fittedTags.map { ("tags", $0.key) } + metrics.map { ("metrics", $0.key) }
        if let (kind, key) = keys.first(where: { $0.1.isEmpty || $0.1.unicodeScalars.count > limits.keyLength }) {
            throw .invalid(field: kind, message: "The key '\(key.prefix(80))…' must be 1 to \(limits.keyLength) characters long; shorten it.")
        }
        let stamped = metrics.map { metric in
            var metric = metric
            metric.timestamp = metric.timestamp ?? timestamp
            return metric
        }
        batches = Self.pack(params: fittedParams[...], tags: fittedTags[...], metrics: stamped[...], limits: limits)
        self.notes = notes
    }

    /// Fills each call with as many params and tags as allowed, then metrics up to the totals.
    private static func pack(
        params: ArraySlice<MLflowKeyValue>, tags: ArraySlice<MLflowKeyValue>, metrics: ArraySlice<MLflowMetric>, limits: MLflowLimits
    ) -> [Batch] {
        var params = params, tags = tags, metrics = metrics
        var batches: [Batch] = []
        while !params.isEmpty || !tags.isEmpty || !metrics.isEmpty {
            var batch = Batch()
            batch.params = Array(params.prefix(min(limits.paramsPerBatch, limits.entitiesPerBatch)))
            params = params.dropFirst(batch.params.count)
            batch.tags = Array(tags.prefix(min(limits.tagsPerBatch, limits.entitiesPerBatch - batch.params.count)))
            tags = tags.dropFirst(batch.tags.count)
            batch.metrics = Array(metrics.prefix(min(limits.metricsPerBatch, limits.entitiesPerBatch - batch.params.count - batch.tags.count)))
            metrics = metrics.dropFirst(batch.metrics.count)
            batches.append(batch)
        }
        return batches
    }

    /// `text` cut into pieces of at most `maxLength` code points (at least one piece).
    static func split(_ text: String, maxLength: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > maxLength else { return [text] }
        return stride(from: 0, to: scalars.count, by: maxLength).map { start in
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<min(start + maxLength, scalars.count)])
            return String(piece)
        }
    }
}

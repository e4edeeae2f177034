extension ScoreDefinition {
    /// Why this score must be SKIPPED for an item, or `nil` when it should run.
    ///
    /// `results` holds the values of the item's earlier scores by key, as produced by the layers
    /// of a ``ScoreGraph`` that already ran (``Classification/skippedValue`` for skipped ones).
    /// Dependencies are checked in `depends_on` order and the first unmet one is the reason:
    /// a dependency with no result, a SKIPPED dependency (whatever its `when`), or a value not in `when`.
    /// A dependency without `when` only requires the dependency to have run.
    public func skipReason(given results: [String: String]) -> SkipReason? {
        for dependency in dependsOn {
            guard let value = results[dependency.score] else { return .dependencyMissing(score: dependency.score) }
            if value == Classification.skippedValue { return .dependencySkipped(score: dependency.score) }
            if let when = dependency.when, !when.contains(value) {
                return .conditionNotMet(score: dependency.score, value: value, when: when)
            }
        }
        return nil
    }
}

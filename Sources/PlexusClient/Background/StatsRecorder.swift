/// Keeps the running ``ClientStats`` of one client, updated by every task that does background work.
actor StatsRecorder {
    private(set) var snapshot = ClientStats()

    /// Applies `change` to the counters.
    func record(_ change: @Sendable (inout ClientStats) -> Void) {
        change(&snapshot)
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held. The default is
/// long because it costs nothing when the condition holds early, and CI machines get busy.
func eventually(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

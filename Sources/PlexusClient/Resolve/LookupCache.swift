/// Remembers values loaded by key, and shares one load among all the tasks that ask for the same
/// key at once, so fifty concurrent first calls make one request. A failed load is forgotten.
actor LookupCache<Value: Sendable> {
    private var entries: [String: Task<Value, any Error>] = [:]

    /// The value for `key`, loading it with `load` unless it is cached or being loaded.
    func value(for key: String, load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task: Task<Value, any Error>
        if let existing = entries[key] {
            task = existing
        } else {
            task = Task { try await load() }
            entries[key] = task
        }
        do {
            return try await task.value
        } catch {
            if entries[key] == task { entries[key] = nil }
            throw error
        }
    }

    /// Caches `value` under each of `keys`, replacing what was there.
    func store(_ value: Value, under keys: [String]) {
        let task = Task<Value, any Error> { value }
        for key in keys { entries[key] = task }
    }
}

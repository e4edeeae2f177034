import PlexusCore

extension JSONValue {
    /// The object with `key` set to `value`, for tests that vary one field of a request body.
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        var members = objectValue ?? [:]
        members[key] = value
        return .object(members)
    }
}

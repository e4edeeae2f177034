extension KeyedDecodingContainer {
    /// Decodes an optional JSON value that is usually an object (metadata, parameters), trying the
    /// object form first: each failed guess costs a thrown error, and this one is rarely wrong.
    public func decodeJSONIfPresent(forKey key: Key) throws -> JSONValue? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let object = try? decode([String: JSONValue].self, forKey: key) { return .object(object) }
        return try decode(JSONValue.self, forKey: key)
    }
}

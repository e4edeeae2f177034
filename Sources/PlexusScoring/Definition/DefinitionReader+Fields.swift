import PlexusCore

extension DefinitionReader {
    /// The required `key` of the mapping at `path`, checked with PlexusCore's key rules.
    mutating func key(_ members: [String: JSONValue], at path: String) -> String? {
        let keyPath = YAMLSourceMap.member("key", of: path)
        guard let value = field("key", of: members, at: path, required: true), let key = text(value, at: keyPath) else { return nil }
        do {
            try Validate.key(key, field: keyPath)
        } catch let error as DomainError {
            report(keyPath, error.message)
        } catch {
            report(keyPath, "\(error)")
        }
        return key
    }

    /// The required, non-blank `name` of the mapping at `path`.
    mutating func name(_ members: [String: JSONValue], at path: String) -> String? {
        let namePath = YAMLSourceMap.member("name", of: path)
        guard let value = field("name", of: members, at: path, required: true), let name = text(value, at: namePath) else { return nil }
        guard name.contains(where: { !$0.isWhitespace }) else {
            report(namePath, "The name must not be blank.")
            return nil
        }
        return name
    }
}

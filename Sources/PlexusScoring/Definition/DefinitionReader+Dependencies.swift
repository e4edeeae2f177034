import PlexusCore

extension DefinitionReader {
    private static let dependencyFields = ["score", "when"]

    /// A `depends_on` list: each entry a score key, or `{score: key, when: [values]}`.
    /// Entries with problems are reported and left out; each entry kept comes with its path.
    mutating func dependencies(_ value: JSONValue, at path: String) -> [(dependency: ScoreDependency, path: String)] {
        guard let elements = list(value, at: path) else { return [] }
        return elements.enumerated().compactMap { index, element in
            let elementPath = YAMLSourceMap.element(index, of: path)
            return dependency(element, at: elementPath).map { ($0, elementPath) }
        }
    }

    private mutating func dependency(_ value: JSONValue, at path: String) -> ScoreDependency? {
        guard case .object = value else {
            return text(value, at: path).map { ScoreDependency(score: $0) }
        }
        guard let members = mapping(value, at: path, fields: Self.dependencyFields),
            let scoreValue = field("score", of: members, at: path, required: true),
            let score = text(scoreValue, at: YAMLSourceMap.member("score", of: path))
        else { return nil }
        guard let whenValue = field("when", of: members, at: path, required: false) else {
            return ScoreDependency(score: score)
        }
        let whenPath = YAMLSourceMap.member("when", of: path)
        guard let when = texts(whenValue, at: whenPath) else { return nil }
        if when.isEmpty {
            report(whenPath, "List at least one value of '\(score)' to run after, or leave out 'when' to run whatever its value.")
            return nil
        }
        return ScoreDependency(score: score, when: when)
    }
}

/// The checks that span scores: unique keys, and `depends_on` entries that name a known score,
/// use only that score's classes in `when`, and form no cycle.
struct DependencyCheck: Sendable {
    /// Every score read, with its path, in file order.
    let scores: [ReadScore]

    /// Reports every problem found.
    func run(reader: inout DefinitionReader) {
        let first = firstByKey(reader: &reader)
        for score in scores {
            checkDependencies(of: score, first: first, reader: &reader)
        }
        for cycle in DependencyCycles.find(in: scores.map(\.definition)) where cycle.count > 2 {
            guard let origin = first[cycle[0]], let index = origin.definition.dependsOn.firstIndex(where: { $0.score == cycle[1] }) else { continue }
            reader.report(
                origin.dependencyPaths[index],
                "Dependency cycle \(cycle.joined(separator: " -> ")); a score cannot run after itself, so remove one of these dependencies."
            )
        }
    }

    /// The first score with each key; later scores with a key already used are reported.
    private func firstByKey(reader: inout DefinitionReader) -> [String: ReadScore] {
        var first: [String: ReadScore] = [:]
        for score in scores where !score.definition.key.isEmpty {
            let key = score.definition.key
            if let earlier = first[key] {
                reader.report(
                    YAMLSourceMap.member("key", of: score.path),
                    "Score key '\(key)' is already used by \(earlier.path); keys must be unique within a scorecard."
                )
            } else {
                first[key] = score
            }
        }
        return first
    }

    private func checkDependencies(of score: ReadScore, first: [String: ReadScore], reader: inout DefinitionReader) {
        let key = score.definition.key
        for (index, dependency) in score.definition.dependsOn.enumerated() {
            let path = score.dependencyPaths[index]
            guard dependency.score != key else {
                reader.report(path, "Score '\(key)' depends on itself; remove this dependency.")
                continue
            }
            guard let target = first[dependency.score] else {
                let known = first.keys.sorted().joined(separator: ", ")
                reader.report(path, "Score '\(key)' depends on unknown score '\(dependency.score)'; known scores: \(known).")
                continue
            }
            guard target.classesValid else { continue }
            let classes = target.definition.classes
            for (valueIndex, value) in (dependency.when ?? []).enumerated() where !classes.contains(value) {
                reader.report(
                    YAMLSourceMap.element(valueIndex, of: YAMLSourceMap.member("when", of: path)),
                    "'\(value)' is not a class of score '\(dependency.score)' (\(classes.joined(separator: ", "))), so this condition could never be met."
                )
            }
        }
    }
}

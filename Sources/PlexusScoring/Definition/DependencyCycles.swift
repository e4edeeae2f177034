/// Finds dependency cycles among scores by depth-first search over `depends_on`.
enum DependencyCycles {
    /// One cycle for each back edge met, as score keys with the first repeated at the end, e.g.
    /// `["a", "b", "a"]` when `a` depends on `b` and `b` on `a`; a self-dependency is `["a", "a"]`.
    /// Dependencies on unknown keys are ignored; with duplicate keys the first score counts.
    static func find(in scores: [ScoreDefinition]) -> [[String]] {
        var byKey: [String: ScoreDefinition] = [:]
        for score in scores where byKey[score.key] == nil { byKey[score.key] = score }
        var search = Search(byKey: byKey)
        for score in scores { search.visit(score.key) }
        return search.cycles
    }

    private struct Search {
        let byKey: [String: ScoreDefinition]
        var finished: Set<String> = []
        var path: [String] = []
        var cycles: [[String]] = []

        mutating func visit(_ key: String) {
            guard !finished.contains(key), let score = byKey[key] else { return }
            path.append(key)
            for dependency in score.dependsOn.map(\.score) {
                if let start = path.firstIndex(of: dependency) {
                    cycles.append(Array(path[start...]) + [dependency])
                } else {
                    visit(dependency)
                }
            }
            path.removeLast()
            finished.insert(key)
        }
    }
}

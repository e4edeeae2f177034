/// A problem found while reading a scorecard, located by field path; the parser turns it into a
/// ``ScorecardDiagnostic`` by looking the path up in the document's ``YAMLSourceMap``.
struct DefinitionProblem: Sendable, Hashable {
    /// A problem whose location is already known, such as a YAML syntax error.
    struct Located: Error, Sendable, Hashable {
        var problem: DefinitionProblem
        var location: YAMLSourceMap.Location
    }

    /// The field, e.g. `sections[0].scores[2].classes`; empty for the whole document.
    var path: String
    /// What is wrong and how to fix it.
    var message: String
}

import PlexusCore

/// Reads a scorecard YAML file into a ``ScorecardDefinition``, checking everything the format
/// requires and reporting every problem at once, each with its line, column and field path.
///
/// ```yaml
/// key: call-qa
/// name: Call QA
/// description: Quality checks for support calls
/// sections:
///   - name: Opening
///     scores:
///       - key: greeting
///         name: Agent greeted the caller
///         classes: [Yes, No]          # optional; default [Yes, No]
///         positive_class: Yes         # optional; default the first class of a binary score
///         depends_on:                 # optional: score keys, or {score: key, when: [values]}
///           - score: identity
///             when: [Yes]
///         classifier:
///           type: rules               # a type registered in the ClassifierRegistry
/// ```
///
/// Scalars follow YAML 1.2, not 1.1: only `true` and `false` are booleans, so classes such as
/// `Yes` and `No` stay strings. Classifier settings are checked by the kind named by `type`.
public struct ScorecardParser: Sendable {
    /// The classifier types scores may use.
    public var registry: ClassifierRegistry

    /// Creates a parser that accepts the classifier types in `registry`.
    public init(registry: ClassifierRegistry = .standard) {
        self.registry = registry
    }

    /// Parses and validates `yaml`, read from `file` (used only in diagnostics).
    ///
    /// - Throws: ``ScorecardInvalid`` with every problem found, in file order.
    public func parse(_ yaml: String, file: String) throws(ScorecardInvalid) -> ScorecardDefinition {
        let document: YAMLDocument
        do {
            document = try YAMLDocument(parsing: yaml)
        } catch {
            throw ScorecardInvalid(diagnostics: [Self.diagnostic(error.problem, at: error.location, file: file)])
        }
        var reader = DefinitionReader(sourceMap: document.sourceMap)
        reader.report(document.problems)
        let read = readScorecard(document.root, reader: &reader)
        DependencyCheck(scores: read.scores).run(reader: &reader)
        guard reader.problems.isEmpty, let scorecard = read.scorecard else {
            throw ScorecardInvalid(diagnostics: Self.diagnostics(reader.problems, in: document.sourceMap, file: file))
        }
        return scorecard
    }

    private static let scorecardFields = ["key", "name", "description", "sections"]
    private static let sectionFields = ["name", "scores"]

    /// The scorecard, or `nil` when its top level is unusable, plus every score read with its path.
    private func readScorecard(_ root: JSONValue, reader: inout DefinitionReader) -> (scorecard: ScorecardDefinition?, scores: [ReadScore]) {
        if root == .null {
            reader.report("", "The file is empty; a scorecard needs at least key, name and sections.")
            return (nil, [])
        }
        guard let members = reader.mapping(root, at: "", fields: Self.scorecardFields) else { return (nil, []) }
        let key = reader.key(members, at: "")
        let name = reader.name(members, at: "")
        let description = reader.field("description", of: members, at: "", required: false).flatMap { reader.text($0, at: "description") }
        var sections: [SectionDefinition] = []
        var scores: [ReadScore] = []
        if let value = reader.field("sections", of: members, at: "", required: true), let elements = reader.list(value, at: "sections") {
            var seenNames = Set<String>()
            for (index, element) in elements.enumerated() {
                let path = YAMLSourceMap.element(index, of: "sections")
                let section = readSection(element, at: path, reader: &reader)
                if !section.name.isEmpty, !seenNames.insert(section.name).inserted {
                    reader.report(YAMLSourceMap.member("name", of: path), "Section name '\(section.name)' is used twice; give each section its own name.")
                }
                sections.append(SectionDefinition(name: section.name, scores: section.scores.map(\.definition)))
                scores += section.scores
            }
            // Sections whose scores are missing or unreadable are reported where they are; this is for a card with none at all.
            if elements.allSatisfy({ $0["scores"]?.arrayValue?.isEmpty == true }) {
                reader.report("sections", "A scorecard needs at least one section with at least one score.")
            }
        }
        let scorecard = ScorecardDefinition(key: key ?? "", name: name ?? "", description: description ?? "", sections: sections)
        return (scorecard, scores)
    }

    private func readSection(_ value: JSONValue, at path: String, reader: inout DefinitionReader) -> (name: String, scores: [ReadScore]) {
        guard let members = reader.mapping(value, at: path, fields: Self.sectionFields) else { return ("", []) }
        let name = reader.name(members, at: path) ?? ""
        guard let list = reader.field("scores", of: members, at: path, required: true),
            let elements = reader.list(list, at: YAMLSourceMap.member("scores", of: path))
        else { return (name, []) }
        let scores = elements.enumerated().compactMap { index, element in
            readScore(element, at: YAMLSourceMap.element(index, of: YAMLSourceMap.member("scores", of: path)), reader: &reader)
        }
        return (name, scores)
    }

    private static func diagnostics(_ problems: [DefinitionProblem], in sourceMap: YAMLSourceMap, file: String) -> [ScorecardDiagnostic] {
        let located = problems.map { diagnostic($0, at: sourceMap.location(of: $0.path), file: file) }
        // A stable sort keeps problems found at one place in the order they were found.
        return located.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    private static func diagnostic(_ problem: DefinitionProblem, at location: YAMLSourceMap.Location, file: String) -> ScorecardDiagnostic {
        ScorecardDiagnostic(file: file, line: location.line, column: location.column, path: problem.path, message: problem.message)
    }
}

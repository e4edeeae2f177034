import PlexusCore

/// A definition file other than a scorecard (a monitor, say) read from YAML (or JSON, which YAML
/// reads too) into JSON, with the place of every field, so its problems can be reported as
/// `file:line:column: field: message` like a scorecard's.
public struct YAMLDefinitionFile: Sendable {
    /// The file name as given, for diagnostics.
    public let file: String
    /// The document as JSON.
    public let root: JSONValue
    private let sourceMap: YAMLSourceMap

    /// Reads `text`, named `file` in diagnostics.
    /// - Throws: a ``ScorecardDiagnostic`` locating the syntax error, or the first conversion problem.
    public init(parsing text: String, file: String) throws(ScorecardDiagnostic) {
        let document: YAMLDocument
        do {
            document = try YAMLDocument(parsing: text)
        } catch {
            throw ScorecardDiagnostic(file: file, line: error.location.line, column: error.location.column, path: error.problem.path, message: error.problem.message)
        }
        if let problem = document.problems.first {
            let location = document.sourceMap.location(of: problem.path)
            throw ScorecardDiagnostic(file: file, line: location.line, column: location.column, path: problem.path, message: problem.message)
        }
        self.file = file
        root = document.root
        sourceMap = document.sourceMap
    }

    /// A diagnostic for a problem at `path` (a field path such as `rules[1].column`), placed where
    /// the field, or its nearest written parent, is.
    public func diagnostic(at path: String, message: String) -> ScorecardDiagnostic {
        let location = sourceMap.location(of: path)
        return ScorecardDiagnostic(file: file, line: location.line, column: location.column, path: path, message: message)
    }
}

extension ScorecardDiagnostic: Error {}

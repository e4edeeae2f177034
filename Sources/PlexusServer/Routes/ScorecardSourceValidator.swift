import PlexusCore
import PlexusModels
import PlexusScoring

/// Turns a pushed scorecard YAML source into the draft to store, or rejects it with every problem
/// found. Injected into the router so tests can stand in their own rules.
public struct ScorecardSourceValidator: Sendable {
    /// Reads `source`; throws ``ScorecardSourceRejected`` listing every problem.
    public let read: @Sendable (_ source: String) throws -> ScorecardDraft

    /// Creates a validator from a reading function.
    public init(read: @escaping @Sendable (_ source: String) throws -> ScorecardDraft) {
        self.read = read
    }

    /// Reads sources with PlexusScoring's ``ScorecardParser``, by default one that knows the
    /// standard classifier types and `onnx`.
    public static func parser(_ parser: ScorecardParser = ScorecardParser(registry: .withModels)) -> ScorecardSourceValidator {
        ScorecardSourceValidator { source in
            do throws(ScorecardInvalid) {
                return try parser.parse(source, file: "source").draft
            } catch {
                throw ScorecardSourceRejected(diagnostics: error.diagnostics.map { diagnostic in
                    APIErrorBody.Diagnostic(line: diagnostic.line, column: diagnostic.column, path: diagnostic.path, message: diagnostic.message)
                })
            }
        }
    }
}

/// A scorecard source that did not parse or validate, with every problem in file order.
public struct ScorecardSourceRejected: Error, Sendable, Hashable {
    /// The problems found.
    public var diagnostics: [APIErrorBody.Diagnostic]

    /// Creates the error.
    public init(diagnostics: [APIErrorBody.Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The 422 answer: every diagnostic in the message and in `details`, the first one's path as `field`.
    var body: APIErrorBody {
        let lines = diagnostics.map { diagnostic in
            let location = diagnostic.line.map { line in "\(line):\(diagnostic.column ?? 1): " } ?? ""
            return location + (diagnostic.path.isEmpty ? diagnostic.message : "\(diagnostic.path): \(diagnostic.message)")
        }
        let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
        return APIErrorBody(
            code: "invalid_scorecard", message: "The scorecard source has \(count); fix them and push again:\n" + lines.joined(separator: "\n"),
            field: diagnostics.first.map { $0.path.isEmpty ? "source" : $0.path }, details: diagnostics)
    }
}

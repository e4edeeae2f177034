import Foundation
import PlexusCore
import PlexusScoring
import PlexusTestSupport
import Testing

/// Seeded random-input loops over every parser a user can feed from a file or a scorecard: each
/// must refuse bad input with its own typed error, never crash and never hang
/// (`PLEXUS_FUZZ_SECONDS` per target; CI gives each 60 s).
@Suite("Fuzzing the parsers users feed", .serialized)
struct ParserFuzzTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    static func example(_ path: String) throws -> String {
        try String(contentsOf: examples.appendingPathComponent(path), encoding: .utf8)
    }

    private func check(_ report: Fuzzer.Report) {
        print(report)
        #expect(report.inputs > 0)
        #expect(report.slowest.duration < Fuzzer.slowInputLimit, "an input took \(report.slowest.duration): \(report.slowest.input.prefix(500).debugDescription)")
    }

    @Test("Scorecard YAML: every input parses or is refused with located diagnostics")
    func scorecardYAML() async throws {
        let seeds = try ["call-qa/scorecard.yaml", "call-qa/scorecard-v2.yaml", "support-chat/scorecard.yaml", "broken-scorecard.yaml"].map(Self.example)
        let fuzzer = Fuzzer(target: "scorecard-yaml", seeds: seeds, dictionary: [
            "\n  ", ": ", "- ", "&a ", "*a", "<<: *a", "!!binary ", "{", "}", "[", "]", "|\n", ">-\n", "classifier:", "type: llm", "depends_on: [",
            "nodes:", "{{", "}}", "{{text}}", "when: ", "key: ", "classes: [Yes, No]", "---\n", "...\n", "%YAML 1.2\n", "? ", "#",
        ])
        let parser = ScorecardParser()
        check(try await fuzzer.run { yaml in
            do {
                let definition = try parser.parse(yaml, file: "fuzz.yaml")
                _ = definition.draft
            } catch let error as ScorecardInvalid {
                #expect(!error.diagnostics.isEmpty)
            }
        })
    }

    @Test("Logic expressions: every input parses and evaluates, or is refused with an ExpressionError")
    func logicExpressions() async throws {
        let fuzzer = Fuzzer(target: "logic-expression", seeds: [
            "metadata.duration_seconds > 600 or scores.sentiment == 'Negative'",
            "not (scores.greeting == 'Yes' and metadata.channel in ['phone', 'chat'])",
            "(metadata.a + metadata.b * 2 - 3 / 4) >= 1.5e3 and metadata.name != \"x\"",
            "scores.resolved == 'Yes' or (metadata.tier == 'gold' and not metadata.escalated)",
        ], dictionary: ["(", ")", "((((((((((", "))))))))))", " and ", " or ", "not ", "==", "!=", ">=", "in", "[", "]", ",", "'", "\"", ".", "metadata.", "scores.", "1/0", "-", "%"])
        let environment = ExpressionEnvironment(metadata: ["duration_seconds": 700, "a": 1, "b": 2, "name": "y", "tier": "gold", "escalated": false, "channel": "phone"])
        check(try await fuzzer.run { source in
            do {
                _ = try LogicExpression(parsing: source).evaluate(in: environment)
            } catch let error as ExpressionError {
                #expect(!error.message.isEmpty)
            }
        })
    }

    @Test("Prompt templates in an llm scorecard: every template is accepted or refused with a diagnostic")
    func promptTemplates() async throws {
        let fuzzer = Fuzzer(target: "prompt-template", seeds: [
            "Transcript:\n{{text}}\n\nDid the agent greet the caller? Answer Yes or No.",
            "Customer {{metadata.customer.name}} on {{metadata.channel}}: {{text}} (earlier: {{scores.greeting}})",
            "{{text}}{{text}}{{ metadata.a }}",
        ], dictionary: ["{{", "}}", "{", "}", ".", "metadata.", "scores.", " ", "\n", "{{}}", "{{.}}", "{{{{"])
        let parser = ScorecardParser()
        check(try await fuzzer.run { template in
            let indented = template.split(separator: "\n", omittingEmptySubsequences: false).map { "          " + $0 }.joined(separator: "\n")
            let yaml = """
                key: fuzz
                name: Fuzz
                sections:
                  - name: Only
                    scores:
                      - key: greeting
                        classes: [Yes, No]
                        classifier:
                          type: llm
                          start: ask
                          nodes:
                            ask:
                              kind: classifier
                              user: |
                \(indented)
                              parse: yes_no
                              next: {Yes: {class: Yes}, No: {class: No}}
                """
            do {
                _ = try parser.parse(yaml, file: "fuzz.yaml")
            } catch let error as ScorecardInvalid {
                #expect(!error.diagnostics.isEmpty)
            }
        })
    }

    @Test("Item files, JSON Lines and CSV: every row is an item or a located problem")
    func itemFiles() async throws {
        let jsonl = try Self.example("call-qa/transcripts.jsonl").split(separator: "\n").prefix(6).joined(separator: "\n")
        let csv = try Self.example("call-qa/transcripts.csv").split(separator: "\n", omittingEmptySubsequences: false).prefix(6).joined(separator: "\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, seed) in [("jsonl", jsonl), ("csv", csv)] {
            let fuzzer = Fuzzer(target: "items-\(format)", seeds: [seed], dictionary: ["\"", ",", "\n", "\r\n", "{", "}", ":", "\"\"", "null", "[", "]", "\"labels\":", "\"metadata\":"])
            let path = folder.appendingPathComponent("items.\(format)").path
            check(try await fuzzer.run { content in
                try Data(content.utf8).write(to: URL(fileURLWithPath: path))
                do {
                    for try await row in try ItemFile(path: path) {
                        if case .problem(let problem) = row { #expect(problem.line >= 1 && !problem.message.isEmpty) }
                    }
                } catch let error as ItemFileError {
                    #expect(!error.description.isEmpty)
                }
            })
        }
    }
}

import PlexusScoring
import Testing

@Suite("Scorecard YAML with aliases")
struct AliasExpansionTests {
    /// Nine levels of ten aliases each: about a kilobyte of YAML that expands to a billion values.
    private func aliasBomb() -> String {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        return lines.joined(separator: "\n") + "\nkey: bomb\nname: Bomb\nsections: []\n"
    }

    @Test("A document whose aliases expand without bound is refused quickly with a clear problem")
    func aliasBombIsRefused() throws {
        let error = #expect(throws: ScorecardInvalid.self) { try testParser().parse(aliasBomb(), file: "bomb.yaml") }
        let messages = try #require(error).diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("expands to more than 100000 values") })
    }
}

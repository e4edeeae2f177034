import Foundation
import PlexusCore
import PlexusMonitoring
import Testing

@Suite("Reading monitor definitions with every problem reported")
struct MonitorDefinitionReadingTests {
    private func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    private func fields(_ text: String) throws -> [String] {
        let (definition, problems) = MonitorDefinition.read(try json(text))
        #expect(definition == nil)
        return problems.compactMap(\.field).sorted()
    }

    @Test("A valid definition reads as decoding gives it, with no problems")
    func valid() throws {
        let text = """
            {"name": "checkout", "source": {"kind": "series", "series": "checkout"}, "window": "6h", "reference": {"trailing": "7d"},
             "drift": {"share": 0.3, "methods": {"latency": {"method": "psi", "threshold": 0.2}}}, "schedule": "@hourly",
             "rules": [{"type": "column_drift", "column": "plan"}, {"type": "metric_change", "column": "latency", "statistic": "p95", "percent": 20}]}
            """
        let (definition, problems) = MonitorDefinition.read(try json(text))
        #expect(problems.isEmpty)
        #expect(definition == (try PlexusJSON.decoder().decode(MonitorDefinition.self, from: Data(text.utf8))))
    }

    @Test("Problems in several fields, and several inside one field or rule, are all reported")
    func everyProblem() throws {
        let text = """
            {"name": "x", "windw": "1h", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "2x"},
             "drift": {"threshold": 7, "share": "half", "methods": {"a": {"method": "nope", "limit": 1}, "b": 5}},
             "rules": [{"type": "metric_threshold", "column": "latency", "statistic": "p95x", "above": "k"},
                       {"type": "drift_share", "share": 4, "atLeast": 3},
                       {"type": "sometimes"},
                       {"type": "metric_change", "column": "latency", "statistic": "share", "percent": -1}],
             "minimumSampleSize": 0, "schedule": "0 25 * * *"}
            """
        #expect(try fields(text) == [
            "drift.methods.a.limit", "drift.methods.a.method", "drift.methods.b", "drift.share", "drift.threshold",
            "minimumSampleSize", "reference.trailing",
            "rules[0].above", "rules[0].statistic",
            "rules[1].atLeast", "rules[1].share", "rules[2].type",
            "rules[3].category", "rules[3].percent",
            "schedule", "windw",
        ])
    }

    @Test("Messages say what to write, naming the field probably meant")
    func messages() throws {
        let (_, problems) = MonitorDefinition.read(try json("""
            {"name": "x", "windw": "1h", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"},
             "drift": {"methods": {"a": {"method": "pso"}}}, "rules": [{"type": "colum_drift", "column": "a"}]}
            """))
        let messages = Dictionary(problems.map { ($0.field ?? "", $0.message) }, uniquingKeysWith: { first, _ in first })
        #expect(messages["windw"]?.hasSuffix("Did you mean 'window'?") == true)
        #expect(messages["drift.methods.a.method"]?.hasSuffix("Did you mean 'psi'?") == true)
        #expect(messages["rules[0].type"]?.hasSuffix("Did you mean 'column_drift'?") == true)
    }

    @Test("What stands in for an unreadable field raises no problem of its own")
    func standIns() throws {
        // A dataset source needs a dataset reference; the unreadable reference is reported once,
        // not again as "the wrong kind of reference".
        #expect(try fields(#"{"name": "x", "source": {"kind": "dataset", "dataset": "d"}, "reference": {"dataset": 5}}"#) == ["reference.dataset"])
        #expect(try fields(#"{"source": {"kind": "series", "series": "a"}, "reference": 7}"#) == ["name", "reference"])
        // A broken first rule keeps the second one's index.
        #expect(try fields(#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "rules": [7, {"type": "column_drift", "column": ""}]}"#)
            == ["rules[0]", "rules[1].column"])
        #expect(try fields(#"[1, 2]"#) == [""])
    }

    @Test("Decoding over the API refuses a misspelt field instead of ignoring it")
    func strictDecoding() {
        let cases: [(String, String)] = [
            (#"{"name": "x", "windw": "1h", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}}"#, "windw"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d", "length": 2}}"#, "reference.length"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "drift": {"threshold": 0.2}}"#, "drift.threshold"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "drift": {"methods": {"a": {"test": "ks"}}}}"#, "drift.methods.a.test"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "drift": {"methods": {"a": {"method": "kss"}}}}"#, "drift.methods.a.method"),
        ]
        for (text, field) in cases {
            #expect {
                try PlexusJSON.decoder().decode(MonitorDefinition.self, from: Data(text.utf8))
            } throws: { error in
                (error as? DomainError)?.field == field
            }
        }
    }
}

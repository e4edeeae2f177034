import Foundation
import PlexusCore

extension MonitorDefinition {
    /// Reads a definition from JSON (as a YAML or JSON file gives it) and checks it: the definition
    /// when it has no problem, and every problem found, each on its field. Fields that cannot be
    /// read are reported and left out (required ones replaced by stand-ins that are not checked),
    /// and the rest is checked as usual, so one pass over a file lists all of its problems.
    public static func read(_ json: JSONValue, registry: MonitorSourceRegistry = .standard) -> (definition: MonitorDefinition?, problems: [DomainError]) {
        var root = MemberReader(json, at: "", allowed: memberNames, notAnObject: "A monitor definition is a mapping of fields (name, source, reference, rules, …).")
        guard root.isObject else { return (nil, root.problems) }
        root.read("name", as: String.self, required: true, standIn: "unnamed")
        root.read("description", as: String.self)
        root.read("subject", as: String.self)
        root.read("source", as: MonitorSourceSpec.self, required: true, standIn: ["kind": "series", "series": "stand-in"])
        root.readObject(
            "reference", as: MonitorReference.self, allowed: MonitorReference.memberNames,
            notAnObject: "The reference is a mapping: {dataset: <id>}, {from: …, to: …} or {trailing: 7d}.", required: true, standIn: ["trailing": "1d"])
        root.read("window", as: WindowLength.self)
        root.read("columns", as: [String].self)
        root.readObject("drift", as: DriftSettings.self, allowed: DriftSettings.memberNames, notAnObject: "drift is a mapping of share, methods and categoryShiftPoints.") { drift in
            drift.read("share", as: Double.self)
            drift.read("categoryShiftPoints", as: Double.self)
            drift.readObject("methods", as: [String: ColumnMethod].self, allowed: nil, notAnObject: "drift.methods maps column names to {method, threshold}.") { methods in
                for column in methods.readable.keys.sorted() {
                    methods.readObject(column, as: ColumnMethod.self, allowed: ColumnMethod.memberNames, notAnObject: "A column's drift choice is a mapping such as {method: psi, threshold: 0.2}.") { choice in
                        choice.read("threshold", as: Double.self)
                    }
                }
            }
        }
        if case let .array(rules)? = root.value("rules") {
            root.keep("rules", .array(rules.indices.map { readRule(rules[$0], at: "rules[\($0)]", into: &root) }))
        } else {
            root.read("rules", as: [MonitorRule].self)
        }
        for name in ["minimumSampleSize", "autoResolveAfter"] { root.read(name, as: Int.self) }
        for name in ["schedule", "timeZone"] { root.read(name, as: String.self) }
        root.read("enabled", as: Bool.self)

        let definition: MonitorDefinition
        do {
            definition = try MemberReader.decode(MonitorDefinition.self, from: .object(root.readable))
        } catch {
            return (nil, root.problems + [MemberReader.problem(error, at: "")])
        }
        // Checks of what could not be read, or of its stand-ins, would only repeat or mislead.
        let covered = root.problems.compactMap(\.field) + root.replaced
        let checks = definition.problems(registry: registry).filter { problem in
            !covered.contains { MemberReader.field(problem.field ?? "", isWithin: $0) }
        }
        let problems = root.problems + checks
        return (problems.isEmpty ? definition : nil, problems)
    }

    /// Reads one rule member by member, reporting every problem into `reader`; returns the rule
    /// without its unreadable members, or a stand-in when it cannot be read as a rule at all (so
    /// later rules keep their index).
    private static func readRule(_ json: JSONValue, at path: String, into reader: inout MemberReader) -> JSONValue {
        let standIn: JSONValue = ["type": "drift_share"]
        let field = { (name: String) in MemberReader.join(path, name) }
        guard case let .object(members) = json else {
            reader.report(.invalid(field: path, message: "A rule is a mapping such as {type: drift_share, atLeast: 0.5}."))
            return standIn
        }
        guard case let .string(type)? = members["type"] else {
            let problem = members["type"] == nil ? "type is required" : "type is text"
            reader.report(.invalid(field: field("type"), message: "A rule's \(problem): one of \(MonitorRule.types.joined(separator: ", "))."))
            return standIn
        }
        guard let allowed = MonitorRule.members[type] else {
            reader.report(.invalid(field: field("type"), message: MonitorRule.unknownTypeMessage(type)))
            return standIn
        }
        var rule = MemberReader(json, at: path, allowed: ["type"] + allowed, notAnObject: "", unknown: { MonitorRule.foreignMemberMessage($0, type: type) })
        for name in allowed {
            switch name {
            case "column": rule.read(name, as: String.self, required: true)
            case "category": rule.read(name, as: String.self)
            case "statistic": rule.read(name, as: MetricSpec.Statistic.self, required: true)
            default: rule.read(name, as: Double.self, required: name == "percent")
            }
        }
        for problem in rule.problems { reader.report(problem) }
        let readable = JSONValue.object(rule.readable)
        return (try? MemberReader.decode(MonitorRule.self, from: readable)) == nil ? standIn : readable
    }
}

import PlexusCore
import Yams

/// A YAML document converted to JSON, with the location of every field.
struct YAMLDocument: Sendable {
    /// The document's content; `.null` for an empty document.
    var root: JSONValue
    /// Where each field was written.
    var sourceMap: YAMLSourceMap
    /// Problems met while converting, such as a list used as a mapping key, by path.
    var problems: [DefinitionProblem]

    /// Parses `yaml`, or throws the syntax error with its location.
    init(parsing yaml: String) throws(DefinitionProblem.Located) {
        sourceMap = YAMLSourceMap()
        problems = []
        root = .null
        let node: Node?
        do {
            // The basic resolver leaves every scalar untyped, so YAMLScalar applies YAML 1.2 rules instead.
            node = try Yams.compose(yaml: yaml, .basic)
        } catch {
            throw Self.syntaxProblem(error)
        }
        if let node {
            sourceMap.record("", at: Self.location(node.mark))
            root = convert(node, at: "")
        }
    }

    /// The most nodes a scorecard may expand to. Aliases repeat their anchor's whole subtree, so a
    /// few hundred bytes of nested aliases could otherwise expand to billions of nodes.
    static let maximumNodes = 100_000
    private var nodesConverted = 0

    private mutating func convert(_ node: Node, at path: String) -> JSONValue {
        nodesConverted += 1
        guard nodesConverted <= Self.maximumNodes else {
            if nodesConverted == Self.maximumNodes + 1 {
                problems.append(DefinitionProblem(
                    path: path, message: "The document expands to more than \(Self.maximumNodes) values (nested aliases?); write it out without them."))
            }
            return .null
        }
        switch node {
        case .scalar(let scalar):
            return Self.value(of: scalar)
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { index, element in
                let elementPath = YAMLSourceMap.element(index, of: path)
                record(element, at: elementPath, location: element.mark)
                return convert(element, at: elementPath)
            })
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    problems.append(DefinitionProblem(path: path, message: "A mapping key must be a plain name, not a list or mapping."))
                    continue
                }
                let memberPath = YAMLSourceMap.member(name, of: path)
                record(value, at: memberPath, location: key.mark)
                members[name] = convert(value, at: memberPath)
            }
            return .object(members)
        case .alias:
            // Yams resolves aliases to the anchored node while composing; none reach this point.
            return .null
        }
    }

    private mutating func record(_ node: Node, at path: String, location mark: Mark?) {
        sourceMap.record(path, at: Self.location(mark), text: node.scalar?.string)
    }

    private static func value(of scalar: Node.Scalar) -> JSONValue {
        let explicitString = [Tag.Name.str.rawValue, Tag.Name.nonSpecific.rawValue].contains(scalar.tag.rawValue)
        return scalar.style == .plain && !explicitString ? YAMLScalar.resolve(scalar.string) : .string(scalar.string)
    }

    private static func location(_ mark: Mark?) -> YAMLSourceMap.Location {
        YAMLSourceMap.Location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func syntaxProblem(_ error: any Error) -> DefinitionProblem.Located {
        guard let error = error as? YamlError else {
            return DefinitionProblem.Located(problem: DefinitionProblem(path: "", message: "The file is not valid YAML: \(error)."), location: location(nil))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return DefinitionProblem.Located(
                problem: DefinitionProblem(path: "", message: "YAML syntax error: \(problem)\(during)."), location: location(mark)
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return DefinitionProblem.Located(
                problem: DefinitionProblem(path: "", message: "Field \(names) appears twice in one mapping; keep one."),
                location: location(context.mark)
            )
        default:
            return DefinitionProblem.Located(problem: DefinitionProblem(path: "", message: "The file is not valid YAML: \(error)."), location: location(nil))
        }
    }
}

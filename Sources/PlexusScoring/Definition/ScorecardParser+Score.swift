import PlexusCore

extension ScorecardParser {
    private static let scoreFields = ["key", "name", "classes", "positive_class", "depends_on", "classifier"]
    private static let defaultClasses = ["Yes", "No"]

    /// Reads one score; problems with its fields are reported and replaced by placeholders so that the
    /// checks that follow (duplicates, dependencies, classifier settings) still run.
    func readScore(_ value: JSONValue, at path: String, reader: inout DefinitionReader) -> ReadScore? {
        guard let members = reader.mapping(value, at: path, fields: Self.scoreFields) else { return nil }
        let key = reader.key(members, at: path) ?? ""
        let name = reader.name(members, at: path) ?? ""
        let classes = readClasses(members, at: path, reader: &reader)
        let positiveClass = readPositiveClass(members, classes: classes, at: path, reader: &reader)
        let dependencies = reader.field("depends_on", of: members, at: path, required: false).map {
            reader.dependencies($0, at: YAMLSourceMap.member("depends_on", of: path))
        } ?? []
        let classifier = readClassifier(members, at: path, reader: &reader)
        let definition = ScoreDefinition(
            key: key, name: name, classes: classes ?? Self.defaultClasses, positiveClass: positiveClass,
            dependsOn: dependencies.map(\.dependency), classifier: classifier ?? .null
        )
        // With unusable classes, a kind's checks against the classes would only repeat that problem.
        if let classifier, classes != nil {
            validateClassifier(classifier, of: definition, at: YAMLSourceMap.member("classifier", of: path), reader: &reader)
        }
        return ReadScore(path: path, definition: definition, dependencyPaths: dependencies.map(\.path), classesValid: classes != nil)
    }

    /// The classes as written, `["Yes", "No"]` when omitted, or `nil` (reported) when they are unusable.
    private func readClasses(_ members: [String: JSONValue], at path: String, reader: inout DefinitionReader) -> [String]? {
        let classesPath = YAMLSourceMap.member("classes", of: path)
        guard let value = reader.field("classes", of: members, at: path, required: false) else { return Self.defaultClasses }
        let problemsBefore = reader.problems.count
        guard let classes = reader.texts(value, at: classesPath) else { return nil }
        if classes.count < 2 {
            reader.report(classesPath, "A score needs at least two classes, e.g. [Yes, No]; got \(classes.count).")
        }
        var seen = Set<String>()
        for (index, name) in classes.enumerated() {
            let elementPath = YAMLSourceMap.element(index, of: classesPath)
            if !name.contains(where: { !$0.isWhitespace }) {
                reader.report(elementPath, "A class name must not be blank.")
            } else if !seen.insert(name).inserted {
                reader.report(elementPath, "Class '\(name)' is listed twice; classes must be distinct.")
            }
        }
        return reader.problems.count == problemsBefore ? classes : nil
    }

    /// The positive class as written, else the first class of a binary score, else `nil`.
    private func readPositiveClass(_ members: [String: JSONValue], classes: [String]?, at path: String, reader: inout DefinitionReader) -> String? {
        let positivePath = YAMLSourceMap.member("positive_class", of: path)
        guard let value = reader.field("positive_class", of: members, at: path, required: false) else {
            return classes.flatMap { $0.count == 2 ? $0[0] : nil }
        }
        guard let positive = reader.text(value, at: positivePath) else { return nil }
        if let classes, !classes.contains(positive) {
            reader.report(positivePath, "Positive class '\(positive)' is not one of the score's classes \(classes.joined(separator: ", ")).")
        }
        return positive
    }

    /// The classifier block, which must be a mapping naming a registered `type`; its other fields are the kind's business.
    private func readClassifier(_ members: [String: JSONValue], at path: String, reader: inout DefinitionReader) -> JSONValue? {
        let classifierPath = YAMLSourceMap.member("classifier", of: path)
        guard let block = reader.field("classifier", of: members, at: path, required: true) else { return nil }
        guard let settings = block.objectValue else {
            reader.report(classifierPath, "Expected a mapping with a 'type' and that type's settings; found \(DefinitionReader.describe(block)).")
            return nil
        }
        guard let typeValue = reader.field("type", of: settings, at: classifierPath, required: true),
            let type = reader.text(typeValue, at: YAMLSourceMap.member("type", of: classifierPath))
        else { return block }
        if registry.kind(type) == nil {
            let known = registry.types.isEmpty ? "no classifier types are registered" : "registered types: \(registry.types.joined(separator: ", "))"
            let hint = FieldSuggestion.closest(to: type, in: registry.types).map { " Did you mean '\($0)'?" } ?? ""
            reader.report(YAMLSourceMap.member("type", of: classifierPath), "Unknown classifier type '\(type)'; \(known).\(hint)")
        }
        return block
    }

    /// Runs the kind's own checks on the block, placing each problem under the block's path.
    private func validateClassifier(_ settings: JSONValue, of score: ScoreDefinition, at path: String, reader: inout DefinitionReader) {
        guard let type = score.classifierType, let kind = registry.kind(type) else { return }
        reader.report(kind.validate(settings, for: score).map { problem in
            let separator = problem.path.isEmpty || problem.path.hasPrefix("[") ? "" : "."
            return DefinitionProblem(path: problem.path.isEmpty ? path : path + separator + problem.path, message: problem.message)
        })
    }
}

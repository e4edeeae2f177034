import Foundation
import PlexusCore
import PlexusScoring

/// A test-only classifier type: answers `Yes` when the item's text contains `word`, else `No`;
/// throws when the text contains `boom`; records how many calls run at once.
struct WordTestKind: ClassifierKind {
    let type = "word"
    let gauge: ConcurrencyGauge

    init(gauge: ConcurrencyGauge = ConcurrencyGauge()) {
        self.gauge = gauge
    }

    func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] { [] }

    func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        WordTestClassifier(word: settings.objectValue?["word"]?.stringValue ?? "", gauge: gauge)
    }
}

struct WordTestClassifier: Classifier {
    let word: String
    let gauge: ConcurrencyGauge

    func classify(_ input: ClassifierInput) async throws -> Classification {
        await gauge.enter()
        try await Task.sleep(for: .milliseconds(2))
        await gauge.leave()
        if input.item.text.contains("boom") { throw CancellationError() }
        let found = input.item.text.contains(word)
        return Classification(value: found ? "Yes" : "No", confidence: 1, explanation: found ? "found \(word)" : "no \(word)",
                              usage: Usage(cost: 0.5, calls: 1))
    }
}

/// Counts concurrent calls and remembers the most seen at once.
actor ConcurrencyGauge {
    private(set) var current = 0
    private(set) var peak = 0

    func enter() {
        current += 1
        peak = max(peak, current)
    }

    func leave() { current -= 1 }
}

/// A sink that keeps results in memory and claims some items were scored before. Like a network
/// sink, it refuses to work for a cancelled task.
actor MemorySink: ScoringSink {
    let scoredBefore: Set<String>
    private(set) var stored: [ItemOutcome] = []

    init(scoredBefore: Set<String> = []) {
        self.scoredBefore = scoredBefore
    }

    nonisolated func alreadyScored(_ itemIDs: [String]) async throws -> Set<String> {
        try Task.checkCancellation()
        return scoredBefore.intersection(itemIDs)
    }

    func record(_ outcomes: [ItemOutcome]) async throws {
        try Task.checkCancellation()
        stored += outcomes
    }
}

enum RunFixtures {
    static func score(_ key: String, word: String, dependsOn: [ScoreDependency] = []) -> ScoreDefinition {
        ScoreDefinition(key: key, name: key, classes: ["Yes", "No"], positiveClass: "Yes", dependsOn: dependsOn,
                        classifier: .object(["type": .string("word"), "word": .string(word)]))
    }

    static func scorecard(_ scores: [ScoreDefinition]) -> ScorecardDefinition {
        ScorecardDefinition(key: "qa", name: "QA", sections: [SectionDefinition(name: "All", scores: scores)])
    }

    static func runner(_ scores: [ScoreDefinition], only: [String]? = nil, gauge: ConcurrencyGauge = ConcurrencyGauge()) async throws -> ScorecardRunner {
        try await ScorecardRunner(definition: scorecard(scores), version: 3, scores: only,
                                  registry: ClassifierRegistry([WordTestKind(gauge: gauge)]), context: ClassifierContext())
    }

    static func rows(_ texts: [String]) -> [ItemRow] {
        texts.enumerated().map { index, text in
            .item(InputItem(item: ScoringItem(id: "item-\(index)", text: text)), line: index + 1)
        }
    }

    /// Writes `contents` to a fresh temporary file named `name`.
    static func file(_ name: String, _ contents: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// Rows served from memory as an async sequence.
struct RowSequence: AsyncSequence, Sendable {
    let rows: [ItemRow]

    func makeAsyncIterator() -> IndexingIterator<[ItemRow]>.AsyncAdapter { .init(base: rows.makeIterator()) }
}

extension IndexingIterator where Elements == [ItemRow] {
    struct AsyncAdapter: AsyncIteratorProtocol {
        var base: IndexingIterator<[ItemRow]>
        mutating func next() async -> ItemRow? { base.next() }
    }
}

extension ItemFile {
    /// Every row of the file.
    func allRows() async throws -> [ItemRow] {
        var rows: [ItemRow] = []
        for try await row in self { rows.append(row) }
        return rows
    }
}

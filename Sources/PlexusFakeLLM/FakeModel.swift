import Foundation

/// The fake model's answer policy: deterministic answers computed from the prompt, so example
/// scorecards and tests know what to expect. docs/classifiers/llm.md describes it for users.
///
/// The prompt is the system messages plus the first user message. Checked in this order:
/// 1. `one of [A, B, C]`: the first class whose name occurs as a word outside quotes and outside
///    the list; none found: the last class.
/// 2. `Yes or No`: `Yes` when any double-quoted phrase occurs outside quotes (case-insensitive), else `No`.
/// 3. `how many`: how often the first quoted phrase occurs outside quotes.
/// 4. `quote`: the sentence containing the first quoted phrase; when the phrase is absent an
///    invented sentence (so a verifier catches it); with no phrase, the first turn of a speaker the
///    instructions name, else the first turn.
/// 5. Anything else: `OK`.
/// Answers to prompts that mention `JSON` (kinds 1–3) come as `{"answer": "…"}`.
public enum FakeModel {
    /// The answer to `messages` (role, content pairs).
    public static func answer(to messages: [(role: String, content: String)]) -> String {
        let system = messages.filter { $0.role == "system" }.map(\.content)
        let firstUser = messages.first { $0.role == "user" }.map { [$0.content] } ?? []
        let prompt = PromptText((system + firstUser).joined(separator: "\n"))
        let lowered = prompt.outsideQuotes.lowercased()
        let wantsJSON = lowered.contains("json")
        if let classes = classList(in: prompt.outsideQuotes) {
            return wrap(chooseClass(classes, prompt: prompt), json: wantsJSON)
        }
        if lowered.contains("yes or no") {
            return wrap(prompt.quotedPhrases.contains { prompt.mentions($0) } ? "Yes" : "No", json: wantsJSON)
        }
        if lowered.contains("how many") {
            return wrap(String(prompt.quotedPhrases.first.map { prompt.occurrences(of: $0) } ?? prompt.turns.count), json: wantsJSON)
        }
        if PromptText.containsWord("quote", in: lowered) {
            return quote(prompt)
        }
        return "OK"
    }

    /// The classes of the first `one of [A, B, C]` list, or `nil` when there is none.
    static func classList(in text: String) -> [String]? {
        guard let start = text.range(of: "one of [", options: .caseInsensitive),
            let end = text[start.upperBound...].firstIndex(of: "]")
        else { return nil }
        let names = text[start.upperBound..<end].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "'`")))
        }
        return names.isEmpty ? nil : names
    }

    private static func chooseClass(_ classes: [String], prompt: PromptText) -> String {
        var evidence = prompt.outsideQuotes
        if let start = evidence.range(of: "one of [", options: .caseInsensitive),
            let end = evidence[start.upperBound...].firstIndex(of: "]")
        {
            evidence.removeSubrange(start.lowerBound...end)
        }
        return classes.first { PromptText.containsWord($0, in: evidence) } ?? classes[classes.count - 1]
    }

    private static func quote(_ prompt: PromptText) -> String {
        let turns = prompt.turns
        guard let phrase = prompt.quotedPhrases.first else {
            let instructions = prompt.outsideQuotes.split(separator: "\n").filter { line in
                !turns.contains { line.contains($0.utterance) }
            }.joined(separator: "\n")
            let named = turns.first { PromptText.containsWord($0.speaker, in: instructions) }
            return (named ?? turns.first)?.utterance ?? "OK"
        }
        let sentences = turns.flatMap { sentencesOf($0.utterance) }
        if let sentence = sentences.first(where: { $0.range(of: phrase, options: .caseInsensitive) != nil }) {
            return sentence
        }
        return "I am happy to say \(phrase) to every caller, as I always do."
    }

    private static func sentencesOf(_ utterance: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in utterance {
            current.append(character)
            if ".!?".contains(character) {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    private static func wrap(_ answer: String, json: Bool) -> String {
        guard json, let data = try? JSONEncoder().encode(["answer": answer]) else { return answer }
        return String(decoding: data, as: UTF8.self)
    }
}

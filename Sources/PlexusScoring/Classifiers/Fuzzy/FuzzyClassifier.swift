import PlexusCore

/// Gives the matched class when the phrases reach the similarity threshold in the scoped text.
///
/// Phrases are checked in order and the check stops as soon as the answer is known (`any`: at the
/// first phrase that reaches the threshold; `all`: at the first that does not); the explanation
/// lists the phrases checked. The deciding similarity `s` (of the phrase that settled the answer,
/// or else the lowest when every phrase matched and the highest when none did) against the
/// threshold `t` gives the confidence: `0.5 + 0.5 * (s - t) / (1 - t)` when matched (1 when `t` is 1), and
/// `0.5 + 0.5 * (t - s) / t` when not. So a result right at the threshold has confidence 0.5,
/// and an exact match, or no resemblance at all, has confidence 1.
struct FuzzyClassifier: Classifier {
    let settings: FuzzySettings

    func classify(_ input: ClassifierInput) async throws -> Classification {
        let segments = Transcript(input.item.text).segments(scope: settings.scope)
        var checked: [(matcher: FuzzyMatcher, match: FuzzyMatch?)] = []
        var matched = settings.requirement == .all
        for matcher in settings.matchers {
            let match = matcher.bestMatch(in: segments)
            checked.append((matcher, match))
            if ((match?.similarity ?? 0) >= settings.threshold) != matched {
                matched.toggle()
                break
            }
        }
        // The deciding similarity: the phrase that settled the answer, or else the weakest
        // (every phrase matched) or strongest (no phrase matched) of them.
        let similarities = checked.map { $0.match?.similarity ?? 0 }
        let settledByOne = matched != (settings.requirement == .all)
        let deciding = settledByOne ? similarities.last ?? 0 : (matched ? similarities.min() : similarities.max()) ?? 0
        let value = matched ? settings.matchedClass : settings.unmatchedClass
        let lines = checked.map { describe($0.matcher, $0.match) }
        let verdict = matched ? "reached" : "did not reach"
        return Classification(
            value: value, confidence: confidence(deciding, matched: matched),
            explanation: "\(value): \(settings.requirement.rawValue == "all" ? "every phrase" : "a phrase") must reach \(settings.threshold); the deciding phrase \(verdict) it. \(lines.joined(separator: "; "))",
            detail: .object([
                "threshold": .number(settings.threshold),
                "phrases": .array(checked.map { json($0.matcher, $0.match) }),
            ])
        )
    }

    private func confidence(_ similarity: Double, matched: Bool) -> Double {
        let threshold = settings.threshold
        if matched { return threshold >= 1 ? 1 : 0.5 + 0.5 * (similarity - threshold) / (1 - threshold) }
        return 0.5 + 0.5 * (threshold - similarity) / threshold
    }

    private func describe(_ matcher: FuzzyMatcher, _ match: FuzzyMatch?) -> String {
        guard let match else { return "\"\(matcher.phrase)\": no words to search\(settings.scope.map { " in \($0)'s turns" } ?? "")" }
        let place = match.turn.map { " in \($0.label)" } ?? ""
        return "\"\(matcher.phrase)\" best window \"\(match.text)\"\(place), \(matcher.method.rawValue) similarity \(rounded(match.similarity))"
    }

    private func json(_ matcher: FuzzyMatcher, _ match: FuzzyMatch?) -> JSONValue {
        var object: [String: JSONValue] = ["phrase": .string(matcher.phrase), "similarity": .number(match?.similarity ?? 0)]
        object["window"] = match.map { .string(String($0.text)) } ?? .null
        object["turn"] = match?.turn.map { .number(Double($0.number)) } ?? .null
        return .object(object)
    }

    private func rounded(_ value: Double) -> String {
        String(Double((value * 1000).rounded()) / 1000)
    }
}

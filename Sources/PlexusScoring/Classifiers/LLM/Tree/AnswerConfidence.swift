import Foundation

/// Confidence from the first answer token's log-probabilities: the probability mass of the
/// alternatives that spell the chosen answer, over the mass of alternatives that spell any candidate.
enum AnswerConfidence {
    /// The confidence in `chosen`, or `nil` when the response has no log-probabilities or none map to a candidate.
    static func estimate(chosen: String, candidates: [String], response: ChatResponse) -> Double? {
        guard !candidates.isEmpty else { return nil }
        let alternatives = response.firstTokenAlternatives.isEmpty ? response.firstToken.map { [$0] } ?? [] : response.firstTokenAlternatives
        var mass: [String: Double] = [:]
        for alternative in alternatives {
            let token = alternative.token.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard !token.isEmpty, let candidate = candidates.first(where: { $0.lowercased().hasPrefix(token) }) else { continue }
            mass[candidate, default: 0] += exp(alternative.logprob)
        }
        let total = mass.values.reduce(0, +)
        guard let chosenMass = mass[chosen], chosenMass > 0, total > 0 else { return nil }
        return chosenMass / total
    }
}

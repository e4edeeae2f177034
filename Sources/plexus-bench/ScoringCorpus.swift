import Foundation
import PlexusScoring
import PlexusStats

/// Synthetic support-call transcripts of about `targetCharacters` each, labelled `resolved` Yes/No.
///
/// Transcript `n` depends only on the seed and `n`, so any item can be made on demand (the LLM
/// benchmark streams them) and the same corpus is written for the Python reference. Invented
/// product, street and town names give the vocabulary a realistic long tail.
struct ScoringCorpus: Sendable {
    /// One transcript and its label.
    struct Transcript: Sendable, Codable {
        let id: String
        let text: String
        let label: String
    }

    let seed: UInt64
    var targetCharacters = 2_000

    /// Transcript number `number`.
    func transcript(_ number: Int) -> Transcript {
        var random = SeededRandomNumberGenerator(seed: seed ^ (UInt64(number) &* 0xD1B5_4A32_D192_ED03))
        let agent = Self.agents.randomElement(using: &random)!
        let topic = ScoringCorpusPhrases.topics.randomElement(using: &random)!
        let resolved = Double.random(in: 0..<1, using: &random) < 0.55
        var lines: [String] = []
        if Double.random(in: 0..<1, using: &random) < 0.7 {
            lines.append("Agent: Thanks for calling Northwind support, this is \(agent). How can I help?")
        } else {
            lines.append("Agent: Hello, you're through to \(agent) at the \(word(&random)) office.")
        }
        lines.append("Customer: Hi, \(topic.opening)")
        if Double.random(in: 0..<1, using: &random) < 0.4 {
            lines.append("Agent: Can I put you on a short hold while I check?")
            lines.append("Customer: Yes, that's fine.")
        }
        let closing = resolved ? topic.resolvedClosing : topic.unresolvedClosing
        let budget = targetCharacters + Int.random(in: -200...200, using: &random) - closing.utf8.count - 80
        var length = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        var agentTurn = true
        while length < budget {
            let line = agentTurn ? agentLine(topic, &random) : customerLine(topic, &random)
            lines.append(line)
            length += line.utf8.count + 1
            agentTurn.toggle()
        }
        lines.append("Agent: \(closing)")
        lines.append(resolved ? "Customer: Great, thank you \(agent)." : "Customer: Fine, I suppose I'll wait then.")
        // A few labels disagree with the text, as human labels do.
        let noisy = Double.random(in: 0..<1, using: &random) < 0.05
        let label = resolved != noisy ? "Yes" : "No"
        return Transcript(id: "bench-\(number)", text: lines.joined(separator: "\n"), label: label)
    }

    private func agentLine(_ topic: ScoringCorpusPhrases.Topic, _ random: inout SeededRandomNumberGenerator) -> String {
        let pool = Double.random(in: 0..<1, using: &random) < 0.5 ? topic.agentLines : ScoringCorpusPhrases.agentLines
        return "Agent: " + fill(pool.randomElement(using: &random)!, &random)
    }

    private func customerLine(_ topic: ScoringCorpusPhrases.Topic, _ random: inout SeededRandomNumberGenerator) -> String {
        let pool = Double.random(in: 0..<1, using: &random) < 0.5 ? topic.customerLines : ScoringCorpusPhrases.customerLines
        return "Customer: " + fill(pool.randomElement(using: &random)!, &random)
    }

    /// Replaces each `#` with an invented name and each `%` with a number.
    private func fill(_ template: String, _ random: inout SeededRandomNumberGenerator) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + 32)
        for character in template {
            switch character {
            case "#": result += word(&random)
            case "%": result += String(Int.random(in: 2...99, using: &random))
            default: result.append(character)
            }
        }
        return result
    }

    /// An invented word of two or three syllables, drawn with a skew so some are common and most rare.
    private func word(_ random: inout SeededRandomNumberGenerator) -> String {
        let rank = Int(pow(Double.random(in: 0..<1, using: &random), 2.5) * Double(Self.wordCount))
        return Self.inventedWords[rank]
    }

    private static let agents = ["Diego", "Priya", "Tom", "Aisha", "Mei", "Lars", "Fatima", "Oliver", "Sofia", "Kwame", "Hannah", "Ravi"]
    private static let wordCount = 6_000
    private static let inventedWords: [String] = {
        let syllables = ["ka", "lo", "mi", "ren", "sta", "vor", "bel", "dun", "fi", "gra", "hol", "jun", "ter", "wick", "ash", "bro",
                         "cal", "den", "el", "mar", "nor", "pen", "quin", "ros", "sel", "tul", "ux", "vin", "yar", "zel"]
        var random = SeededRandomNumberGenerator(seed: 7)
        return (0..<wordCount).map { _ in
            (0..<Int.random(in: 2...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
        }
    }()
}

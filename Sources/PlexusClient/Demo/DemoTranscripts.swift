import PlexusCore
import PlexusScoring

/// Synthetic but realistic call-center transcripts for the demo account, made from a seeded
/// generator so every demo has the same data.
struct DemoTranscripts {
    /// One generated call and what a careful reviewer would say about it.
    struct Call {
        let externalID: String
        let text: String
        let metadata: JSONValue
        let greeted: Bool
        let verified: Bool
        let resolved: Bool
        let sentiment: String
    }

    private static let agents = ["Maya", "Tom", "Priya", "Luis", "Hannah", "Kwame"]
    private static let customers = ["Jordan Lee", "Sam Patel", "Alex Kim", "Chris Novak", "Dana Ortiz", "Robin Weiss"]
    private static let issues = [
        ("billing", "I was charged twice for my subscription this month.", "I've refunded the duplicate charge; you'll see it in 3–5 days."),
        ("outage", "My internet has been dropping every evening since Monday.", "I've reset your line and booked a technician for Thursday."),
        ("password", "I can't log in, the reset email never arrives.", "I've updated your email address and sent a new reset link."),
        ("upgrade", "I'd like to move to the faster plan.", "Done: the new plan starts on your next billing date."),
        ("cancel", "I want to cancel, it's too expensive.", "I can offer 30% off for six months if you stay."),
    ]

    static func make(count: Int, seed: UInt64 = 42) -> [Call] {
        var random = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { index in call(index, random: &random) }
    }

    private static func call(_ index: Int, random: inout SeededRandomNumberGenerator) -> Call {
        let agent = agents.randomElement(using: &random)!
        let customer = customers.randomElement(using: &random)!
        let (topic, problem, fix) = issues.randomElement(using: &random)!
        let greeted = Double.random(in: 0..<1, using: &random) < 0.85
        let verified = Double.random(in: 0..<1, using: &random) < 0.7
        let resolved = topic != "cancel" && Double.random(in: 0..<1, using: &random) < 0.75
        let sentiment = resolved ? (greeted ? "positive" : "neutral") : (Double.random(in: 0..<1, using: &random) < 0.5 ? "negative" : "neutral")
        var lines = [greeted ? "Agent: Thank you for calling Acme, my name is \(agent), how can I help you today?" : "Agent: Yeah, what's the problem?"]
        lines.append("Customer: Hi, this is \(customer). \(problem)")
        if verified { lines.append("Agent: Before we go on, can you confirm the last four digits of your account number?") }
        lines.append(resolved ? "Agent: \(fix)" : "Agent: I'm afraid I can't do anything about that today.")
        lines.append(sentiment == "positive" ? "Customer: That's great, thanks so much!" : sentiment == "negative" ? "Customer: This is useless." : "Customer: Okay.")
        let duration = Double(Int.random(in: 120...900, using: &random))
        return Call(
            externalID: "call-\(1000 + index)", text: lines.joined(separator: "\n"),
            metadata: ["topic": .string(topic), "agent": .string(agent), "durationSeconds": .number(duration), "channel": "phone"],
            greeted: greeted, verified: verified, resolved: resolved, sentiment: sentiment)
    }
}

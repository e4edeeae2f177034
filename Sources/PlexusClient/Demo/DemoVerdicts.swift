import PlexusCore

/// The true answers of a demo call and a simulated classifier's answers to them.
enum DemoVerdicts {
    /// Each score's key, true class and classes for one call.
    static func truths(of call: DemoTranscripts.Call) -> [(String, String, [String])] {
        [
            ("greeting", call.greeted ? "Yes" : "No", ["Yes", "No"]),
            ("identity-verified", call.verified ? "Yes" : "No", ["Yes", "No"]),
            ("resolved", call.resolved ? "Yes" : "No", ["Yes", "No"]),
            ("sentiment", call.sentiment, ["positive", "neutral", "negative"]),
        ]
    }

    /// `truth` with probability `accuracy`, otherwise another class.
    static func predict(_ truth: String, classes: [String], accuracy: Double, using random: inout some RandomNumberGenerator) -> String {
        guard Double.random(in: 0..<1, using: &random) >= accuracy else { return truth }
        return classes.filter { $0 != truth }.randomElement(using: &random) ?? truth
    }

    /// A short explanation such as a prompt-based classifier would give.
    static func explanation(_ scoreKey: String, _ value: String) -> String {
        switch (scoreKey, value) {
        case ("greeting", "Yes"): return "The agent opened with a greeting and their name."
        case ("greeting", _): return "No greeting in the agent's first turn."
        case ("identity-verified", "Yes"): return "The agent asked for the last four digits of the account number."
        case ("identity-verified", _): return "No identity check before account details were discussed."
        case ("resolved", "Yes"): return "The agent stated a concrete fix or next step."
        case ("resolved", _): return "The caller's problem was left open."
        default: return "The caller's last turn reads as \(value)."
        }
    }
}

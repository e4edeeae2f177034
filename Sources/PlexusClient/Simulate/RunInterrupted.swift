import PlexusCore

/// A command that records through the client was interrupted (Ctrl-C, SIGTERM): what it had was
/// sent for a short while, and its evaluations were ended CANCELLED.
public struct RunInterrupted: Error, Sendable, CustomStringConvertible {
    /// The evaluations the run recorded into, now CANCELLED (unless ``evaluationsEnded`` is false).
    public let evaluations: [Identifier<Evaluation>]
    /// Results the server has.
    public let recorded: Int
    /// Results that could not be sent before the grace period ended.
    public let unsent: Int
    /// Whether the evaluations were marked CANCELLED in time.
    public let evaluationsEnded: Bool

    /// Creates the error.
    public init(evaluations: [Identifier<Evaluation>], recorded: Int, unsent: Int, evaluationsEnded: Bool) {
        self.evaluations = evaluations
        self.recorded = recorded
        self.unsent = unsent
        self.evaluationsEnded = evaluationsEnded
    }

    /// What was kept, what was lost, and where the evaluations stand.
    public var description: String {
        let named = (evaluations.count == 1 ? "evaluation " : "evaluations ") + evaluations.map(\.rawValue).joined(separator: ", ")
        var text = "Interrupted: \(recorded) results recorded"
        text += unsent > 0 ? ", \(unsent) could not be sent in time" : ", none lost"
        guard !evaluations.isEmpty else { return text + "." }
        text += evaluationsEnded ? "; \(named) marked CANCELLED." : "; \(named) could not be marked CANCELLED in time (the server did not answer)."
        return text
    }
}

/// What a live-update subscriber follows: a kind of thing and, for some kinds, one of them.
struct LiveTopic: Hashable, Sendable {
    /// The topics a client may name.
    enum Kind: String, Sendable, CaseIterable {
        /// One evaluation's progress and metrics (`id` is the evaluation's ID).
        case evaluation
        /// New score results of one scorecard (`id` is the scorecard's ID).
        case scorecard
        /// Pipeline performance records of the account.
        case performance
        /// Alerts of the account (raised by monitoring).
        case alerts
        /// One model's logged predictions, stored explanations and alerts (`id` is the model's
        /// version ID, `name@version`, or `name` for every version).
        case model

        var needsID: Bool { self == .evaluation || self == .scorecard || self == .model }
    }

    let kind: Kind
    let id: String?
}

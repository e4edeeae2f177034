import Foundation

/// Which requests the test server answers with an error instead of (or after) handling them,
/// and how many requests of each kind it saw.
actor FaultPlan {
    /// One kind of failure.
    struct Rule: Sendable {
        /// `GET`, `POST` or `PATCH`.
        var method: String
        /// The request path starts with this, e.g. `/api/v1/score-results/batch`.
        var pathPrefix: String
        /// The status to answer, e.g. 503; `nil` to handle the request normally after ``delay``.
        var status: Int?
        /// How many matching requests fail; later ones are handled normally.
        var times: Int
        /// Whether the request is handled (and its effect stored) before the error is answered,
        /// as when a reply is lost on the way back.
        var afterHandling: Bool = false
        /// How long to wait before handling or answering, as a slow server would.
        var delay: Duration = .zero

        init(method: String, pathPrefix: String, status: Int? = nil, delay: Duration = .zero, times: Int, afterHandling: Bool = false) {
            self.method = method
            self.pathPrefix = pathPrefix
            self.status = status
            self.delay = delay
            self.times = times
            self.afterHandling = afterHandling
        }
    }

    private var rules: [Rule]
    private var seen: [String: Int] = [:]

    init(_ rules: [Rule] = []) {
        self.rules = rules
    }

    /// Records a request and returns the rule it must fail under, if any.
    func fault(method: String, path: String) -> Rule? {
        seen["\(method) \(path)", default: 0] += 1
        guard let index = rules.firstIndex(where: { $0.method == method && path.hasPrefix($0.pathPrefix) && $0.times > 0 }) else {
            return nil
        }
        rules[index].times -= 1
        return rules[index]
    }

    /// How many `method` requests to exactly `path` arrived.
    func requests(_ method: String, _ path: String) -> Int {
        seen["\(method) \(path)", default: 0]
    }
}

import PlexusCore

/// One node visited on the way through a prompt tree, for the explanation and the result detail.
struct TreeStep: Sendable, Hashable {
    var node: String
    var kind: NodeSettings.Kind
    /// The node's answer (a class, a number, a quote, or `true`/`false`).
    var answer: String
    var confidence: Double?
    /// For verified quotes: the best fuzzy similarity found in the text.
    var similarity: Double?
    var verified: Bool?

    /// `greeted: Yes`, `quote: "Hi, thanks…" (verified 0.97)`.
    var summary: String {
        switch kind {
        case .extractor:
            let quote = answer.count > 80 ? answer.prefix(77) + "..." : Substring(answer)
            let check = similarity.map { " (\(verified == true ? "verified" : "unverified") \(String(format: "%.2f", $0)))" } ?? ""
            return "\(node): \"\(quote)\"\(check)"
        case .classifier, .logical:
            return "\(node): \(answer)"
        }
    }

    /// The step as JSON for the result detail.
    var json: JSONValue {
        var object: [String: JSONValue] = ["node": .string(node), "answer": .string(answer)]
        if let confidence { object["confidence"] = .number(confidence) }
        if let similarity { object["similarity"] = .number(similarity) }
        if let verified { object["verified"] = .bool(verified) }
        return .object(object)
    }
}

import Foundation

/// The log-probabilities the fake reports for an answer's first token: the chosen token has
/// probability 0.90; the other candidate answers (Yes/No, or the other classes of a
/// `one of [...]` list) share 0.08; a newline token takes 0.02.
enum FakeLogprobs {
    /// The first-token record for `answer` given the request's messages, limited to `top` alternatives.
    static func firstToken(of answer: String, messages: [(role: String, content: String)], top: Int) -> FakeChatResponse.TokenInfo {
        let token = String(answer.prefix { !$0.isWhitespace })
        let firstUser = messages.first { $0.role == "user" }?.content ?? ""
        let candidates = FakeModel.classList(in: firstUser) ?? ["Yes", "No"]
        let others = candidates.map { String($0.prefix { !$0.isWhitespace }) }.filter { $0.lowercased() != token.lowercased() }
        var alternatives = [FakeChatResponse.Alternative(token: token, logprob: log(0.90))]
        for other in others {
            alternatives.append(.init(token: other, logprob: log(0.08 / Double(max(others.count, 1)))))
        }
        alternatives.append(.init(token: "\n", logprob: log(0.02)))
        return FakeChatResponse.TokenInfo(token: token, logprob: log(0.90), topLogprobs: Array(alternatives.prefix(max(top, 1))))
    }
}

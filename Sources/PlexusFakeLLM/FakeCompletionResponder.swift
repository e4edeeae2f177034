import Foundation
import HTTPTypes
import Hummingbird

/// Answers one `POST /chat/completions`: applies the planned faults, waits the latency, then
/// replies with ``FakeModel``'s answer, usage (characters / 4) and, when asked, log-probabilities.
struct FakeCompletionResponder: Sendable {
    static let faultHeader = HTTPField.Name("X-Fake-Fault")!
    static let retryAfter = HTTPField.Name("Retry-After")!

    let configuration: FakeLLMConfiguration
    let stats: FakeLLMStats
    let serverPlan: FaultPlan

    init(configuration: FakeLLMConfiguration, stats: FakeLLMStats) {
        self.configuration = configuration
        self.stats = stats
        serverPlan = FaultPlan(configuration.faults)
    }

    func respond(to request: Request) async throws -> Response {
        await stats.begin()
        // Counted out before the answer leaves, so the in-flight count never lags the client.
        do {
            let (response, faulted) = try await answer(request)
            await stats.end(faulted: faulted)
            return response
        } catch {
            await stats.end(faulted: false)
            throw error
        }
    }

    /// The answer to one request, and whether it is an injected fault.
    private func answer(_ request: Request) async throws -> (Response, faulted: Bool) {
        let body = String(buffer: try await request.body.collect(upTo: 32 << 20))
        guard let chat = try? JSONDecoder().decode(FakeChatRequest.self, from: Data(body.utf8)) else {
            return (json(status: .badRequest, "{\"error\":{\"message\":\"The body is not a chat-completions request.\"}}"), false)
        }
        let plan = serverPlan.merged(with: FaultPlan(chat.model, separators: "+"))
            .merged(with: FaultPlan(request.headers[Self.faultHeader] ?? ""))
        let latency = configuration.latencyMilliseconds + plan.extraLatencyMilliseconds
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        if plan.countsAttempts {
            let attempt = await stats.attempt(of: (request.headers[Self.faultHeader] ?? "") + body)
            if let fault = fault(for: attempt, plan: plan) { return (fault, true) }
        }
        return (json(status: .ok, completion(for: chat, plan: plan)), false)
    }

    private func fault(for attempt: Int, plan: FaultPlan) -> Response? {
        if attempt <= plan.rateLimited {
            var response = json(status: .tooManyRequests, "{\"error\":{\"message\":\"Rate limit reached (fake).\"}}")
            response.headers[Self.retryAfter] = String(configuration.retryAfterSeconds)
            return response
        }
        if attempt <= plan.rateLimited + plan.serverErrors {
            return json(status: .internalServerError, "{\"error\":{\"message\":\"Internal error (fake).\"}}")
        }
        if attempt <= plan.rateLimited + plan.serverErrors + plan.malformed {
            return json(status: .ok, "{\"choices\": [ this is not json")
        }
        return nil
    }

    private func completion(for chat: FakeChatRequest, plan: FaultPlan) -> String {
        let messages = chat.messages.map { (role: $0.role, content: $0.content ?? "") }
        let assistantTurns = messages.filter { $0.role == "assistant" }.count
        let answer = assistantTurns < plan.rambleUntilAssistantMessages
            ? "Let me think about that carefully before I commit to anything."
            : FakeModel.answer(to: messages)
        let promptCharacters = messages.reduce(0) { $0 + $1.content.count }
        let logprobs = chat.logprobs == true
            ? FakeChatResponse.Logprobs(content: [FakeLogprobs.firstToken(of: answer, messages: messages, top: chat.topLogprobs ?? 5)])
            : nil
        let usage = FakeChatResponse.Usage(
            promptTokens: (promptCharacters + 3) / 4, completionTokens: max(1, (answer.count + 3) / 4),
            totalTokens: (promptCharacters + 3) / 4 + max(1, (answer.count + 3) / 4)
        )
        let response = FakeChatResponse(
            model: chat.model, choices: [.init(message: .init(content: answer), logprobs: logprobs)], usage: usage
        )
        return (try? JSONEncoder().encode(response)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private func json(status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

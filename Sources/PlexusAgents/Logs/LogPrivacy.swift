import PlexusCore

/// Prepares an entry for storage under its project's privacy rules: contact details redacted
/// when the project asks, and in `hashed` mode every prompt and response text (in the entry and
/// in the original record's bodies) replaced by its salted SHA-256, with its length kept, so
/// deduplication, grouping and counts still work while no text is stored. Hashed entries cannot
/// be replayed.
public struct LogPrivacy: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// `entry` as the project stores it.
    public func prepare(_ entry: LogEntry) -> LogEntry {
        var result = entry
        if project.redactsContacts {
            let redactor = TextRedactor()
            result = transformed(result) { redactor.redact($0).text }
        }
        if project.privacyMode == .hashed {
            let salt = project.id.rawValue
            for index in result.messages.indices {
                result.messages[index].contentCharacters = result.messages[index].content?.count
            }
            result.responseCharacters = result.responseText?.count
            result = transformed(result) { "sha256:" + LogContentHash.salted($0, salt: salt) }
            result.replayable = false
        }
        return result
    }

    /// `entry` with `change` applied to every text it holds: messages, tool arguments, the
    /// answer, and every string inside the original record's request and response.
    private func transformed(_ entry: LogEntry, _ change: (String) -> String) -> LogEntry {
        var result = entry
        for index in result.messages.indices {
            result.messages[index].content = result.messages[index].content.map(change)
            for call in result.messages[index].toolCalls.indices {
                result.messages[index].toolCalls[call].arguments = change(result.messages[index].toolCalls[call].arguments)
            }
        }
        result.responseText = result.responseText.map(change)
        for call in result.responseToolCalls.indices {
            result.responseToolCalls[call].arguments = change(result.responseToolCalls[call].arguments)
        }
        if case var .object(members) = result.original {
            for key in members.keys where Self.bodyKeys.contains(key) {
                members[key] = Self.mapStrings(members[key]!, change)
            }
            result.original = .object(members)
        }
        return result
    }

    /// Where records keep prompts and answers.
    private static let bodyKeys: Set<String> = ["request", "response", "request.body", "response.body", "request_body", "response_body"]

    private static func mapStrings(_ value: JSONValue, _ change: (String) -> String) -> JSONValue {
        switch value {
        case let .string(text): .string(change(text))
        case let .array(items): .array(items.map { mapStrings($0, change) })
        case let .object(members): .object(members.mapValues { mapStrings($0, change) })
        default: value
        }
    }
}

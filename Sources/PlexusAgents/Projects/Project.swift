import Foundation
import PlexusCore

/// A project: exactly one AI agent, whose production LLM logs Plexus keeps and analyses, with
/// the model it uses now, the models it could use instead, how private its text is, and its
/// settings for choosing between them.
public struct Project: Sendable, Equatable, Codable {
    public var id: Identifier<Project>
    /// A short name unique in the account (letters, digits, `-` and `_`), usable wherever the ID is.
    public var key: String
    public var name: String
    public var description: String
    /// The model the agent uses today.
    public var incumbentModel: String?
    /// Models it could use instead.
    public var candidateModels: [String]
    public var privacyMode: PrivacyMode
    /// Whether e-mail addresses, card and phone numbers are taken out of text before it is stored.
    public var redactsContacts: Bool
    public var settings: ProjectSettings
    public var createdAt: Date
    public var updatedAt: Date

    /// A new project with `settings`; its ID and times are given when it is stored.
    public init(key: String, name: String, description: String = "", incumbentModel: String? = nil, candidateModels: [String] = [],
                privacyMode: PrivacyMode = .full, redactsContacts: Bool = false, settings: ProjectSettings = .builtIn) {
        id = Identifier(rawValue: "")
        self.key = key
        self.name = name
        self.description = description
        self.incumbentModel = incumbentModel
        self.candidateModels = candidateModels
        self.privacyMode = privacyMode
        self.redactsContacts = redactsContacts
        self.settings = settings
        createdAt = Date(timeIntervalSince1970: 0)
        updatedAt = createdAt
    }

    /// Throws the first problem with the project's fields, naming it.
    public func check() throws {
        guard !key.isEmpty, key.count <= 64, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw DomainError.invalid(field: "key", message: "A project key is 1–64 letters, digits, '-' or '_'; got '\(key)'.")
        }
        // Lengths count code points, as JSON Schema's maxLength does.
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.unicodeScalars.count <= 200 else {
            throw DomainError.invalid(field: "name", message: "A project needs a name of 1–200 characters.")
        }
        guard description.unicodeScalars.count <= 10_000 else { throw DomainError.invalid(field: "description", message: "The description is at most 10000 characters.") }
        func isModelName(_ model: String) -> Bool {
            !model.trimmingCharacters(in: .whitespaces).isEmpty && model.unicodeScalars.count <= 200
        }
        if let incumbentModel, !isModelName(incumbentModel) {
            throw DomainError.invalid(field: "incumbentModel", message: "A model name is 1–200 characters.")
        }
        for (index, model) in candidateModels.enumerated() where !isModelName(model) {
            throw DomainError.invalid(field: "candidateModels[\(index)]", message: "A candidate model's name is 1–200 characters.")
        }
        try settings.check()
    }
}

/// How much of a project's text is kept.
public enum PrivacyMode: String, Sendable, Codable, CaseIterable {
    /// Prompts and responses are stored as sent.
    case full
    /// Only salted SHA-256 hashes of the text are stored, with lengths and token counts; such
    /// logs cannot be replayed.
    case hashed
}

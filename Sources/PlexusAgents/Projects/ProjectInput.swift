import Foundation
import PlexusCore

/// A new project as `POST /api/v1/projects` takes it: a key and name, and optionally the rest;
/// settings not given take the server's defaults.
public struct ProjectInput: Decodable, Sendable {
    public var key: String
    public var name: String
    public var description: String?
    public var incumbentModel: String?
    public var candidateModels: [String]?
    public var privacyMode: PrivacyMode?
    public var redactsContacts: Bool?
    public var settings: ProjectSettingsInput?

    /// The project this describes, with `defaults` for the settings it leaves out.
    public func project(defaults: ProjectSettings) -> Project {
        Project(key: key, name: name, description: description ?? "", incumbentModel: incumbentModel, candidateModels: candidateModels ?? [],
                privacyMode: privacyMode ?? .full, redactsContacts: redactsContacts ?? false, settings: settings?.applied(to: defaults) ?? defaults)
    }
}

/// Some of a project's settings; the others stay as they are.
public struct ProjectSettingsInput: Codable, Sendable {
    public var confidenceThreshold: Double?
    public var judgeDisagreementThreshold: Double?
    public var defaultReplaySampleSize: Int?
    public var evaluationScheduleCron: String?

    public func applied(to settings: ProjectSettings) -> ProjectSettings {
        var result = settings
        result.confidenceThreshold = confidenceThreshold ?? result.confidenceThreshold
        result.judgeDisagreementThreshold = judgeDisagreementThreshold ?? result.judgeDisagreementThreshold
        result.defaultReplaySampleSize = defaultReplaySampleSize ?? result.defaultReplaySampleSize
        result.evaluationScheduleCron = evaluationScheduleCron ?? result.evaluationScheduleCron
        return result
    }
}

/// A change to a project (`PATCH /api/v1/projects/{id}`): the fields given replace the stored
/// ones; `incumbentModel: null` clears it. The key and ID never change.
public struct ProjectUpdate: Decodable, Sendable {
    public var name: String?
    public var description: String?
    /// nil: unchanged; `.some(nil)`: cleared.
    public var incumbentModel: String??
    public var candidateModels: [String]?
    public var privacyMode: PrivacyMode?
    public var redactsContacts: Bool?
    public var settings: ProjectSettingsInput?

    private enum CodingKeys: String, CodingKey {
        case name, description, incumbentModel, candidateModels, privacyMode, redactsContacts, settings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        if container.contains(.incumbentModel) {
            incumbentModel = .some(try container.decodeIfPresent(String.self, forKey: .incumbentModel))
        }
        candidateModels = try container.decodeIfPresent([String].self, forKey: .candidateModels)
        privacyMode = try container.decodeIfPresent(PrivacyMode.self, forKey: .privacyMode)
        redactsContacts = try container.decodeIfPresent(Bool.self, forKey: .redactsContacts)
        settings = try container.decodeIfPresent(ProjectSettingsInput.self, forKey: .settings)
    }

    /// `project` with this change.
    public func applied(to project: Project) -> Project {
        var result = project
        result.name = name ?? result.name
        result.description = description ?? result.description
        if let incumbentModel { result.incumbentModel = incumbentModel }
        result.candidateModels = candidateModels ?? result.candidateModels
        result.privacyMode = privacyMode ?? result.privacyMode
        result.redactsContacts = redactsContacts ?? result.redactsContacts
        result.settings = settings?.applied(to: result.settings) ?? result.settings
        return result
    }
}

import Foundation
import PlexusCore
import PlexusMonitoring

/// A project's settings for choosing its agent's model, with the seed's defaults: recommend only
/// at confidence 0.7 or more, treat judges as disagreeing past 0.3, replay 100 logs, and
/// re-evaluate at 02:00 every Sunday. The environment variables of the same names
/// (`CONFIDENCE_THRESHOLD`, …) change the defaults; each project can change its own.
public struct ProjectSettings: Sendable, Equatable, Codable {
    public var confidenceThreshold: Double
    public var judgeDisagreementThreshold: Double
    public var defaultReplaySampleSize: Int
    public var evaluationScheduleCron: String

    /// The seed's defaults.
    public static let builtIn = ProjectSettings(
        confidenceThreshold: 0.7, judgeDisagreementThreshold: 0.3, defaultReplaySampleSize: 100, evaluationScheduleCron: "0 2 * * 0")

    public init(confidenceThreshold: Double, judgeDisagreementThreshold: Double, defaultReplaySampleSize: Int, evaluationScheduleCron: String) {
        self.confidenceThreshold = confidenceThreshold
        self.judgeDisagreementThreshold = judgeDisagreementThreshold
        self.defaultReplaySampleSize = defaultReplaySampleSize
        self.evaluationScheduleCron = evaluationScheduleCron
    }

    /// The defaults with `environment`'s overrides.
    /// - Throws: ``DomainError/invalid(field:message:)`` naming the variable that does not read.
    public static func defaults(environment: [String: String]) throws -> ProjectSettings {
        var settings = builtIn
        func number(_ name: String) throws -> Double? {
            guard let text = environment[name] else { return nil }
            guard let value = Double(text) else { throw DomainError.invalid(field: name, message: "\(name)='\(text)' is not a number.") }
            return value
        }
        settings.confidenceThreshold = try number("CONFIDENCE_THRESHOLD") ?? settings.confidenceThreshold
        settings.judgeDisagreementThreshold = try number("JUDGE_DISAGREEMENT_THRESHOLD") ?? settings.judgeDisagreementThreshold
        if let size = try number("DEFAULT_REPLAY_SAMPLE_SIZE") {
            guard size.rounded() == size, abs(size) < 1e9 else {
                throw DomainError.invalid(field: "DEFAULT_REPLAY_SAMPLE_SIZE", message: "DEFAULT_REPLAY_SAMPLE_SIZE is a whole number of logs.")
            }
            settings.defaultReplaySampleSize = Int(size)
        }
        settings.evaluationScheduleCron = environment["EVALUATION_SCHEDULE_CRON"] ?? settings.evaluationScheduleCron
        try settings.check(prefix: "")
        return settings
    }

    /// Throws the first setting out of range, naming it (`settings.confidenceThreshold` with `prefix` "settings.").
    public func check(prefix: String = "settings.") throws {
        func name(_ field: String, _ variable: String) -> String { prefix.isEmpty ? variable : prefix + field }
        guard (0 ... 1).contains(confidenceThreshold) else {
            throw DomainError.invalid(field: name("confidenceThreshold", "CONFIDENCE_THRESHOLD"), message: "The confidence threshold is between 0 and 1; got \(confidenceThreshold).")
        }
        guard (0 ... 1).contains(judgeDisagreementThreshold) else {
            throw DomainError.invalid(field: name("judgeDisagreementThreshold", "JUDGE_DISAGREEMENT_THRESHOLD"),
                                      message: "The judge disagreement threshold is between 0 and 1; got \(judgeDisagreementThreshold).")
        }
        guard (1 ... 100_000).contains(defaultReplaySampleSize) else {
            throw DomainError.invalid(field: name("defaultReplaySampleSize", "DEFAULT_REPLAY_SAMPLE_SIZE"),
                                      message: "The replay sample size is 1–100000 logs; got \(defaultReplaySampleSize).")
        }
        _ = try CronSchedule(evaluationScheduleCron, field: name("evaluationScheduleCron", "EVALUATION_SCHEDULE_CRON"))
    }
}

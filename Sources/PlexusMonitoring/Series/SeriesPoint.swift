import Foundation
import PlexusCore

/// One point of a named series: a time and named values (numbers, or categories as strings or
/// booleans). Any system can post points, so monitors watch data Plexus does not otherwise hold.
public struct SeriesPoint: Sendable, Codable, Hashable {
    /// When the values were observed; the time it was received when left out.
    public var time: Date?
    /// The values by field name.
    public var values: [String: JSONValue]

    /// A point at `time`.
    public init(time: Date?, values: [String: JSONValue]) {
        self.time = time
        self.values = values
    }

    /// The most fields a point may hold.
    public static let maximumFields = 200
    /// The most points one request may post.
    public static let maximumBatch = 10_000
    /// How far ahead of the server's clock a point's time may be.
    public static let allowedClockSkew: TimeInterval = 300

    /// Whether `name` can name a series: 1–100 of `[A-Za-z0-9._-]`.
    public static func isValidName(_ name: String) -> Bool {
        (1 ... 100).contains(name.unicodeScalars.count) && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
    }

    /// Checks the point as `field` of a batch.
    public func validate(field: String, now: Date = Date()) throws {
        if let time, time.timeIntervalSince(now) > Self.allowedClockSkew {
            throw DomainError.invalid(field: "\(field).time", message: "The time \(PlexusJSON.formatDate(time)) is in the future; send when the values were observed, or leave time out for now.")
        }
        guard !values.isEmpty, values.count <= Self.maximumFields else {
            throw DomainError.invalid(field: "\(field).values", message: "A point holds 1–\(Self.maximumFields) named values, such as {\"latency\": 120, \"plan\": \"pro\"}.")
        }
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard !name.isEmpty, name.unicodeScalars.count <= 200 else {
                throw DomainError.invalid(field: "\(field).values", message: "Value names are 1–200 characters.")
            }
            switch value {
            case .null, .bool: continue
            case let .number(number) where number.isFinite: continue
            case let .string(text) where text.unicodeScalars.count <= 1_000: continue
            default:
                throw DomainError.invalid(field: "\(field).values.\(name)", message: "A value is a finite number, a string of up to 1,000 characters, a boolean or null.")
            }
        }
    }
}

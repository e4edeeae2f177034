import Foundation
import PlexusCore

/// What a monitor's current window is compared with: a stored dataset, a fixed time range of the
/// source's own data, or the trailing window just before the current one.
///
/// JSON: `{"dataset": "<id>"}`, `{"from": "2026-11-01T00:00:00Z", "to": "2026-11-08T00:00:00Z"}`
/// or `{"trailing": "7d"}`.
public enum MonitorReference: Sendable, Hashable, Codable {
    /// A dataset uploaded to `/api/v1/data`, by ID or name (the newest of that name).
    case dataset(String)
    /// The source's data in a fixed range.
    case range(from: Date, to: Date)
    /// The source's data in the window of this length that ends where the current one starts.
    case trailing(WindowLength)

    private enum CodingKeys: String, CodingKey, CaseIterable { case dataset, from, to, trailing }

    /// The members a reference may have.
    static let memberNames = CodingKeys.allCases.map(\.rawValue)

    public init(from decoder: any Decoder) throws {
        try MemberReader.refuseUnknownMembers(of: decoder, allowed: Self.memberNames)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let given = container.allKeys
        let field = FieldPath.text(decoder.codingPath)
        let forms = "give one of {\"dataset\": \"<id>\"}, {\"from\": …, \"to\": …} or {\"trailing\": \"7d\"}"
        if let dataset = try container.decodeIfPresent(String.self, forKey: .dataset) {
            guard given.count == 1 else { throw DomainError.invalid(field: field, message: "The reference names more than one kind; \(forms).") }
            self = .dataset(dataset)
        } else if let trailing = try container.decodeIfPresent(WindowLength.self, forKey: .trailing) {
            guard given.count == 1 else { throw DomainError.invalid(field: field, message: "The reference names more than one kind; \(forms).") }
            self = .trailing(trailing)
        } else if container.contains(.from) || container.contains(.to) {
            guard let from = try container.decodeIfPresent(Date.self, forKey: .from), let to = try container.decodeIfPresent(Date.self, forKey: .to) else {
                throw DomainError.invalid(field: field, message: "A reference range needs both from and to (ISO 8601 times).")
            }
            self = .range(from: from, to: to)
        } else {
            throw DomainError.invalid(field: field, message: "The reference is empty; \(forms).")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .dataset(id): try container.encode(id, forKey: .dataset)
        case let .range(from, to):
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case let .trailing(length): try container.encode(length, forKey: .trailing)
        }
    }

    /// Checks what can be checked without the data.
    func validate() throws {
        switch self {
        case let .dataset(id):
            guard !id.isEmpty, id.count <= 100 else { throw DomainError.invalid(field: "reference.dataset", message: "Name the reference dataset by its id.") }
        case let .range(from, to):
            guard from < to else { throw DomainError.invalid(field: "reference.to", message: "The reference range must end after it starts.") }
        case .trailing:
            break
        }
    }

    /// The time range the reference covers for a current window, or nil for a dataset.
    public func window(before current: MonitorWindow) -> MonitorWindow? {
        switch self {
        case .dataset: nil
        case let .range(from, to): MonitorWindow(from: from, to: to)
        case let .trailing(length): MonitorWindow(from: current.from.addingTimeInterval(-length.interval), to: current.from)
        }
    }
}

/// A half-open time range `[from, to)`.
public struct MonitorWindow: Sendable, Hashable, Codable {
    /// The first instant in the window.
    public let from: Date
    /// The first instant after it.
    public let to: Date

    /// The range from `from` up to, not including, `to`.
    public init(from: Date, to: Date) {
        self.from = from
        self.to = to
    }

    /// The window of `length` that ends at `end`.
    public init(ending end: Date, length: WindowLength) {
        self.init(from: end.addingTimeInterval(-length.interval), to: end)
    }
}

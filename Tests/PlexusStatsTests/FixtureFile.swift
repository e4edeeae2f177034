import Foundation

/// Loads a fixture document from the test bundle's `Fixtures` folder.
enum FixtureFile {
    /// Decodes `Fixtures/<name>.json` as `T`.
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// Thrown when the resource bundle lacks the fixture.
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String {
            "Fixtures/\(name).json is not in the test bundle; check resources: [.copy(\"Fixtures\")] in Package.swift."
        }
    }
}

/// Whether `actual` is within `tolerance` of `expected`, relative to |expected| once that exceeds 1.
func agrees(_ actual: Double?, _ expected: Double?, within tolerance: Double) -> Bool {
    switch (actual, expected) {
    case (nil, nil): true
    case let (a?, e?): a == e || abs(a - e) <= tolerance * max(1, abs(e))
    default: false
    }
}

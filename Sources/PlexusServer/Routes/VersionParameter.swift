import Hummingbird

/// Reads a `{version}` path parameter: a number from 1 up, or `latest` (returned as `nil`).
enum VersionParameter {
    static func read(_ context: PlexusRequestContext, name: String = "version") throws -> Int? {
        let text = try context.parameters.require(name)
        if text == "latest" { return nil }
        guard let version = Int(text), version >= 1 else {
            throw APIError.badParameter(name, "\(name) must be a whole number from 1 up, or 'latest'; got '\(text)'.")
        }
        return version
    }
}

import PlexusCore

/// Runs PlexusCore's own validation of an input before it is sent, so a bad value is reported
/// to the caller at once instead of failing a background batch later.
enum LocalValidation {
    static func check(_ validate: () throws -> Void) throws(PlexusClientError) {
        do {
            try validate()
        } catch let error as DomainError {
            throw .invalid(field: error.field ?? "", message: error.message)
        } catch {
            throw .invalid(field: "", message: String(describing: error))
        }
    }
}

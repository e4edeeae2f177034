import Foundation
import Hummingbird

/// The dashboard's session cookie. Its value is an API key created at sign-in (so the store keeps
/// only its hash, and signing out deletes it); HttpOnly and SameSite=Strict keep it from scripts
/// and from other sites' requests.
enum SessionCookie {
    static let name = "plexus_session"
    /// Thirty days.
    static let maxAge = 30 * 24 * 3600

    /// The session token a request carries, if any.
    static func token(in request: Request) -> String? {
        guard let header = request.headers[.cookie] else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == name, !parts[1].isEmpty { return parts[1] }
        }
        return nil
    }

    /// The `Set-Cookie` value that stores `token`.
    static func set(_ token: String) -> String {
        "\(name)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(maxAge)"
    }

    /// The `Set-Cookie` value that deletes the cookie.
    static let clear = "\(name)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
}

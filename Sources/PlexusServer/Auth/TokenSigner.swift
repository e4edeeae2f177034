import Foundation
import JWTKit
import PlexusCore
import PlexusStore

/// Makes and checks the short-lived tokens of `POST /api/v1/auth/token`: HS256 JWTs signed with
/// the store's secret, naming the key they were made from (`sub`), its account (`acc`) and the
/// scopes they carry (`scope`, space-separated as in OAuth 2).
///
/// A token is only as good as its key: every request with one looks the key up again, so a
/// revoked or expired key's tokens stop working at once.
actor TokenSigner {
    /// The lifetimes a token may be asked for, in seconds: a minute to a day.
    static let lifetimes = 60...86_400
    /// The `iss` claim of every token.
    static let issuer = "plexus"

    private let store: SQLStore
    private var keys: JWTKeyCollection?

    init(store: SQLStore) {
        self.store = store
    }

    /// A signed token for `principal`'s key carrying `scopes`, good for `lifetime` seconds.
    func sign(for principal: Principal, scopes: Set<APIScope>, lifetime: Int, now: Date = Date()) async throws -> String {
        guard let keyID = principal.keyID else { throw APIError.unauthorized }
        // Whole seconds, as most JWT libraries expect of NumericDate claims.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let claims = AccessTokenClaims(
            issuer: .init(value: Self.issuer), subject: .init(value: keyID), account: principal.accountID.rawValue,
            scope: scopes.ordered.map(\.rawValue).joined(separator: " "),
            issuedAt: .init(value: now), expiration: .init(value: now.addingTimeInterval(TimeInterval(lifetime))))
        return try await collection().sign(claims)
    }

    /// The principal a valid token speaks for: its key's, narrowed to the token's scopes.
    /// - Throws: ``APIError`` `invalid_token` for a bad signature, an expired token or one whose
    ///   key no longer works.
    func principal(for token: String) async throws -> Principal {
        let claims: AccessTokenClaims
        do {
            claims = try await collection().verify(token, as: AccessTokenClaims.self)
        } catch let error as JWTError where error.failedClaim is ExpirationClaim {
            throw APIError.invalidToken("The token has expired; ask POST /api/v1/auth/token for a new one.")
        } catch {
            throw APIError.invalidToken("The token is not one this server signed (or it was altered).")
        }
        guard var principal = try await store.principal(forKeyID: claims.subject.value), principal.accountID.rawValue == claims.account else {
            throw APIError.invalidToken("The key this token was made from has been revoked or has expired.")
        }
        let carried = Set(claims.scope.split(separator: " ").compactMap { APIScope(rawValue: String($0)) })
        // A key whose scopes were narrowed since cannot be widened again by an older token.
        principal.scopes = carried.filter { principal.scopes.grants($0) }
        return principal
    }

    private func collection() async throws -> JWTKeyCollection {
        if let keys { return keys }
        let made = await JWTKeyCollection().add(hmac: HMACKey(from: try await store.signingSecret()), digestAlgorithm: .sha256)
        keys = made
        return made
    }

    /// Whether `token` has a JWT's shape (three base64url parts, the first a JSON header), as
    /// opposed to an API key.
    static func looksLikeToken(_ token: String) -> Bool {
        token.hasPrefix("eyJ") && token.utf8.count(where: { $0 == UInt8(ascii: ".") }) == 2
    }
}

/// The claims of a Plexus access token.
struct AccessTokenClaims: JWTPayload {
    var issuer: IssuerClaim
    var subject: SubjectClaim
    var account: String
    var scope: String
    var issuedAt: IssuedAtClaim
    var expiration: ExpirationClaim

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", subject = "sub", account = "acc", scope, issuedAt = "iat", expiration = "exp"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try expiration.verifyNotExpired()
        guard issuer.value == TokenSigner.issuer else {
            throw JWTError.claimVerificationFailure(failedClaim: issuer, reason: "not issued by Plexus")
        }
    }
}

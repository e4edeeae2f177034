import Hummingbird
import PlexusStore

/// `GET /health`: no key needed; answers 200 when the database answers, 503 when it does not.
struct HealthRoutes {
    let store: SQLStore

    struct Health: Codable {
        let status: String
        let database: String
    }

    func register(on router: Router<PlexusRequestContext>) {
        router.get("health") { _, _ in
            do {
                try await store.ping()
                return JSONResponse.make(Health(status: "ok", database: "ok"))
            } catch {
                return JSONResponse.make(Health(status: "unavailable", database: "\(error)"), status: .serviceUnavailable)
            }
        }
    }
}

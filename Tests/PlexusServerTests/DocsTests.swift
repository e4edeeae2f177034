import Hummingbird
import PlexusCore
import PlexusServer
import PlexusTestSupport
import Testing

@Suite("OpenAPI document and docs page")
struct DocsTests {
    @Test("The OpenAPI document lists exactly the routes the server has")
    func matchesRouter() async throws {
        try await TestServer.run { server in
            let document = try await server.request(.get, "/openapi.json").json
            #expect(document["openapi"] == "3.1.0")
            var documented = Set<String>()
            for (path, operations) in document["paths"]?.objectValue ?? [:] {
                for method in operations.objectValue?.keys ?? [:].keys {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let router = buildRouter(configuration: ServerConfiguration(), store: server.store)
            // The dashboard's HTML pages are not part of the API the document describes.
            let apiPrefixes = ["/api/", "/graphql", "/health", "/metrics", "/openapi.json", "/docs"]
            let routed = Set(router.routes.map { route in
                let path = "/" + route.path.components.map { component in
                    let text = "\(component)"
                    return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                }.joined(separator: "/")
                return "\(route.method.rawValue) \(path)"
            }.filter { route in apiPrefixes.contains { route.split(separator: " ")[1].hasPrefix($0) } })
            #expect(documented == routed)
        }
    }

    @Test("Every schema reference resolves")
    func references() async throws {
        try await TestServer.run { server in
            let document = try await server.request(.get, "/openapi.json")
            let schemas = Set(document.json["components"]?["schemas"]?.objectValue?.keys.map { $0 } ?? [])
            let references = document.text.components(separatedBy: "#/components/schemas/").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(!references.isEmpty)
            for reference in references { #expect(schemas.contains(String(reference)), "\(reference)") }
        }
    }

    @Test("The docs page shows every path")
    func docsPage() async throws {
        try await TestServer.run { server in
            let page = try await server.request(.get, "/docs")
            #expect(page.status == .ok && page.text.contains("<h1>Plexus API</h1>"))
            for path in ["/api/v1/score-results/batch", "/api/v1/evaluations/{id}", "/graphql", "ScoreResultInput"] {
                #expect(page.text.contains(path), "\(path)")
            }
        }
    }
}

import Hummingbird
import NIOCore

/// `GET /openapi.json` and `GET /docs`.
struct DocsRoutes {
    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.get("openapi.json") { _, _ in
            JSONResponse.make(OpenAPIDocument.json)
        }
        group.get("docs") { _, _ in
            HTMLResponse.make(DocsPage.html)
        }
    }
}

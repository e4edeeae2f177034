import Hummingbird
import NIOCore
import PlexusStore

/// `GET /metrics`: every metric in Prometheus's text format (version 0.0.4), for a scraper.
///
/// Like `/health` it needs no API key: it carries counts and timings, never account data, and
/// the server listens on 127.0.0.1 unless told otherwise.
struct MetricsRoutes {
    let metrics: ServerMetrics
    let store: SQLStore
    let broadcaster: Broadcaster

    func register(on router: Router<PlexusRequestContext>) {
        router.get("metrics") { _, _ in
            try await metrics.refresh(store: store, broadcaster: broadcaster)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}

import Hummingbird
import NIOCore

/// Builds HTML responses for dashboard pages, each with ``PageSecurity/headers``.
enum HTMLResponse {
    static func make(_ html: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: PageSecurity.headers)
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(to location: String, setCookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location]
        headers.append(contentsOf: PageSecurity.headers)
        if let setCookie { headers[.setCookie] = setCookie }
        return Response(status: .seeOther, headers: headers)
    }
}

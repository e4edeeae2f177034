import PlexusCore

/// Renders `/docs`: the OpenAPI document as one readable HTML page, grouped by tag.
enum DocsPage {
    static let html: String = render()

    private static func render() -> String {
        let tags = APIEndpoints.all.reduce(into: [String]()) { tags, endpoint in
            if !tags.contains(endpoint.tag) { tags.append(endpoint.tag) }
        }
        var body = "<h1>Plexus API</h1>\n<p>Send <code>Authorization: Bearer &lt;api key&gt;</code> on every request but <code>/health</code>. "
        body += "Errors are <code>{\"error\":{\"code\",\"message\",\"field\"}}</code>; lists are <code>{\"data\":[…],\"nextCursor\":…}</code> "
        body += "with <code>limit</code> and <code>cursor</code> parameters. The machine-readable form is <a href=\"/openapi.json\">/openapi.json</a>.</p>\n"
        body += "<nav><ul>" + tags.map { "<li><a href=\"#\(anchor($0))\">\(HTML.escape($0))</a></li>" }.joined() + "</ul></nav>\n"
        for tag in tags {
            body += "<h2 id=\"\(anchor(tag))\">\(HTML.escape(tag))</h2>\n"
            for endpoint in APIEndpoints.all where endpoint.tag == tag {
                body += section(endpoint)
            }
        }
        body += "<h2 id=\"schemas\">Schemas</h2>\n"
        for name in APISchemas.all.keys.sorted() {
            body += "<h3 id=\"schema-\(name)\">\(name)</h3>\n" + fields(of: APISchemas.all[name]!)
        }
        return """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plexus API</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1d2430}
            code{background:#f1f3f6;padding:1px 4px;border-radius:3px}.op{border:1px solid #dde2ea;border-radius:6px;padding:.6em 1em;margin:1em 0}
            .m{font-weight:700;text-transform:uppercase;margin-right:.6em}table{border-collapse:collapse}td,th{padding:2px 10px 2px 0;text-align:left;vertical-align:top}</style>
            </head><body>
            \(body)</body></html>
            """
    }

    private static func section(_ endpoint: Endpoint) -> String {
        var html = "<div class=\"op\"><p><span class=\"m\">\(endpoint.method.rawValue)</span><code>\(HTML.escape(endpoint.path))</code></p>"
        html += "<p>\(HTML.escape(endpoint.summary))</p>"
        if endpoint.authenticated, let scope = endpoint.scope { html += "<p>\(HTML.escape(OpenAPIDocument.scopeSentence(scope)))</p>" }
        if !endpoint.query.isEmpty {
            html += "<p>Query parameters:</p><table>" + endpoint.query.map { "<tr><td><code>\($0.name)</code></td><td>\(HTML.escape($0.description))</td></tr>" }.joined() + "</table>"
        }
        if let body = endpoint.body { html += "<p>Body: \(link(body))</p>" }
        html += "<p>Returns \(endpoint.status): \(link(endpoint.response))</p></div>\n"
        return html
    }

    private static func fields(of schema: JSONValue) -> String {
        guard let properties = schema["properties"]?.objectValue else {
            return "<p>\(HTML.escape(schema["description"]?.stringValue ?? describe(schema)))</p>\n"
        }
        var required = Set<String>()
        if case .array(let names)? = schema["required"] { required = Set(names.compactMap(\.stringValue)) }
        let rows = properties.keys.sorted().map { name in
            "<tr><td><code>\(name)</code></td><td>\(describe(properties[name]!))</td><td>\(required.contains(name) ? "required" : "")</td></tr>"
        }
        return "<table>" + rows.joined() + "</table>\n"
    }

    private static func describe(_ schema: JSONValue) -> String {
        if let reference = schema["$ref"]?.stringValue { return link(String(reference.split(separator: "/").last ?? "")) }
        if let items = schema["items"] { return "array of " + describe(items) }
        if case .array(let options)? = schema["oneOf"] { return options.map(describe).joined(separator: " or ") }
        if case .array(let values)? = schema["enum"] { return "one of " + values.compactMap(\.stringValue).joined(separator: ", ") }
        let type = schema["type"]?.stringValue ?? "any JSON"
        let format = schema["format"]?.stringValue.map { " (\($0))" } ?? ""
        let range = switch (schema["minimum"]?.numberValue, schema["maximum"]?.numberValue) {
        case (let low?, let high?): " (\(bound(low))–\(bound(high)))"
        case (let low?, nil): " (≥ \(bound(low)))"
        case (nil, let high?): " (≤ \(bound(high)))"
        case (nil, nil): ""
        }
        return type + format + range
    }

    private static func bound(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }

    private static func link(_ schema: String) -> String { "<a href=\"#schema-\(schema)\">\(schema)</a>" }
    private static func anchor(_ text: String) -> String { text.lowercased().replacingOccurrences(of: " ", with: "-") }
}

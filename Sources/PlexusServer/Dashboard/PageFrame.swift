/// The frame every dashboard page shares: head, navigation, breadcrumbs, and the live-update script.
struct PageFrame {
    /// One step of the breadcrumb trail; the last has no link.
    struct Crumb {
        let title: String
        let href: String?
    }

    let title: String
    var crumbs: [Crumb] = []
    /// The account shown in the header.
    let accountName: String
    /// `data-` attributes on `<main>` that tell the script what to follow live, e.g. `["live-evaluation": id]`.
    var live: [String: String] = [:]

    func render(_ content: String) -> String {
        let trail = crumbs.map { crumb in
            crumb.href.map { HTML.link($0, crumb.title) } ?? "<span>\(HTML.escape(crumb.title))</span>"
        }.joined(separator: " <span class=\"sep\">/</span> ")
        let liveAttributes = live.sorted { $0.key < $1.key }.map { " data-\($0.key)=\"\(HTML.escape($0.value))\"" }.joined()
        return Self.head(title: title) + """
            <body><header><a class="brand" href="/">Plexus</a>
            <nav><a href="/">Overview</a><a href="/scorecards">Scorecards</a><a href="/items">Items</a><a href="/performance">Performance</a><a href="/datasets">Datasets</a><a href="/models">Models</a><a href="/monitors">Monitors</a><a href="/alerts">Alerts<span id="alert-count" class="count" hidden></span></a><a href="/docs">API</a></nav>
            <div class="account">\(HTML.escape(accountName))
            <form method="post" action="/logout"><button type="submit">Sign out</button></form></div></header>
            <div class="toolbar"><div class="crumbs">\(trail)</div>
            <div class="refresh"><span id="updated">Updated <span>just now</span></span>
            <label><input type="checkbox" id="auto-refresh" checked> refresh every 30 s</label>
            <a class="button" href="">Refresh</a></div></div>
            <main\(liveAttributes)>
            <h1>\(HTML.escape(title))</h1>
            \(content)
            </main><script src="/dashboard.js"></script></body></html>
            """
    }

    /// The document's start, up to `</head>`, that every dashboard page shares (the sign-in and
    /// not-found pages too): encoding, phone-friendly viewport, title, stylesheet and icon.
    static func head(title: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · Plexus</title><link rel="stylesheet" href="/dashboard.css">
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>

        """
    }
}

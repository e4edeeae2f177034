/// What a browser gets for a path that is no page or route: a page that says so and where to go,
/// instead of the API's JSON error.
struct NotFoundPage {
    let path: String

    func render() -> String {
        PageFrame.head(title: "Not found") + """
            <body><div class="login"><h1>Nothing at this address</h1>
            <p><code>\(HTML.escape(path))</code> is not a page of this Plexus server.</p>
            <p>Go to the \(HTML.link("/", "overview")), or see the \(HTML.link("/docs", "API documentation")).</p>
            </div></body></html>
            """
    }
}

/// The sign-in page: asks once for an API key.
struct LoginPage {
    var error: String?

    func render() -> String {
        let message = error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        return PageFrame.head(title: "Sign in") + """
            <body>
            <form class="login" method="post" action="/login">
            <h1>Sign in to Plexus</h1>\(message)
            <label for="apiKey">API key</label>
            <input id="apiKey" name="apiKey" type="password" autocomplete="current-password" required autofocus>
            <button type="submit">Sign in</button>
            <p class="hint">The first <code>plexus serve</code> printed an admin key and saved it in <code>./.plexus/credentials</code>.</p>
            </form></body></html>
            """
    }
}

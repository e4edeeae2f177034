/// The seed's WebSocket test page, `GET /api/v1/ws/test-page`: connects to
/// `/api/v1/ws/connect` (with the signed-in session, or a key or token typed in), subscribes to a
/// model, and lists every message that arrives. Its script is a file of its own
/// (`/api/v1/ws/test-page.js`), as the pages' content security policy runs no inline script.
enum LiveTestPage {
    static let html = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Plexus · WebSocket test</title><link rel="stylesheet" href="/dashboard.css"></head>
        <body><main>
        <h1>WebSocket test</h1>
        <p>Connects to <code>/api/v1/ws/connect</code> and follows one model: <code>prediction.logged</code> (batched),
        <code>explanation.completed</code> and the model's alerts. Leave the key empty to use this browser's session.</p>
        <form id="connect" class="search">
        <label for="model">Model</label> <input id="model" name="model" placeholder="churn, churn@2 or an ID" required>
        <label for="token">Key or token</label> <input id="token" name="token" type="password" autocomplete="off">
        <button type="submit">Connect and subscribe</button></form>
        <p id="status" class="muted">Not connected.</p>
        <pre id="messages"></pre>
        </main><script src="/api/v1/ws/test-page.js"></script></body></html>
        """

    static let script = #"""
        (function () {
          "use strict";
          var form = document.getElementById("connect");
          var status = document.getElementById("status");
          var messages = document.getElementById("messages");
          var socket = null;
          function show(line) { messages.textContent = line + "\n" + messages.textContent; }
          form.addEventListener("submit", function (event) {
            event.preventDefault();
            if (socket) { socket.close(); }
            var model = document.getElementById("model").value.trim();
            var token = document.getElementById("token").value.trim();
            var scheme = location.protocol === "https:" ? "wss://" : "ws://";
            var url = scheme + location.host + "/api/v1/ws/connect" + (token ? "?token=" + encodeURIComponent(token) : "");
            socket = new WebSocket(url);
            status.textContent = "Connecting…";
            socket.onopen = function () {
              status.textContent = "Connected; subscribed to " + model + ".";
              socket.send(JSON.stringify({ type: "subscribe_model", model_id: model }));
            };
            socket.onmessage = function (message) { show(message.data); };
            socket.onclose = function (event) { status.textContent = "Closed (" + event.code + (event.reason ? ": " + event.reason : "") + ")."; };
          });
        })();
        """#
}

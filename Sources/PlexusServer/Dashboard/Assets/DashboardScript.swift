/// The dashboard's only script, hand-written: live updates over the WebSocket (re-rendering the
/// page's main section from the server when something it shows changes), the 30-second refresh
/// fallback with its toggle and "updated" time, and times shown in the reader's own time zone on
/// hover (the server renders them relative, with the exact UTC time). Pages work without it.
enum DashboardScript {
    static let source = #"""
    (function () {
      "use strict";
      var main = document.querySelector("main");
      var updated = document.querySelector("#updated span");
      var toggle = document.getElementById("auto-refresh");
      var lastUpdate = new Date();
      var pending = false;

      function showUpdated() {
        if (!updated) return;
        var seconds = Math.round((new Date() - lastUpdate) / 1000);
        updated.textContent = seconds < 5 ? "just now" : seconds + " s ago";
        updated.setAttribute("datetime", lastUpdate.toISOString());
      }

      // Relative times ("3 min ago") keep their text; hovering shows the exact time in the reader's time zone.
      function localizeTimes() {
        main.querySelectorAll("time[datetime]").forEach(function (element) {
          var date = new Date(element.getAttribute("datetime"));
          if (!isNaN(date)) element.title = date.toLocaleString();
        });
      }

      function rerender() {
        if (pending) return;
        pending = true;
        setTimeout(function () {
          fetch(location.href, { credentials: "same-origin" }).then(function (response) {
            return response.ok ? response.text() : Promise.reject(response.status);
          }).then(function (html) {
            var next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
            if (next) { main.innerHTML = next.innerHTML; localizeTimes(); lastUpdate = new Date(); showUpdated(); }
          }).catch(function () {}).then(function () { pending = false; });
        }, 300);
      }

      var subscriptions = [];
      if (main.dataset.liveEvaluation) subscriptions.push({ topic: "evaluation", id: main.dataset.liveEvaluation });
      if (main.dataset.liveScorecard) subscriptions.push({ topic: "scorecard", id: main.dataset.liveScorecard });
      if (main.dataset.livePerformance) subscriptions.push({ topic: "performance" });
      // Every page follows alerts for the count in the navigation; pages about alerts re-render too.
      subscriptions.push({ topic: "alerts" });

      var alertCount = document.getElementById("alert-count");
      function refreshAlertCount() {
        if (!alertCount) return;
        fetch("/alerts/count", { credentials: "same-origin" }).then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        }).then(function (body) {
          alertCount.textContent = body.open;
          alertCount.hidden = !body.open;
        }).catch(function () {});
      }

      function connect() {
        if (!subscriptions.length || !window.WebSocket) return;
        var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/v1/ws");
        socket.onopen = function () {
          subscriptions.forEach(function (s) { socket.send(JSON.stringify({ type: "subscribe", topic: s.topic, id: s.id })); });
          document.body.classList.add("live");
        };
        socket.onmessage = function (event) {
          var message = JSON.parse(event.data);
          if (!message.type || message.type.indexOf(".") < 0) return;
          if (message.type.indexOf("alert.") === 0) {
            refreshAlertCount();
            if (!main.dataset.liveAlerts) return;
          }
          rerender();
        };
        socket.onclose = function () {
          document.body.classList.remove("live");
          setTimeout(connect, 3000);
        };
      }

      if (toggle) {
        toggle.checked = localStorage.getItem("plexus.autoRefresh") !== "off";
        toggle.addEventListener("change", function () {
          localStorage.setItem("plexus.autoRefresh", toggle.checked ? "on" : "off");
        });
      }
      setInterval(function () {
        showUpdated();
        if (toggle && toggle.checked && new Date() - lastUpdate >= 30000) rerender();
      }, 1000);
      localizeTimes();
      refreshAlertCount();
      connect();
    })();
    """#
}

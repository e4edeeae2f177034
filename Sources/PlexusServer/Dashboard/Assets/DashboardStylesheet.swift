/// The dashboard's one stylesheet, hand-written; charts are themed through their CSS classes.
enum DashboardStylesheet {
    static let source = """
    :root{--ink:#1d2430;--muted:#5d6878;--line:#dde2ea;--bg:#f6f7f9;--accent:#2f6fed;--good:#1f9d55;--bad:#d64545}
    *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;color:var(--ink);background:var(--bg)}
    header{display:flex;align-items:center;gap:2em;padding:.6em 1.5em;background:#fff;border-bottom:1px solid var(--line)}
    header nav a{margin-right:1.2em;color:var(--ink);text-decoration:none}header nav a:hover{color:var(--accent)}
    .brand{font-weight:700;color:var(--accent);text-decoration:none;font-size:1.1em}
    .account{margin-left:auto;color:var(--muted);display:flex;gap:.8em;align-items:center}.account form{margin:0}
    button,.button{font:inherit;padding:.25em .8em;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--ink);cursor:pointer;text-decoration:none}
    .toolbar{display:flex;justify-content:space-between;padding:.5em 1.5em;color:var(--muted);font-size:.9em}
    .refresh{display:flex;gap:1em;align-items:center}body.live #updated::before{content:"● live  ";color:var(--good)}
    main{padding:0 1.5em 3em;max-width:1200px}h1{font-size:1.5em;margin:.3em 0 .8em}h2{font-size:1.15em;margin:1.6em 0 .6em}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:1em}
    .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.8em 1em}.card .value{font-size:1.7em;font-weight:600}
    .card .label{color:var(--muted);font-size:.85em}
    table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}th,td{padding:.4em .7em;text-align:left;border-bottom:1px solid var(--line);vertical-align:top}
    th{font-size:.85em;color:var(--muted);font-weight:600;background:#fafbfc}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    .empty{color:var(--muted);font-style:italic;padding:1em;background:#fff;border:1px dashed var(--line);border-radius:6px}
    .error{color:var(--bad);padding:1em;background:#fff;border:1px solid var(--bad);border-radius:6px}
    .progress{height:12px;background:var(--line);border-radius:6px;overflow:hidden;max-width:420px}.progress div{height:100%;background:var(--accent)}
    .status{display:inline-block;padding:0 .5em;border-radius:4px;font-size:.85em;font-weight:600;background:var(--line)}
    .status.COMPLETED{background:#dff3e6;color:var(--good)}.status.FAILED{background:#fbe3e3;color:var(--bad)}.status.CANCELLED{background:#f1efe8;color:var(--muted)}.status.RUNNING{background:#e2ebfd;color:var(--accent)}
    .charts{display:flex;flex-wrap:wrap;gap:1.5em}.chart{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.8em}
    .chart h3{margin:0 0 .4em;font-size:.95em;color:var(--muted)}
    svg text{font:11px system-ui,sans-serif;fill:var(--muted)}svg .axis-title{font-weight:600}svg .axis,svg .tick{stroke:#b7c0cc}svg .grid{stroke:#eef1f5}
    svg .series-0{stroke:var(--accent);fill:var(--accent)}svg .series-1{stroke:#e08a1e;fill:#e08a1e}svg .series-2{stroke:var(--good);fill:var(--good)}svg .series-3{stroke:#8e44ad;fill:#8e44ad}svg .series-4{stroke:var(--bad);fill:var(--bad)}svg .series-5{stroke:#5d6878;fill:#5d6878}
    svg .line{fill:none;stroke-width:2}svg .bar{stroke:none}svg .positive{fill:#ff0d57}svg .negative{fill:#1e88e5}svg .dot{stroke:none;opacity:.85}svg .zero{stroke:#9aa5b4}svg .marker{stroke:#5d6878;stroke-dasharray:3 3}svg .feature-label{fill:var(--ink)}svg .marker-label{font-weight:600}svg .legend-line{stroke-width:2}
    svg .heatmap-cell{fill:var(--accent);stroke:#fff}svg .heatmap-count{fill:var(--ink);font-weight:600}svg .heatmap-count.strong{fill:#fff}
    svg .rate-bar-track{fill:var(--line)}svg .rate-bar-fill{fill:var(--accent)}svg .chart-empty{fill:#fafbfc;stroke:var(--line)}
    form.search{display:flex;gap:.5em;margin-bottom:1em}form.search input{flex:1;max-width:420px;font:inherit;padding:.3em .6em;border:1px solid var(--line);border-radius:4px}
    .login{max-width:420px;margin:10vh auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:2em}
    .login input{width:100%;font:inherit;padding:.4em .6em;margin:.6em 0 1em;border:1px solid var(--line);border-radius:4px}
    .pager{margin-top:1em}code{background:#eef1f5;padding:0 .3em;border-radius:3px}
    .badge{display:inline-block;padding:0 .5em;border-radius:4px;font-size:.85em;font-weight:600;background:var(--line);white-space:nowrap}
    .badge.ok{background:#dff3e6;color:var(--good)}.badge.drift,.badge.failing,.badge.alert-open{background:#fbe3e3;color:var(--bad)}
    .badge.insufficient,.badge.alert-acknowledged{background:#fff4e0;color:#9a5b00}.badge.never,.badge.alert-resolved{background:#f1efe8;color:var(--muted)}
    nav .count{display:inline-block;margin-left:.3em;padding:0 .45em;border-radius:9px;background:var(--bad);color:#fff;font-size:.8em;font-weight:600}
    .severity{font-weight:600}.sev-error{color:var(--bad)}.sev-warning{color:#9a5b00}.sev-info{color:var(--muted)}
    .chart-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1em}.chart-grid figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5em}
    .digest{overflow-wrap:anywhere}figcaption{font-weight:600;font-size:.9em;margin-bottom:.3em}form.inline{display:inline;margin-right:.3em}
    svg .drift-cell.drifted{fill:var(--bad)}svg .drift-cell.steady{fill:var(--good)}
    .tag{display:inline-block;padding:0 .45em;border-radius:4px;font-size:.8em;background:#fff4e0;color:#9a5b00;border:1px solid #f1d9a8}
    time,a.item{white-space:nowrap}svg{max-width:100%;height:auto}pre{white-space:pre-wrap;overflow-wrap:anywhere;max-width:100%}
    @media (max-width:700px){
    header{flex-wrap:wrap;gap:.3em 1em;padding:.5em .9em}header nav{order:3;width:100%;overflow-x:auto;white-space:nowrap;padding-bottom:.2em}
    header nav a{margin-right:1em}.account{font-size:.85em}
    .toolbar{flex-wrap:wrap;gap:.3em 1em;padding:.4em .9em}.refresh{flex-wrap:wrap;gap:.5em}
    main{padding:0 .9em 2em}table{display:block;overflow-x:auto}.cards{grid-template-columns:repeat(2,1fr)}
    .charts{display:block}.chart{margin-bottom:1em;overflow-x:auto}.login{margin:4vh 1em;padding:1.2em}}
    """
}

"""``multipolar serve``: a local dashboard (FastAPI) over the database.

Each request opens the DuckDB file read-only and closes it before answering, so a writer
(``multipolar code``) gets the file between requests: DuckDB allows one writing process. All
SQL goes through ``_store`` with parameters. The page fetches nothing from the internet: the
plotly library is served by the app from the installed package, and a Content-Security-Policy
says so to the browser. A Host-header allow-list stops other web sites from reaching a loopback
server through DNS rebinding.
"""

from __future__ import annotations

import datetime as dt
import functools
import ipaddress
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__, analytics, store
from ..store.output import jsonable

REQUEST_LOCK_TIMEOUT_S = 10.0
MAX_EVENTS = 5000
_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'self'"
)

Code = Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z0-9_]+$")]
Day = Annotated[dt.date | None, Query()]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@contextmanager
def _read(db: str) -> Iterator[Any]:
    try:
        con = store.connect(db, read_only=True, timeout=REQUEST_LOCK_TIMEOUT_S)
    except store.StoreError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
    try:
        yield con
    finally:
        con.close()


def _rows(df: Any) -> list[dict[str, Any]]:
    return [jsonable(r) for r in analytics.records(df)]


def _parse_dyad(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    parts = [p for p in dyad.replace("-", ",").replace(" ", ",").split(",") if p]
    if len(parts) != 2:
        raise HTTPException(status_code=422, detail="dyad must be two codes, e.g. dyad=CAN,MEX")
    return parts[0].upper(), parts[1].upper()


def create_app(db: str, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The dashboard app for one database file."""
    app = FastAPI(
        title="multipolar dashboard",
        version=__version__,
        description="Read-only views of a multipolar database.",
    )
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    def load_events(since: dt.date | None, until: dt.date | None) -> Any:
        with _read(db) as con:
            return store.query_events(con, store.EventFilter(since=since, until=until))

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return HTMLResponse(_PAGE, headers={"Content-Security-Policy": _CSP})

    @app.get("/static/plotly.min.js")
    def plotly_js() -> Response:
        return Response(
            _plotly_js(),
            media_type="application/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        """Counts of articles, events, rejected inputs and more."""
        with _read(db) as con:
            return jsonable(store.stats(con))

    @app.get("/api/actors")
    def actors() -> list[dict[str, Any]]:
        """Actors with their number of events, most active first (for the filter list)."""
        with _read(db) as con:
            rows = con.execute(
                "SELECT actor, count(*) AS n FROM (SELECT source AS actor FROM events UNION ALL "
                "SELECT target FROM events) WHERE actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor LIMIT 500"
            ).fetchall()
        return [{"actor": a, "n": int(n)} for a, n in rows]

    @app.get("/api/events")
    def events(
        actor: Code = None,
        dyad: Annotated[
            str | None, Query(max_length=41, pattern=r"^[A-Za-z0-9_]+[-, ][A-Za-z0-9_]+$")
        ] = None,
        type: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z0-9_]+$")] = None,
        since: Day = None,
        until: Day = None,
        limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 200,
    ) -> JSONResponse:
        """Events with their sentences, filtered like `multipolar events`; oldest first."""
        f = store.EventFilter(
            actor=actor, dyad=_parse_dyad(dyad), type=type, since=since, until=until, limit=limit
        )
        with _read(db) as con:
            df = store.query_events(con, f)
        return JSONResponse({"count": len(df), "limit": limit, "events": _rows(df)})

    @app.get("/api/dyads")
    def dyads(
        a: Annotated[str, Query(max_length=20, pattern=r"^[A-Za-z0-9_]+$")],
        b: Annotated[str, Query(max_length=20, pattern=r"^[A-Za-z0-9_]+$")],
        freq: Literal["week", "month", "quarter", "year"] = "month",
        since: Day = None,
        until: Day = None,
    ) -> JSONResponse:
        """The pair's series per period (as `multipolar dyads`) and its strongest sentences."""
        ev = load_events(since, until)
        series = analytics.dyad_series(ev, a, b, freq, since, until)
        examples = [jsonable(x) for x in analytics.example_sentences(ev, a, b, n=10)]
        return JSONResponse(
            {
                "a": a.upper(),
                "b": b.upper(),
                "freq": freq,
                "series": _rows(series),
                "examples": examples,
            }
        )

    @app.get("/api/network")
    def network(since: Day = None, until: Day = None, hub: Code = None) -> JSONResponse:
        """Nodes (with a fixed-seed spring layout x, y) and edges weighted by net cooperation."""
        net = analytics.network(load_events(since, until), since, until, hub)
        pos = analytics.layout(net)
        nodes = _rows(net.nodes)
        for node in nodes:
            node["x"], node["y"] = pos.get(str(node["actor"]), (0.0, 0.0))
        return JSONResponse({"hub": net.hub, "nodes": nodes, "edges": _rows(net.edges)})

    @app.get("/api/hedging")
    def hedging(
        hub: Code = analytics.DEFAULT_HUB, since: Day = None, until: Day = None
    ) -> JSONResponse:
        """Each actor's net cooperation with the hub and with others, first vs second half."""
        hub = (hub or analytics.DEFAULT_HUB).upper()
        rows = _rows(analytics.hedging(load_events(since, until), hub, since, until))
        return JSONResponse({"hub": hub, "rows": rows})

    return app


@functools.cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs())


def run(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if is_loopback(host) else ["*"]
    uvicorn.run(create_app(db, allowed_hosts=hosts), host=host, port=port, log_level="warning")


_PAGE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>multipolar dashboard</title>
<link rel="icon" href="data:,">
<script src="/static/plotly.min.js"></script>
<style>
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#1f2d3d;color:#fff;padding:12px 24px;display:flex;align-items:baseline;gap:24px;flex-wrap:wrap}
header h1{margin:0;font-size:1.3em}#stats{color:#c9d3dd;font-size:.9em}
form{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;padding:12px 24px;background:#fff;border-bottom:1px solid #ddd}
label{display:flex;flex-direction:column;font-size:.78em;color:#555;gap:2px}
input{font-size:.95em;padding:4px 6px;border:1px solid #bbb;border-radius:4px;width:110px}
input[type=date]{width:140px}input.code{width:70px;text-transform:uppercase}
button{padding:6px 14px;border:0;border-radius:4px;background:#2b6cb0;color:#fff;font-size:.95em;cursor:pointer}
button.secondary{background:#e2e8f0;color:#222}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:14px;padding:14px 24px}
.panel{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:8px 14px;min-width:0}
.panel h2{font-size:1.02em;margin:4px 0 6px}.wide{grid-column:1 / -1}.note{color:#666;font-size:.85em;margin:2px 0 6px}
table{border-collapse:collapse;width:100%;font-size:.86em}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7;position:sticky;top:0}td.sentence{font-family:Georgia,serif;min-width:380px}
td.neg{color:#b2182b}td.pos{color:#1a7f37}.scroll{max-height:520px;overflow:auto}
.plot{height:430px}#error{color:#b2182b;padding:0 24px}
</style></head>
<body>
<header><h1>multipolar</h1><span id="stats">loading…</span></header>
<form id="filters" autocomplete="off">
  <label>Actor<input name="actor" class="code" list="actor-list" placeholder="CAN"></label>
  <label>Dyad A<input name="a" class="code" list="actor-list" placeholder="CAN"></label>
  <label>Dyad B<input name="b" class="code" list="actor-list" placeholder="MEX"></label>
  <label>Type<input name="type" class="code" placeholder="AGREE"></label>
  <label>Since<input name="since" type="date"></label>
  <label>Until<input name="until" type="date"></label>
  <label>Hub<input name="hub" class="code" value="USA"></label>
  <label>Period<select name="freq"><option>week</option><option selected>month</option><option>quarter</option><option>year</option></select></label>
  <label>Limit<input name="limit" type="number" min="1" max="5000" value="200" style="width:80px"></label>
  <button type="submit" id="apply">Apply</button>
  <button type="button" class="secondary" id="reset">Reset</button>
  <datalist id="actor-list"></datalist>
</form>
<div id="error" role="alert"></div>
<main>
  <section class="panel"><h2>Alignment network</h2>
    <p class="note">Green edges cooperative, red hostile; wider = more events. Node colour: net cooperation with the hub.
    Click a node to filter by actor, an edge's midpoint to pick the dyad.</p>
    <div id="network" class="plot"></div></section>
  <section class="panel"><h2 id="dyad-title">Dyad over time</h2>
    <p class="note" id="dyad-note">Pick a dyad (A and B) to see cooperation and conflict per period.</p>
    <div id="dyad" class="plot"></div></section>
  <section class="panel wide"><h2>Events <span id="event-count" class="note"></span></h2>
    <div class="scroll"><table id="events"><thead><tr><th>date</th><th>source</th><th>type</th><th>target</th>
    <th>Goldstein</th><th>notes</th><th>sentence</th><th>article</th></tr></thead><tbody></tbody></table></div></section>
  <section class="panel wide"><h2 id="hedging-title">Hedging</h2>
    <p class="note">Net cooperation with the hub and with everyone else, first vs second half of the window.
    Hedging = change with others − change with the hub.</p>
    <div class="scroll"><table id="hedging"><thead><tr><th>actor</th><th>with hub: 1st → 2nd</th><th>with others: 1st → 2nd</th>
    <th>hedging</th><th>hub trend/month</th><th>others trend/month</th><th>drew closer to</th><th>events hub/others</th></tr></thead>
    <tbody></tbody></table></div></section>
</main>
<script>
"use strict";
const form = document.getElementById('filters');
const FIELDS = ['actor','a','b','type','since','until','hub','freq','limit'];
function val(name){ return form.elements[name].value.trim(); }
function fmt(x, d, signed){ if (x === null || x === undefined) return '–'; const s = Number(x).toFixed(d); return signed && x > 0 ? '+' + s : s; }
function cell(tr, text, cls){ const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
async function getJSON(path, params){
  const q = new URLSearchParams(); for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  const r = await fetch(path + '?' + q.toString());
  if (!r.ok) { let d = r.statusText; try { d = JSON.stringify((await r.json()).detail); } catch (e) {} throw new Error(path + ': ' + d); }
  return r.json();
}
function window_(){ return {since: val('since'), until: val('until')}; }
async function loadStats(){
  const s = await getJSON('/api/stats', {});
  document.getElementById('stats').textContent = `${s.articles} articles · ${s.events} events · ${s.quantities} trade figures · ${s.first_date || '–'} to ${s.last_date || '–'}`;
  const acts = await getJSON('/api/actors', {});
  const dl = document.getElementById('actor-list'); dl.replaceChildren();
  for (const a of acts) { const o = document.createElement('option'); o.value = a.actor; o.label = a.actor + ' (' + a.n + ')'; dl.appendChild(o); }
}
async function loadEvents(){
  const dyad = val('a') && val('b') ? val('a') + ',' + val('b') : '';
  const d = await getJSON('/api/events', {actor: val('actor'), dyad: dyad, type: val('type'), limit: val('limit') || 200, ...window_()});
  const tbody = document.querySelector('#events tbody'); tbody.replaceChildren();
  for (const e of d.events) {
    const tr = document.createElement('tr');
    cell(tr, e.date || ''); cell(tr, e.source || ''); cell(tr, e.plover || e.cameo || ''); cell(tr, e.target || '');
    cell(tr, fmt(e.goldstein, 1, true), e.goldstein < 0 ? 'neg' : (e.goldstein > 0 ? 'pos' : ''));
    const notes = [e.modality !== 'asserted' ? e.modality : '', e.negated ? 'negated' : '', e.reciprocal ? 'reciprocal' : ''].filter(Boolean).join(' ');
    cell(tr, notes); cell(tr, e.sentence || '', 'sentence'); cell(tr, (e.article_id || '') + ':' + e.sentence_index);
    tbody.appendChild(tr);
  }
  document.getElementById('event-count').textContent = d.count >= d.limit ? `(first ${d.count}; raise the limit for more)` : `(${d.count})`;
}
const LAYOUT = {margin: {l: 40, r: 10, t: 10, b: 40}, template: 'plotly_white', hovermode: 'closest'};
async function loadNetwork(){
  const d = await getJSON('/api/network', {hub: val('hub'), ...window_()});
  const pos = {}; for (const n of d.nodes) pos[n.actor] = [n.x, n.y];
  const maxN = Math.max(1, ...d.edges.map(e => e.n_events));
  const traces = [];
  const mid = {x: [], y: [], text: [], customdata: [], color: []};
  for (const e of d.edges) {
    if (!pos[e.a] || !pos[e.b]) continue;
    const c = e.net_cooperation > 0 ? '#1a9850' : (e.net_cooperation < 0 ? '#d73027' : '#888');
    traces.push({x: [pos[e.a][0], pos[e.b][0]], y: [pos[e.a][1], pos[e.b][1]], mode: 'lines', hoverinfo: 'skip', showlegend: false,
                 opacity: 0.6, line: {color: c, width: 1 + 7 * Math.sqrt(e.n_events / maxN)}});
    mid.x.push((pos[e.a][0] + pos[e.b][0]) / 2); mid.y.push((pos[e.a][1] + pos[e.b][1]) / 2); mid.color.push(c);
    mid.customdata.push([e.a, e.b]);
    mid.text.push(`${e.a}–${e.b}: ${e.n_events} events, net cooperation ${fmt(e.net_cooperation, 1, true)}`);
  }
  traces.push({x: mid.x, y: mid.y, mode: 'markers', hoverinfo: 'text', hovertext: mid.text, customdata: mid.customdata,
               marker: {size: 9, color: mid.color, opacity: 0.5}, showlegend: false, name: 'edges'});
  const colour = d.nodes.map(n => d.hub ? (n.with_hub || 0) : n.net_cooperation);
  const bound = Math.max(1, ...colour.map(Math.abs));
  traces.push({x: d.nodes.map(n => n.x), y: d.nodes.map(n => n.y), mode: 'markers+text', text: d.nodes.map(n => n.actor),
               textposition: 'top center', customdata: d.nodes.map(n => [n.actor]), hoverinfo: 'text', name: 'actors', showlegend: false,
               hovertext: d.nodes.map(n => `${n.actor}: ${n.n_events} events, ${n.degree} partners<br>net cooperation ${fmt(n.net_cooperation, 1, true)}` +
                 (d.hub ? `<br>with ${d.hub} ${fmt(n.with_hub, 1, true)}, with others ${fmt(n.with_others, 1, true)}` : '')),
               marker: {size: d.nodes.map(n => 12 + 4 * Math.sqrt(n.n_events)), color: colour, colorscale: [[0, '#d73027'], [0.5, '#ffffbf'], [1, '#1a9850']], cmin: -bound, cmax: bound,
                        line: {color: '#222', width: d.nodes.map(n => n.actor === d.hub ? 3 : 1)}, colorbar: {thickness: 10, title: {text: 'with ' + (d.hub || 'all')}}}});
  await Plotly.react('network', traces, {...LAYOUT, xaxis: {visible: false}, yaxis: {visible: false, scaleanchor: 'x'}}, {displaylogo: false, responsive: true});
}
async function loadDyad(){
  const a = val('a'), b = val('b');
  if (!a || !b) { Plotly.purge('dyad'); document.getElementById('dyad-title').textContent = 'Dyad over time'; return; }
  const d = await getJSON('/api/dyads', {a: a, b: b, freq: val('freq'), ...window_()});
  document.getElementById('dyad-title').textContent = `${d.a}–${d.b} per ${d.freq}`;
  document.getElementById('dyad-note').textContent = d.series.length ? 'Goldstein-weighted cooperation (up) and conflict (down); the line is net cooperation.' : 'No events between these two.';
  const x = d.series.map(r => r.period);
  await Plotly.react('dyad', [
    {type: 'bar', x: x, y: d.series.map(r => r.cooperation), name: 'cooperation', marker: {color: '#1a9850'}},
    {type: 'bar', x: x, y: d.series.map(r => -r.conflict), name: 'conflict', marker: {color: '#d73027'}},
    {type: 'scatter', mode: 'lines+markers', x: x, y: d.series.map(r => r.net_cooperation), name: 'net', line: {color: '#333'}},
  ], {...LAYOUT, barmode: 'relative', legend: {orientation: 'h', y: -0.15}}, {displaylogo: false, responsive: true});
}
async function loadHedging(){
  const d = await getJSON('/api/hedging', {hub: val('hub') || 'USA', ...window_()});
  document.getElementById('hedging-title').textContent = `Hedging against ${d.hub}`;
  const tbody = document.querySelector('#hedging tbody'); tbody.replaceChildren();
  for (const r of d.rows) {
    const tr = document.createElement('tr');
    cell(tr, r.actor + (r.is_hedging ? ' ⚑' : ''));
    cell(tr, `${fmt(r.hub_first, 1, true)} → ${fmt(r.hub_second, 1, true)}`, r.hub_second < r.hub_first ? 'neg' : '');
    cell(tr, `${fmt(r.others_first, 1, true)} → ${fmt(r.others_second, 1, true)}`, r.others_second > r.others_first ? 'pos' : '');
    cell(tr, fmt(r.hedging, 1, true)); cell(tr, fmt(r.hub_slope_per_month, 2, true)); cell(tr, fmt(r.others_slope_per_month, 2, true));
    cell(tr, r.partners || ''); cell(tr, `${r.n_hub} / ${r.n_others}`);
    tbody.appendChild(tr);
  }
}
function saveState(){
  const q = new URLSearchParams(); for (const k of FIELDS) if (val(k)) q.set(k, val(k));
  history.replaceState(null, '', '?' + q.toString());
}
function restoreState(){
  const q = new URLSearchParams(location.search); for (const k of FIELDS) if (q.has(k)) form.elements[k].value = q.get(k);
}
async function apply(){
  document.getElementById('error').textContent = '';
  form.dataset.state = 'loading'; saveState();
  const results = await Promise.allSettled([loadEvents(), loadNetwork(), loadDyad(), loadHedging()]);
  const errs = results.filter(r => r.status === 'rejected').map(r => r.reason.message);
  document.getElementById('error').textContent = errs.join('; ');
  form.dataset.state = 'ready';
}
form.addEventListener('submit', ev => { ev.preventDefault(); apply(); });
document.getElementById('reset').addEventListener('click', () => { form.reset(); apply(); });
async function init(){
  restoreState();
  try { await loadStats(); } catch (e) { document.getElementById('error').textContent = e.message; }
  await apply();
  document.getElementById('network').on('plotly_click', ev => {
    const p = ev.points && ev.points[0]; if (!p || !p.customdata) return;
    if (p.customdata.length === 1) { form.elements.actor.value = p.customdata[0]; }
    else { form.elements.a.value = p.customdata[0]; form.elements.b.value = p.customdata[1]; form.elements.actor.value = ''; }
    apply();
  });
}
init();
</script>
</body></html>
"""

"""``multipolar serve``: a local dashboard (FastAPI) over the database.

Each request opens the DuckDB file read-only and closes it before answering, so a writer
(``multipolar code``) gets the file between requests: DuckDB allows one writing process. All
SQL goes through ``store`` with parameters. The page fetches nothing from the internet: the
plotly library is served by the app from the installed package, and a Content-Security-Policy
says so to the browser. A Host-header allow-list stops other web sites from reaching a loopback
server through DNS rebinding. The page itself is ``templates/dashboard.html`` with
``dashboard.css`` and ``dashboard.js`` inlined.
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
from ..analytics import indb
from ..store.output import jsonable
from . import markup

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
        yield indb.limit_memory(con)
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

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return HTMLResponse(dashboard_page(), headers={"Content-Security-Policy": _CSP})

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
        with _read(db) as con:
            series = indb.dyad_series_db(con, a, b, freq, since, until, since, until)
            found = indb.example_sentences_db(con, [(a, b)], 10, since, until)
        examples = [jsonable(x) for x in next(iter(found.values()))]
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
        with _read(db) as con:
            net = indb.network_db(con, since, until, hub)
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
        with _read(db) as con:
            rows = _rows(indb.hedging_db(con, hub, since, until, since, until))
        return JSONResponse({"hub": hub, "rows": rows})

    return app


@functools.cache
def dashboard_page() -> str:
    """The dashboard's single page: its CSS and JS are inlined, plotly comes from
    ``/static/plotly.min.js``."""
    return markup.fill(
        "dashboard.html", css=markup.read("dashboard.css"), js=markup.read("dashboard.js")
    )


@functools.cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs())


def run(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if is_loopback(host) else ["*"]
    uvicorn.run(create_app(db, allowed_hosts=hosts), host=host, port=port, log_level="warning")

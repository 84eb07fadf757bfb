"""The dashboard: its JSON API (TestClient) and the page in a real headless Chromium.

The browser test drives Debian's ``chromium`` through Playwright-Python (no ``playwright
install``; it needs ``apt-get install chromium`` and ``pip install playwright``) and is skipped,
with the reason, only when either is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from multipolar.cli import cli
from multipolar.web.serve import create_app, is_loopback
from tests.helpers import CAN_MEX_PACT, NO_DEAL, USA_THREAT, build_db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("serve") / "demo.duckdb")


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(str(demo_db)))


def test_stats_and_page(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 6 and stats["events"] == 15
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert '<script src="/static/plotly.min.js">' in page.text
    assert "https://" not in page.text
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000


@pytest.mark.parametrize(
    ("params", "expected_count", "must_contain"),
    [
        ({"dyad": "CAN,MEX"}, 3, CAN_MEX_PACT),
        ({"dyad": "MEX-CAN"}, 3, CAN_MEX_PACT),
        ({"actor": "usa", "type": "SANCTION"}, 2, USA_THREAT),
        ({"actor": "USA", "since": "2025-08-01", "until": "2025-08-31"}, 2, NO_DEAL),
        ({"limit": 2}, 2, None),
        ({"actor": "XXX"}, 0, None),
    ],
)
def test_events_filters(
    client: TestClient, params: dict[str, object], expected_count: int, must_contain: str | None
) -> None:
    body = client.get("/api/events", params=params).json()
    assert body["count"] == expected_count
    if must_contain:
        assert must_contain in [e["sentence"] for e in body["events"]]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 999999},
        {"since": "yesterday"},
        {"actor": "USA' OR 1=1 --"},
        {"dyad": "CAN"},
    ],
)
def test_events_rejects_bad_parameters(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/events", params=params).status_code == 422


def test_dyads_network_hedging(client: TestClient) -> None:
    d = client.get("/api/dyads", params={"a": "can", "b": "mex", "freq": "quarter"}).json()
    assert [r["period"] for r in d["series"]] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert sum(r["n_events"] for r in d["series"]) == 3
    assert d["examples"][0]["sentence"] == CAN_MEX_PACT
    assert (
        client.get("/api/dyads", params={"a": "CAN", "b": "MEX", "freq": "day"}).status_code == 422
    )

    net = client.get("/api/network", params={"hub": "USA"}).json()
    actors = {n["actor"] for n in net["nodes"]}
    assert {"CAN", "MEX", "USA", "JPN"} <= actors
    assert all(isinstance(n["x"], float) for n in net["nodes"])
    edge = next(e for e in net["edges"] if (e["a"], e["b"]) == ("CAN", "MEX"))
    assert edge["n_events"] == 3 and edge["net_cooperation"] > 0

    rows = client.get("/api/hedging", params={"hub": "USA"}).json()["rows"]
    can = next(r for r in rows if r["actor"] == "CAN")
    assert can["is_hedging"] and can["hub_change"] < 0 < can["others_change"]


def test_missing_database_is_503(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "none.duckdb")))
    assert client.get("/api/stats").status_code == 503


def test_trusted_hosts(demo_db: Path) -> None:
    client = TestClient(create_app(str(demo_db), allowed_hosts=["127.0.0.1", "localhost"]))
    assert client.get("/api/stats", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/api/stats", headers={"host": "127.0.0.1:8000"}).status_code == 200


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_public_host_without_flag(demo_db: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(demo_db), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--allow-remote" in result.output


# --------------------------------------------------------------------------- real browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_url(demo_db: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    app = create_app(str(demo_db), allowed_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


def _browser_or_skip() -> object:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"{CHROMIUM} not found (apt-get install -y chromium)")
    return sync_playwright


def test_dashboard_in_chromium(live_url: str) -> None:
    sync_playwright = _browser_or_skip()
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:  # type: ignore[operator]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(live_url)
            page.wait_for_selector("#filters[data-state=ready]")
            page.wait_for_selector("#events tbody tr")
            assert page.locator("#network .main-svg").count() > 0  # plotly drew the network

            page.fill("input[name=a]", "CAN")
            page.fill("input[name=b]", "MEX")
            page.click("#apply")
            page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
            page.wait_for_selector("#filters[data-state=ready]")
            sentences = page.locator("#events td.sentence").all_inner_texts()
            assert CAN_MEX_PACT in sentences
            assert USA_THREAT not in sentences
            assert page.locator("#dyad .main-svg").count() > 0  # the dyad series was drawn
            assert "CAN–MEX" in page.inner_text("#dyad-title")
            assert "CAN" in page.inner_text("#hedging tbody")
            assert "dyad=" not in page.url and "a=CAN" in page.url  # the view is in the URL
        finally:
            browser.close()
    assert not errors, errors
    assert all(u.startswith(live_url) for u in requests), [
        u for u in requests if not u.startswith(live_url)
    ]

"""Alliances and trade as data for the analytics: load the shipped tables, import user trade files.

The package ships (``data/kb/``, built by ``scripts/build_kb.py``; sources in ``SOURCES.yaml``):

* ``alliances``: ATOP v5.1 directed dyad-years 1990-2018 (defence, offence, neutrality,
  non-aggression, consultation);
* ``trade_dyadic``: COW dyadic trade 1990-2014, dyads stored with ``a < b`` and one column per
  direction, in current USD; user imports (BACI, IMF DOTS) land in the same table;
* ``macro``: WDI goods exports/imports and GDP, IMF WEO GDP, 1990-2024, current USD;
* ``defence_agreements`` (+ view ``defence_agreement_pairs``): curated post-2018 agreements;
* ``trade_facts``: curated recent bilateral trade figures.

Every row carries its ``source`` so the analytics can say where a number came from. Loading
replaces the rows of the shipped sources only, so reloading is a no-op and imports survive.
All SQL takes values as parameters; only fixed table and column names are written into it.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from ..dates import to_date
from ..records import Rejection

__all__ = [
    "KB_DIR",
    "SOURCES",
    "TradeFormat",
    "detect_format",
    "import_trade",
    "load_kb",
    "read_defence_agreements",
    "read_trade_facts",
]

KB_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"

# The ``source`` value each shipped table's rows carry.
SOURCES = {
    "alliances": "ATOP v5.1",
    "trade_dyadic": "COW Trade v4.0",
    "defence_agreements": "multipolar curated",
    "trade_facts": "multipolar curated",
}

TradeFormat = Literal["baci", "dots", "auto"]

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS alliances (
        a VARCHAR NOT NULL, b VARCHAR NOT NULL, year INTEGER NOT NULL,
        defense TINYINT, offense TINYINT, neutrality TINYINT, nonagg TINYINT,
        entente TINYINT, consul TINYINT, source VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS trade_dyadic (
        a VARCHAR NOT NULL, b VARCHAR NOT NULL, year INTEGER NOT NULL,
        flow_a_to_b_usd DOUBLE, flow_b_to_a_usd DOUBLE, source VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS macro (
        iso3 VARCHAR NOT NULL, year INTEGER NOT NULL, exports_usd DOUBLE, imports_usd DOUBLE,
        gdp_usd DOUBLE, source VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS defence_agreements (
        id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR, parties VARCHAR[] NOT NULL,
        signed DATE NOT NULL, in_force DATE, citation VARCHAR NOT NULL, url VARCHAR,
        source VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS trade_facts (
        id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, subject VARCHAR, partner VARCHAR,
        value DOUBLE NOT NULL, unit VARCHAR NOT NULL, usd_value DOUBLE, year INTEGER,
        reported INTEGER, approximate BOOLEAN, citation VARCHAR NOT NULL, url VARCHAR,
        source VARCHAR NOT NULL)""",
    # Every pair of parties to an agreement, both orientations, so a dyad query is one lookup.
    """CREATE OR REPLACE VIEW defence_agreement_pairs AS
        SELECT x.a, y.b, d.id, d.kind, d.signed, d.in_force
        FROM defence_agreements d,
             (SELECT id, unnest(parties) AS a FROM defence_agreements) x,
             (SELECT id, unnest(parties) AS b FROM defence_agreements) y
        WHERE x.id = d.id AND y.id = d.id AND x.a <> y.b""",
)


def _create(conn: Any) -> None:
    for stmt in _SCHEMA:
        conn.execute(stmt)


def _float(value: Any) -> float | None:
    # YAML 1.1 reads "924.4e9" (no sign in the exponent) as a string, hence float().
    return None if value is None else float(value)


def read_defence_agreements(path: Path | None = None) -> list[dict[str, Any]]:
    """The curated agreements as dicts ready for the ``defence_agreements`` table."""
    doc = yaml.safe_load((path or KB_DIR / "defence_agreements.yaml").read_text(encoding="utf-8"))
    out = []
    for e in doc["agreements"]:
        out.append(
            {
                "id": e["id"],
                "name": e["name"],
                "kind": e.get("kind"),
                "parties": [str(p) for p in e["parties"]],
                "signed": to_date(e["signed"], strict=True),
                "in_force": to_date(e.get("in_force"), strict=True),
                "citation": e["source"],
                "url": e.get("url"),
            }
        )
    return out


def read_trade_facts(path: Path | None = None) -> list[dict[str, Any]]:
    """The curated trade figures as dicts ready for the ``trade_facts`` table."""
    doc = yaml.safe_load((path or KB_DIR / "recent_trade.yaml").read_text(encoding="utf-8"))
    out = []
    for e in doc["facts"]:
        out.append(
            {
                "id": e["id"],
                "kind": e["kind"],
                "subject": e.get("subject"),
                "partner": e.get("partner"),
                "value": _float(e["value"]),
                "unit": e["unit"],
                "usd_value": _float(e.get("usd_value")),
                "year": e.get("year"),
                "reported": e.get("reported"),
                "approximate": bool(e.get("approximate", False)),
                "citation": e["source"],
                "url": e.get("url"),
            }
        )
    return out


def load_kb(conn: Any, data_dir: Path | None = None) -> dict[str, int]:
    """Create the tables and (re)load the shipped data into them; returns rows per table.

    Runs in one transaction: a failure leaves the database as it was.
    """
    d = data_dir or KB_DIR
    counts: dict[str, int] = {}
    conn.execute("BEGIN TRANSACTION")
    try:
        _create(conn)
        conn.execute("DELETE FROM alliances WHERE source = ?", [SOURCES["alliances"]])
        conn.execute(
            """INSERT INTO alliances
               SELECT a, b, year, defense, offense, neutrality, nonagg, NULL, consul, ?
               FROM read_parquet(?)""",
            [SOURCES["alliances"], str(d / "alliances_atop.parquet")],
        )
        conn.execute("DELETE FROM trade_dyadic WHERE source = ?", [SOURCES["trade_dyadic"]])
        conn.execute(
            """INSERT INTO trade_dyadic
               SELECT a, b, year, flow_a_to_b_usd, flow_b_to_a_usd, ? FROM read_parquet(?)""",
            [SOURCES["trade_dyadic"], str(d / "trade_cow.parquet")],
        )
        conn.execute("DELETE FROM macro WHERE source IN ('WDI', 'IMF WEO')")
        conn.execute(
            """INSERT INTO macro SELECT iso3, year, exports_usd, imports_usd, gdp_usd, source
               FROM read_parquet(?)""",
            [str(d / "macro.parquet")],
        )
        conn.execute(
            "DELETE FROM defence_agreements WHERE source = ?", [SOURCES["defence_agreements"]]
        )
        agreements = read_defence_agreements(d / "defence_agreements.yaml")
        conn.executemany(
            "INSERT INTO defence_agreements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[*a.values(), SOURCES["defence_agreements"]] for a in agreements],
        )
        conn.execute("DELETE FROM trade_facts WHERE source = ?", [SOURCES["trade_facts"]])
        facts = read_trade_facts(d / "recent_trade.yaml")
        conn.executemany(
            "INSERT INTO trade_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[*f.values(), SOURCES["trade_facts"]] for f in facts],
        )
        for table in ("alliances", "trade_dyadic", "macro", "defence_agreements", "trade_facts"):
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return counts


# --------------------------------------------------------------------------- trade import

_BACI_COLUMNS = {"t", "i", "j", "k", "v"}
_TRADE_COLUMNS = ["a", "b", "year", "flow_a_to_b_usd", "flow_b_to_a_usd", "source"]
# IMF DOTS/IMTS exports is reported by the exporter (FOB); imports by the importer (CIF or
# FOB). Either gives one direction of a dyad's trade.
_DOTS_EXPORTS = {"TXG_FOB_USD", "XG_FOB_USD"}
_DOTS_IMPORTS = {"TMG_CIF_USD", "TMG_FOB_USD", "MG_CIF_USD", "MG_FOB_USD"}
_DOTS_REPORTER = (
    "country code",
    "country iso3 code",
    "country",
    "ref_area",
    "reporter",
    "reporter iso3",
)
_DOTS_PARTNER = (
    "counterpart country code", "counterpart country iso3 code", "counterpart_country",
    "counterpart_area", "counterpart country", "partner", "partner iso3",
)  # fmt: skip
_DOTS_INDICATOR = ("indicator code", "indicator")
_DOTS_PERIOD = ("time period", "time_period", "year", "period")
_DOTS_VALUE = ("value", "obs_value")
_DOTS_MULT = ("unit_mult", "scale")


@dataclass(frozen=True, slots=True)
class _Codes:
    numeric: dict[int, str]


def _country_codes(path: Path | None) -> _Codes:
    numeric: dict[int, str] = {}
    with (KB_DIR / "country_numeric.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            numeric[int(row["numeric"])] = row["iso3"]
    if path is not None:
        # BACI's own country_codes_V*.csv: country_code, country_name, country_iso2, country_iso3.
        with path.open(encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                code, iso3 = row.get("country_code", ""), row.get("country_iso3", "")
                if code.strip().isdigit() and len(iso3.strip()) == 3:
                    numeric[int(code)] = iso3.strip().upper()
    return _Codes(numeric)


def detect_format(header: Sequence[str]) -> Literal["baci", "dots"] | None:
    """``baci`` for t,i,j,k,v(,q); ``dots`` for an IMF DOTS/IMTS export; else None."""
    cols = {c.strip().strip('"').lower() for c in header}
    if cols >= _BACI_COLUMNS:
        return "baci"
    if _pick(cols, _DOTS_REPORTER) and _pick(cols, _DOTS_PARTNER) and _pick(cols, _DOTS_INDICATOR):
        return "dots"
    return None


def _pick(cols: set[str] | Sequence[str], names: Sequence[str]) -> str | None:
    for n in names:
        if n in cols:
            return n
    return None


def _open_text(path: Path) -> io.TextIOWrapper:
    raw = path.open("rb")
    if path.suffix == ".gz":
        import gzip

        return io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8-sig", newline="")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _rows(f: io.TextIOWrapper) -> Iterator[tuple[int, list[str]]]:
    # Line numbers count the header as line 1, as an editor shows them.
    yield from enumerate(csv.reader(f), start=1)


class _Flows:
    """Directed flows summed per (exporter, importer, year)."""

    def __init__(self) -> None:
        self.flows: dict[tuple[str, str, int], float] = {}

    def add(self, exporter: str, importer: str, year: int, usd: float) -> None:
        key = (exporter, importer, year)
        self.flows[key] = self.flows.get(key, 0.0) + usd

    def dyads(self, source: str) -> list[tuple[str, str, int, float | None, float | None, str]]:
        out: dict[tuple[str, str, int], list[float | None]] = {}
        for (x, m, year), usd in self.flows.items():
            a, b = (x, m) if x < m else (m, x)
            slot = out.setdefault((a, b, year), [None, None])
            slot[0 if x == a else 1] = usd
        return [(a, b, y, f[0], f[1], source) for (a, b, y), f in sorted(out.items())]


def _baci(
    path: Path, rows: Iterator[tuple[int, list[str]]], header: list[str], codes: _Codes
) -> tuple[_Flows, list[Rejection]]:
    idx = {c.strip().lower(): k for k, c in enumerate(header)}
    ti, ii, ji, vi = idx["t"], idx["i"], idx["j"], idx["v"]
    flows, rejected = _Flows(), []
    for line, row in rows:
        if not row:
            continue
        try:
            year, exp_code, imp_code = int(row[ti]), int(row[ii]), int(row[ji])
            value = float(row[vi])
        except (ValueError, IndexError):
            rejected.append(
                Rejection(str(path), f"not a BACI row (t,i,j,k,v): {','.join(row)[:80]}", line)
            )
            continue
        exporter, importer = codes.numeric.get(exp_code), codes.numeric.get(imp_code)
        if exporter is None or importer is None:
            unknown = exp_code if exporter is None else imp_code
            rejected.append(
                Rejection(
                    str(path),
                    f"unknown country code {unknown}; pass BACI's country_codes file with --country-codes",
                    line,
                )
            )
            continue
        if not math.isfinite(value) or value < 0:
            rejected.append(Rejection(str(path), f"bad trade value {row[vi]!r}", line))
            continue
        flows.add(exporter, importer, year, value * 1e3)  # BACI values are thousands of USD
    return flows, rejected


def _iso3(code: str, codes: _Codes) -> str | None:
    code = code.strip().upper()
    if len(code) == 3 and code.isalpha():
        return code
    if code.isdigit():
        return codes.numeric.get(int(code))
    return None


def _dots(
    path: Path, rows: Iterator[tuple[int, list[str]]], header: list[str], codes: _Codes
) -> tuple[_Flows, list[Rejection]]:
    low = [c.strip().lower() for c in header]
    col = {c: k for k, c in enumerate(low)}
    rep = col[_pick(low, _DOTS_REPORTER) or ""]
    par = col[_pick(low, _DOTS_PARTNER) or ""]
    ind = col[_pick(low, _DOTS_INDICATOR) or ""]
    period_name, value_name, mult_name = (
        _pick(low, _DOTS_PERIOD),
        _pick(low, _DOTS_VALUE),
        _pick(low, _DOTS_MULT),
    )
    # Long files have a period and a value column; wide ones (the classic DOTS bulk export)
    # one column per year.
    years = {k: int(c) for k, c in enumerate(low) if c.isdigit() and len(c) == 4}
    if (period_name is None or value_name is None) and not years:
        raise ValueError(
            f"{path}: IMF file has neither a period/value pair of columns nor year columns"
        )
    exported: dict[tuple[str, str, int], float] = {}
    imported: dict[tuple[str, str, int], float] = {}
    rejected: list[Rejection] = []
    for line, row in rows:
        if not row or all(not c.strip() for c in row):
            continue
        try:
            indicator = row[ind].strip().upper()
            if indicator not in _DOTS_EXPORTS and indicator not in _DOTS_IMPORTS:
                continue  # balances and other indicators are not flows
            reporter, partner = _iso3(row[rep], codes), _iso3(row[par], codes)
            if reporter is None or partner is None:
                bad = row[rep] if reporter is None else row[par]
                rejected.append(
                    Rejection(str(path), f"country code {bad!r} is not ISO3 or ISO numeric", line)
                )
                continue
            # DOTS reports millions of USD unless a unit multiplier column says otherwise.
            mult = (
                10.0 ** int(row[col[mult_name]])
                if mult_name and row[col[mult_name]].strip().isdigit()
                else 1e6
            )
            if period_name is not None and value_name is not None:
                cells = [(row[col[period_name]].strip()[:4], row[col[value_name]])]
            else:
                cells = [(str(y), row[k]) for k, y in years.items()]
            for period, cell in cells:
                if not cell.strip():
                    continue
                year, value = int(period), float(cell.replace(",", "")) * mult
                if not math.isfinite(value) or value < 0:
                    raise ValueError(f"bad trade value {cell!r}")
                if indicator in _DOTS_EXPORTS:
                    exported[(reporter, partner, year)] = value
                else:
                    imported[(partner, reporter, year)] = value
        except (ValueError, IndexError) as exc:
            reason = str(exc) if str(exc).startswith("bad trade") else f"unreadable IMF row ({exc})"
            rejected.append(Rejection(str(path), reason, line))
    flows = _Flows()
    # The exporter's own report is preferred; the partner's import record fills the gaps
    # (mirror statistics), as is usual with DOTS.
    for key in imported.keys() | exported.keys():
        flows.add(*key, exported.get(key, imported.get(key, 0.0)))
    return flows, rejected


def import_trade(
    conn: Any, path: str | Path, fmt: TradeFormat = "auto", country_codes: str | Path | None = None
) -> tuple[int, list[Rejection]]:
    """Read a user-downloaded BACI or IMF DOTS CSV into ``trade_dyadic``.

    Returns (dyad-year rows written, rejected lines). Rows from an earlier import of a file
    with the same name are replaced, so importing twice is a no-op. Raises ``ValueError`` with
    a one-line message when the file as a whole cannot be read.
    """
    path = Path(path)
    codes = _country_codes(Path(country_codes) if country_codes else None)
    with _open_text(path) as f:
        rows = _rows(f)
        first = next(rows, None)
        if first is None:
            raise ValueError(f"{path}: empty file")
        header = first[1]
        kind = detect_format(header) if fmt == "auto" else fmt
        if kind is None:
            raise ValueError(
                f"{path}:1: not a BACI (t,i,j,k,v) or IMF DOTS header; pass --format baci|dots"
            )
        if kind == "baci":
            if not {c.strip().lower() for c in header} >= _BACI_COLUMNS:
                raise ValueError(f"{path}:1: BACI files need the columns t,i,j,k,v")
            flows, rejected = _baci(path, rows, header, codes)
            source = f"BACI {path.name}"
        else:
            if detect_format(header) != "dots":
                raise ValueError(
                    f"{path}:1: IMF DOTS files need country, counterpart and indicator columns"
                )
            flows, rejected = _dots(path, rows, header, codes)
            source = f"IMF DOTS {path.name}"
    records = flows.dyads(source)
    conn.execute("BEGIN TRANSACTION")
    try:
        _create(conn)
        conn.execute("DELETE FROM trade_dyadic WHERE source = ?", [source])
        if records:
            # A registered frame inserts a year of BACI dyads at once; executemany would go
            # row by row.
            import pandas as pd

            frame = pd.DataFrame(records, columns=_TRADE_COLUMNS)
            conn.register("_multipolar_import", frame)
            try:
                conn.execute("INSERT INTO trade_dyadic SELECT * FROM _multipolar_import")
            finally:
                conn.unregister("_multipolar_import")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(records), rejected

"""Build the alliance, trade and macro tables shipped in ``src/multipolar/data/kb/``.

Usage::

    python scripts/build_kb.py --shared ../shared [--since 1990] [--atop FILE] [--cow-trade FILE]

Reads the reference files of ``../shared/reference`` (or the original ATOP / COW downloads
given with ``--atop`` / ``--cow-trade``, which have the same columns) and writes compact
Parquet files. Only facts go into the repository: codes, years, flags and amounts, with their
source and licence recorded in ``SOURCES.yaml`` (kept by hand next to the data).

COW state numbers are turned into ISO3 with the UN voting file, which carries both; the few
numbers it lacks or maps to codes no longer in use are fixed in ``_CCODE_FIXES``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import duckdb

OUT = Path(__file__).resolve().parent.parent / "src" / "multipolar" / "data" / "kb"

# (ccode, first_year, last_year, iso3). The UN voting file has no Kosovo, keeps "YUG" for
# Serbia after 1992, and leaves some West German rows blank.
_CCODE_FIXES: list[tuple[int, int, int, str]] = [
    (347, 2008, 9999, "XKX"),
    (345, 1992, 9999, "SRB"),
    (260, 0, 1990, "DEU"),
    (255, 1990, 9999, "DEU"),
    (678, 0, 1990, "YEM"),
]

# BACI writes a few economies under UN "incl." codes, not their ISO 3166 numbers
# (CEPII's country_codes file lists them); "Other Asia, n.e.s." is Taiwan.
_BACI_NUMERIC: dict[int, str] = {
    251: "FRA", 579: "NOR", 699: "IND", 757: "CHE", 490: "TWN", 842: "USA", 711: "ZAF",
}  # fmt: skip


def _ccode_map(con: duckdb.DuckDBPyConnection, ref: Path) -> None:
    con.execute(
        "CREATE TEMP TABLE cmap AS SELECT DISTINCT ccode, year, iso3c AS iso3 "
        "FROM read_csv(?, header = true) WHERE iso3c IS NOT NULL",
        [str(ref / "voeten_unga" / "idealpoints_july2025.csv")],
    )
    # Years after the last UN session, or before a state first voted, take its latest code.
    con.execute(
        "CREATE TEMP TABLE clatest AS SELECT ccode, arg_max(iso3, year) AS iso3 FROM cmap GROUP BY ccode"
    )
    con.execute("CREATE TEMP TABLE cfix (ccode INTEGER, y0 INTEGER, y1 INTEGER, iso3 VARCHAR)")
    con.executemany("INSERT INTO cfix VALUES (?, ?, ?, ?)", _CCODE_FIXES)
    con.execute(
        """CREATE TEMP MACRO iso(c, y) AS coalesce(
            (SELECT iso3 FROM cfix WHERE cfix.ccode = c AND y BETWEEN y0 AND y1 LIMIT 1),
            (SELECT iso3 FROM cmap WHERE cmap.ccode = c AND cmap.year = y LIMIT 1),
            (SELECT iso3 FROM clatest WHERE clatest.ccode = c))"""
    )


def _columns(con: duckdb.DuckDBPyConnection, path: Path) -> set[str]:
    rel = con.execute("SELECT * FROM read_csv(?, header = true) LIMIT 0", [str(path)])
    return {d[0] for d in rel.description}


def build_alliances(con: duckdb.DuckDBPyConnection, path: Path, since: int, out: Path) -> int:
    cols = _columns(con, path)
    # peacesciencer's copy prefixes ATOP's own names ("atop_defense"); the ATOP download
    # (atop5_1ddyr.csv) uses stateA/stateB and the bare names.
    if "atop_defense" in cols:
        a, b, pre = "ccode1", "ccode2", "atop_"
    else:
        a, b, pre = "stateA", "stateB", ""
    con.execute(
        f"""CREATE TEMP TABLE atop AS
        SELECT iso({a}, year) AS a, iso({b}, year) AS b, year::SMALLINT AS year,
               {pre}defense::UTINYINT AS defense, {pre}offense::UTINYINT AS offense,
               {pre}neutral::UTINYINT AS neutrality, {pre}nonagg::UTINYINT AS nonagg,
               {pre}consul::UTINYINT AS consul
        FROM read_csv(?, header = true) WHERE year >= ?""",
        [str(path), since],
    )
    n_missing = con.execute("SELECT count(*) FROM atop WHERE a IS NULL OR b IS NULL").fetchone()
    if n_missing and n_missing[0]:
        print(f"alliances: {n_missing[0]} rows without an ISO3 code dropped", file=sys.stderr)
    return _write(
        con, "SELECT * FROM atop WHERE a IS NOT NULL AND b IS NOT NULL ORDER BY a, b, year", out
    )


def build_trade(con: duckdb.DuckDBPyConnection, path: Path, since: int, out: Path) -> int:
    # COW: flow1 = imports of state 1 from state 2, so it is the flow from b to a; millions
    # of current USD. Dyad-years with no recorded flow either way carry no information.
    con.execute(
        """CREATE TEMP TABLE cow AS
        SELECT iso(ccode1, year) AS a, iso(ccode2, year) AS b, year::SMALLINT AS year,
               (flow2 * 1e6)::DOUBLE AS flow_a_to_b_usd, (flow1 * 1e6)::DOUBLE AS flow_b_to_a_usd
        FROM read_csv(?, header = true, nullstr = ['NA', '', '-9'])
        WHERE year >= ? AND (coalesce(flow1, 0) > 0 OR coalesce(flow2, 0) > 0)""",
        [str(path), since],
    )
    # Dyads are stored with a < b (alphabetically) so that a lookup needs one orientation.
    return _write(
        con,
        """SELECT least(a, b) AS a, greatest(a, b) AS b, year,
                  CASE WHEN a < b THEN flow_a_to_b_usd ELSE flow_b_to_a_usd END AS flow_a_to_b_usd,
                  CASE WHEN a < b THEN flow_b_to_a_usd ELSE flow_a_to_b_usd END AS flow_b_to_a_usd
           FROM cow WHERE a IS NOT NULL AND b IS NOT NULL ORDER BY 1, 2, 3""",
        out,
    )


def build_macro(con: duckdb.DuckDBPyConnection, ref: Path, since: int, out: Path) -> int:
    atlas = ref / "atlas_common_data"
    # WDI has goods exports and imports (balance-of-payments basis) and GDP; the WEO file
    # only GDP. Both are current USD.
    con.execute(
        """CREATE TEMP TABLE macro AS
        SELECT iso3_code AS iso3, year::SMALLINT AS year, exports_goods_bop AS exports_usd,
               imports_goods_bop AS imports_usd, gdp AS gdp_usd, 'WDI' AS source
        FROM read_csv(?, header = true)
        WHERE year >= ? AND (exports_goods_bop IS NOT NULL OR imports_goods_bop IS NOT NULL OR gdp IS NOT NULL)
        UNION ALL
        SELECT iso3_code, year::SMALLINT, NULL, NULL, gdp, 'IMF WEO'
        FROM read_csv(?, header = true) WHERE year >= ? AND gdp IS NOT NULL""",
        [
            str(atlas / "wdi_macro_1960_2024.csv"),
            since,
            str(atlas / "imf_weo_macro_1980_2024.csv"),
            since,
        ],
    )
    return _write(con, "SELECT * FROM macro ORDER BY source, iso3, year", out)


def build_numeric(ref: Path, out: Path) -> int:
    rows: dict[int, str] = {}
    with (ref / "countryinfo" / "countryinfo_compact.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["numeric"].strip().isdigit() and len(row["iso3"]) == 3:
                rows[int(row["numeric"])] = row["iso3"]
    rows.update(_BACI_NUMERIC)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["numeric", "iso3"])
        w.writerows(sorted(rows.items()))
    return len(rows)


def _write(con: duckdb.DuckDBPyConnection, query: str, out: Path) -> int:
    # COPY cannot take its target as a parameter; ``out`` is our own fixed path, not input.
    con.execute(f"COPY ({query}) TO '{out.as_posix()}' (FORMAT parquet, COMPRESSION zstd)")
    row = con.execute("SELECT count(*) FROM read_parquet(?)", [out.as_posix()]).fetchone()
    return int(row[0]) if row else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    p.add_argument("--since", type=int, default=1990, help="first year kept (default 1990)")
    p.add_argument(
        "--atop", type=Path, help="ATOP directed dyad-year CSV (default: peacesciencer copy)"
    )
    p.add_argument(
        "--cow-trade", type=Path, help="COW dyadic trade CSV (default: peacesciencer copy)"
    )
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    ref = args.shared / "reference"
    if not ref.is_dir():
        p.error(f"{ref}: not found; pass --shared PATH to the shared folder")
    args.out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    _ccode_map(con, ref)
    ps = ref / "peacesciencer"
    counts = {
        "alliances_atop.parquet": build_alliances(
            con,
            args.atop or ps / "atop5_1_alliance_ddy.csv.gz",
            args.since,
            args.out / "alliances_atop.parquet",
        ),
        "trade_cow.parquet": build_trade(
            con,
            args.cow_trade or ps / "cow_trade_v4_ndy.csv.gz",
            args.since,
            args.out / "trade_cow.parquet",
        ),
        "macro.parquet": build_macro(con, ref, args.since, args.out / "macro.parquet"),
        "country_numeric.csv": build_numeric(ref, args.out / "country_numeric.csv"),
    }
    for name, n in counts.items():
        size = (args.out / name).stat().st_size
        print(f"{name}: {n} rows, {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

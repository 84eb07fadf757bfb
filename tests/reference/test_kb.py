"""Tests of the shipped alliance/trade tables, the trade importers and their CLI commands."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from multipolar.reference.kb import (
    KB_DIR,
    detect_format,
    import_trade,
    load_kb,
    read_defence_agreements,
)
from tests.helpers import ROOT, shared_path


@pytest.fixture(scope="module")
def loaded() -> Any:
    con = duckdb.connect()
    load_kb(con)
    yield con
    con.close()


def one(con: Any, sql: str, params: list[Any] | None = None) -> Any:
    row = con.execute(sql, params or []).fetchone()
    assert row is not None
    return row[0] if len(row) == 1 else row


# --------------------------------------------------------------------------- shipped data


def test_atop_has_usa_can_defence_pact(loaded: Any) -> None:
    assert (
        one(loaded, "SELECT defense FROM alliances WHERE a = 'USA' AND b = 'CAN' AND year = 2010")
        == 1
    )
    assert one(loaded, "SELECT max(year) FROM alliances") == 2018
    # ATOP records only a consultation/non-aggression tie for Japan-Australia (DESIGN's gap).
    assert (
        one(loaded, "SELECT defense FROM alliances WHERE a = 'JPN' AND b = 'AUS' AND year = 2018")
        == 0
    )


def test_cow_trade_usa_can(loaded: Any) -> None:
    a_to_b, b_to_a = one(
        loaded,
        "SELECT flow_a_to_b_usd, flow_b_to_a_usd FROM trade_dyadic WHERE a = 'CAN' AND b = 'USA' AND year = 2014",
    )
    # US imports from Canada were 346,063 million USD in COW v4.0.
    assert a_to_b == pytest.approx(346_063e6)
    assert b_to_a == pytest.approx(276_158e6)
    assert one(loaded, "SELECT count(*) FROM trade_dyadic WHERE a > b") == 0


def test_macro_has_2024_totals(loaded: Any) -> None:
    gdp, exports = one(
        loaded,
        "SELECT gdp_usd, exports_usd FROM macro WHERE iso3 = 'CAN' AND year = 2024 AND source = 'WDI'",
    )
    assert 2e12 < gdp < 2.5e12 and 4e11 < exports < 7e11
    assert one(loaded, "SELECT count(*) FROM macro WHERE source = 'IMF WEO' AND year = 2024") > 150


def test_curated_agreements(loaded: Any) -> None:
    parties, signed = one(
        loaded, "SELECT parties, signed FROM defence_agreements WHERE id = 'aukus-2021'"
    )
    assert sorted(parties) == ["AUS", "GBR", "USA"] and str(signed) == "2021-09-15"
    pairs = loaded.execute(
        "SELECT id FROM defence_agreement_pairs WHERE a = 'POL' AND b = 'KOR' ORDER BY signed"
    ).fetchall()
    assert pairs and pairs[0][0] == "pol-kor-framework-2022"
    assert (
        one(loaded, "SELECT signed FROM defence_agreements WHERE id = 'fin-nato-2023'").isoformat()
        == "2023-04-04"
    )


def test_every_curated_entry_has_a_citation_and_valid_codes() -> None:
    for a in read_defence_agreements():
        assert a["citation"] and a["signed"].year >= 2018
        assert all(p == "NATO" or (len(p) == 3 and p.isupper()) for p in a["parties"]), a
    import yaml

    facts = yaml.safe_load((KB_DIR / "recent_trade.yaml").read_text(encoding="utf-8"))["facts"]
    assert all(f["source"] and "year" in f for f in facts)


def test_trade_facts_hold_the_seed_figures(loaded: Any) -> None:
    value, unit, usd = one(
        loaded, "SELECT value, unit, usd_value FROM trade_facts WHERE id = 'seed-can-usa-trade'"
    )
    assert (value, unit, usd) == (pytest.approx(924.4e9), "CAD", pytest.approx(667.6e9))


def test_reload_replaces_and_keeps_imports(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "kb.duckdb"))
    first = load_kb(con)
    baci = tmp_path / "baci.csv"
    baci.write_text("t,i,j,k,v,q\n2022,124,842,010121,100.0,1\n")
    import_trade(con, baci)
    second = load_kb(con)
    assert second["alliances"] == first["alliances"]
    assert second["trade_dyadic"] == first["trade_dyadic"] + 1


def test_shipped_files_stay_small() -> None:
    total = sum(p.stat().st_size for p in KB_DIR.iterdir())
    assert total < 5 * 1024 * 1024


# --------------------------------------------------------------------------- imports

BACI = (
    "t,i,j,k,v,q\n"
    "2022,124,842,010121,1000.5,3\n"  # Canada -> USA, thousands of USD
    "2022,124,842,020110,499.5,NA\n"
    "2022,842,124,010121,250,1\n"
    "2022,484,842,010121,80,1\n"
    "2022,124,abc,010121,80,1\n"  # line 6: bad
    "2022,999,842,010121,80,1\n"  # line 7: unknown code
    "2023,251,276,010121,10,1\n"  # BACI's France code
)


def test_baci_import(tmp_path: Path) -> None:
    path = tmp_path / "BACI_HS17_Y2022_V202401.csv"
    path.write_text(BACI)
    con = duckdb.connect()
    n, rejected = import_trade(con, path)
    assert n == 3
    assert [(r.line, r.origin) for r in rejected] == [(6, str(path)), (7, str(path))]
    assert "999" in rejected[1].reason and "--country-codes" in rejected[1].reason
    rows = con.execute(
        "SELECT a, b, year, flow_a_to_b_usd, flow_b_to_a_usd, source FROM trade_dyadic ORDER BY a, b"
    ).fetchall()
    assert rows == [
        ("CAN", "USA", 2022, 1_500_000.0, 250_000.0, f"BACI {path.name}"),
        ("DEU", "FRA", 2023, None, 10_000.0, f"BACI {path.name}"),
        ("MEX", "USA", 2022, 80_000.0, None, f"BACI {path.name}"),
    ]
    # Importing the same file again replaces its rows.
    assert import_trade(con, path)[0] == 3
    assert one(con, "SELECT count(*) FROM trade_dyadic") == 3


def test_baci_country_codes_file(tmp_path: Path) -> None:
    path = tmp_path / "baci.csv.gz"
    with gzip.open(path, "wt") as f:
        f.write("t,i,j,k,v,q\n2022,999,842,010121,80,1\n")
    codes = tmp_path / "country_codes_V202401.csv"
    codes.write_text("country_code,country_name,country_iso2,country_iso3\n999,Somewhere,ZZ,ZZZ\n")
    con = duckdb.connect()
    assert import_trade(con, path, "baci", codes) == (1, [])
    assert one(con, "SELECT a || b FROM trade_dyadic") == "USAZZZ"


DOTS_LONG = (
    '"Country Name","Country Code","Counterpart Country Name","Counterpart Country Code",'
    '"Indicator Name","Indicator Code","Time Period","Value"\n'
    '"Canada","CAN","United States","USA","Exports","TXG_FOB_USD","2023","430000.5"\n'
    '"United States","USA","Canada","CAN","Imports","TMG_CIF_USD","2023","421000"\n'  # mirror, not used
    '"Canada","CAN","United States","USA","Imports","TMG_CIF_USD","2023","280000"\n'
    '"Canada","CAN","Mexico","MEX","Balance","TBG_USD","2023","-5"\n'  # not a flow: skipped
    '"Canada","CAN","Mexico","MEX","Exports","TXG_FOB_USD","2023","n/a"\n'  # line 6: bad
    '"Canada","CAN","Mexico","??","Exports","TXG_FOB_USD","2023","7"\n'  # line 7: bad code
)


def test_dots_long_import(tmp_path: Path) -> None:
    path = tmp_path / "dots.csv"
    path.write_text(DOTS_LONG)
    con = duckdb.connect()
    n, rejected = import_trade(con, path)
    assert n == 1
    assert [r.line for r in rejected] == [6, 7]
    assert rejected[0].message().startswith(f"{path}:6: ")
    a_to_b, b_to_a = one(con, "SELECT flow_a_to_b_usd, flow_b_to_a_usd FROM trade_dyadic")
    # Canada's own export report wins over the US import record; millions of USD.
    assert a_to_b == pytest.approx(430000.5e6) and b_to_a == pytest.approx(280000e6)


def test_dots_wide_import(tmp_path: Path) -> None:
    path = tmp_path / "dots_wide.csv"
    path.write_text(
        "Country Name,Country Code,Indicator Name,Indicator Code,Counterpart Country Name,"
        "Counterpart Country Code,Attribute,2022,2023\n"
        "Japan,JPN,Exports,TXG_FOB_USD,Australia,AUS,Value,15000,16000\n"
        "Japan,JPN,Exports,TXG_FOB_USD,Australia,AUS,Value,x,1\n"
    )
    con = duckdb.connect()
    n, rejected = import_trade(con, path)
    assert n == 2 and [r.line for r in rejected] == [3]
    rows = con.execute(
        "SELECT a, b, year, flow_b_to_a_usd FROM trade_dyadic ORDER BY year"
    ).fetchall()
    assert rows[0][:3] == ("AUS", "JPN", 2022) and rows[0][3] == pytest.approx(15000e6)


@pytest.mark.parametrize(
    ("header", "fmt"),
    [
        (["t", "i", "j", "k", "v", "q"], "baci"),
        (
            ["Country Code", "Counterpart Country Code", "Indicator Code", "Time Period", "Value"],
            "dots",
        ),
        (["COUNTRY", "COUNTERPART_COUNTRY", "INDICATOR", "TIME_PERIOD", "OBS_VALUE"], "dots"),
        (["year", "exporter", "value"], None),
    ],
)
def test_detect_format(header: list[str], fmt: str | None) -> None:
    assert detect_format(header) == fmt


def test_unknown_layout_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("year,exporter,value\n2020,CAN,1\n")
    with pytest.raises(ValueError, match=r"other\.csv:1: not a BACI"):
        import_trade(duckdb.connect(), path)


# --------------------------------------------------------------------------- CLI


def test_cli_kb_load_and_trade_import(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    runner = CliRunner()
    res = runner.invoke(cli, ["kb", "load", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "alliances\t" in res.output and "defence_agreements\t24" in res.output
    baci = tmp_path / "baci.csv"
    baci.write_text(BACI)
    res = runner.invoke(cli, ["trade", "import", str(baci), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"{baci}:6: " in res.stderr and "3 dyad-years imported, 2 rows rejected" in res.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert one(con, "SELECT count(*) FROM trade_dyadic WHERE source LIKE 'BACI%'") == 3
    assert one(con, "SELECT count(*) FROM alliances") > 100_000


def test_cli_trade_import_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("year,exporter,value\n2020,CAN,1\n")
    res = CliRunner().invoke(
        cli, ["trade", "import", str(path), "--db", str(tmp_path / "m.duckdb")]
    )
    assert res.exit_code == 1 and f"{path}:1:" in res.stderr
    res = CliRunner().invoke(cli, ["trade", "import", str(path), "--format", "xls"])
    assert res.exit_code == 2


def test_cli_help_texts() -> None:
    runner = CliRunner()
    for args in (
        ["kb", "--help"],
        ["kb", "load", "--help"],
        ["trade", "--help"],
        ["trade", "import", "--help"],
    ):
        res = runner.invoke(cli, args)
        assert res.exit_code == 0 and "--help" in res.output


# --------------------------------------------------------------------------- build script


@pytest.mark.shared
def test_build_script_reproduces_shipped_files(tmp_path: Path) -> None:
    shared = shared_path("reference").parent
    out = tmp_path / "kb"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_kb.py"),
            "--shared",
            str(shared),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    con = duckdb.connect()
    for name in ("alliances_atop.parquet", "trade_cow.parquet", "macro.parquet"):
        built = one(con, "SELECT count(*) FROM read_parquet(?)", [str(out / name)])
        shipped = one(con, "SELECT count(*) FROM read_parquet(?)", [str(KB_DIR / name)])
        assert built == shipped, name
    assert (out / "country_numeric.csv").read_text() == (KB_DIR / "country_numeric.csv").read_text()

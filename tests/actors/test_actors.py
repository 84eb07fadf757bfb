"""Actor knowledge: names, demonyms, capitals, roles and leaders resolved at a date."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from multipolar.actors.kb import ActorKB, lookup_report
from multipolar.records import Mention
from tests.helpers import DATA, SHARED

CASES = yaml.safe_load((DATA / "actor_cases.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


def _pick(ms: list[Mention], span: str | None) -> Mention:
    if span is None:
        assert ms, "no mention found"
        return ms[0]
    hits = [m for m in ms if m.text == span]
    assert hits, f"no mention {span!r} in {[m.text for m in ms]}"
    return hits[0]


@pytest.mark.parametrize(
    "case", CASES["cases"], ids=[f"{c['text'][:40]}@{c['date']}" for c in CASES["cases"]]
)
def test_case_table(kb: ActorKB, case: dict[str, Any]) -> None:
    day = dt.date.fromisoformat(str(case["date"])) if case.get("date") else None
    m = _pick(kb.mentions(case["text"], day), case.get("span"))
    assert m.code == case["code"], m.reason
    if "sector" in case:
        assert m.sector == case["sector"], m.reason
    if "kind" in case:
        assert m.kind == case["kind"], m.reason
    assert case["text"][m.start : m.end] == m.text


def test_case_table_is_large_enough() -> None:
    assert len(CASES["cases"]) >= 200


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Michael Jordan scored 40 points.", "Jordan"),
        ("Chad Wolf led the department.", "Chad"),
        ("We ate turkey sandwiches.", "turkey"),
        ("The Turkey dinner was cold.", "Turkey"),
        ("Let us go.", "us"),
        ("He read the Washington Post.", "Washington"),
        ("The Paris Agreement set targets.", "Paris"),
        ("She visited the Indian Ocean.", "Indian"),
        ("the moon and chad", "chad"),
        ("She won the US Open in 2019.", "US"),
        ("He writes for China Daily's rivals at the Tigers club.", "Tigers"),
    ],
)
def test_not_an_actor(kb: ActorKB, text: str, absent: str) -> None:
    assert all(absent not in m.text or m.code is None for m in kb.mentions(text))


@pytest.mark.parametrize(
    ("text", "day", "absent"),
    [
        # a bare surname decades after a listed leader left office is someone else
        ("Perry said the pipeline would help Ukraine.", dt.date(2018, 6, 1), "Perry"),
        ("Papadopoulos told the FBI he had lied.", dt.date(2018, 6, 1), "Papadopoulos"),
        ("Cruz said he would vote against the bill.", dt.date(2018, 6, 1), "Cruz"),
    ],
)
def test_long_gone_surname_is_not_the_leader(
    kb: ActorKB, text: str, day: dt.date, absent: str
) -> None:
    assert all(absent not in m.text or m.code is None for m in kb.mentions(text, day))


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Hamilton said the plan would fail.", "Hamilton", None),
        ("The Georgetown professor met the minister.", "Georgetown", None),
        ("Ministers met in Hamilton, Bermuda, on Monday.", "Hamilton", "BMU"),
        ("Ministers met in Kingston, Jamaica.", "Kingston", "JAM"),
    ],
)
def test_name_like_capital_needs_its_state_named(
    kb: ActorKB, text: str, name: str, code: str | None
) -> None:
    got = [m.code for m in kb.mentions(text, dt.date(2018, 6, 1)) if m.text == name]
    assert got == ([code] if code else [])


def test_curated_place_outranks_a_listed_leader_of_that_name(kb: ActorKB) -> None:
    (m,) = kb.mentions("The ministers met in Paris on Monday.", dt.date(2018, 6, 1))
    assert (m.text, m.code, m.kind) == ("Paris", "FRA", "capital")


def test_mentions_are_sorted_and_disjoint(kb: ActorKB) -> None:
    text = "Canada, Mexico and Japan met the EU in Brussels while Trump visited Warsaw."
    ms = kb.mentions(text, dt.date(2025, 5, 1))
    assert [m.code for m in ms] == ["CAN", "MEX", "JPN", "EU", "EU", "USA", "POL"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms))


def test_date_none_uses_latest_holder(kb: ActorKB) -> None:
    (m,) = kb.mentions("Carney spoke.")
    assert (m.code, m.sector) == ("CAN", "GOV")


def test_future_and_former_have_no_sector(kb: ActorKB) -> None:
    (m,) = kb.mentions("Carney spoke.", dt.date(2019, 1, 1))
    assert m.sector is None and "not yet" in m.reason
    (m,) = kb.mentions("Trudeau spoke.", dt.date(2025, 5, 1))
    assert m.code == "CAN" and m.sector is None and "former" in m.reason


def test_has_actor(kb: ActorKB) -> None:
    assert kb.has_actor("Canada said no.")
    assert kb.has_actor("President Foo Bar said no.")
    assert not kb.has_actor("the weather was mild and nobody spoke.")


def test_lookup_explains(kb: ActorKB) -> None:
    ms = kb.lookup("Georgia", dt.date(2024, 1, 1))
    assert ms[0].code == "GEO" and ms[0].reason
    rows = lookup_report(kb, "Trudeau", dt.date(2020, 1, 1))
    assert rows[0]["code"] == "CAN" and "in office" in rows[0]["reason"]
    assert any(r["kind"] == "spell" for r in rows)
    unknown = kb.lookup("Zzyzx Qwerty")
    assert unknown[0].code is None and unknown[0].reason


@pytest.mark.parametrize(
    ("org", "member", "day", "expected"),
    [
        ("NATO", "FIN", "2023-04-03", False),
        ("NATO", "FIN", "2023-04-04", True),
        ("NATO", "SWE", "2024-03-06", False),
        ("NATO", "SWE", "2024-03-07", True),
        ("EU", "GBR", "2019-06-01", True),
        ("EU", "GBR", "2020-06-01", False),
        ("G20", "AU", "2023-01-01", False),
        ("G20", "AU", "2024-01-01", True),
        ("BRICS", "IRN", "2023-06-01", False),
        ("BRICS", "IRN", "2024-06-01", True),
        ("BRICS", "IDN", "2025-02-01", True),
        ("ASEAN", "TLS", "2025-11-01", True),
        ("QUAD", "IND", "2024-01-01", True),
        ("AUKUS", "AUS", "2022-01-01", True),
        ("FVEY", "CAN", "2024-01-01", True),
        ("G7", "CAN", "2025-01-01", True),
        ("SCO", "IRN", "2024-01-01", True),
    ],
)
def test_memberships(kb: ActorKB, org: str, member: str, day: str, expected: bool) -> None:
    assert (member in kb.members(org, dt.date.fromisoformat(day))) is expected


def test_user_dictionary_overrides(tmp_path: Path) -> None:
    d = tmp_path / "mine.yaml"
    d.write_text(
        "names:\n  - {name: Ruritania, code: RUR, kind: country}\n"
        "  - {name: Brussels, code: BEL, kind: capital}\n"
        "leaders:\n  - {name: Foo Bar, code: RUR, role: head_of_state, start: 2020-01-01,"
        " aliases: [Bar]}\n",
        encoding="utf-8",
    )
    kb = ActorKB.load([d])
    assert kb.version.endswith("+mine")
    ms = kb.mentions("President Foo Bar of Ruritania met Brussels.", dt.date(2024, 1, 1))
    assert [(m.text, m.code) for m in ms] == [
        ("President Foo Bar", "RUR"),
        ("Ruritania", "RUR"),
        ("Brussels", "BEL"),
    ]
    assert ActorKB.default().mentions("Brussels")[0].code == "EU"  # packaged data untouched


def test_user_dictionary_with_an_unknown_kind_names_the_file(tmp_path: Path) -> None:
    d = tmp_path / "mine.yaml"
    d.write_text("names:\n  - {name: Ruritania, code: RUR, kind: nation}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"mine\.yaml.*Ruritania.*'nation'"):
        ActorKB.load([d])


def test_default_is_cached() -> None:
    # Load time is measured by bench/run.py, not asserted here (timed unit tests are flaky).
    ActorKB.default.cache_clear()
    kb = ActorKB.default()
    assert ActorKB.default() is kb
    assert kb.version.startswith("actors-")


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "news").is_dir(), reason="../shared not available")
def test_mentions_on_real_news(kb: ActorKB) -> None:
    path = SHARED / "news/plaintext/allsides/recent_2018_2020.jsonl.gz"
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= 300:
                break
    with_state = 0
    for text in texts:
        found = kb.mentions(text, dt.date(2019, 6, 1))
        assert all(text[m.start : m.end] == m.text for m in found)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))
        with_state += any(m.code for m in found)
    assert with_state > len(texts) * 0.8


@pytest.mark.parametrize("surface", ["2+2", "two-plus-two"])
def test_ministerial_format_is_kept_as_a_mention(surface: str) -> None:
    text = f"Japan and Australia held their {surface} talks in Tokyo."
    found = [m for m in ActorKB.default().mentions(text, dt.date(2025, 9, 20)) if m.text == surface]
    assert len(found) == 1
    assert found[0].code is None and found[0].kind == "format" and found[0].sector == "GOV"
    assert "foreign and defence ministers" in found[0].reason

"""Build multipolar's packaged actor data from the shared reference files.

Run as ``python scripts/build_data.py --shared ../shared``. It writes
``src/multipolar/data/actors.json.gz``: facts only (names, codes, dates), every row tagged with
the source it came from. Hand-curated facts the sources lack live next to it in
``curated_*.yaml`` and are read at run time, so they are not merged here.

Sources are read only from files whose licence allows shipping derived facts (see NOTICE):
Phoenix/PETRARCH2 dictionaries (MIT), countryinfo (MIT), countrynames (MIT), mledoze/countries
(ODbL, attributed), REIGN (cite), everypolitician/Wikidata (CC0), world-leaders-current
(CC BY-SA 4.0, attributed). GPL/LGPL files (pycountry, country_converter) are never read.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

OUT = Path(__file__).resolve().parent.parent / "src" / "multipolar" / "data" / "actors.json.gz"

SOURCES: dict[str, dict[str, str]] = {
    "phoenix": {
        "file": "dictionaries/petrarch2/Phoenix.Countries.actors.txt",
        "licence": "MIT (Open Event Data Alliance)",
        "latest": "2014",
    },
    "countryinfo": {
        "file": "reference/countryinfo/countryinfo_compact.csv",
        "licence": "MIT (countryinfo)",
        "latest": "2026-03",
    },
    "mledoze": {
        "file": "reference/mledoze_countries/countries.json",
        "licence": "ODbL-1.0 (mledoze/countries), attributed in NOTICE",
        "latest": "2026-04",
    },
    "countrynames": {
        "file": "reference/countrynames/countrynames_data.yaml",
        "licence": "MIT (countrynames)",
        "latest": "2026-04",
    },
    "reign": {
        "file": "reference/reign/leaderlist_3_21.csv",
        "licence": "REIGN (Bell, Besaw & Frank 2021), cited in NOTICE",
        "latest": "2021-03",
    },
    "everypolitician": {
        "file": "reference/everypolitician_world/heads_of_state_government_wikidata_2022-10.csv",
        "licence": "CC0 (Wikidata)",
        "latest": "2022-10",
    },
    "everypolitician_fm": {
        "file": "reference/everypolitician_world/foreign_ministers_wikidata_2023-01.csv",
        "licence": "CC0 (Wikidata)",
        "latest": "2023-01",
    },
    "wlc": {
        "file": "reference/world_leaders_current/snapshot_2026-08-22.json",
        "licence": "CC BY-SA 4.0 (open-data-archive/world-leaders-current), attributed in NOTICE",
        "latest": "2026-08-22",
    },
    "phoenix_intl": {
        "file": "dictionaries/petrarch2/Phoenix.International.actors.txt",
        "licence": "MIT (Open Event Data Alliance)",
        "latest": "2014",
    },
    "phoenix_mnsa": {
        "file": "dictionaries/petrarch2/Phoenix.MilNonState.actors.txt",
        "licence": "MIT (Open Event Data Alliance); names from START TOPS",
        "latest": "2013",
    },
    "voeten": {
        "file": "reference/voeten_unga/idealpoints_july2025.csv",
        "licence": "Bailey, Strezhnev & Voeten, UNGA voting data (ccode to ISO3 mapping only)",
        "latest": "2024",
    },
}

# Single words that are also common English words or given names: as a bare leader surname
# they would fire on unrelated text ("May", "King", "Brown"), so only full names are kept.
AMBIGUOUS_SURNAMES = frozenset(
    """
    Abdullah Albert Ali Anthony Arias Arthur Bakr Banda Barak Barrow Blair Bongo Brown Browne
    Bryant Bush Castro Chan Christie Conde Conte Costa Cooper Douglas Fernandez Flores Ford
    Hadi Harris Houthi Hussein Jackson Johnson Kenyatta Khan Kim King Lee Li Lopez Mahama
    Mansour Martin Martinez May Meta Michel Miller Miranda Mitchell Moi Moon Morales Morrison
    Pereira Rama Rasmussen Rene Salam Salman Sanchez Scott Singh Smith Spencer Stuart Suleiman
    Taylor Thomas Thompson Vaz Vieira Wang Wong Young Zhang Chen Liu Park Lim Ahmed Khalifa
    Said Saleh Musa Thaci Ogi Kok Fischer Schmid Maurer Leterme Neves Issoufou Sall Deby Kiir
    Buhari Sata Lungu Mswati Abe Rene Pratt Thomas Golding Manning Musa Flores Funes Colom Lobo
    Zelaya Molina Aleman Santos Morales Duque Martinelli Varela Arango Mahuad Anez Arce Benitez
    Ramotar Traore Keita Diouf Talon Djibo Guei Ouattara Sanogo Kabbah Rawlings Eyadema Bonfoh
    Biya Obasanjo Patasse Nguendet Museveni Mkapa Kikwete Buyoya Guelleh Chissano Chiluba Mogae
    Mugabe Muluzi Mutharika Mbeki Nujoma Pohamba Geingob Thabane Majoro Mosisili Stephen
    Christian Marcus Tong Baron Hamilton Edward George Grant Howard Jones Lewis Moore Price
    Ray Rose Ross Stone Wade Ward Watson West White Wood Allen Bell Black Clark Cole Gray Green
    Hall Hill Hunt Kelly Murray Owen Reid Shaw Walker Webb Wells Abbott Carter Nixon Ford
    Reagan Clinton Obama Trump Biden Harper Trudeau
    Begin Bio Chambers Heath Horn Major Note Parts Rumor Eden Wilson Home Long Franco Frei
    Lange Kirk Hawke Holt Howe Lynch Love Power Fox Gandhi Nehru Bhutto Sharif Aziz Khalid
    Hassan Hussain Husain Faisal Fahd Idris Omar Umar Yusuf Ismail Ibrahim Karim Rahman Amin
    Nasser Sadat Kennedy Johnson Carter Major Eden Douglas-Home Callaghan Sato Tanaka Suzuki
    Nakasone Takeshita Kaifu Obuchi Mori Fukuda Aso Noda Hata Murayama Hashimoto Koizumi
    """.split()
) - {"Mugabe", "Museveni", "Mbeki", "Buhari", "Ouattara", "Kenyatta", "Obasanjo", "Kikwete"}

# Phoenix country synonyms that are ordinary words or given names in English text.
PLACE_STOP = frozenset(
    """
    Phoenix Columbus Charlotte Providence Buffalo Austin Richmond Orlando Jackson Victoria Regina
    Florence Georgia Jersey Lincoln Mobile Reading Bath Nice Split Male Mali Santiago Paris
    Sydney Chad Jordan Turkey Niger Guinea Georgia America Indian Hamilton Kingston Vienna
    Cologne Nancy Troy Salem Aurora Madison Jackson Dover Concord Augusta Laredo Helena Marion
    Sherman Lafayette Warren Milton Newton Clinton Franklin Washington Lyon Orange Mercedes
    Santa Monica San Jose Valencia Cordoba Granada Toledo Alexandria Memphis Athens Lima Delhi
    Carthage Georgetown Independence Liberty Union Victory Commonwealth Republic Kingdom States
    """.split()
)


def norm_name(raw: str) -> str:
    """Turn a TABARI token (``NEW_YORK_CITY_``) into text form (``New York City``)."""
    words = raw.strip().strip("_").replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        if w in ACRONYMS or (w.count(".") >= 2 and len(w) <= 6):
            out.append(w)  # U.S., U.N., USA
        elif i > 0 and w.lower() in SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


ACRONYMS = frozenset(
    "US USA UK UAE UN EU NATO DRC PRC ROK DPRK CIA FBI NSA DEA FEMA NASA SCOTUS POTUS ICE PLA"
    " KGB FSB GRU SVR MI5 MI6 GCHQ IDF SDF DHS DOJ USAID CENTCOM NHS BBC RAF".split()
)
SMALL_WORDS = frozenset("of the and for to in on de del la el du da dos das al".split())
# CAMEO role codes; Phoenix also puts territory codes (USAPRI, USAGUM) in that slot.
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI HLH HRI LAB LEG NGO REF SET UAF"
    " AGR ENV DEV RAD MOD".split()
)


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def phoenix_entries(path: Path) -> Iterator[tuple[list[str], list[str], bool]]:
    """Yield (names, codes, is_person) for each entry of a TABARI actor file."""
    names: list[str] = []
    codes: list[str] = []
    person = False
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.lstrip().startswith("#"):
            continue  # comment lines sit inside entries; only blank lines end one
        body = line.split("#", 1)[0]
        if not body.strip():
            if names:
                yield names, codes, person
                names, codes, person = [], [], False
            continue
        found = re.findall(r"\[([^\]]*)\]", body)
        head = re.sub(r"\[[^\]]*\]", "", body).strip()
        if line[:1].isspace() and not head:
            codes.extend(found)
            continue
        if head.startswith("+"):
            names.append(head[1:])
            codes.extend(found)
            continue
        if names:
            yield names, codes, person
        names, codes = [head], list(found)
        person = "CountryInfo.txt" in line
    if names:
        yield names, codes, person


def sector_of(code: str) -> str | None:
    rest = code[3:]
    for special in ("LEG", "JUD", "MIL", "OPP", "REB", "MED", "BUS", "CVL", "COP", "SPY"):
        if special in rest:
            return special
    return rest[:3] or None


def build_names(shared: Path) -> list[list[Any]]:
    rows: dict[tuple[str, str], list[Any]] = {}

    def add(surface: str, code: str, kind: str, sector: str | None, src: str) -> None:
        surface = surface.strip()
        if len(surface) < 2 or (not surface[0].isupper() and not surface[0].isdigit()):
            return
        key = (surface, code)
        if key not in rows:
            rows[key] = [surface, code, kind, sector, src]
        plain = strip_accents(surface)
        if plain != surface and (plain, code) not in rows:
            rows[(plain, code)] = [plain, code, kind, sector, src]

    # Country names, demonyms and capitals: countryinfo (MIT) first, mledoze (ODbL) adds
    # official names and demonyms countryinfo lacks.
    with (shared / SOURCES["countryinfo"]["file"]).open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["iso3"]
            add(r["name"], iso3, "country", None, "countryinfo")
            if r["capital"]:
                add(r["capital"], iso3, "capital", None, "countryinfo")
            if r["demonym"]:
                add(r["demonym"], iso3, "demonym", None, "countryinfo")
            for alt in r["alt_spellings"].split("|"):
                if len(alt) > 3 and alt.isascii():
                    add(alt, iso3, "country", None, "countryinfo")
    mledoze = json.loads((shared / SOURCES["mledoze"]["file"]).read_text(encoding="utf-8"))
    demonyms: set[str] = set()
    for c in mledoze:
        iso3 = c["cca3"]
        add(c["name"]["common"], iso3, "country", None, "mledoze")
        add(c["name"]["official"], iso3, "country", None, "mledoze")
        dem = c.get("demonyms", {}).get("eng", {})
        for d in {dem.get("m"), dem.get("f")} - {None, ""}:
            add(d, iso3, "demonym", None, "mledoze")
            demonyms.add(d)
            if not d.endswith("s") and not d.endswith("ese") and not d.endswith("sh"):
                add(d + "s", iso3, "demonym", None, "mledoze")
        for alt in c.get("altSpellings", []):
            if len(alt) > 3 and alt.isascii() and "," not in alt:
                add(alt, iso3, "country", None, "mledoze")

    # Phoenix: country synonyms (adjectives, cities, provinces) and undated institutions.
    path = shared / SOURCES["phoenix"]["file"]
    for names, codes, person in phoenix_entries(path):
        if person or not codes:
            continue
        if any(re.search(r"\d", c) for c in codes):
            continue  # dated roles belong to people
        code = codes[0].strip()
        if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})*", code):
            continue
        iso3 = code[:3]
        if len(code) == 3:
            first = norm_name(names[0])
            add(first, iso3, "country", None, "phoenix")
            for syn in names[1:]:
                text = norm_name(syn)
                if "(" in text or text in PLACE_STOP or len(text) < 4:
                    continue
                kind = (
                    "demonym"
                    if text in demonyms or re.search(r"(ian|ean|ese|ish)$", text)
                    else "place"
                )
                if kind == "demonym" and " " in text:
                    kind = "place"
                add(text, iso3, kind, None, "phoenix")
        elif code[3:6] in SECTORS:
            for syn in names:
                text = norm_name(syn)
                if "(" in text or len(text) < 4:
                    continue
                add(text, iso3, "metonym", sector_of(code), "phoenix")

    # countrynames: FAIL strings must never map to a country.
    cn = yaml.load(
        (shared / SOURCES["countrynames"]["file"]).read_text(encoding="utf-8"),
        Loader=yaml.CSafeLoader,
    )
    fail = {str(x).lower() for x in cn.get("FAIL", [])}
    # Territories share demonyms with their state ("American", "British", "French"): where a
    # surface names both, keep only the UN member.
    members = {c["cca3"] for c in mledoze if c.get("unMember")}
    by_surface: dict[str, set[str]] = {}
    for surface, code in rows:
        by_surface.setdefault(surface, set()).add(code)
    out = [
        r
        for (surface, code), r in rows.items()
        if r[0].lower() not in fail and (code in members or not (by_surface[surface] & members))
    ]
    out.sort(key=lambda r: (r[1], r[0]))
    return out


def ccode_to_iso3(shared: Path) -> dict[int, str]:
    m: dict[int, str] = {}
    with (shared / SOURCES["voeten"]["file"]).open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["iso3c"] and r["ccode"]:
                m[int(float(r["ccode"]))] = r["iso3c"]
    # States that voted little or not at all after COW numbering changed.
    m.update({260: "DEU", 255: "DEU", 340: "SRB", 345: "SRB", 347: "XKX", 626: "SSD", 816: "VNM"})
    return m


def d(y: str, m: str, day: str) -> str | None:
    if not y:
        return None
    return f"{int(y):04d}-{int(m or 1):02d}-{int(day or 1):02d}"


def build_leaders(shared: Path) -> list[list[Any]]:
    """Rows: [name, code, role, start, end, seen, source, aliases, title_only]; ISO or year dates."""
    rows: list[list[Any]] = []
    cc = ccode_to_iso3(shared)
    with (shared / SOURCES["reign"]["file"]).open(encoding="latin-1") as f:
        for r in csv.DictReader(f):
            end = d(r["eyear"], r["emonth"], "1")
            # All years: undated wire copy (1990s) names Mitterrand, Akayev, Aristide. A former
            # leader gets the country with no sector, and ordinary words are stopped below.
            iso3 = cc.get(int(r["ccode"]))
            if iso3 is None:
                continue
            name = re.sub(r"\s*\(.*?\)", "", r["leader"]).strip()
            start = d(r["syear"], r["smonth"], r["sdate"])
            # REIGN's month of exit has no day; an open spell is only known up to the snapshot.
            seen = None if end else "2021-03-01"
            title_only = " " not in name and name in AMBIGUOUS_SURNAMES
            # An ambiguous surname ("Bush", "Major") is kept only for use after a title
            # ("President Bush"); it never matches on its own.
            rows.append(
                [name, iso3, "head_of_government", start, end, seen, "reign", [], title_only]
            )
    rows.extend(phoenix_people(shared))
    with (shared / SOURCES["everypolitician"]["file"]).open(encoding="utf-8") as f:
        iso_by_name = _iso_by_country_name(shared)
        for r in csv.DictReader(f):
            iso3 = iso_by_name.get(r["country"])
            if iso3 is None or not r["officeholderLabel"]:
                continue
            role = (
                "head_of_state"
                if "President" in r["positionLabel"]
                or any(
                    w in r["positionLabel"] for w in ("King", "Queen", "Monarch", "Emir", "Sultan")
                )
                else "head_of_government"
            )
            end = r["end_year"] or None
            seen = None if end else "2022-10-10"
            rows.append(
                [
                    r["officeholderLabel"],
                    iso3,
                    role,
                    r["start_year"] or None,
                    end,
                    seen,
                    "everypolitician",
                    [],
                    False,
                ]
            )
    with (shared / SOURCES["everypolitician_fm"]["file"]).open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = iso_by_name.get(r["countryLabel"])
            if iso3 is None or not r["name"]:
                continue
            rows.append(
                [
                    r["name"],
                    iso3,
                    "foreign_minister",
                    r["start"][:10] or None,
                    None,
                    "2023-01-10",
                    "everypolitician_fm",
                    [],
                    False,
                ]
            )
    snap = json.loads((shared / SOURCES["wlc"]["file"]).read_text(encoding="utf-8"))
    iso2to3 = _iso2_to_iso3(shared)
    for c in snap["countries"].values():
        iso2 = c["country"]["iso_code"]
        iso3 = {"EU": "EU", "AU_AF": "AU"}.get(iso2) or iso2to3.get(iso2)
        if iso3 is None:
            continue
        for pos, p in c["positions"].items():
            holder = p.get("current_holder") or {}
            if not holder.get("name_en"):
                continue
            role = pos if iso3 not in {"EU", "AU"} else "org_head"
            rows.append(
                [
                    holder["name_en"],
                    iso3,
                    role,
                    holder.get("since") or None,
                    None,
                    snap["snapshot_date"],
                    "wlc",
                    [],
                    False,
                ]
            )
    return rows


def _phoenix_day(s: str) -> str:
    """TABARI dates: YYMMDD (two-digit years: 30-99 are 19xx) or YYYYMMDD."""
    if len(s) == 8:
        y, m, dd = int(s[:4]), int(s[4:6]), int(s[6:8])
    else:
        yy = int(s[:2])
        y, m, dd = (1900 + yy if yy >= 30 else 2000 + yy), int(s[2:4]), int(s[4:6])
    return f"{y:04d}-{max(1, min(m, 12)):02d}-{max(1, min(dd, 28)):02d}"


PHOENIX_SEEN = "2014-01-01"  # Phoenix role dates end 2011-2014: open spells are seen till then


def phoenix_people(shared: Path) -> list[list[Any]]:
    """Named office-holders of the Phoenix country dictionary, with dated roles.

    Only government-type roles (``CCCGOV...``, ``CCCMIL...``, ...) are kept; ``ELI`` (elite)
    spells, which cover a person's life before and after office, are not offices. Open-ended
    roles are marked as seen in 2014 (the dictionary's last updates), so a 2026 text does not
    think them still in office. Rows are full names only: the bare surname is used only after a
    title, at run time.
    """
    rows: list[list[Any]] = []
    path = shared / SOURCES["phoenix"]["file"]
    for names, codes, person in phoenix_entries(path):
        if not person:
            continue
        name = norm_name(names[0])
        if " " not in name or len(name) < 6:
            continue
        aliases = [norm_name(n) for n in names[1:] if " " in norm_name(n)]
        for raw in codes:
            m = re.fullmatch(r"\s*([A-Z]{3})([A-Z]*)\s+(\d{6,8})?(?:-(\d{6,8}))?\s*", raw)
            m2 = re.fullmatch(r"\s*([A-Z]{3})([A-Z]*)\s+>(\d{6,8})\s*", raw)
            if m2:
                iso3, agent, start, end = m2.group(1), m2.group(2), m2.group(3), None
            elif m and m.group(3):
                iso3, agent, start, end = m.group(1), m.group(2), m.group(3), m.group(4)
            else:
                continue
            if agent.startswith("ELI") or iso3 in {"IGO", "NGO", "IMG", "MNC"}:
                continue
            sector = sector_of(iso3 + agent) if agent else "GOV"
            role = "defence_minister" if sector == "MIL" else "other"
            rows.append(
                [
                    name,
                    iso3,
                    role,
                    _phoenix_day(start),
                    _phoenix_day(end) if end else None,
                    None if end else PHOENIX_SEEN,
                    "phoenix",
                    aliases,
                    False,
                ]
            )
    return rows


# Old CAMEO country codes in the Phoenix non-state files.
CAMEO_ISO3 = {"ANG": "AGO"}


def _org_code(code: str, prefixes: dict[str, str]) -> str:
    """A Phoenix IGO code as the organisation code multipolar emits (IGOUNO... -> UN)."""
    for n in range(len(code), 2, -1):
        hit = prefixes.get(code[:n])
        if hit:
            return hit
    return code


def build_groups(shared: Path, countries: dict[str, str]) -> list[list[Any]]:
    """Name rows for non-state actors: IGOs, NGOs (Phoenix International) and armed groups
    (Phoenix MilNonState).

    Coding scheme (documented in ``_actors``): an armed group tied to one state gets that
    state's ISO3 and the Phoenix agent as sector (``HAMAS_ [PSEREBHMS]`` -> PSE, REB), kind
    "group"; a transnational or regional group keeps Phoenix's whole code (``IMGMUSALQ``), so
    its first three letters are never a country. IGOs get the organisation code the evaluation
    knows (``IGOUNO...`` -> UN) or else the Phoenix code; NGOs keep their Phoenix code
    (``NGOHRIAMN``), sector "NGO". Multinational companies are not read.
    """
    eval_codes = json.loads((OUT.parent / "eval_codes.json").read_text(encoding="utf-8"))
    prefixes: dict[str, str] = eval_codes["petr_org_prefixes"]
    out: list[list[Any]] = []
    for key, kind in (("phoenix_intl", "org"), ("phoenix_mnsa", "group")):
        for names, codes, _person in phoenix_entries(shared / SOURCES[key]["file"]):
            codes = [c.split()[0] for c in codes if c.strip()]
            if not codes:
                continue
            code = codes[0]
            if not re.fullmatch(r"[A-Z]{3,}", code):
                continue
            head = CAMEO_ISO3.get(code[:3], code[:3])
            if head == "MNC" or (kind == "org" and head not in {"IGO", "NGO"}):
                continue
            if head == "IGO":
                emit, sector = _org_code(code, prefixes), None
            elif head == "NGO":
                emit, sector = code, "NGO"
            elif head in countries:
                emit, sector = head, sector_of(head + code[3:]) or "REB"
            else:
                emit, sector = code, "REB"
            for syn in names:
                text = re.sub(r"^The ", "", norm_name(syn).strip("' "))
                if "(" in text or len(text) < 4 or text.lower() in GROUP_STOP:
                    continue
                if " " not in text and not text.isupper():
                    # Single ordinary words ("Tigers", "Caritas") fire on unrelated text; the
                    # well-known one-word groups (Hamas, Taliban) are curated instead.
                    continue
                out.append([text, emit, kind, sector, key])
    return out


# Phoenix group synonyms that are ordinary phrases in news text.
GROUP_STOP = frozenset(
    """
    the un un the united nations secretariat council assembly commission committee congress
    front party movement army union league alliance resistance brigade brigades
    """.split()
)


def _iso_by_country_name(shared: Path) -> dict[str, str]:
    m: dict[str, str] = {}
    for c in json.loads((shared / SOURCES["mledoze"]["file"]).read_text(encoding="utf-8")):
        m[c["name"]["common"]] = c["cca3"]
        m[c["name"]["official"]] = c["cca3"]
    m.update(
        {
            "People's Republic of China": "CHN",
            "United States of America": "USA",
            "Kingdom of the Netherlands": "NLD",
            "Kingdom of Denmark": "DNK",
            "State of Palestine": "PSE",
            "Ivory Coast": "CIV",
            "The Gambia": "GMB",
            "Federated States of Micronesia": "FSM",
            "Republic of the Congo": "COG",
            "Democratic Republic of the Congo": "COD",
            "East Timor": "TLS",
            "Eswatini": "SWZ",
            "North Korea": "PRK",
            "South Korea": "KOR",
            "Vatican City": "VAT",
            "Czech Republic": "CZE",
            "Taiwan": "TWN",
            "Georgia": "GEO",
            "Turkey": "TUR",
            "Cape Verde": "CPV",
            "São Tomé and Príncipe": "STP",
            "Sahrawi Arab Democratic Republic": "ESH",
        }
    )
    return m


def _iso2_to_iso3(shared: Path) -> dict[str, str]:
    m: dict[str, str] = {}
    with (shared / SOURCES["countryinfo"]["file"]).open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            m[r["iso2"]] = r["iso3"]
    return m


def build_countries(shared: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with (shared / SOURCES["countryinfo"]["file"]).open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[r["iso3"]] = r["name"]
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--version", default="actors-2026.08")
    args = ap.parse_args(argv)
    shared: Path = args.shared
    if not (shared / "reference").is_dir():
        print(f"{shared}: no reference/ folder here", file=sys.stderr)
        return 1
    data = {
        "version": args.version,
        "sources": SOURCES,
        "columns": {
            "names": ["surface", "code", "kind", "sector", "source"],
            "leaders": [
                "name",
                "code",
                "role",
                "start",
                "end",
                "seen",
                "source",
                "aliases",
                "title_only",
            ],
        },
        "countries": build_countries(shared),
        "names": build_names(shared) + build_groups(shared, build_countries(shared)),
        "leaders": build_leaders(shared),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the gzip byte-identical across rebuilds, so git sees no spurious change.
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as f:
        f.write(raw)
    print(
        f"{args.out}: {len(data['names'])} names, {len(data['leaders'])} leader rows, "
        f"{args.out.stat().st_size // 1024} KiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

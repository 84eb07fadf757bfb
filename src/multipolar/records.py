"""Typed records that flow between the pipeline stages.

Every stage takes and returns these dataclasses; none of them does I/O. The field names of
:class:`Event` and :class:`Quantity` are the public record described in DESIGN.md, so
``to_dict`` is the one place where the JSON shape is decided.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Modality = Literal["asserted", "intended", "threatened", "hypothetical", "reported"]
MODALITIES: tuple[str, ...] = get_args(Modality)

# What a mention names. Dictionary rows bring country, demonym, capital, metonym, org, place,
# group and format ("the 2+2 talks"); block hides a surface ("Washington Post"); name is a
# user row without a kind; the scanner adds leader and role ("the Canadian prime minister");
# the event stage marks implied parties (the locals of a target's state) and unknown ones.
MentionKind = Literal[
    "country", "demonym", "capital", "metonym", "org", "place", "group", "format",
    "block", "name", "leader", "role", "implied", "unknown",
]  # fmt: skip
MENTION_KINDS: tuple[str, ...] = get_args(MentionKind)


@dataclass(frozen=True, slots=True)
class Document:
    """One input text as read from a file, line or stream, before cleaning."""

    text: str
    origin: str  # file path (and line) or "-" for stdin: shown in every message about it
    id: str | None = None
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    source: str | None = None
    notes: tuple[str, ...] = ()  # non-fatal remarks, e.g. "invalid UTF-8 replaced"


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with a one-line reason naming where it came from."""

    origin: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text naming an actor, resolved (or not) at the article's date.

    ``start``/``end`` are character offsets into the text the mention was found in.
    ``code`` is an ISO 3166-1 alpha-3 code, an organisation code (EU, NATO, UN, ...) or None
    when the name is known to be an actor but cannot be resolved.
    """

    start: int
    end: int
    text: str
    code: str | None
    sector: str | None = None
    kind: MentionKind = "name"
    person: str | None = None  # the leader's name when a person was matched
    reason: str = ""


@dataclass(slots=True)
class Event:
    """A coded event: the public record of DESIGN.md's "Event record"."""

    sentence_index: int
    start: int
    end: int
    sentence: str
    date: str | None
    source: str | None
    target: str | None
    cameo: str
    cameo_root: str
    quad: int
    pentaclass: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    plover_context: list[str] = field(default_factory=list)
    source_sector: str | None = None
    target_sector: str | None = None
    source_text: str = ""
    target_text: str = ""
    reciprocal: bool = False
    negated: bool = False
    modality: Modality = "asserted"
    confidence: float = 0.5
    coder: str = ""
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record in DESIGN.md's field order."""
        return {name: getattr(self, name) for name in EVENT_FIELDS}


# The public field order (DESIGN.md, "Event record"); the dataclass order differs only
# because fields with defaults must come last.
EVENT_FIELDS: tuple[str, ...] = (
    "article_id", "sentence_index", "start", "end", "sentence", "date",
    "source", "target", "source_sector", "target_sector", "source_text", "target_text",
    "cameo", "cameo_root", "quad", "pentaclass", "goldstein",
    "plover", "plover_mode", "plover_context",
    "reciprocal", "negated", "modality", "confidence", "coder",
)  # fmt: skip
assert set(EVENT_FIELDS) == {f.name for f in dataclasses.fields(Event)}


@dataclass(slots=True)
class Quantity:
    """A number the text states about a state's trade, aid, investment or tariffs."""

    sentence_index: int
    start: int
    end: int
    kind: str  # trade_value, export_share, import_share, investment, aid, tariff_rate, ...
    subject: str | None
    partner: str | None
    value: float
    unit: str  # ISO 4217 currency or "percent"
    usd_value: float | None = None
    year: int | None = None
    text: str = ""
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


QUANTITY_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Quantity))


@dataclass(slots=True)
class Coded:
    """What the coder returns for one text."""

    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0  # sentences that reached the parser (passed the actor prefilter)


@dataclass(slots=True)
class CodeReport:
    """What one coding run did, whichever engine ran it (local, Ray, Parquet shards): a
    batch's report, and the total that batches are merged into."""

    articles: int = 0
    events: int = 0
    quantities: int = 0
    sentences: int = 0
    parsed: int = 0
    files: int = 0  # Parquet files written (shard engines only)

    def add(self, coded: Coded) -> None:
        """Count one coded article."""
        self.articles += 1
        self.events += len(coded.events)
        self.quantities += len(coded.quantities)
        self.sentences += coded.sentences
        self.parsed += coded.parsed

    def merge(self, other: CodeReport) -> None:
        """Add another batch's counts to this total."""
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

"""The coder: the pipeline from cleaned text to events and quantities.

Stages, in order, each in its own module:

=========== ============================ ==========================================
stage       needs                        adds
=========== ============================ ==========================================
segment     cleaned text                 sentences with offsets
mentions    sentences, article date      actor mentions resolved at the date; later
                                         surnames of people named in full (_corefer)
prefilter   mentions                     which sentences reach the parser
parse       candidate sentences          dependency trees (spaCy)
events      trees, mentions              CAMEO/PLOVER events with roles, modality
quantities  sentences, mentions          money and shares linked to states
=========== ============================ ==========================================

The prefilter is what makes the coder fast: a sentence that names fewer than one actor
cannot hold an event between states, so it is never parsed. Of the rest, a sentence none of
whose words the verb dictionary could read as a predicate, and a question, are not parsed
either (:mod:`.triggers`, which proves that this changes no event).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..actors.kb import ActorKB
from ..records import Coded, Event, Mention, Sentence
from ..text.segment import segment
from .events.coder import EventCoder
from .quantities import extract_quantities

if TYPE_CHECKING:
    from .triggers import Triggers

CODER_NAME = "multipolar"
# Bumped whenever the events coded from the same text change, so that a database says which
# rules coded each article. 0.2.0: sentence classes, name coreference, verb senses audited
# on news (2026-11-30).
CODER_VERSION = "0.2.0"


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """Settings of a coder; passed in, never read from globals."""

    max_sentence_chars: int = 2000
    batch_size: int = 256  # sentences per parser batch
    dictionaries: tuple[Path, ...] = ()
    # keep criticisms and accusations whose target no party names ("Iran condemned the
    # attack"); off by default, as in PETRARCH's dyadic coding
    one_sided_disapproval: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """One text to code."""

    text: str
    date: dt.date | None = None
    article_id: str | None = None


def _date_str(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def relative(mentions: Sequence[Mention], sent: Sentence) -> list[Mention]:
    """The mentions inside ``sent``, with offsets relative to the sentence."""
    return [
        replace(m, start=m.start - sent.start, end=m.end - sent.start)
        for m in mentions
        if m.start >= sent.start and m.end <= sent.end
    ]


def by_sentence(mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> list[list[Mention]]:
    """:func:`relative` for every sentence at once, in time linear in the text's length.

    Asking each sentence to walk every mention costs sentences x mentions, which grows with
    the square of a document's length. Mentions sorted by start are bisected instead; each
    sentence's share keeps the mentions' original order.
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    starts = [mentions[i].start for i in order]
    out: list[list[Mention]] = []
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_right(starts, sent.end)
        inside = sorted(i for i in order[lo:hi] if mentions[i].end <= sent.end)
        out.append(
            [
                replace(m, start=m.start - sent.start, end=m.end - sent.start)
                for m in (mentions[i] for i in inside)
            ]
        )
    return out


class Coder:
    """Codes texts into :class:`Event` and :class:`Quantity` records.

    Holding the parser and the actor knowledge, a coder is built once per process and reused.
    """

    def __init__(
        self,
        config: CoderConfig | None = None,
        kb: ActorKB | None = None,
        nlp: Any | None = None,
        event_coder: EventCoder | None = None,
    ) -> None:
        self.config = config or CoderConfig()
        if kb is None:
            kb = (
                ActorKB.load(self.config.dictionaries)
                if self.config.dictionaries
                else ActorKB.default()
            )
        self.kb = kb
        self._nlp = nlp
        # the word-form test of which sentences need a parse: None until built, False
        # where the pipeline or event coder is one it cannot bound
        self._triggers: Triggers | Literal[False] | None = None
        self.event_coder = event_coder or EventCoder(
            one_sided_disapproval=self.config.one_sided_disapproval
        )
        self.name = self.label()

    @staticmethod
    def label() -> str:
        """The name@version stamped on every event this coder writes."""
        return f"{CODER_NAME}@{CODER_VERSION}"

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    def code(self, text: str, date: dt.date | None = None, article_id: str | None = None) -> Coded:
        """Code one text."""
        return next(self.code_many([Item(text, date, article_id)]))

    def sentence_code(self, text: str, date: dt.date | None = None) -> str | None:
        """The CAMEO code of the first sentence in ``text`` that reports an act, parties or
        not (see :meth:`EventCoder.sentence_code`); None when no sentence does.

        This is a sentence label, not an event: it parses every sentence, so it is meant for
        scoring sentence classes, not for coding a corpus.
        """
        for sent in segment(text, self.config.max_sentence_chars):
            code = self.event_coder.sentence_code(self.nlp(sent.text), _date_str(date))
            if code is not None:
                return code
        return None

    def code_many(self, items: Iterable[Item]) -> Iterator[Coded]:
        """Code texts in order, one :class:`Coded` per item; parses in batches across items.

        Parameters:
            items: the texts, each an :class:`Item` (text, date, article id). The date is
                the article's: actors are resolved at it and undated events get it.

        Yields one :class:`Coded` (events, quantities, sentence counts) per item, in the
        order of ``items``. The iterator is lazy: items are read ahead only until
        ``config.batch_size`` sentences await the parser, so memory stays flat over any
        number of items.
        """
        pending: list[tuple[Item, list[Sentence], list[list[Mention]], Coded]] = []
        n_candidates = 0
        for item in items:
            prepared = self._prepare(item)
            pending.append(prepared)
            n_candidates += prepared[3].parsed
            if n_candidates >= self.config.batch_size:
                yield from self._finish(pending)
                pending, n_candidates = [], 0
        if pending:
            yield from self._finish(pending)

    def _prepare(self, item: Item) -> tuple[Item, list[Sentence], list[list[Mention]], Coded]:
        sentences = segment(item.text, self.config.max_sentence_chars)
        coded = Coded(sentences=len(sentences))
        if not sentences:
            return item, [], [], coded
        mentions = self.kb.mentions(item.text, item.date)
        per_sentence = by_sentence(mentions, sentences)
        date = _date_str(item.date)
        for sent, rel in zip(sentences, per_sentence, strict=True):
            for q in extract_quantities(sent, rel, date):
                q.article_id = item.article_id
                # The stage reports offsets within the sentence; the record's are the text's.
                q.start, q.end = q.start + sent.start, q.end + sent.start
                coded.quantities.append(q)
        coded.parsed = sum(1 for rel in per_sentence if any(m.code for m in rel))
        return item, sentences, per_sentence, coded

    def _finish(
        self, pending: list[tuple[Item, list[Sentence], list[list[Mention]], Coded]]
    ) -> Iterator[Coded]:
        jobs: list[tuple[int, Sentence, list[Mention]]] = []
        for k, (_item, sentences, per_sentence, _coded) in enumerate(pending):
            for sent, rel in zip(sentences, per_sentence, strict=True):
                if any(m.code for m in rel):
                    jobs.append((k, sent, rel))
        jobs, inputs = self._provable(jobs)
        docs = self.nlp.pipe(inputs, batch_size=self.config.batch_size)
        last_k = -1
        for (k, sent, rel), doc in zip(jobs, docs, strict=True):
            item, _s, _p, coded = pending[k]
            if k != last_k:
                self._new_article()
                last_k = k
            for ev in self.event_coder.code_sentence(sent, doc, rel, _date_str(item.date)):
                coded.events.append(self._stamp(ev, sent, item))
        for _item, _s, _p, coded in pending:
            yield coded

    def _provable(
        self, jobs: list[tuple[int, Sentence, list[Mention]]]
    ) -> tuple[list[tuple[int, Sentence, list[Mention]]], list[Any]]:
        """The candidate ``jobs`` whose parse may change what is coded, and what to give the
        parser for each (a text, or the text already tokenized): those that may hold a
        predicate, and those whose salient actor a parsed next sentence may read (see
        :mod:`.triggers`). The others are not parsed; their events are none either way."""
        triggers = self._get_triggers()
        texts = [sent.text for _k, sent, _rel in jobs]
        if triggers is None or not jobs:
            return jobs, texts
        from .triggers import parse_mask

        tokenized = [triggers.tokenizer(t) for t in texts]
        mask = parse_mask([(k, sent.index) for k, sent, _rel in jobs], texts, tokenized, triggers)
        kept = [i for i, keep in enumerate(mask) if keep]
        return [jobs[i] for i in kept], [tokenized[i] for i in kept]

    def _get_triggers(self) -> Triggers | None:
        # Only the stock event coder is bounded by the trigger words; a subclass may code
        # from anything.
        if self._triggers is False:
            return None
        if self._triggers is None:
            self._triggers = False
            if type(self.event_coder) is EventCoder:
                from .triggers import Triggers, Unsupported

                try:
                    self._triggers = Triggers(self.nlp, self.event_coder.verbs)
                except (Unsupported, AttributeError):
                    self._triggers = False
        return self._triggers or None

    def _new_article(self) -> None:
        # The event coder carries the last sentence's salient actor to resolve a leading
        # "it"/"they"; without a reset it could leak into the next article whenever sentence
        # indices happen to line up, and then events would depend on how articles were
        # batched (engines, worker counts) instead of on the article alone.
        self.event_coder.reset()

    def _stamp(self, ev: Event, sent: Sentence, item: Item) -> Event:
        ev.article_id = item.article_id
        ev.sentence_index = sent.index
        ev.start, ev.end, ev.sentence = sent.start, sent.end, sent.text
        ev.coder = self.name
        if ev.date is None:
            ev.date = _date_str(item.date)
        return ev


def extract(text: str, date: dt.date | str | None = None) -> list[Event]:
    """Code one text without a database: the simplest entry point of the Python API.

    Parameters:
        text: cleaned article text (any length; it is segmented into sentences).
        date: the article's date, a ``datetime.date`` or an ISO string (``"2025-09-18"``).
            Leaders are resolved at it ("the prime minister" in 2019 and in 2025 are
            different people) and events with no date of their own get it.

    Returns the events in text order, each with the sentence it came from.
    """
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return default_coder().code(text, date).events


@functools.cache
def default_coder() -> Coder:
    """A process-wide coder with default settings, built on first use."""
    return Coder()

"""The trigger prefilter skips only sentences whose parse cannot change what is coded."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("spacy")

from multipolar.coding.coder import Coder
from multipolar.coding.events.coder import EventCoder
from multipolar.coding.nlp import load_nlp
from multipolar.coding.triggers import Triggers, parse_mask
from multipolar.coding.verbs import VerbDict


@pytest.fixture(scope="module")
def triggers() -> Triggers:
    return Triggers(load_nlp(), VerbDict.default())


def test_dictionary_words_trigger(triggers: Triggers) -> None:
    tok = triggers.tokenizer
    assert triggers.may_trigger(tok("France and Germany signed an agreement."))
    assert triggers.may_trigger(tok("Abe's trip to Washington."))  # an event noun
    assert triggers.may_trigger(tok("Japan, concerned."))  # a stance adjective
    # every form the lemmatizer may read as a dictionary verb counts, whatever its tag
    assert "sign" in triggers.possible_lemmas("signs")


def test_no_dictionary_word_no_trigger(triggers: Triggers) -> None:
    assert not triggers.may_trigger(triggers.tokenizer("France, 2019: blue."))


def test_mask_keeps_the_sentence_before_a_parsed_one(triggers: Triggers) -> None:
    texts = ["France, 2019.", "It signed a pact.", "Germany, 2020.", "Why did Italy sign?"]
    keys = [(0, 0), (0, 1), (0, 2), (0, 3)]
    docs = [triggers.tokenizer(t) for t in texts]
    # the first stays for the salient actor of the second; a question is never parsed
    assert parse_mask(keys, texts, docs, triggers) == [True, True, False, False]
    # not when the next sentence belongs to another article
    assert parse_mask([(0, 0), (1, 1)], texts[:2], docs[:2], triggers) == [False, True]


def test_coder_events_unchanged_by_the_prefilter() -> None:
    text = (
        "France and Germany, partners since 1963. They signed a defence pact with Italy. "
        "Italy? Russia, Ukraine and Poland: 2019. Russia accused Ukraine of shelling. "
        "Is Japan ready to talk to China? Japan and Australia signed a defence pact."
    )
    date = dt.date(2025, 1, 1)
    fast = Coder(nlp=load_nlp())
    slow = Coder(nlp=load_nlp(), event_coder=type("Plain", (EventCoder,), {})())
    got, want = fast.code(text, date), slow.code(text, date)
    assert [e.to_dict() for e in got.events] == [e.to_dict() for e in want.events]
    assert len(got.events) >= 2

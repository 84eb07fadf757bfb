"""The parser's fast attribute ruler and lemmatizer annotate exactly as spaCy's own."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from multipolar.coding.fastpos import FastAttributeRuler, FastLemmatizer, Unsupported, install  # noqa: E402
from multipolar.coding.nlp import MODEL, load_nlp  # noqa: E402

# Ordinary news sentences plus every multi-token and word-specific rule of the model's ruler
# (gon na, got ta, let 's, c'm on, y' all, ai n't, expletive + be, 'd/'s/'ve, whitespace).
TEXTS = [
    "France and Germany signed an agreement on Tuesday.",
    "Russia's foreign minister said Moscow would not accept the sanctions imposed by the EU.",
    "The talks, which had been postponed twice, were held in Geneva.",
    "Y'all gonna let's go, there is a cat and there were two dogs.",
    "I ain't   done, and we gotta go; c'mon, y all.",
    "We're doin' nothin' 'cause ol' Bill's somethin', he'll give 'em 'nuff.",
    "It's been being done; she does, he has had it, they'd have gone.",
    "I ca n't, wo n't, sha n't.",
    "Here\n\nthere   once   well   then.",
    "Get it, gets, got, that which is, is that.",
    "Its, our, their books; I saw you and it saw me.",
    "\n",
    "",
]


def _signature(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.tag_, t.pos_, t.morph.key, t.lemma_, t.dep_, t.head.i, t.is_sent_start)
        for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    try:
        ref = spacy.load(MODEL, exclude=["ner"])
    except OSError:
        pytest.skip(f"{MODEL} is not installed")
    return ref, load_nlp()


def test_fast_components_installed(pipelines: tuple[Any, Any]) -> None:
    ref, fast = pipelines
    assert fast.pipe_names == ref.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)


def test_identical_annotations(pipelines: tuple[Any, Any]) -> None:
    ref, fast = pipelines
    texts = TEXTS * 2  # the second round runs from warm caches
    for a, b in zip(ref.pipe(texts), fast.pipe(texts), strict=True):
        assert _signature(a) == _signature(b), a.text


def test_identical_on_one_doc_of_many_sentences(pipelines: tuple[Any, Any]) -> None:
    ref, fast = pipelines
    text = " ".join(TEXTS)
    assert _signature(ref(text)) == _signature(fast(text))


def test_unsupported_ruler_left_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    with pytest.raises(Unsupported):
        FastAttributeRuler(nlp.vocab).load(ruler)
    assert install(nlp) == []
    assert not isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)


def test_blank_ruler_matches_spacy() -> None:
    """A small hand-made ruler: rule order, overrides, IN/NOT_IN/REGEX and windows."""
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"LOWER": {"IN": ["cat", "dog"]}}]], "attrs": {"LEMMA": "pet"}},
        {"patterns": [[{"LOWER": {"REGEX": "^c"}}]], "attrs": {"POS": "PROPN"}},
        {
            "patterns": [[{"LOWER": "a"}, {"LOWER": "cat"}]],
            "attrs": {"LEMMA": "kitty"},
            "index": -1,
        },
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}}]], "attrs": {"POS": "X"}},
    ]

    def build() -> Any:
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add_patterns(patterns)
        return nlp

    ref, fast = build(), build()
    assert install(fast) == ["attribute_ruler"]
    words = ["a", "cat", "saw", "a", "dog", "and", "a", "cow"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "CC", "DT", "NN"]
    docs = []
    for nlp in (ref, fast):
        doc = spacy.tokens.Doc(nlp.vocab, words=words, tags=tags)
        docs.append(nlp.get_pipe("attribute_ruler")(doc))
    a, b = docs
    assert [(t.pos_, t.lemma_, t.morph.key) for t in a] == [
        (t.pos_, t.lemma_, t.morph.key) for t in b
    ]
    assert b[1].lemma_ == "kitty" and b[4].lemma_ == "pet" and b[7].pos_ == "PROPN"

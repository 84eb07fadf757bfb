"""Removing scraped debris from article text.

Scraped news carries page furniture between paragraphs: "Advertisement", "Read More",
"image", caption credits, newsletter prompts and teaser headlines for other stories (often
repeated). Left in, they become false sentences. A headline the page repeats (a teaser block) is kept
once: it is still a dated news statement, but coding every copy would multiply its events. The cleaner works on
whole lines, so the text it keeps is unchanged and every offset into the cleaned text points
at the publisher's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Whole lines that are page furniture (matched case-insensitively, after trimming).
_DEBRIS_LINE = re.compile(
    r"""^(?:
        advertisements?:?|advert|sponsored(?:\ content)?|story\ continues(?:\ below)?(?:\ advertisement)?
      | read\ more(?:\ here)?:?.*|more:?|related:?.*|see\ also:?.*|recommended(?:\ stories)?:?
      | image|images?|photo|video|watch:?|listen:?|gallery|graphic|media\ playback.*
      | image\ (?:caption|copyright|source).*|(?:photo|picture|image)\ (?:credit|by|courtesy)\b.*
      | (?:getty\ images|afp|reuters|ap\ photo|epa|shutterstock)(?:/[\w\ ]+)?
      | sign\ up\b.*|subscribe\b.*|newsletter\b.*|get\ (?:our|the)\ .*newsletter.*
      | (?:share|tweet|email|print|comment)s?(?:\ this(?:\ article|\ story)?)?:?
      | (?:follow|like)\ us\ on\b.*|click\ here\b.*|continue\ reading.*|skip\ (?:to\ )?(?:main\ )?content
      | (?:this\ )?(?:article|story)\ (?:continues|is\ continued)\b.*
      | we\ use\ cookies\b.*|accept\ (?:all\ )?cookies.*|cookie\ (?:policy|settings).*
      | copyright\ ©?.*|©.*|all\ rights\ reserved\.?
      | top\ stories|most\ (?:read|popular|viewed)|trending(?:\ now)?|you\ may\ also\ like
      | loading\W*|\W+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Inline prefixes that scrapers glue onto a paragraph ("Advertisement: The minister said...").
_DEBRIS_PREFIX = re.compile(r"^(?:Advertisement|ADVERTISEMENT|Image caption|Media caption)\s*:?\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TEASER_MAX_WORDS = 20


def normalise_for_hash(text: str) -> str:
    """The form of a text that decides whether two articles are the same."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def _is_headline_repeat(line: str, counts: Counter[str], seen: set[str]) -> bool:
    # A short line without closing punctuation that occurs more than once is a headline
    # the page repeats; every copy after the first is furniture.
    words = line.split()
    return (
        counts[line] > 1
        and line in seen
        and len(words) <= _TEASER_MAX_WORDS
        and not line.rstrip("\"'”’)").endswith((".", "!", "?", ":"))
    )


def clean(text: str) -> str:
    """Return the article text without page debris, paragraphs separated by blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    counts = Counter(lines)
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        if _DEBRIS_LINE.match(line) or _is_headline_repeat(line, counts, seen):
            continue
        seen.add(line)
        kept.append(_DEBRIS_PREFIX.sub("", line))
    return "\n\n".join(kept)

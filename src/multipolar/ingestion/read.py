"""Readers: files, folders and stdin in; :class:`Document` or :class:`Rejection` out.

This is an edge module: it does the file I/O so that the stages after it never do. Every
input that cannot be used yields a :class:`Rejection` naming the file (and line), and reading
goes on with the next one: one bad file must never cost the rest of a batch.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..dates import to_date
from ..records import Document, Rejection

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")

# A valid multi-byte UTF-8 sequence; its absence in undecodable bytes suggests Latin-1.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


# libxml2 stops building the tree at 256 levels, so trafilatura finds no text in anything
# nested deeper; such pages are flattened (container tags dropped) before a second try.
MAX_HTML_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Tags that carry the structure trafilatura needs; every other tag is dropped when flattening.
_FLAT_KEEP = frozenset(
    [
        "html",
        "head",
        "body",
        "title",
        "meta",
        "link",
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "main",
        "blockquote",
        "pre",
        "script",
        "style",
        "noscript",
        "template",
        "time",
    ]
)


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds that keep one pathological input from exhausting memory or time."""

    max_file_bytes: int = 64 * 1024 * 1024  # txt and html; JSONL is streamed, so unbounded
    max_text_chars: int = 2_000_000  # longer texts are split into parts of at most this size
    max_line_bytes: int = 16 * 1024 * 1024  # one JSONL record


Item = Document | Rejection


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8, falling back to Latin-1 or replacement, with a note saying which."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if not _UTF8_MULTIBYTE.search(data):
        return data.decode("cp1252", errors="replace"), ("not UTF-8; decoded as Latin-1 (cp1252)",)
    text = data.decode("utf-8", errors="replace")
    return text, (f"invalid UTF-8: {text.count(chr(0xFFFD))} bytes replaced",)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


def _cut_point(buf: bytes | str, size: int) -> int:
    """Where to end a part of at most ``size`` units: a paragraph, line or word break if any.

    Breaks are looked for in the second half only, so parts never get tiny. Newlines and
    spaces are single ASCII bytes that never occur inside a UTF-8 sequence, so cutting bytes
    there keeps every character whole.
    """
    if len(buf) <= size:
        return len(buf)
    nl2, nl, sp = ("\n\n", "\n", " ") if isinstance(buf, str) else (b"\n\n", b"\n", b" ")
    for sep in (nl2, nl, sp):
        at = buf.rfind(sep, size // 2, size)  # type: ignore[arg-type]
        if at > 0:
            return at + len(sep)
    cut = size
    if isinstance(buf, bytes):
        # Step back over UTF-8 continuation bytes so no character is split.
        while cut > size - 3 and buf[cut] & 0xC0 == 0x80:
            cut -= 1
    return cut


def split_text(text: str, max_chars: int) -> list[str]:
    """``text`` in parts of at most ``max_chars`` characters, cut at paragraph breaks."""
    parts: list[str] = []
    while len(text) > max_chars:
        cut = _cut_point(text, max_chars)
        parts.append(text[:cut])
        text = text[cut:]
    parts.append(text)
    return [p for p in parts if p.strip()]


def _part_note(n: int, max_chars: int) -> str:
    return f"part {n} of a text longer than {max_chars:,} characters, split at paragraph breaks"


def byte_parts(stream: IO[bytes], size: int) -> Iterator[bytes]:
    """The stream in pieces of at most ``size`` bytes; only one piece is held at a time."""
    buf = b""
    while True:
        chunk = stream.read(size + 1 - len(buf))
        buf += chunk
        if len(buf) <= size:  # end of stream
            yield buf
            return
        cut = _cut_point(buf, size)
        yield buf[:cut]
        buf = buf[cut:]


def read_text(data: bytes, origin: str, limits: ReadLimits) -> Item:
    """One text held in memory (at most ``max_text_chars`` after decoding, else cut, noted)."""
    if not data.strip():
        return Rejection(origin, "empty file" if not data else "whitespace-only file")
    if _looks_binary(data):
        return Rejection(origin, "binary file, not text")
    text, notes = decode(data)
    if not text.strip():  # e.g. only no-break spaces, which bytes.strip() keeps
        return Rejection(origin, "whitespace-only file")
    if len(text) > limits.max_text_chars:
        notes = (*notes, f"text cut at {limits.max_text_chars:,} characters (was {len(text):,})")
        text = text[: limits.max_text_chars]
    return Document(text=text, origin=origin, notes=notes)


def read_text_stream(stream: IO[bytes], origin: str, limits: ReadLimits) -> Iterator[Item]:
    """A text of any length with bounded memory: parts of at most ``max_text_chars`` bytes.

    A text that fits is one document; a longer one becomes documents ``origin#part1``,
    ``origin#part2``, ... so that nothing is lost and no part can exhaust memory downstream.
    """
    parts = byte_parts(stream, limits.max_text_chars)
    first = next(parts)
    second = next(parts, None)
    if second is None:
        yield read_text(first, origin, limits)
        return
    if _looks_binary(first):
        yield Rejection(origin, "binary file, not text")
        return
    n = 0
    for data in itertools.chain((first, second), parts):
        text, notes = decode(data)
        if not text.strip():
            continue
        n += 1
        yield Document(
            text=text,
            origin=f"{origin}#part{n}",
            notes=(*notes, _part_note(n, limits.max_text_chars)),
        )


def _html_depth(html: str) -> int:
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m[2].lower()
        if m[3] or name in _VOID_TAGS:
            continue
        if m[1]:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _flatten(html: str) -> str:
    return _TAG.sub(lambda m: m[0] if m[2].lower() in _FLAT_KEEP else " ", html)


def _extract(html: str) -> dict[str, Any] | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if result is None:
        return None
    meta: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return meta if (meta.get("text") or "").strip() else None


def read_html(data: bytes, origin: str, limits: ReadLimits) -> Iterator[Item]:
    """Main text, title and date of a news page, via trafilatura (parts when very long)."""
    if not data.strip():
        yield Rejection(origin, "empty file" if not data else "whitespace-only file")
        return
    if _looks_binary(data):
        yield Rejection(origin, "binary file, not HTML")
        return
    html, notes = decode(data)
    del data
    try:
        meta = _extract(html)
        if meta is None:
            depth = _html_depth(html)
            if depth > MAX_HTML_DEPTH:
                meta = _extract(_flatten(html))
                if meta is None:
                    yield Rejection(
                        origin,
                        f"HTML nested {depth:,} levels deep; no article text found even after flattening",
                    )
                    return
                notes = (*notes, f"HTML nested {depth:,} levels deep; flattened before extraction")
    except ImportError as exc:  # pragma: no cover - core dependency
        raise RuntimeError(
            "trafilatura is missing; run: pip install trafilatura lxml_html_clean"
        ) from exc
    except (RecursionError, ValueError, TypeError, MemoryError) as exc:
        yield Rejection(origin, f"HTML could not be parsed ({type(exc).__name__})")
        return
    except Exception as exc:  # lxml raises many private error types on broken markup
        yield Rejection(origin, f"HTML could not be parsed ({type(exc).__name__}: {exc})"[:200])
        return
    if meta is None:
        yield Rejection(origin, "no article text found in the HTML (script-only or empty page)")
        return
    parts = split_text(str(meta["text"]).strip(), limits.max_text_chars)
    for n, text in enumerate(parts, 1):
        yield Document(
            text=text,
            origin=origin if len(parts) == 1 else f"{origin}#part{n}",
            title=meta.get("title") or None,
            url=meta.get("url") or None,
            date=to_date(meta.get("date")),
            source=meta.get("sitename") or meta.get("hostname") or None,
            notes=notes if len(parts) == 1 else (*notes, _part_note(n, limits.max_text_chars)),
        )


def _records(
    obj: Any, origin: str, line: int, limits: ReadLimits, notes: tuple[str, ...]
) -> Iterator[Item]:
    if not isinstance(obj, dict):
        yield Rejection(origin, f"record is a JSON {type(obj).__name__}, not an object", line)
        return
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Rejection(origin, "record has no text (field 'text' missing or empty)", line)
        return
    raw_id = obj.get("id")
    rid = str(raw_id) if raw_id not in (None, "") else None

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    parts = split_text(text, limits.max_text_chars)
    for n, part in enumerate(parts, 1):
        single = len(parts) == 1
        yield Document(
            text=part,
            origin=f"{origin}:{line}" if single else f"{origin}:{line}#part{n}",
            id=rid if single or rid is None else f"{rid}#part{n}",
            title=opt("title"),
            url=opt("url"),
            date=to_date(obj.get("date")),
            source=opt("source"),
            notes=notes if single else (*notes, _part_note(n, limits.max_text_chars)),
        )


def _readline(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """The next line, or its first ``limit`` bytes and True when it is longer (rest skipped)."""
    raw = stream.readline(limit + 1)
    if len(raw) <= limit:
        return raw, False
    # Drain the rest of the over-long line in bounded pieces rather than holding it.
    tail = raw
    while tail and not tail.endswith(b"\n"):
        tail = stream.readline(1 << 20)
    return raw[:limit], True


def read_jsonl_stream(stream: IO[bytes], origin: str, limits: ReadLimits) -> Iterator[Item]:
    """Records one per line; a bad line is rejected with its number and reading goes on."""
    line_no = 0
    try:
        while True:
            raw, too_long = _readline(stream, limits.max_line_bytes)
            if not raw:
                return
            line_no += 1
            if too_long:
                yield Rejection(
                    origin, f"line longer than {limits.max_line_bytes:,} bytes", line_no
                )
                continue
            if not raw.strip():
                continue
            text, notes = decode(raw)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Rejection(
                    origin, f"malformed JSON ({exc.msg} at column {exc.colno})", line_no
                )
                continue
            except RecursionError:
                yield Rejection(origin, "malformed JSON (nested too deeply)", line_no)
                continue
            yield from _records(obj, origin, line_no, limits, notes)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
        yield Rejection(
            origin, f"file ends early or is corrupt after line {line_no} ({exc})", line_no + 1
        )


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def read_path(path: Path, limits: ReadLimits) -> Iterator[Item]:
    origin = str(path)
    kind = _kind(path)
    if kind is None:
        yield Rejection(
            origin,
            f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .html or .jsonl(.gz)",
        )
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejection(origin, f"cannot read file ({exc.strerror})")
        return
    if kind == "jsonl":
        try:
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from read_jsonl_stream(fh, origin, limits)  # type: ignore[arg-type]
        except OSError as exc:
            yield Rejection(origin, f"cannot read file ({exc})")
        return
    if size > limits.max_file_bytes:
        yield Rejection(
            origin, f"file is {size:,} bytes, over the limit of {limits.max_file_bytes:,}"
        )
        return
    try:
        if kind == "text":
            with open(path, "rb") as fh:
                yield from read_text_stream(fh, origin, limits)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_html(data, origin, limits)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Expand folders recursively (sorted, hidden files skipped); report missing paths.

    Symbolic links to folders are not followed (``rglob`` in Python < 3.13 does not), so a
    link loop cannot make the walk endless.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and _kind(child) is not None:
                    yield child
        elif path.is_file():
            yield path
        elif path.exists():
            yield Rejection(str(path), "not a regular file or folder (device, pipe or socket)")
        else:
            yield Rejection(str(path), "no such file or folder")


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read (to sniff the format) before the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def read_stdin(stream: IO[bytes], limits: ReadLimits) -> Iterator[Item]:
    """JSONL when the first non-blank character is ``{``, else one text; streamed either way."""
    head = b""
    while len(head) < 65536:
        chunk = stream.read(4096)
        if not chunk:
            break
        head += chunk
        if head.strip():
            break
    buffered = io.BufferedReader(_Prefixed(head, stream))
    if head.lstrip().startswith(b"{"):
        yield from read_jsonl_stream(buffered, "<stdin>", limits)
    else:
        yield from read_text_stream(buffered, "<stdin>", limits)


def read_inputs(
    paths: Iterable[str], limits: ReadLimits | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Read every input; ``-`` reads stdin (JSONL when its first character is ``{``, else text)."""
    limits = limits or ReadLimits()
    for p in paths:
        if p == "-":
            yield from read_stdin(stdin if stdin is not None else io.BytesIO(), limits)
            continue
        for entry in iter_files([p]):
            if isinstance(entry, Rejection):
                yield entry
            else:
                yield from read_path(entry, limits)

"""Readers: files, folders and stdin in; :class:`Document` or :class:`Rejection` out.

This is an edge module: it does the file I/O so that the stages after it never do. Every
input that cannot be used yields a :class:`Rejection` naming the file (and line), and reading
goes on with the next one: one bad file must never cost the rest of a batch.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ._types import Document, Rejection

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")

# A valid multi-byte UTF-8 sequence; its absence in undecodable bytes suggests Latin-1.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds that keep one pathological input from exhausting memory or time."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_text_chars: int = 2_000_000  # longer texts are cut here, with a note
    max_line_bytes: int = 16 * 1024 * 1024  # one JSONL record


Item = Document | Rejection


def parse_date(value: Any) -> dt.date | None:
    """A date from a record field: ISO dates, datetimes, or compact YYYYMMDD."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", s)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


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


def _limit(text: str, limits: ReadLimits, notes: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    if len(text) > limits.max_text_chars:
        notes = (*notes, f"text cut at {limits.max_text_chars:,} characters (was {len(text):,})")
        text = text[: limits.max_text_chars]
    return text, notes


def read_text(data: bytes, origin: str, limits: ReadLimits) -> Item:
    if not data.strip():
        return Rejection(origin, "empty file" if not data else "whitespace-only file")
    if _looks_binary(data):
        return Rejection(origin, "binary file, not text")
    text, notes = decode(data)
    text, notes = _limit(text, limits, notes)
    return Document(text=text, origin=origin, notes=notes)


def read_html(data: bytes, origin: str, limits: ReadLimits) -> Item:
    """Main text, title and date of a news page, via trafilatura."""
    if not data.strip():
        return Rejection(origin, "empty file")
    if _looks_binary(data):
        return Rejection(origin, "binary file, not HTML")
    html, notes = decode(data)
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - core dependency
        raise RuntimeError("trafilatura is missing; run: pip install trafilatura lxml_html_clean") from exc
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except (RecursionError, ValueError, TypeError, MemoryError) as exc:
        return Rejection(origin, f"HTML could not be parsed ({type(exc).__name__})")
    except Exception as exc:  # lxml raises many private error types on broken markup
        return Rejection(origin, f"HTML could not be parsed ({type(exc).__name__}: {exc})"[:200])
    if result is None:
        return Rejection(origin, "no article text found in the HTML (script-only or empty page)")
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (meta.get("text") or "").strip()
    if not text:
        return Rejection(origin, "no article text found in the HTML (script-only or empty page)")
    text, notes = _limit(text, limits, notes)
    return Document(
        text=text,
        origin=origin,
        title=meta.get("title") or None,
        url=meta.get("url") or None,
        date=parse_date(meta.get("date")),
        source=meta.get("sitename") or meta.get("hostname") or None,
        notes=notes,
    )


def _record(obj: Any, origin: str, line: int, limits: ReadLimits) -> Item:
    if not isinstance(obj, dict):
        return Rejection(origin, f"record is a JSON {type(obj).__name__}, not an object", line)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(origin, "record has no text (field 'text' missing or empty)", line)
    text, notes = _limit(text, limits, ())
    rid = obj.get("id")

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    return Document(
        text=text,
        origin=f"{origin}:{line}",
        id=str(rid) if rid not in (None, "") else None,
        title=opt("title"),
        url=opt("url"),
        date=parse_date(obj.get("date")),
        source=opt("source"),
        notes=notes,
    )


def read_jsonl_stream(stream: IO[bytes], origin: str, limits: ReadLimits) -> Iterator[Item]:
    """Records one per line; a bad line is rejected with its number and reading goes on."""
    line_no = 0
    try:
        for raw in stream:
            line_no += 1
            if not raw.strip():
                continue
            if len(raw) > limits.max_line_bytes:
                yield Rejection(origin, f"line longer than {limits.max_line_bytes:,} bytes", line_no)
                continue
            text, _notes = decode(raw)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Rejection(origin, f"malformed JSON ({exc.msg} at column {exc.colno})", line_no)
                continue
            yield _record(obj, origin, line_no, limits)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
        yield Rejection(origin, f"file ends early or is corrupt after line {line_no} ({exc})", line_no + 1)


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
        yield Rejection(origin, f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .html or .jsonl(.gz)")
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
        yield Rejection(origin, f"file is {size:,} bytes, over the limit of {limits.max_file_bytes:,}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, f"cannot read file ({exc.strerror})")
        return
    yield read_html(data, origin, limits) if kind == "html" else read_text(data, origin, limits)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Expand folders recursively (sorted, hidden files skipped); report missing paths."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    if _kind(child) is not None:
                        yield child
        elif path.is_file():
            yield path
        else:
            yield Rejection(str(path), "no such file or folder")


def read_inputs(
    paths: Iterable[str], limits: ReadLimits | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Read every input; ``-`` reads stdin (JSONL when its first character is ``{``, else text)."""
    limits = limits or ReadLimits()
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else io.BytesIO()
            data = stream.read()
            if data.lstrip().startswith(b"{"):
                yield from read_jsonl_stream(io.BytesIO(data), "<stdin>", limits)
            else:
                yield read_text(data, "<stdin>", limits)
            continue
        for entry in iter_files([p]):
            if isinstance(entry, Rejection):
                yield entry
            else:
                yield from read_path(entry, limits)

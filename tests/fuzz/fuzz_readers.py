"""Fuzz the HTML, JSONL, text and stdin readers with atheris (libFuzzer).

Run: python tests/fuzz/fuzz_readers.py -max_total_time=20 [corpus_dir]
Any exception escaping a reader is a bug: readers must turn every bad input into a Rejection.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports(include=["multipolar"]):
    from multipolar.ingestion.read import (
        ReadLimits,
        read_html,
        read_jsonl_stream,
        read_stdin,
        read_text,
    )
    from multipolar.records import Document, Rejection
    from multipolar.text.clean import clean
    from multipolar.text.lang import detect_language
    from multipolar.text.segment import segment

# Small limits, so that the splitting and over-long-line paths are reached with small inputs.
LIMITS = ReadLimits(max_file_bytes=1 << 20, max_text_chars=1000, max_line_bytes=512)


def _check(items: list[Document | Rejection]) -> None:
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason, item
            continue
        assert isinstance(item, Document) and item.text.strip(), item
        text = clean(item.text)
        detect_language(text)
        for s in segment(text, 200):
            assert text[s.start : s.end] == s.text


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    payload = fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 0:
        _check(list(read_html(payload, "f.html", LIMITS)))
    elif mode == 1:
        _check(list(read_jsonl_stream(io.BytesIO(payload), "f.jsonl", LIMITS)))
    elif mode == 2:
        _check([read_text(payload, "f.txt", LIMITS)])
    else:
        _check(list(read_stdin(io.BytesIO(payload), LIMITS)))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from multipolar.ingestion.read import ReadLimits, decode, read_inputs
from multipolar.records import Document, Rejection


def _read(*paths: str | Path) -> list[Document | Rejection]:
    return list(read_inputs([str(p) for p in paths]))


@pytest.mark.parametrize(
    ("data", "text", "noted"),
    [
        ("Québec".encode(), "Québec", False),
        ("Québec".encode("latin-1"), "Québec", True),
        (b"ok \xe2\x82\xac then \xff bad", "ok € then \ufffd bad", True),
    ],
)
def test_decode(data: bytes, text: str, noted: bool) -> None:
    got, notes = decode(data)
    assert got == text
    assert bool(notes) == noted


def test_text_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Canada and Mexico met.", encoding="utf-8")
    [doc] = _read(p)
    assert (
        isinstance(doc, Document) and doc.text == "Canada and Mexico met." and doc.origin == str(p)
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "whitespace-only"),
        ("bin.txt", b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("x.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_rejections_name_the_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    [item] = _read(p)
    assert isinstance(item, Rejection)
    assert reason in item.reason
    assert str(p) in item.message()


def test_missing_path() -> None:
    [item] = _read("/nonexistent/file.txt")
    assert isinstance(item, Rejection) and "no such file" in item.reason


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(
        '{"id": "1", "text": "Canada met Mexico.", "date": "2025-01-02"}\n'
        "{not json\n"
        '{"id": "3"}\n'
        "[1, 2]\n"
        "\n"
        '{"id": "6", "text": "Japan met Australia."}\n',
        encoding="utf-8",
    )
    items = _read(p)
    docs = [i for i in items if isinstance(i, Document)]
    rejected = {i.line: i.reason for i in items if isinstance(i, Rejection)}
    assert [d.id for d in docs] == ["1", "6"]
    assert docs[0].date is not None and docs[0].date.isoformat() == "2025-01-02"
    assert set(rejected) == {2, 3, 4}
    assert "malformed JSON" in rejected[2] and "no text" in rejected[3]


def test_truncated_gzip_keeps_earlier_lines(tmp_path: Path) -> None:
    raw = b"".join(
        b'{"id": "%d", "text": "Canada met Mexico number %d."}\n' % (i, i) for i in range(2000)
    )
    data = gzip.compress(raw)
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = _read(p)
    assert sum(isinstance(i, Document) for i in items) > 0
    assert isinstance(items[-1], Rejection) and "corrupt" in items[-1].reason


def test_folder_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.")
    (tmp_path / "1.txt").write_text("One.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "notes.csv").write_text("a,b")
    texts = [i.text for i in _read(tmp_path) if isinstance(i, Document)]
    assert texts == ["One.", "Two."]


def test_html_extraction(tmp_path: Path) -> None:
    body = " ".join(["Canada and Mexico agreed to deepen their trade ties on Thursday."] * 8)
    html = f"""<html><head><title>Trade</title><meta property="article:published_time" content="2025-03-20"></head>
    <body><nav>Home | World</nav><article><h1>Trade ties</h1><p>{body}</p><p>{body}</p></article>
    <footer>Copyright</footer></body></html>"""
    p = tmp_path / "a.html"
    p.write_text(html)
    [doc] = _read(p)
    assert isinstance(doc, Document)
    assert "Canada and Mexico agreed" in doc.text and "Home | World" not in doc.text
    assert doc.date is not None and doc.date.isoformat() == "2025-03-20"


def test_script_only_html_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "s.html"
    p.write_text(
        "<html><head><script>var a = 1;</script></head><body><script>run()</script></body></html>"
    )
    [item] = _read(p)
    assert isinstance(item, Rejection) and "no article text" in item.reason


def test_stdin_text_and_jsonl() -> None:
    [doc] = list(read_inputs(["-"], stdin=io.BytesIO(b"Canada met Mexico.")))
    assert isinstance(doc, Document) and doc.origin == "<stdin>"
    items = list(read_inputs(["-"], stdin=io.BytesIO(b'{"id": "x", "text": "A met B."}\n')))
    assert isinstance(items[0], Document) and items[0].id == "x"


def test_long_text_is_split_into_noted_parts(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 5000)
    docs = list(read_inputs([str(p)], ReadLimits(max_text_chars=1000)))
    assert all(isinstance(d, Document) and len(d.text) <= 1000 for d in docs)
    assert "".join(d.text for d in docs if isinstance(d, Document)) == "word " * 5000
    assert docs[1].origin == f"{p}#part2" and "part 2" in docs[1].notes[-1]


def test_file_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 5000)
    [item] = list(read_inputs([str(p)], ReadLimits(max_file_bytes=100)))
    assert isinstance(item, Rejection) and "over the limit" in item.reason

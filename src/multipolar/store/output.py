"""Writing records as a table, CSV, JSON lines, JSON or Parquet (an edge module)."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Sequence
from typing import IO, Any

import pandas as pd

from .database import to_json_value

TABLE_WIDTH_DEFAULT = 160


def _missing(value: Any) -> bool:
    # pandas reads SQL NULL back as None, NaN or pd.NA depending on the column's dtype.
    return (
        value is None
        or value is getattr(pd, "NA", None)
        or (isinstance(value, float) and value != value)
    )


def _cell(value: Any, width: int) -> str:
    if _missing(value):
        text = ""
    elif isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, list | tuple):
        text = ",".join(map(str, value))
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def format_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], max_width: int | None = None
) -> str:
    """A plain aligned text table; the last column is cut to fit the terminal."""
    if not rows:
        return "(no rows)"
    total = max_width or shutil.get_terminal_size((TABLE_WIDTH_DEFAULT, 24)).columns
    widths = {c: min(28, max(len(c), *(len(_cell(r.get(c), 1000)) for r in rows))) for c in columns}
    used = sum(widths[c] + 2 for c in columns[:-1])
    widths[columns[-1]] = max(20, min(widths[columns[-1]] if len(rows) else 20, total - used, 200))
    if total - used > widths[columns[-1]]:
        widths[columns[-1]] = max(
            widths[columns[-1]], min(200, max(len(_cell(r.get(columns[-1]), 1000)) for r in rows))
        )
        widths[columns[-1]] = min(widths[columns[-1]], max(20, total - used))
    lines = ["  ".join(c.ljust(widths[c]) for c in columns).rstrip()]
    lines.append("  ".join("-" * widths[c] for c in columns))
    for r in rows:
        lines.append(
            "  ".join(_cell(r.get(c), widths[c]).ljust(widths[c]) for c in columns).rstrip()
        )
    return "\n".join(lines)


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        out[k] = None if _missing(v) else to_json_value(v)
    return out


def write_records(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    out: IO[str] | None = None,
    table_columns: Sequence[str] | None = None,
    all_columns: Sequence[str] | None = None,
    parquet_path: str | None = None,
) -> None:
    out = out or sys.stdout
    columns = list(all_columns or (rows[0].keys() if rows else []))
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(jsonable(r), ensure_ascii=False) + "\n")
    elif fmt == "json":
        out.write(json.dumps([jsonable(r) for r in rows], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _csv_value(v) for k, v in jsonable(r).items()})
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = (
            pa.Table.from_pylist([jsonable(r) for r in rows])
            if rows
            else pa.table({c: [] for c in columns})
        )
        if parquet_path is None:
            raise ValueError("--format parquet needs --output FILE")
        pq.write_table(table, parquet_path)
    else:
        out.write(format_table(rows, list(table_columns or columns)) + "\n")


def _csv_value(v: Any) -> Any:
    if isinstance(v, list):
        return ";".join(map(str, v))
    return v

"""multipolar: news in, coded events about how states align out.

The public Python API::

    import multipolar
    events = multipolar.extract("Canada and Mexico agreed to deepen trade ties.", date="2025-09-18")
    multipolar.ingest(["articles/"], db="news.duckdb")
    multipolar.code(db="news.duckdb")
    df = multipolar.events_frame("news.duckdb", actor="CAN")

The public API is ``__all__``. The subpackages (``text``, ``ingestion``, ``actors``, ``coding``,
``store``, ``engines``, ``analytics``, ``web``, ``cli``; see docs/architecture.md) are internal
and may change between versions.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from .records import Coded, CodeReport, Event, Mention, Quantity

if TYPE_CHECKING:
    from .coding.coder import Coder, CoderConfig, extract

__version__ = "0.1.0"

__all__ = [
    "CodeReport",
    "Coded",
    "Coder",
    "CoderConfig",
    "Event",
    "Mention",
    "Quantity",
    "__version__",
    "code",
    "connect",
    "events_frame",
    "extract",
    "ingest",
]


def ingest(
    paths: list[str], db: str | os.PathLike[str] = "multipolar.duckdb", date: dt.date | None = None
) -> Any:
    """Read news into the store: cleaned, deduplicated, one row per article.

    Parameters:
        paths: files (``.txt``, ``.html``/``.htm``, ``.jsonl``/``.jsonl.gz``) or folders of them.
        db: the DuckDB file; created when missing, upgraded in place when older.
        date: the date of articles that carry none of their own.

    Returns an ``IngestReport`` (``added``, ``duplicates``, ``rejected``,
    ``near_duplicates``, ``messages``). A rejected file or line is reported with its reason
    and logged in ``ingest_log``; the rest is still ingested.
    """
    from .ingestion.ingest import ingest as _ingest

    return _ingest(paths, db, date)


def code(db: str | os.PathLike[str] = "multipolar.duckdb", workers: int | None = None) -> Any:
    """Code every article of ``db`` not yet coded, in batches committed atomically.

    Parameters:
        db: the DuckDB file written by :func:`ingest`.
        workers: processes to code with (default: all cores).

    Returns a ``CodeReport`` (articles, events, quantities, sentences, parsed). Resumable: an
    interrupted run loses at most the batch in flight, and the next run goes on from there.
    """
    from .engines.local import code_db

    return code_db(db, workers=workers)


def connect(db: str | os.PathLike[str] = "multipolar.duckdb", read_only: bool = True) -> Any:
    """A DuckDB connection to the store (read-only by default), for your own SQL."""
    from .store.database import connect as _connect

    return _connect(db, read_only=read_only)


def events_frame(
    db: str | os.PathLike[str] = "multipolar.duckdb",
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    type: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    skip_near_duplicates: bool = False,
) -> Any:
    """Events as a pandas DataFrame, with the same filters as ``multipolar events``.

    Parameters:
        db: the DuckDB file.
        actor: events whose source or target is this code (``"CAN"``, ``"EU"``).
        dyad: events between these two codes, in either direction.
        type: a PLOVER type (``"AGREE"``), a CAMEO code or a CAMEO root (``"03"``).
        since, until: first and last event date to include.
        skip_near_duplicates: leave out events of articles flagged as near-duplicates.

    The filters run inside DuckDB; only the matching rows reach pandas.
    """
    from .store.database import EventFilter, opened, query_events

    with opened(db, read_only=True) as con:
        return query_events(
            con,
            EventFilter(actor, dyad, type, since, until, skip_near_duplicates=skip_near_duplicates),
        )


def __getattr__(name: str) -> Any:
    # The coder pulls in spaCy; importing it lazily keeps `import multipolar` and the CLI fast.
    if name in ("Coder", "CoderConfig", "extract"):
        from .coding import coder

        return getattr(coder, name)
    raise AttributeError(f"module 'multipolar' has no attribute {name!r}")

"""multipolar: news in, coded events about how states align out.

The public Python API::

    import multipolar
    events = multipolar.extract("Canada and Mexico agreed to deepen trade ties.", date="2025-09-18")
    multipolar.ingest(["articles/"], db="news.duckdb")
    multipolar.code(db="news.duckdb")
    df = multipolar.events_frame("news.duckdb", actor="CAN")

Everything else lives in private modules and may change between versions.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from .records import Coded, Event, Mention, Quantity

if TYPE_CHECKING:
    from .coding.coder import Coder, CoderConfig, extract

__version__ = "0.1.0"

__all__ = [
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
    """Ingest files or folders into ``db``; returns a report with added/duplicates/rejected."""
    from .ingestion.ingest import ingest as _ingest

    return _ingest(paths, db, date)


def code(db: str | os.PathLike[str] = "multipolar.duckdb", workers: int | None = None) -> Any:
    """Code every uncoded article in ``db``; returns a report of what was added."""
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
    """Events as a pandas DataFrame, with the same filters as ``multipolar events``."""
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

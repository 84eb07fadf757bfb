"""One reading of a date from whatever a record, a data file or a database row holds.

Dates reach the pipeline as ``datetime.date``, ``datetime``, pandas or numpy timestamps, ISO
strings (``2025-09-20``, ``2025-09-20T10:00:00Z``), compact ``20250920``, or the bare years and
months of Wikidata's precision (``1957``, ``1957-06``). Every stage reads them through
:func:`to_date`, so a value means the same day wherever it is read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = ["to_date"]

_MISSING = frozenset({"", "None", "NaT", "nan"})
_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


def to_date(value: Any, *, partial: bool = False, strict: bool = False) -> dt.date | None:
    """The day ``value`` names, or None when it names none.

    Parameters:
        value: a date, a datetime, a pandas/numpy timestamp, or a string that starts with an
            ISO day (``2025-09-20``, a time after it is ignored) or a compact ``20250920``.
        partial: also read a bare year (1 January) or a year and month (the first of the
            month), as Wikidata gives dates of low precision. Off for news records, where
            "2019" alone is too vague to date an event.
        strict: raise ``ValueError`` for a string that is not a date, instead of returning
            None. Packaged data files are read strictly, so a typo there fails loudly.
    """
    if value is None or value != value:  # NaT and NaN are unequal to themselves
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas / numpy timestamps
        try:
            return value.to_pydatetime().date()  # type: ignore[no-any-return]
        except ValueError:  # NaT
            return None
    s = str(value).strip()
    if s in _MISSING:
        return None
    try:
        if partial and len(s) == 4 and s.isdigit():
            return dt.date(int(s), 1, 1)
        if partial and len(s) == 7 and s[4] == "-" and s[:4].isdigit() and s[5:].isdigit():
            return dt.date(int(s[:4]), int(s[5:7]), 1)
        m = _DAY.match(s)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        if strict:
            raise
        return None
    if strict:
        raise ValueError(f"not a date: {s!r}")
    return None

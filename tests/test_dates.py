import datetime as dt

import pandas as pd
import pytest

from multipolar.dates import to_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14", "2025-03-14"),
        ("2025-03-14T10:00:00Z", "2025-03-14"),
        ("2025-03-14 10:00:00", "2025-03-14"),
        ("20080804", "2008-08-04"),
        (" 2025-03-14 ", "2025-03-14"),
        ("", None),
        (None, None),
        ("None", None),
        ("NaT", None),
        ("yesterday", None),
        ("2025-02-30", None),
        ("080804", None),  # six digits name no day
        ("2019", None),  # a bare year dates no news record
        (dt.date(2020, 1, 2), "2020-01-02"),
        (dt.datetime(2020, 1, 2, 23, 59), "2020-01-02"),
        (pd.Timestamp("2021-05-06 12:00"), "2021-05-06"),
        (pd.NaT, None),
    ],
)
def test_to_date(value: object, expected: str | None) -> None:
    got = to_date(value)
    assert (got.isoformat() if got else None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1957", "1957-01-01"),
        ("1957-06", "1957-06-01"),
        ("1957-06-20", "1957-06-20"),
        (1957, "1957-01-01"),
    ],
)
def test_partial_dates_of_data_files(value: object, expected: str) -> None:
    got = to_date(value, partial=True, strict=True)
    assert got is not None and got.isoformat() == expected


@pytest.mark.parametrize("value", ["yesterday", "2025-02-30", "1957-13"])
def test_strict_raises_on_a_string_that_is_no_date(value: str) -> None:
    with pytest.raises(ValueError):
        to_date(value, partial=True, strict=True)

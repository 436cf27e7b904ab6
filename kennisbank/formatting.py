"""Dates and periods in Dutch, for people: "6 juli 2023", "vierde kwartaal 2023"."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date

_ORDINALS = {"1": "eerste", "2": "tweede", "3": "derde", "4": "vierde"}


@lru_cache(maxsize=4096)  # babel is slow and pages repeat the same dates (checked on, status dates)
def date_nl(value: str | dt.date) -> str:
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(date, format="long", locale="nl_NL")


def period_nl(value: str) -> str:
    """Human form of a normalised period (see periods.py)."""
    if len(value) == 4:
        return value
    year, part = value[:4], value[5:]
    if part.startswith("Q"):
        return f"{_ORDINALS[part[1]]} kwartaal {year}"
    if part.startswith("H"):
        return f"{_ORDINALS[part[1]]} helft van {year}"
    if len(part) == 2:
        return format_date(dt.date(int(year), int(part), 1), format="LLLL yyyy", locale="nl_NL")
    return date_nl(value)

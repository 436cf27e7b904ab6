"""Dates and periods as written in records ("2023", "2023-Q4", "2023-06-30")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PERIOD = re.compile(r"^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})(?:-(\d{2}))?))?$")


class PeriodError(ValueError):
    pass


def bounds(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period; raises PeriodError for impossible dates."""
    match = _PERIOD.match(text)
    if not match:
        raise PeriodError(text)
    year, half, quarter, month, day = match.groups()
    y = int(year)
    try:
        if half:
            first_month = 1 if half == "1" else 7
            return dt.date(y, first_month, 1), _month_end(y, first_month + 5)
        if quarter:
            first_month = 3 * int(quarter) - 2
            return dt.date(y, first_month, 1), _month_end(y, first_month + 2)
        if month and day:
            date = dt.date(y, int(month), int(day))
            return date, date
        if month:
            return dt.date(y, int(month), 1), _month_end(y, int(month))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError as error:
        raise PeriodError(text) from error


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def start(text: str) -> dt.date:
    return bounds(text)[0]


def end(text: str) -> dt.date:
    return bounds(text)[1]


def is_valid(text: str) -> bool:
    try:
        bounds(text)
    except PeriodError:
        return False
    return True

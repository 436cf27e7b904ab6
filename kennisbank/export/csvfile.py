"""CSV as Dutch spreadsheets expect it: semicolons, UTF-8 with a byte order mark, CRLF line ends.

Excel with Dutch settings then splits the columns and shows ë and ö without
an import dialog.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

SEPARATOR = " | "  # between the values of a multi-valued field


def dutch_csv(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")

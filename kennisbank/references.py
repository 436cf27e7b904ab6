"""Find the references to other records inside one record's data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .schemas import RefField


def find_references(data: Any, fields: list[RefField]) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Yield (path, target kind, id) for every reference value in `data`."""
    for ref in fields:
        for path, value in _walk(data, ref.path, ()):
            if isinstance(value, str) and value not in ref.literals:
                yield path, ref.target, value


def _walk(data: Any, pattern: tuple[str, ...], path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _walk(item, rest, path + (index,))
    elif isinstance(data, dict) and head in data:
        yield from _walk(data[head], rest, path + (head,))

"""Likely duplicates of a new initiative: same municipality and a similar name, or a very similar summary."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Record, fold
from .textsearch import RecordSearch, terms

NAME_RATIO = 0.75  # difflib ratio of the folded names
NAME_OVERLAP = 0.6  # Dice overlap of the names' stems
SUMMARY_OVERLAP = 0.6  # Dice overlap of the summaries' stems


@dataclass(frozen=True)
class Likely:
    record: Record
    reason: str  # Dutch


def _overlap(a: str, b: str) -> float:
    x, y = set(terms(a)), set(terms(b))
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _similar_names(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio() >= NAME_RATIO or _overlap(a, b) >= NAME_OVERLAP


def likely_duplicates(search: RecordSearch, name: str, municipalities: list[str], summary: str = "") -> list[Likely]:
    """Existing initiatives the new one probably repeats; lunr finds the candidates, the rules above decide."""
    candidates = {hit.record.id: hit.record for hit in search.search(f"{name} {summary}", limit=20)
                  if hit.record.kind.name == "initiatief"}
    wanted = {fold(m) for m in municipalities}
    found = []
    for record in candidates.values():
        shared = sorted(m for m in record.get("gemeenten", []) if fold(m) in wanted)
        if shared and _similar_names(name, record.title):
            found.append(Likely(record, f"zelfde gemeente ({', '.join(shared)}) en een vergelijkbare naam"))
        elif summary and _overlap(summary, record.data["samenvatting"]) >= SUMMARY_OVERLAP:
            found.append(Likely(record, "een zeer vergelijkbare samenvatting"))
    return found

"""The validated knowledge base: records by type, and the links between them."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .kinds import KINDS, Kind
from .references import find_references
from .schemas import Schemas


OWNER_NOT_NAMED = "niet-genoemd"  # an action's `eigenaar` when the source names no owner


@dataclass
class Record:
    kind: Kind
    id: str
    data: dict[str, Any]
    file: str  # path relative to the project root, e.g. "initiatives/anna-zorgt.yaml"

    @property
    def title(self) -> str:
        return self.data[self.kind.title_field]

    @property
    def src_uri(self) -> str:
        """Path of the generated Markdown page inside the MkDocs docs tree."""
        return f"{self.kind.url}/{self.id}.md"

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def texts(self) -> Iterator[str]:
        """Every text value in the record, at any depth (for search and the link check)."""
        return _strings(self.data)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@dataclass(frozen=True)
class Link:
    """A reference from one record to another, kept for "linked from" lists."""

    source: Record
    path: tuple[Any, ...]
    target: Record


@dataclass
class KnowledgeBase:
    schemas: Schemas
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    outgoing: dict[tuple[str, str], list[Link]] = field(default_factory=lambda: defaultdict(list))
    incoming: dict[tuple[str, str], list[Link]] = field(default_factory=lambda: defaultdict(list))
    _sorted: dict[str, list[Record]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, schemas: Schemas, records: list[Record]) -> KnowledgeBase:
        """Assemble validated records; every reference is known to resolve."""
        kb = cls(schemas, {kind.name: {} for kind in KINDS})
        for record in records:
            kb.records[record.kind.name][record.id] = record
        for record in records:
            for path, target_kind, target_id in find_references(record.data, schemas.references[record.kind.name]):
                link = Link(record, path, kb.records[target_kind][target_id])
                kb.outgoing[(record.kind.name, record.id)].append(link)
                kb.incoming[(target_kind, target_id)].append(link)
        return kb

    def get(self, kind: str, record_id: str) -> Record:
        return self.records[kind][record_id]

    def all(self, kind: str) -> list[Record]:
        """Records of one kind, sorted by their display name (Dutch, case-insensitive). A new list each call."""
        if kind not in self._sorted:  # records do not change after build(); pages ask for these lists per page
            self._sorted[kind] = sorted(self.records[kind].values(), key=lambda r: (sort_key(r.title), r.id))
        return list(self._sorted[kind])

    def linked_from(self, record: Record, kind: str) -> list[Record]:
        """Distinct records of `kind` that refer to `record`, sorted by name."""
        found = {link.source.id: link.source for link in self.incoming[(record.kind.name, record.id)] if link.source.kind.name == kind}
        return sorted(found.values(), key=lambda r: (sort_key(r.title), r.id))

    def owner(self, action: Record) -> Record | None:
        """The owning organisation of an action, or None where the source names none."""
        owner_id = action.data["eigenaar"]
        return None if owner_id == OWNER_NOT_NAMED else self.get("organisatie", owner_id)

    def label(self, vocabulary: str, value: str) -> str:
        return self.schemas.vocabularies[vocabulary].label(value)


@lru_cache(maxsize=1 << 16)  # names and words repeat across pages; folding is per character
def fold(text: str) -> str:
    """Lowercase without diacritics: 'Coöperatie' -> 'cooperatie'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sort_key(text: str) -> str:
    """Sort Dutch names ignoring case, diacritics and a leading quote."""
    return fold(text.lstrip("\"'‘“"))

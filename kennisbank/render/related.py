"""Records related to a record, in both directions of a reference."""

from __future__ import annotations

from ..model import KnowledgeBase, Record, sort_key


def related(kb: KnowledgeBase, record: Record, kind: str) -> list[Record]:
    """Records of `kind` this record refers to, plus those referring to it."""
    found = {link.target.id: link.target for link in kb.outgoing[(record.kind.name, record.id)] if link.target.kind.name == kind}
    found.update({r.id: r for r in kb.linked_from(record, kind)})
    found.pop(record.id if record.kind.name == kind else "", None)
    return sorted(found.values(), key=lambda r: (sort_key(r.title), r.id))


def referring(kb: KnowledgeBase, record: Record, kind: str, field: str) -> list[Record]:
    """Records of `kind` that name `record` in the top-level `field`."""
    found = {link.source.id: link.source for link in kb.incoming[(record.kind.name, record.id)]
             if link.source.kind.name == kind and link.path[0] == field}
    return sorted(found.values(), key=lambda r: (sort_key(r.title), r.id))

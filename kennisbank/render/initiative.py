"""The page of one initiative: a good-practice sheet."""

from __future__ import annotations

from ..model import KnowledgeBase, Record, sort_key
from .environment import GeneratedPage, Renderer
from .related import related


def similar(kb: KnowledgeBase, record: Record, limit: int = 5) -> list[Record]:
    """Initiatives in the same municipality or sharing themes, most overlap first."""
    themes, places = set(record.data["themas"]), set(record.get("gemeenten", []))
    scored = []
    for other in kb.all("initiatief"):
        if other.id == record.id:
            continue
        score = 2 * len(places & set(other.get("gemeenten", []))) + len(themes & set(other.data["themas"]))
        if score:
            scored.append((-score, sort_key(other.title), other))
    return [other for *_, other in sorted(scored, key=lambda item: item[:2])[:limit]]


def page(renderer: Renderer, record: Record) -> GeneratedPage:
    groups = [
        ("Acties", related(renderer.kb, record, "actie")),
        ("Begrippen", related(renderer.kb, record, "begrip")),
        ("Initiatieven", related(renderer.kb, record, "initiatief")),
        ("Vergelijkbare initiatieven (zelfde gemeente of thema)", similar(renderer.kb, record)),
    ]
    return renderer.record_page("initiatief.md.j2", record, related=[group for group in groups if group[1]])

"""The page of one initiative: a good-practice sheet."""

from __future__ import annotations

from collections import defaultdict

from ..model import KnowledgeBase, Record, sort_key
from .environment import GeneratedPage, Renderer
from .related import related


CANDIDATES_PER_THEME = 50  # with more initiatives per theme, only the first 50 by name compete on theme alone


class Similarity:
    """Initiatives in the same municipality or sharing themes, most overlap first.

    Indexed once per build: scoring every pair would grow with the square of the
    number of initiatives. Every initiative in the same municipality is scored;
    of those that only share a theme, the first CANDIDATES_PER_THEME per theme
    (exact as long as no theme has more initiatives than that).
    """

    def __init__(self, kb: KnowledgeBase):
        self.by_place: dict[str, list[Record]] = defaultdict(list)
        self.by_theme: dict[str, list[Record]] = defaultdict(list)
        for other in kb.all("initiatief"):  # sorted by name
            for place in other.get("gemeenten", []):
                self.by_place[place].append(other)
            for theme in other.data["themas"]:
                self.by_theme[theme].append(other)

    def similar(self, record: Record, limit: int = 5) -> list[Record]:
        themes, places = set(record.data["themas"]), set(record.get("gemeenten", []))
        candidates = {o.id: o for p in places for o in self.by_place[p]}
        candidates.update({o.id: o for t in themes for o in self.by_theme[t][:CANDIDATES_PER_THEME + 1]})
        candidates.pop(record.id, None)
        scored = [(-(2 * len(places & set(o.get("gemeenten", []))) + len(themes & set(o.data["themas"]))), sort_key(o.title), o)
                  for o in candidates.values()]
        return [other for *_, other in sorted(scored, key=lambda item: item[:2])[:limit]]


def page(renderer: Renderer, record: Record) -> GeneratedPage:
    groups = [
        ("Acties", related(renderer.kb, record, "actie")),
        ("Begrippen", related(renderer.kb, record, "begrip")),
        ("Initiatieven", related(renderer.kb, record, "initiatief")),
        ("Vergelijkbare initiatieven (zelfde gemeente of thema)", renderer.memo("similarity", lambda: Similarity(renderer.kb)).similar(record)),
    ]
    return renderer.record_page("initiatief.md.j2", record, related=[group for group in groups if group[1]])

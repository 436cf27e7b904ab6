"""The initiatives catalogue: facets with counts, one plain page per facet value.

Every filter works without JavaScript: each facet value has its own generated
page. The script (docs/javascripts/catalogus.js) only combines filters on the
overview page, keeps them in the URL and sorts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import KnowledgeBase, Record
from .environment import GeneratedPage, Renderer
from .searchwords import slug


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter and folder name, e.g. "thema"
    title: str  # Dutch heading
    values: Callable[[KnowledgeBase, Record], list[tuple[str, str]]]  # (slug, label) pairs of one record
    phrase: str  # "met thema", "in provincie" for page titles


def _vocabulary(field: str, vocabulary: str) -> Callable[[KnowledgeBase, Record], list[tuple[str, str]]]:
    def values(kb: KnowledgeBase, record: Record) -> list[tuple[str, str]]:
        raw = record.get(field, [])
        items = raw if isinstance(raw, list) else [raw]
        return [(value, kb.label(vocabulary, value)) for value in items]
    return values


def _municipalities(kb: KnowledgeBase, record: Record) -> list[tuple[str, str]]:
    return [(slug(name), name) for name in record.get("gemeenten", [])]


def _recognition(kb: KnowledgeBase, record: Record) -> list[tuple[str, str]]:
    level = record.get("erkenning", {}).get("niveau")
    return [(level, kb.label("erkenningsniveau", level))] if level else [("geen", "Geen erkenning bekend")]


FACETS: tuple[Facet, ...] = (
    Facet("thema", "Thema", _vocabulary("themas", "thema"), "met thema"),
    Facet("provincie", "Provincie", _vocabulary("provincies", "provincie"), "in provincie"),
    Facet("gemeente", "Gemeente", _municipalities, "in gemeente"),
    Facet("doelgroep", "Voor wie", _vocabulary("doelgroepen", "doelgroep"), "voor"),
    Facet("vorm", "Organisatievorm", _vocabulary("organisatievorm", "organisatievorm"), "met vorm"),
    Facet("status", "Status", _vocabulary("status", "initiatiefstatus"), "met status"),
    Facet("erkenning", "Erkenning", _recognition, "met erkenning"),
)


def _options(kb: KnowledgeBase, records: list[Record]) -> dict[str, list[dict]]:
    """Per facet: every value with its label and count, most frequent first, then by label."""
    options: dict[str, list[dict]] = {}
    for facet in FACETS:
        counts: dict[str, dict] = {}
        for record in records:
            for value, label in facet.values(kb, record):
                counts.setdefault(value, {"value": value, "label": label, "count": 0})["count"] += 1
        options[facet.key] = sorted(counts.values(), key=lambda o: (-o["count"], slug(o["label"])))
    return options


def _card_data(kb: KnowledgeBase, record: Record) -> dict[str, str]:
    data = {facet.key: " ".join(value for value, _ in facet.values(kb, record)) for facet in FACETS}
    data["naam"] = slug(record.title)
    data["plaats"] = slug(", ".join(record.get("gemeenten", [])) or "~")  # records without a municipality sort last
    data["gecontroleerd"] = record.data["laatst_gecontroleerd"]
    return data


def pages(renderer: Renderer) -> list[GeneratedPage]:
    kb = renderer.kb
    records = kb.all("initiatief")
    options = _options(kb, records)
    cards = [(record, _card_data(kb, record)) for record in records]
    result = [renderer.render("catalogus.md.j2", "initiatieven/index.md", facets=FACETS, options=options, cards=cards)]
    for facet in FACETS:
        for option in options[facet.key]:
            matching = [(r, d) for r, d in cards if option["value"] in d[facet.key].split()]
            src = f"initiatieven/{facet.key}/{option['value']}.md"
            result.append(renderer.render("facetwaarde.md.j2", src, facet=facet, option=option, cards=matching,
                                          facets=FACETS, options=options))
    return result

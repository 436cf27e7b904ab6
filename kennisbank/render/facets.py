"""Filterable catalogues (initiatives, organisations): facets with counts, one plain page per facet value.

Every filter works without JavaScript: each facet value has its own generated
page. The script (docs/javascripts/catalogus.js) only combines filters on the
overview page, keeps them in the URL and sorts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..kinds import BY_NAME
from ..model import KnowledgeBase, Record
from .environment import GeneratedPage, Renderer
from .related import referring
from ..searchwords import slug

Values = Callable[[KnowledgeBase, Record], list[tuple[str, str]]]  # (slug, label) pairs of one record


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter and folder name, e.g. "thema"
    title: str  # Dutch heading
    values: Values
    phrase: str  # "met thema", "in provincie" for page titles


@dataclass(frozen=True)
class Sort:
    key: str  # card data attribute and URL value
    label: str
    descending: bool = False


@dataclass(frozen=True)
class Catalogue:
    kind: str
    intro: str
    facets: tuple[Facet, ...]
    sorts: tuple[Sort, ...]  # the first is the default
    card: str  # macro in _macros.md.j2 that renders one record in the filterable catalogue
    row: str  # macro for one record on a page per facet value: a list line, since those pages repeat every record several times
    extra_data: Callable[[Record], dict[str, str]]  # sort keys beyond the name

    @property
    def folder(self) -> str:
        return BY_NAME[self.kind].url

    def noun(self, count: int) -> str:
        kind = BY_NAME[self.kind]
        return kind.label.lower() if count == 1 else kind.plural.lower()


def _vocabulary(field: str, vocabulary: str) -> Values:
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


def _roles(kb: KnowledgeBase, record: Record) -> list[tuple[str, str]]:
    roles = [("eigenaar", "Eigenaar van een actie", bool(referring(kb, record, "actie", "eigenaar"))),
             ("partner", "Partner in een actie", bool(referring(kb, record, "actie", "partners"))),
             ("initiatief", "Betrokken bij een initiatief", bool(kb.linked_from(record, "initiatief"))),
             ("afzender", "Afzender van een bron", bool(referring(kb, record, "bron", "afzender")))]
    return [(key, label) for key, label, holds in roles if holds] or [("geen", "Alleen genoemd")]


def _programmes(kb: KnowledgeBase, record: Record) -> list[tuple[str, str]]:
    actions = referring(kb, record, "actie", "eigenaar") + referring(kb, record, "actie", "partners")
    found = {a.data["programma"] for a in actions}
    return [(p, kb.label("programma", p)) for p in sorted(found)]


INITIATIVES = Catalogue(
    kind="initiatief",
    intro="Goede voorbeelden uit de bronnen: lokale en landelijke initiatieven, projecten en werkwijzen rond mantelzorg, "
          "vrijwilligerswerk en zorgzame gemeenschappen. Filter op thema, plaats of doelgroep; elke filter heeft ook een eigen pagina.",
    facets=(
        Facet("thema", "Thema", _vocabulary("themas", "thema"), "met thema"),
        Facet("provincie", "Provincie", _vocabulary("provincies", "provincie"), "in provincie"),
        Facet("gemeente", "Gemeente", _municipalities, "in gemeente"),
        Facet("doelgroep", "Voor wie", _vocabulary("doelgroepen", "doelgroep"), "voor"),
        Facet("vorm", "Organisatievorm", _vocabulary("organisatievorm", "organisatievorm"), "met vorm"),
        Facet("status", "Status", _vocabulary("status", "initiatiefstatus"), "met status"),
        Facet("erkenning", "Erkenning", _recognition, "met erkenning"),
    ),
    sorts=(Sort("naam", "naam"), Sort("plaats", "gemeente"), Sort("gecontroleerd", "laatst gecontroleerd", descending=True)),
    card="initiative_card",
    row="initiative_row",
    extra_data=lambda r: {
        "plaats": slug(", ".join(r.get("gemeenten", [])) or "~"),  # records without a municipality sort last
        "gecontroleerd": r.data["laatst_gecontroleerd"],
    },
)

ORGANISATIONS = Catalogue(
    kind="organisatie",
    intro="Organisaties die in de bronnen voorkomen als eigenaar of partner van een actie, bij een initiatief of als afzender "
          "van een bron. Filter op soort, rol of programma; elke filter heeft ook een eigen pagina.",
    facets=(
        Facet("soort", "Soort organisatie", _vocabulary("soort", "organisatiesoort"), "van de soort"),
        Facet("rol", "Rol", _roles, "met de rol"),
        Facet("programma", "Programma", _programmes, "in het programma"),
    ),
    sorts=(Sort("naam", "naam"), Sort("soort", "soort")),
    card="organisation_card",
    row="organisation_row",
    extra_data=lambda r: {"soort": r.data["soort"]},
)

CATALOGUES = (INITIATIVES, ORGANISATIONS)


def _options(kb: KnowledgeBase, catalogue: Catalogue, records: list[Record]) -> dict[str, list[dict]]:
    """Per facet: every value with its label and count, most frequent first, then by label."""
    options: dict[str, list[dict]] = {}
    for facet in catalogue.facets:
        counts: dict[str, dict] = {}
        for record in records:
            for value, label in facet.values(kb, record):
                counts.setdefault(value, {"value": value, "label": label, "count": 0})["count"] += 1
        options[facet.key] = sorted(counts.values(), key=lambda o: (-o["count"], slug(o["label"])))
    return options


def _card_data(kb: KnowledgeBase, catalogue: Catalogue, record: Record) -> dict[str, str]:
    data = {facet.key: " ".join(value for value, _ in facet.values(kb, record)) for facet in catalogue.facets}
    data["naam"] = slug(record.title)
    data.update(catalogue.extra_data(record))
    return data


def _card_labels(kb: KnowledgeBase, catalogue: Catalogue, record: Record) -> dict[str, str]:
    return {facet.key: ", ".join(label for _, label in facet.values(kb, record)) for facet in catalogue.facets}


def pages(renderer: Renderer, catalogue: Catalogue) -> list[GeneratedPage]:
    kb = renderer.kb
    records = kb.all(catalogue.kind)
    options = _options(kb, catalogue, records)
    cards = [(record, _card_data(kb, catalogue, record), _card_labels(kb, catalogue, record)) for record in records]
    common = {"catalogue": catalogue, "options": options}
    result = [renderer.render("catalogus.md.j2", f"{catalogue.folder}/index.md", cards=cards, **common)]
    for facet in catalogue.facets:
        by_value: dict[str, list] = {}
        for card in cards:
            for value in card[1][facet.key].split():
                by_value.setdefault(value, []).append(card)
        for option in options[facet.key]:
            src = f"{catalogue.folder}/{facet.key}/{option['value']}.md"
            result.append(renderer.render("facetwaarde.md.j2", src, facet=facet, option=option, cards=by_value[option["value"]], **common))
    return result

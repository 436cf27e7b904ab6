"""Overview tables of the record types without a filterable catalogue (see facets.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..kinds import BY_NAME
from ..model import KnowledgeBase, Record, sort_key
from .environment import GeneratedPage, Renderer, badge, relative_url
from ..formatting import date_nl, period_nl

Row = Callable[[Callable[[Record], Markup], Renderer, Record], list[Any]]

_INTRO = {
    "actie": "Beleidsacties en toezeggingen uit de bronnen, met eigenaar, termijn en de laatst bekende stand van zaken. Lijsten per stand en per eigenaar, de wijzigingen en een vergaderstuk staan bij Voortgang.",
    "begrip": "Begrippen uit de informele zorg, met hun definitie, een uitleg in eenvoudige taal en de bron.",
    "bron": "De documenten waarop de kennisbank steunt. Elk record verwijst naar de plek in de bron waar het staat.",
}


def _status(kb: KnowledgeBase, vocabulary: str, value: str) -> Markup:
    return badge(f"kb-status--{value}", kb.label(vocabulary, value))


def _standing(renderer: Renderer, action: Record) -> Markup:
    result = renderer.standing(action)
    return badge(f"kb-stand--{result.flag}", result.label)


def _action_row(link: Callable[[Record], Markup], rd: Renderer, r: Record) -> list[Any]:
    owner = rd.kb.owner(r)
    deadline = period_nl(r.data["termijn"]["periode"]) if "termijn" in r.data else "Geen termijn"
    last = _status(rd.kb, "actiestatus", r.data["updates"][-1]["status"])
    return [link(r), link(owner) if owner else "Niet genoemd", deadline, last, _standing(rd, r)]


def _term_row(link: Callable[[Record], Markup], rd: Renderer, r: Record) -> list[Any]:
    return [link(r), r.data["uitleg"]]


def _source_row(link: Callable[[Record], Markup], rd: Renderer, r: Record) -> list[Any]:
    date = date_nl(r.data["datum"]) if "datum" in r.data else "Niet vermeld"
    return [link(r), rd.kb.label("bronsoort", r.data["soort"]), date]


_COLUMNS: dict[str, tuple[list[str], Row]] = {
    "actie": (["Actie", "Eigenaar", "Termijn", "Laatst gemelde status", "Stand op peildatum"], _action_row),
    "begrip": (["Begrip", "Uitleg"], _term_row),
    "bron": (["Bron", "Soort", "Datum"], _source_row),
}


def page(renderer: Renderer, kind_name: str) -> GeneratedPage:
    kind = BY_NAME[kind_name]
    src_uri = f"{kind.url}/index.md"
    records = renderer.kb.all(kind_name)
    columns, row = _COLUMNS[kind_name]

    def link(target: Record) -> Markup:
        return Markup('<a href="{}">{}</a>').format(relative_url(src_uri, target.src_uri, renderer.directory_urls), target.title)

    noun = kind.label if len(records) == 1 else kind.plural.lower()
    groups: list[tuple[str, list[list[Any]]]] = []
    for record in records:
        letter = _letter(record.title) if kind_name in _A_TO_Z else ""
        if not groups or groups[-1][0] != letter:
            groups.append((letter, []))
        groups[-1][1].append(row(link, renderer, record))
    return renderer.render("overzicht.md.j2", src_uri, title=kind.plural, intro=_INTRO[kind_name],
                           records=records, noun=noun, columns=columns, groups=groups)


_A_TO_Z = {"begrip"}  # the glossary gets an A-Z index


def _letter(title: str) -> str:
    first = sort_key(title)[:1].upper()
    return first if first.isalpha() else "0-9"

"""One overview page per record type, listing every record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..kinds import BY_NAME
from ..model import KnowledgeBase, Record
from .environment import GeneratedPage, Renderer, relative_url
from .formatting import date_nl, period_nl

Row = Callable[[Callable[[Record], Markup], KnowledgeBase, Record], list[Any]]

_INTRO = {
    "initiatief": "Goede voorbeelden uit de bronnen: lokale en landelijke initiatieven, projecten en werkwijzen rond mantelzorg, vrijwilligerswerk en zorgzame gemeenschappen.",
    "actie": "Beleidsacties en toezeggingen uit de bronnen, met eigenaar, termijn en de laatst bekende stand van zaken.",
    "begrip": "Begrippen uit de informele zorg, met hun definitie, een uitleg in eenvoudige taal en de bron.",
    "organisatie": "Organisaties die in de bronnen voorkomen als eigenaar of partner van een actie, of bij een initiatief.",
    "bron": "De documenten waarop de kennisbank steunt. Elk record verwijst naar de plek in de bron waar het staat.",
}


def _status(kb: KnowledgeBase, vocabulary: str, value: str) -> Markup:
    return Markup('<span class="kb-status kb-status--{0}"><span class="kb-status__icoon" aria-hidden="true"></span>{1}</span>').format(value, kb.label(vocabulary, value))


_COLUMNS: dict[str, tuple[list[str], Row]] = {
    "initiatief": (["Naam", "Gemeente", "Thema's", "Status"], lambda link, kb, r: [
        link(r), ", ".join(r.get("gemeenten", [])) or kb.label("schaal", r.data["schaal"]),
        ", ".join(kb.label("thema", t) for t in r.data["themas"]), _status(kb, "initiatiefstatus", r.data["status"])]),
    "actie": (["Actie", "Eigenaar", "Termijn", "Status"], lambda link, kb, r: [
        link(r),
        link(owner) if (owner := kb.owner(r)) else "Niet genoemd",
        period_nl(r.data["termijn"]["periode"]) if "termijn" in r.data else "Geen termijn",
        _status(kb, "actiestatus", r.data["updates"][-1]["status"])]),
    "begrip": (["Begrip", "Uitleg"], lambda link, kb, r: [link(r), r.data["uitleg"]]),
    "organisatie": (["Organisatie", "Afkorting", "Soort"], lambda link, kb, r: [
        link(r), r.get("afkorting", ""), kb.label("organisatiesoort", r.data["soort"])]),
    "bron": (["Bron", "Soort", "Datum"], lambda link, kb, r: [
        link(r), kb.label("bronsoort", r.data["soort"]), date_nl(r.data["datum"]) if "datum" in r.data else "Niet vermeld"]),
}


def page(renderer: Renderer, kind_name: str) -> GeneratedPage:
    kind = BY_NAME[kind_name]
    src_uri = f"{kind.url}/index.md"
    records = renderer.kb.all(kind_name)
    columns, row = _COLUMNS[kind_name]

    def link(target: Record) -> Markup:
        return Markup('<a href="{}">{}</a>').format(relative_url(src_uri, target.src_uri, renderer.directory_urls), target.title)

    noun = kind.label if len(records) == 1 else kind.plural.lower()
    rows = [row(link, renderer.kb, record) for record in records]
    return renderer.render("overzicht.md.j2", src_uri, title=kind.plural, intro=_INTRO[kind_name],
                           records=records, noun=noun, columns=columns, rows=rows)

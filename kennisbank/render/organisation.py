"""The page of one organisation: what it owns, where it takes part."""

from __future__ import annotations

from ..model import Record
from .environment import GeneratedPage, Renderer
from .related import referring


def page(renderer: Renderer, record: Record) -> GeneratedPage:
    kb = renderer.kb
    return renderer.record_page(
        "organisatie.md.j2", record,
        owned=referring(kb, record, "actie", "eigenaar"),
        partnered=referring(kb, record, "actie", "partners"),
        initiatives=kb.linked_from(record, "initiatief"),
        sent=referring(kb, record, "bron", "afzender"),
    )

"""The page of one source document and every record that cites it."""

from __future__ import annotations

from ..kinds import KINDS
from ..model import Record
from .environment import GeneratedPage, Renderer


def page(renderer: Renderer, record: Record) -> GeneratedPage:
    citing = [(kind.plural, renderer.kb.linked_from(record, kind.name)) for kind in KINDS if kind.name != "bron"]
    return renderer.record_page("bron.md.j2", record, citing=citing)

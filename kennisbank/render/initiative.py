"""The page of one initiative: a good-practice sheet."""

from __future__ import annotations

from ..model import Record
from .environment import GeneratedPage, Renderer
from .related import related


def page(renderer: Renderer, record: Record) -> GeneratedPage:
    groups = [
        ("Acties", related(renderer.kb, record, "actie")),
        ("Begrippen", related(renderer.kb, record, "begrip")),
        ("Initiatieven", related(renderer.kb, record, "initiatief")),
    ]
    return renderer.record_page("initiatief.md.j2", record, related=[group for group in groups if group[1]])

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
    return renderer.render("initiatief.md.j2", record.src_uri, record.file, r=record, related=[group for group in groups if group[1]])

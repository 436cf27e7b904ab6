"""The page of one term, described the NL-SBB way."""

from __future__ import annotations

from ..model import Record
from .environment import GeneratedPage, Renderer
from .related import referring


def page(renderer: Renderer, record: Record) -> GeneratedPage:
    kb = renderer.kb
    usage = [
        ("Initiatieven", kb.linked_from(record, "initiatief")),
        ("Acties", kb.linked_from(record, "actie")),
    ]
    return renderer.record_page(
        "begrip.md.j2", record,
        broader=[kb.get("begrip", b) for b in record.get("bredere_begrippen", [])],
        narrower=referring(kb, record, "begrip", "bredere_begrippen"),
        related_terms=sorted({t.id: t for t in [kb.get("begrip", v) for v in record.get("verwante_begrippen", [])]
                              + referring(kb, record, "begrip", "verwante_begrippen")}.values(), key=lambda t: t.title.casefold()),
        related=[group for group in usage if group[1]],
    )

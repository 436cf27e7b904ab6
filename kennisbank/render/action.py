"""The page of one action: status, owner, deadline and its timeline."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model import Record
from .environment import GeneratedPage, Renderer
from ..formatting import period_nl
from .related import related


def deadline_text(record: Record) -> Markup:
    deadline = record.get("termijn")
    if not deadline:
        return Markup("Geen termijn. ") + escape(record.get("zonder_termijn", ""))
    text = Markup("“{}” ({})").format(deadline["formulering"], period_nl(deadline["periode"]))
    if "toelichting" in deadline:
        text += Markup(". ") + escape(deadline["toelichting"])
    return text


def timeline(record: Record) -> list[dict]:
    """Updates and deadline changes together, oldest first."""
    events = [{**update, "soort": "update"} for update in record.get("updates", [])]
    events += [{**change, "soort": "termijnwijziging"} for change in record.get("termijnwijzigingen", [])]
    # Undated updates (from undated documents) keep their place at the start.
    return sorted(events, key=lambda event: (event.get("datum", ""), event["soort"] == "update"))


def page(renderer: Renderer, record: Record) -> GeneratedPage:
    kb = renderer.kb
    updates = record.get("updates")
    groups = [
        ("Initiatieven", related(kb, record, "initiatief")),
        ("Begrippen", related(kb, record, "begrip")),
        ("Acties", related(kb, record, "actie")),
    ]
    return renderer.record_page(
        "actie.md.j2", record,
        status=updates[-1]["status"],
        last_update=updates[-1],
        owner=kb.owner(record),
        partners=[kb.get("organisatie", p) for p in record.get("partners", [])],
        deadline_text=deadline_text(record),
        timeline=timeline(record),
        standing=renderer.standing(record),
        related=[group for group in groups if group[1]],
    )

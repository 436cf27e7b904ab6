"""The pages governance meetings open: dashboard, lists, work per owner, changes, the meeting report."""

from __future__ import annotations

import datetime as dt

from ..progress import CALENDAR_PATH, CSV_PATH, LISTS, LISTS_BY_KEY, NO_LINE, Progress, owner_calendar_path
from .chart import legend, stacked_bars
from .environment import GeneratedPage, Renderer

FOLDER = "voortgang"


def pages(renderer: Renderer) -> list[GeneratedPage]:
    kb = renderer.kb
    progress = Progress(kb, renderer.settings)
    programmes = [(kb.label("programma", p), counts) for p, counts in progress.by_programme()]
    lists = [(spec, progress.select(spec)) for spec in LISTS]
    owners = progress.owners()
    calendars = {w.organisation.id: owner_calendar_path(w.organisation) for w in owners
                 if w.organisation and any(t.standing.deadline for t in w.owned)}
    common = {"progress": progress, "lists": lists, "csv_path": CSV_PATH, "calendar_path": CALENDAR_PATH}
    late_by_owner = [(w, [t for t in w.owned if t.late]) for w in owners if w.late]
    result = [
        renderer.render("voortgang.md.j2", f"{FOLDER}/index.md", counts=progress.counts(),
                        chart=stacked_bars("Acties per programma en stand op de peildatum", programmes, "tabel-per-programma"),
                        legend=legend(programmes), programmes=programmes, lines=progress.by_line(), no_line=NO_LINE, **common),
        renderer.render("voortgang-eigenaren.md.j2", f"{FOLDER}/per-eigenaar.md", owners=owners, calendars=calendars, **common),
        renderer.render("voortgang-wijzigingen.md.j2", f"{FOLDER}/wijzigingen.md", recent=progress.changes(),
                        every=list(reversed(progress.changes(dt.date.min, dt.date.max))), **common),
        renderer.render("vergaderstuk.md.j2", f"{FOLDER}/vergaderstuk.md", counts=progress.counts(),
                        late_by_owner=late_by_owner, soon=progress.select(LISTS_BY_KEY["binnenkort"]),
                        recent=progress.changes(), **common),
    ]
    result += [renderer.render("voortgang-lijst.md.j2", f"{FOLDER}/{spec.key}.md", spec=spec, items=items, **common)
               for spec, items in lists]
    return result


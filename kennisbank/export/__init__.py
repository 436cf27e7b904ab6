"""Files for other programs: open data (JSON, CSV, SKOS, Atom), the actions as a spreadsheet and calendars, and record templates."""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import KINDS
from ..model import KnowledgeBase
from ..scaffold import template
from ..progress import CALENDAR_PATH, CSV_PATH, Progress, owner_calendar_path
from ..tracking import Settings
from . import feed, ical, records, skos, spreadsheet


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # inside the site, e.g. "voortgang/acties.csv"
    content: bytes


def build_exports(kb: KnowledgeBase, settings: Settings, site_url: str | None, directory_urls: bool = True) -> list[GeneratedFile]:
    """`site_url` makes links in the files absolute; without it they are left out of calendars (never guessed)."""
    progress = Progress(kb, settings)
    files = [GeneratedFile(CSV_PATH, spreadsheet.actions_csv(progress, site_url, directory_urls)),
             GeneratedFile(CALENDAR_PATH, ical.deadlines(progress, None, site_url, directory_urls))]
    for work in progress.owners():
        if work.organisation and any(t.standing.deadline for t in work.owned):
            files.append(GeneratedFile(owner_calendar_path(work.organisation),
                                       ical.deadlines(progress, work.organisation, site_url, directory_urls)))
    opened = records.api_files(kb, progress, site_url, directory_urls) | skos.glossary_files(kb, site_url)
    files += [GeneratedFile(path, content) for path, content in opened.items()]
    files.append(GeneratedFile(feed.PATH, feed.atom(kb, site_url, directory_urls)))
    existing = {kind.name: [r.id for r in kb.all(kind.name)] for kind in KINDS}
    for kind in KINDS:  # for contributors who add a file in the web editor
        text = template(kb.schemas, kind.name, {"id": f"nieuw-{kind.name}"}, existing)
        files.append(GeneratedFile(f"bijdragen/sjablonen/{kind.name}.yaml", text.encode("utf-8")))
    return files

"""All actions with their computed standing as CSV for Dutch spreadsheets.

Semicolons and UTF-8 with a byte order mark: Excel with Dutch settings then
splits the columns and shows ë and ö without an import dialog.
"""

from __future__ import annotations

import csv
import io

from ..progress import Progress, Tracked
from ..urls import absolute_or_site_path

COLUMNS = ["id", "titel", "programma", "actielijn", "eigenaar", "eigenaar_id", "partners", "termijn_formulering",
           "termijn_periode", "termijn_einddatum", "termijn_verschoven", "laatst_gemelde_status", "datum_laatste_stand",
           "stand", "stand_code", "te_laat", "binnenkort", "afgerond_op", "peildatum", "pagina"]
SEPARATOR = " | "  # between values of a multi-valued field


def actions_csv(progress: Progress, site_url: str | None, directory_urls: bool = True) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for tracked in progress.select():
        writer.writerow(_row(progress, tracked, site_url, directory_urls))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _row(progress: Progress, t: Tracked, site_url: str | None, directory_urls: bool) -> list[str]:
    kb, d, s = progress.kb, t.action.data, t.standing
    deadline = d.get("termijn", {})
    partners = SEPARATOR.join(kb.get("organisatie", p).title for p in d.get("partners", []))
    return [
        t.action.id, t.action.title, kb.label("programma", d["programma"]), d.get("actielijn", ""),
        t.owner_name, t.owner.id if t.owner else "", partners,
        deadline.get("formulering", ""), deadline.get("periode", ""), s.deadline.isoformat() if s.deadline else "",
        str(s.moves), kb.label("actiestatus", s.last_status), s.last_date or "",
        s.label, s.flag, _yes(s.flag == "te-laat"), _yes(s.flag == "binnenkort"),
        d["afgedaan_met"]["datum"] if "afgedaan_met" in d else "", progress.settings.peildatum.isoformat(),
        absolute_or_site_path(t.action.src_uri, site_url, directory_urls),
    ]


def _yes(value: bool) -> str:
    return "ja" if value else "nee"

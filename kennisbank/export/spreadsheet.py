"""All actions with their computed standing as CSV for Dutch spreadsheets (see csvfile.py)."""

from __future__ import annotations

from ..progress import Progress, Tracked
from ..urls import absolute_or_site_path
from .csvfile import SEPARATOR, dutch_csv

COLUMNS = ["id", "titel", "programma", "actielijn", "eigenaar", "eigenaar_id", "partners", "termijn_formulering",
           "termijn_periode", "termijn_einddatum", "termijn_verschoven", "laatst_gemelde_status", "datum_laatste_stand",
           "stand", "stand_code", "te_laat", "binnenkort", "afgerond_op", "peildatum", "pagina"]
def actions_csv(progress: Progress, site_url: str | None, directory_urls: bool = True) -> bytes:
    return dutch_csv(COLUMNS, (_row(progress, t, site_url, directory_urls) for t in progress.select()))


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

"""The progress lists as plain text or a Markdown table, for `kennisbank acties` and the minutes."""

from __future__ import annotations

from ..formatting import date_nl, period_nl
from ..model import KnowledgeBase
from ..progress import Change, OwnerWork, Tracked

FORMATS = ("tekst", "markdown")


def _deadline(t: Tracked) -> str:
    d = t.action.data
    if "termijn" not in d:
        return "geen termijn"
    moved = f", {t.standing.moves}× verschoven" if t.standing.moves else ""
    return f"“{d['termijn']['formulering']}” ({period_nl(d['termijn']['periode'])}{moved})"


def _last(kb: KnowledgeBase, t: Tracked) -> str:
    status = kb.label("actiestatus", t.standing.last_status)
    return f"{status} ({date_nl(t.standing.last_date)})" if t.standing.last_date else status


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def actions(kb: KnowledgeBase, items: list[Tracked], fmt: str) -> list[str]:
    if fmt == "markdown":
        return _table(["Actie", "Eigenaar", "Termijn", "Laatst gemeld", "Stand"],
                      [[t.action.title, t.owner_name, _deadline(t), _last(kb, t), t.standing.label] for t in items])
    lines = []
    for t in items:
        lines.append(f"- {t.action.title}")
        lines.append(f"  eigenaar: {t.owner_name}; termijn: {_deadline(t)}; laatst gemeld: {_last(kb, t)}; stand: {t.standing.label}")
    return lines


def owners(work: list[OwnerWork], fmt: str) -> list[str]:
    rows = [[w.name, str(len(w.owned)), str(w.late), str(len(w.partnered))] for w in work]
    if fmt == "markdown":
        return _table(["Organisatie", "Eigenaar van", "Waarvan te laat", "Partner in"], rows)
    width = max((len(r[0]) for r in rows), default=10)
    header = f"{'Organisatie':<{width}}  eigenaar  te laat  partner"
    return [header] + [f"{name:<{width}}  {owned:>8}  {late:>7}  {partner:>7}" for name, owned, late, partner in rows]


def changes(items: list[Change], fmt: str) -> list[str]:
    def detail(c: Change) -> str:
        if c.kind == "update":
            return c.detail.get("tekst", "")
        if c.kind == "termijn-verschoven":
            return f"was “{c.detail['vorige_termijn']['formulering']}”"
        return ""
    rows = [[date_nl(c.date), c.tracked.action.title, c.label, detail(c)] for c in items]
    if fmt == "markdown":
        return _table(["Datum", "Actie", "Wijziging", "Toelichting"], rows)
    return [f"- {date}: {title}: {label}" + (f" ({_cell(text)})" if text else "") for date, title, label, text in rows]

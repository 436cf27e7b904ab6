"""Progress of all actions on a peildatum: lists, counts, work per owner and changes between two dates.

The pages, the exports and `kennisbank acties` all read these results, so the
site, the spreadsheet and the minutes give the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .model import KnowledgeBase, Record, sort_key
from .tracking import NOT_YET, Settings, Standing, standing

NO_OWNER = "Eigenaar niet genoemd"
CSV_PATH = "voortgang/acties.csv"  # where the build writes the exports (site paths)
CALENDAR_PATH = "voortgang/termijnen.ics"


def owner_calendar_path(owner: Record) -> str:
    return f"voortgang/termijnen-{owner.id}.ics"

NO_LINE = "Geen actielijn genoemd"


@dataclass(frozen=True)
class Tracked:
    action: Record
    standing: Standing
    owner: Record | None

    @property
    def late(self) -> bool:
        return self.standing.flag == "te-laat"

    @property
    def owner_name(self) -> str:
        return self.owner.title if self.owner else NO_OWNER

    def sort_by_deadline(self) -> tuple:
        deadline = self.standing.deadline
        return (deadline is None, deadline or dt.date.max, sort_key(self.action.title))


@dataclass(frozen=True)
class ActionList:
    key: str  # URL slug and CLI option, e.g. "te-laat"
    title: str
    explanation: str  # Dutch: which actions are on the list
    holds: Callable[[Tracked], bool]


LISTS: tuple[ActionList, ...] = (
    ActionList("te-laat", "Te laat", "De termijn is verstreken en geen bron meldt dat de actie is afgerond.",
               lambda t: t.late),
    ActionList("binnenkort", "Binnenkort", "De termijn verloopt binnen het venster na de peildatum en de actie loopt nog.",
               lambda t: t.standing.flag == "binnenkort"),
    ActionList("afgerond", "Afgerond", "Acties die volgens een bron zijn afgerond, op tijd of te laat.",
               lambda t: t.standing.finished),
    ActionList("zonder-termijn", "Zonder termijn", "Lopende acties waarvoor de bron geen termijn noemt.",
               lambda t: t.standing.open and t.standing.deadline is None),
    ActionList("zonder-eigenaar", "Zonder eigenaar", "Lopende acties waarvoor de bron geen eigenaar noemt.",
               lambda t: t.standing.open and t.owner is None),
)
LISTS_BY_KEY = {spec.key: spec for spec in LISTS}


@dataclass(frozen=True)
class Change:
    date: dt.date
    kind: str  # afgerond, termijn-verschoven, update
    label: str  # Dutch
    tracked: Tracked
    detail: dict  # the update, deadline change or completion as written in the record


@dataclass(frozen=True)
class OwnerWork:
    organisation: Record | None  # None: actions whose source names no owner
    owned: list[Tracked]  # late first, then by deadline
    partnered: list[Tracked]

    @property
    def late(self) -> int:
        return sum(1 for t in self.owned if t.late)

    @property
    def name(self) -> str:
        return self.organisation.title if self.organisation else NO_OWNER


class Progress:
    def __init__(self, kb: KnowledgeBase, settings: Settings):
        self.kb = kb
        self.settings = settings
        every = [Tracked(a, standing(a, settings.peildatum, settings.window), kb.owner(a)) for a in kb.all("actie")]
        # Actions first announced after the peildatum did not exist yet for that meeting.
        self.items = [t for t in every if t.standing.flag != NOT_YET]
        self.not_yet = [t for t in every if t.standing.flag == NOT_YET]
        self.by_id = {t.action.id: t for t in every}

    def select(self, spec: ActionList | None = None, owner: Record | None = None, programme: str | None = None) -> list[Tracked]:
        """Actions on a list (all when None), of one owner and programme, by deadline."""
        found = [t for t in self.items
                 if (spec is None or spec.holds(t))
                 and (owner is None or t.owner is not None and t.owner.id == owner.id)
                 and (programme is None or t.action.data["programma"] == programme)]
        return sorted(found, key=Tracked.sort_by_deadline)

    def counts(self, items: list[Tracked] | None = None) -> Counter:
        return Counter(t.standing.flag for t in (self.items if items is None else items))

    def by_programme(self) -> list[tuple[str, Counter]]:
        """Counts per programme, in the order of the programme vocabulary."""
        order = list(self.kb.schemas.vocabularies["programma"].terms)
        groups: dict[str, list[Tracked]] = {}
        for t in self.items:
            groups.setdefault(t.action.data["programma"], []).append(t)
        return [(p, self.counts(groups[p])) for p in order if p in groups]

    def by_line(self) -> list[tuple[str, str, Counter]]:
        """Counts per programme and actielijn (as the source words it)."""
        groups: dict[tuple[str, str], list[Tracked]] = {}
        for t in self.items:
            groups.setdefault((t.action.data["programma"], t.action.get("actielijn", NO_LINE)), []).append(t)
        order = list(self.kb.schemas.vocabularies["programma"].terms)
        keys = sorted(groups, key=lambda k: (order.index(k[0]), k[1] == NO_LINE, sort_key(k[1])))
        return [(p, line, self.counts(groups[(p, line)])) for p, line in keys]

    def owners(self) -> list[OwnerWork]:
        """Every organisation that owns or partners in an action, most late actions first."""
        owned: dict[str, list[Tracked]] = {}
        partnered: dict[str, list[Tracked]] = {}
        for t in self.items:
            owned.setdefault(t.owner.id if t.owner else "", []).append(t)
            for partner in t.action.get("partners", []):
                partnered.setdefault(partner, []).append(t)
        work = []
        for org_id in sorted(set(owned) | set(partnered)):
            organisation = self.kb.get("organisatie", org_id) if org_id else None
            mine = sorted(owned.get(org_id, []), key=lambda t: (not t.late, t.sort_by_deadline()))
            work.append(OwnerWork(organisation, mine, sorted(partnered.get(org_id, []), key=Tracked.sort_by_deadline)))
        return sorted(work, key=lambda w: (-w.late, -len(w.owned), w.organisation is None, sort_key(w.name)))

    def changes(self, since: dt.date | None = None, until: dt.date | None = None) -> list[Change]:
        """What finished, moved its deadline or got an update after `since` up to and including `until`."""
        since = since or self.settings.since
        until = until or self.settings.peildatum
        found: list[Change] = []

        def add(date_text: str | None, kind: str, label: str, tracked: Tracked, detail: dict) -> None:
            if date_text and since < dt.date.fromisoformat(date_text) <= until:
                found.append(Change(dt.date.fromisoformat(date_text), kind, label, tracked, detail))

        for t in self.items:
            data = t.action.data
            if "afgedaan_met" in data:
                add(data["afgedaan_met"]["datum"], "afgerond", "Afgerond", t, data["afgedaan_met"])
            for move in data.get("termijnwijzigingen", []):
                add(move["datum"], "termijn-verschoven", "Termijn verschoven", t, move)
            for update in data["updates"]:
                add(update.get("datum"), "update", "Nieuwe stand", t, update)
        return sorted(found, key=lambda c: (c.date, sort_key(c.tracked.action.title), c.kind))

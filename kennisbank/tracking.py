"""Where an action stands on a reference date (peildatum).

The sources stop in 2023; an action whose deadline has passed without a
recorded completion is late, whatever its last reported status says.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass

from . import periods
from .model import Record

FINISHED = "afgerond"
DROPPED = "vervallen"
NOT_YET = "nog-niet-bekend"  # announced after the peildatum
DEFAULT_WINDOW = 90  # days: "binnenkort" and the default span of "changes since"

# Every standing with its Dutch label, in display order: what needs attention first.
FLAGS: dict[str, str] = {
    "te-laat": "Te laat",
    "binnenkort": "Binnenkort",
    "lopend": "Binnen de termijn",
    "geen-termijn": "Geen termijn",
    "afgerond-te-laat": "Afgerond, te laat",
    "afgerond-op-tijd": "Afgerond op tijd",
    "afgerond": "Afgerond",
    "vervallen": "Vervallen",
    "nog-niet-bekend": "Nog niet aangekondigd",
}


@dataclass(frozen=True)
class Settings:
    """The dates a tracking page is computed for; equal settings give identical pages."""

    peildatum: dt.date
    since: dt.date  # the previous peildatum: changes after this date and up to the peildatum count as new
    window: int = DEFAULT_WINDOW  # a deadline within this many days after the peildatum is "binnenkort"

    @classmethod
    def of(cls, peildatum: dt.date, since: dt.date | None = None, window: int = DEFAULT_WINDOW) -> Settings:
        if window < 0:
            raise ValueError(f"het venster van {window} dagen is negatief; gebruik 0 of meer dagen")
        since = since or peildatum - dt.timedelta(days=DEFAULT_WINDOW)
        if since > peildatum:
            raise ValueError(f"de vorige peildatum {since.isoformat()} ligt na de peildatum {peildatum.isoformat()}; "
                             "kies een eerdere vorige peildatum")
        return cls(peildatum, since, window)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ, today: dt.date | None = None) -> Settings:
        """KENNISBANK_PEILDATUM (default today), KENNISBANK_VORIGE_PEILDATUM (default 90 days earlier)
        and KENNISBANK_VENSTER (days, default 90): a meeting pack can be rebuilt for a given date."""
        peildatum = _date(environ, "KENNISBANK_PEILDATUM") or today or dt.date.today()
        since = _date(environ, "KENNISBANK_VORIGE_PEILDATUM")
        raw = environ.get("KENNISBANK_VENSTER", "").strip()
        if raw and not raw.isdigit():
            raise ValueError(f"KENNISBANK_VENSTER '{raw}' is geen aantal dagen; gebruik een heel getal, bijvoorbeeld 90")
        return cls.of(peildatum, since, int(raw) if raw else DEFAULT_WINDOW)

    @property
    def epoch(self) -> int:
        """The peildatum at 00:00 UTC as SOURCE_DATE_EPOCH: the build date MkDocs writes (sitemap) then
        follows the peildatum, so two builds for the same peildatum are byte-identical."""
        return int(dt.datetime.combine(self.peildatum, dt.time(), dt.timezone.utc).timestamp())


def _date(environ: Mapping[str, str], name: str) -> dt.date | None:
    value = environ.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{name} '{value}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-01") from error


@dataclass(frozen=True)
class Standing:
    flag: str  # a key of FLAGS
    explanation: str  # Dutch, one sentence
    deadline: dt.date | None  # end of the current deadline's period
    last_status: str
    last_date: str | None  # date of the last update, None when the document is undated
    moves: int  # how often the deadline moved
    quiet_since: str | None  # open action without news for longer than the window: the last update's date

    @property
    def label(self) -> str:
        return FLAGS[self.flag]

    @property
    def open(self) -> bool:
        return self.last_status not in (FINISHED, DROPPED)

    @property
    def finished(self) -> bool:
        return self.last_status == FINISHED


def _known(date_text: str | None, peildatum: dt.date) -> bool:
    """Whether a dated fact was public on the peildatum; undated facts have no later date to wait for."""
    return date_text is None or dt.date.fromisoformat(date_text) <= peildatum


def _deadline_on(action: Record, peildatum: dt.date) -> tuple[str | None, int]:
    """The deadline period in force on the peildatum, and how often it had moved by then."""
    if "termijn" not in action.data:
        return None, 0
    moves = sorted(action.get("termijnwijzigingen", []), key=lambda move: move["datum"])
    later = [move for move in moves if not _known(move["datum"], peildatum)]
    period = later[0]["vorige_termijn"]["periode"] if later else action.data["termijn"]["periode"]
    return period, len(moves) - len(later)


def standing(action: Record, peildatum: dt.date, window: int = DEFAULT_WINDOW) -> Standing:
    """The standing as it was known on the peildatum: later updates, completions and deadline moves do not count yet."""
    known = [update for update in action.data["updates"] if _known(update.get("datum"), peildatum)]
    period, moves = _deadline_on(action, peildatum)
    deadline = periods.end(period) if period else None
    if not known:
        first = action.data["updates"][0]["datum"]
        return Standing(NOT_YET, f"De actie is pas na de peildatum aangekondigd ({first}).", deadline, "", None, 0, None)
    last = known[-1]
    status, last_date = last["status"], last.get("datum")
    still_open = status not in (FINISHED, DROPPED)
    quiet = still_open and last_date is not None and dt.date.fromisoformat(last_date) < peildatum - dt.timedelta(days=window)

    def make(flag: str, explanation: str) -> Standing:
        return Standing(flag, explanation, deadline, status, last_date, moves, last_date if quiet else None)

    if status == FINISHED:
        done = dt.date.fromisoformat(action.data["afgedaan_met"]["datum"])
        if deadline is None:
            return make("afgerond", "De actie is afgerond; er was geen termijn.")
        if done <= deadline:
            return make("afgerond-op-tijd", "De actie is binnen de termijn afgerond.")
        return make("afgerond-te-laat", "De actie is afgerond, maar na de termijn.")
    if status == DROPPED:
        return make("vervallen", "Volgens de laatste bron wordt de actie niet meer uitgevoerd.")
    if deadline is None:
        return make("geen-termijn", "De bron noemt geen termijn; of de actie op schema ligt, is niet te zeggen.")
    if deadline < peildatum:
        return make("te-laat", "De termijn is verstreken en geen bron meldt dat de actie is afgerond.")
    if (deadline - peildatum).days <= window:
        return make("binnenkort", f"De termijn verloopt binnen {window} dagen na de peildatum.")
    return make("lopend", "De termijn is nog niet verstreken.")

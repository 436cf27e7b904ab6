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


@dataclass(frozen=True)
class Standing:
    flag: str  # te-laat, afgerond-op-tijd, afgerond-te-laat, afgerond, vervallen, lopend, geen-termijn
    label: str  # Dutch, for badges
    explanation: str  # Dutch, one sentence
    deadline: dt.date | None
    last_status: str
    last_date: str | None


def reference_date(environ: Mapping[str, str] = os.environ, today: dt.date | None = None) -> dt.date:
    """KENNISBANK_PEILDATUM (JJJJ-MM-DD) if set, else today, so a meeting pack can be rebuilt identically."""
    value = environ.get("KENNISBANK_PEILDATUM", "").strip()
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"KENNISBANK_PEILDATUM '{value}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-01") from error
    return today or dt.date.today()


def standing(action: Record, peildatum: dt.date) -> Standing:
    updates = action.data["updates"]
    last = updates[-1]
    status, last_date = last["status"], last.get("datum")
    deadline = periods.end(action.data["termijn"]["periode"]) if "termijn" in action.data else None

    def make(flag: str, label: str, explanation: str) -> Standing:
        return Standing(flag, label, explanation, deadline, status, last_date)

    if status == FINISHED:
        done = dt.date.fromisoformat(action.data["afgedaan_met"]["datum"])
        if deadline is None:
            return make("afgerond", "Afgerond", "De actie is afgerond; er was geen termijn.")
        if done <= deadline:
            return make("afgerond-op-tijd", "Afgerond op tijd", "De actie is binnen de termijn afgerond.")
        return make("afgerond-te-laat", "Afgerond, te laat", "De actie is afgerond, maar na de termijn.")
    if status == DROPPED:
        return make("vervallen", "Vervallen", "Volgens de laatste bron wordt de actie niet meer uitgevoerd.")
    if deadline is None:
        return make("geen-termijn", "Geen termijn", "De bron noemt geen termijn; of de actie op schema ligt, is niet te zeggen.")
    if deadline < peildatum:
        return make("te-laat", "Te laat", "De termijn is verstreken en geen bron meldt dat de actie is afgerond.")
    return make("lopend", "Binnen de termijn", "De termijn is nog niet verstreken.")

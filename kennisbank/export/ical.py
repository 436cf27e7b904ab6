"""Deadlines as iCalendar (.ics): one all-day event per action deadline, with reminders.

Every value that would change between builds is derived from the peildatum,
so two builds for the same peildatum write the same bytes.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event

from ..model import Record
from ..progress import Progress
from ..urls import absolute_or_site_path
from ..formatting import period_nl

REMINDERS = (dt.timedelta(days=14), dt.timedelta(days=1))  # before the deadline
PRODUCT = "-//Kennisbank Informele Zorg//Termijnen acties//NL"


def deadlines(progress: Progress, owner: Record | None, site_url: str | None, directory_urls: bool = True) -> bytes:
    """All deadlines, or those of the actions `owner` owns."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = "Termijnen acties" + (f" van {owner.title}" if owner else "") + " (Kennisbank Informele Zorg)"
    calendar.add("x-wr-calname", name)
    stamp = dt.datetime.combine(progress.settings.peildatum, dt.time(), tzinfo=dt.timezone.utc)
    for tracked in progress.select(owner=owner):
        deadline = tracked.standing.deadline
        if deadline is None:
            continue
        data = tracked.action.data
        event = Event()
        event.add("uid", f"{tracked.action.id}@kennisbank-informele-zorg")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline)
        event.add("dtend", deadline + dt.timedelta(days=1))
        event.add("summary", f"Termijn: {tracked.action.title}")
        lines = [f"Termijn volgens de bron: “{data['termijn']['formulering']}” ({period_nl(data['termijn']['periode'])}).",
                 f"Eigenaar: {tracked.owner_name}.",
                 f"Stand op {progress.settings.peildatum.isoformat()}: {tracked.standing.label}."]
        if tracked.standing.moves:
            lines.append(f"De termijn is {tracked.standing.moves} keer verschoven.")
        link = absolute_or_site_path(tracked.action.src_uri, site_url, directory_urls)
        if site_url:
            event.add("url", link)
        lines.append(f"Meer: {link}")
        event.add("description", "\n".join(lines))
        event.add("categories", [progress.kb.label("programma", data["programma"])])
        event.add("transp", "TRANSPARENT")  # a deadline does not block time in the agenda
        for before in REMINDERS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Over {before.days} {'dag' if before.days == 1 else 'dagen'}: {tracked.action.title}")
            alarm.add("trigger", -before)
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()

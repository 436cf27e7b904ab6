"""An action whose deadline passed without a recorded completion shows as late, not as on track."""

from __future__ import annotations

import datetime as dt

import pytest
from htmlscan import page_path, scan

from kennisbank.kinds import BY_NAME
from kennisbank.model import Record
from kennisbank.tracking import Settings, standing


def _action(status: str, periode: str | None = "2023-Q4", done: str | None = None) -> Record:
    data = {"eigenaar": "ministerie-vws", "updates": [{"datum": "2023-07-06", "status": status}]}
    data["termijn" if periode else "zonder_termijn"] = {"formulering": "x", "periode": periode} if periode else "geen"
    if done:
        data["afgedaan_met"] = {"bron": "x", "datum": done}
    return Record(BY_NAME["actie"], "proef", data, "actions/proef.yaml")


@pytest.mark.parametrize("action, peildatum, flag", [
    (_action("in-uitvoering"), dt.date(2024, 1, 1), "te-laat"),
    (_action("aangekondigd"), dt.date(2023, 12, 31), "binnenkort"),  # a quarter lasts until its last day
    (_action("aangekondigd"), dt.date(2023, 9, 1), "lopend"),  # 121 days before the deadline: outside the 90-day window
    (_action("aangekondigd"), dt.date(2023, 10, 2), "binnenkort"),  # 90 days before 31 December
    (_action("in-uitvoering", None), dt.date(2030, 1, 1), "geen-termijn"),
    (_action("afgerond", "2023-Q2", "2023-07-06"), dt.date(2026, 12, 1), "afgerond-te-laat"),
    (_action("afgerond", "2023-Q3", "2023-07-06"), dt.date(2026, 12, 1), "afgerond-op-tijd"),
    (_action("afgerond", None, "2023-07-06"), dt.date(2026, 12, 1), "afgerond"),
    (_action("vervallen"), dt.date(2026, 12, 1), "vervallen"),
])
def test_standing_on_a_reference_date(action, peildatum, flag):
    assert standing(action, peildatum).flag == flag


def test_window_and_quiet_actions():
    action = _action("in-uitvoering", "2024-Q1")
    assert standing(action, dt.date(2023, 12, 1), window=30).flag == "lopend"
    assert standing(action, dt.date(2023, 12, 1), window=121).flag == "binnenkort"
    # the last news is from 6 July 2023: more than 90 days before the peildatum, the status counts as unknown
    assert standing(action, dt.date(2023, 10, 5)).quiet_since == "2023-07-06"
    assert standing(action, dt.date(2023, 10, 4)).quiet_since is None  # exactly 90 days
    assert standing(_action("afgerond", "2023-Q4", "2023-07-06"), dt.date(2026, 1, 1)).quiet_since is None


def test_dates_come_from_the_environment():
    settings = Settings.from_environment({"KENNISBANK_PEILDATUM": "2024-01-31", "KENNISBANK_VENSTER": "30"})
    assert (settings.peildatum, settings.since, settings.window) == (dt.date(2024, 1, 31), dt.date(2023, 11, 2), 30)
    assert Settings.from_environment({}, today=dt.date(2026, 12, 1)).peildatum == dt.date(2026, 12, 1)
    previous = Settings.from_environment({"KENNISBANK_PEILDATUM": "2024-01-31", "KENNISBANK_VORIGE_PEILDATUM": "2023-10-01"})
    assert previous.since == dt.date(2023, 10, 1)
    with pytest.raises(ValueError, match="geen datum"):
        Settings.from_environment({"KENNISBANK_PEILDATUM": "31-01-2024"})
    with pytest.raises(ValueError, match="geen aantal dagen"):
        Settings.from_environment({"KENNISBANK_VENSTER": "drie maanden"})
    with pytest.raises(ValueError, match="ligt na de peildatum"):
        Settings.from_environment({"KENNISBANK_PEILDATUM": "2024-01-31", "KENNISBANK_VORIGE_PEILDATUM": "2024-02-01"})


def test_late_actions_show_as_late_on_their_page_and_in_the_overview(project):
    result = project.build(KENNISBANK_PEILDATUM="2026-12-01")
    assert result.returncode == 0, result.stderr
    text = " ".join(scan(page_path(project.site, "acties/afspraken-landelijk-faciliteren-welzijnswerk/")).text)
    assert "Stand op 1 december 2026" in text and "Te laat" in text
    overview = " ".join(scan(page_path(project.site, "acties/")).text)
    assert "Te laat" in overview and "Afgerond, te laat" in overview  # the Mantelzorgagenda came after Q2 2023


def test_an_invalid_reference_date_fails_the_build_in_dutch(project):
    result = project.build(KENNISBANK_PEILDATUM="morgen")
    assert result.returncode != 0
    assert "KENNISBANK_PEILDATUM 'morgen' is geen datum" in result.stderr
    assert "Traceback" not in result.stderr

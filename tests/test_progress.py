"""Governance meetings: fixed lists for fixed peildata, the pages, the exports and `kennisbank acties`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import MEETING
from htmlscan import page_path, scan
from icalendar import Calendar

from kennisbank.catalogue import Project, load
from kennisbank.model import Record
from kennisbank.progress import LISTS, Progress
from kennisbank.tracking import Settings, standing

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = yaml.safe_load((ROOT / "tests/expected/voortgang.yaml").read_text(encoding="utf-8"))
PEILDATUM = dt.date.fromisoformat(MEETING["KENNISBANK_PEILDATUM"])


def _text(path: Path) -> str:
    return " ".join(" ".join(scan(path).text).split())


@pytest.fixture(scope="module")
def kb():
    return load(Project(ROOT))


def _meeting(kb, peildatum: str) -> Progress:
    expected = EXPECTED[peildatum]
    return Progress(kb, Settings.of(dt.date.fromisoformat(peildatum), dt.date.fromisoformat(expected["vorige_peildatum"])))


@pytest.mark.parametrize("peildatum", sorted(EXPECTED))
def test_fixed_peildatum_gives_fixed_lists(kb, peildatum):
    progress, expected = _meeting(kb, peildatum), EXPECTED[peildatum]
    assert len(progress.not_yet) == expected["nog_niet_aangekondigd"]
    assert dict(progress.counts()) == expected["per_stand"]
    late = {(w.organisation.id if w.organisation else "niet-genoemd"): sorted(t.action.id for t in w.owned if t.late)
            for w in progress.owners() if w.late}
    assert late == expected["te_laat_per_eigenaar"]
    for spec in LISTS[1:]:
        assert [t.action.id for t in progress.select(spec)] == expected[spec.key], spec.key
    assert [f"{c.date.isoformat()} {c.kind} {c.tracked.action.id}" for c in progress.changes()] == expected["wijzigingen"]


def test_a_moved_deadline_counts_from_the_deadline_in_force(kb):
    action = kb.get("actie", "uitvoeringsagenda-mantelzorg")
    # Known from 20 April 2023, when the deadline moved from the first to the second quarter: due soon, not late.
    after = standing(action, dt.date(2023, 5, 1))
    assert (after.deadline, after.moves, after.flag) == (dt.date(2023, 6, 30), 1, "binnenkort")
    # Finished on 6 July 2023, after the moved deadline: finished late.
    assert standing(action, PEILDATUM).flag == "afgerond-te-laat"
    # Had the action been known earlier, the first quarter would have applied before the move.
    earlier = Record(action.kind, action.id, {**action.data, "updates": [
        {"datum": "2023-01-10", "status": "aangekondigd", "bron": action.data["updates"][0]["bron"]}, *action.data["updates"]]}, action.file)
    before = standing(earlier, dt.date(2023, 4, 10))
    assert (before.deadline, before.moves, before.flag) == (dt.date(2023, 3, 31), 0, "te-laat")


def test_facts_after_the_peildatum_do_not_count_yet(kb):
    action = kb.get("actie", "uitvoeringsagenda-mantelzorg")
    assert standing(action, dt.date(2023, 7, 5)).flag == "te-laat"  # one day before the finishing letter
    announced_later = kb.get("actie", "stimuleringsregeling-jongeren-als-goede-buur")
    first = announced_later.data["updates"][0]["datum"]
    assert standing(announced_later, dt.date.fromisoformat(first) - dt.timedelta(days=1)).flag == "nog-niet-bekend"


def test_the_lists_on_the_site_match_the_fixed_lists(built_site, kb):
    expected = EXPECTED[MEETING["KENNISBANK_PEILDATUM"]]
    late = sorted(i for ids in expected["te_laat_per_eigenaar"].values() for i in ids)
    for key, ids in [("te-laat", late)] + [(spec.key, expected[spec.key]) for spec in LISTS[1:]]:
        page = scan(page_path(built_site, f"voortgang/{key}/"))
        shown = sorted({link.split("/")[-2] for link in page.links if link.startswith("../../acties/") and link.count("/") == 4})
        assert shown == sorted(ids), key
        assert "Peildatum 1 januari 2024" in " ".join(" ".join(page.text).split())


def test_dashboard_has_chart_with_table_and_counts(built_site):
    html = page_path(built_site, "voortgang/").read_text(encoding="utf-8")
    svg = re.search(r"<svg class=\"kb-grafiek\".*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "tabel hieronder" in svg
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no external reference
    text = _text(page_path(built_site, "voortgang/"))
    counts = EXPECTED[MEETING["KENNISBANK_PEILDATUM"]]["per_stand"]
    assert re.search(rf"Te laat\s+{counts['te-laat']}", text)
    assert "Mantelzorgagenda 2023-2026" in text and "Uitvoeringsagenda mantelzorg" in text  # programme and actielijn rows


def test_per_owner_page_lists_late_items_first(built_site):
    html = page_path(built_site, "voortgang/per-eigenaar/").read_text(encoding="utf-8")
    section = html.split('id="ministerie-vws"', 1)[1].split("<h2", 1)[0]
    standings = re.findall(r'kb-stand--([a-z-]+)"', section.split("Partner in", 1)[0])
    first_other = next(i for i, flag in enumerate(standings) if flag != "te-laat")
    assert first_other == 18 and "te-laat" not in standings[first_other:]
    assert 'href="../termijnen-ministerie-vws.ics"' in section


def test_changes_since_the_previous_meeting(built_site):
    text = _text(page_path(built_site, "voortgang/wijzigingen/"))
    assert "Wijzigingen na 1 juni 2023 tot en met 1 januari 2024" in text
    assert "Afgerond" in text and "Termijn verschoven" in text  # all dated changes are listed further down


def test_action_page_shows_deadline_history_and_unknown_status(built_site):
    text = _text(page_path(built_site, "acties/uitvoeringsagenda-mantelzorg/"))
    assert "Termijn verschoven 1× (20 april 2023)" in text and "Afgerond, te laat" in text
    assert "“Ik zal de uitvoeringsagenda in het tweede kwartaal van 2023 aan uw Kamer toesturen.” (tweede kwartaal 2023)" in text
    quiet = _text(page_path(built_site, "acties/digitale-respijtwijzer/"))
    assert "Status onbekend sinds 27 oktober 2009" in quiet


def test_calendar_has_every_deadline_with_reminders(built_site, kb):
    calendar = Calendar.from_ical((built_site / "voortgang/termijnen.ics").read_bytes())
    events = calendar.walk("VEVENT")
    with_deadline = [a for a in kb.all("actie") if "termijn" in a.data]
    assert len(events) == len(with_deadline)
    assert len({str(e["UID"]) for e in events}) == len(events)
    event = next(e for e in events if str(e["UID"]).startswith("uitvoeringsagenda-mantelzorg@"))
    assert event.decoded("DTSTART") == dt.date(2023, 6, 30)
    assert "tweede kwartaal 2023" in str(event["DESCRIPTION"]) and "1 keer verschoven" in str(event["DESCRIPTION"])
    assert sorted(alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")) == [-dt.timedelta(days=14), -dt.timedelta(days=1)]
    assert "URL" not in event  # the site has no configured address: no link is guessed
    mezzo = Calendar.from_ical((built_site / "voortgang/termijnen-mezzo.ics").read_bytes()).walk("VEVENT")
    assert [str(e["UID"]).split("@")[0] for e in mezzo] == [a.id for a in with_deadline if a.data["eigenaar"] == "mezzo"]


def test_csv_opens_in_dutch_excel(built_site, kb):
    raw = (built_site / "voortgang/acties.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(kb.all("actie"))
    late = sorted(r["id"] for r in rows if r["te_laat"] == "ja")
    assert late == sorted(i for ids in EXPECTED[MEETING["KENNISBANK_PEILDATUM"]]["te_laat_per_eigenaar"].values() for i in ids)
    row = next(r for r in rows if r["id"] == "uitvoeringsagenda-mantelzorg")
    assert (row["stand_code"], row["termijn_einddatum"], row["termijn_verschoven"]) == ("afgerond-te-laat", "2023-06-30", "1")
    assert " | " in row["partners"] and row["pagina"] == "acties/uitvoeringsagenda-mantelzorg/"
    assert any("ë" in r["partners"] or "ë" in r["titel"] for r in rows)  # Dutch characters survive


def test_same_peildatum_gives_a_byte_identical_site(project, built_site):
    # Another build, at another time, in another folder: the peildatum alone fixes every date in the
    # output (also the sitemap's, through SOURCE_DATE_EPOCH), and nothing depends on order or chance.
    result = project.build(KENNISBANK_REPO_URL="https://git.example.invalid/kennisbank", **MEETING)
    assert result.returncode == 0, result.stderr
    first = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(project.site) for p in project.site.rglob("*") if p.is_file())
    assert first == second and len(first) > 500
    different = [str(relative) for relative in first if (project.site / relative).read_bytes() != (built_site / relative).read_bytes()]
    assert different == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kennisbank", "acties", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})


def test_cli_lists_late_actions_for_the_minutes(kb):
    result = _cli("--te-laat", "--peildatum", "2024-01-01")
    assert result.returncode == 0, result.stderr
    late = {i for ids in EXPECTED["2024-01-01"]["te_laat_per_eigenaar"].values() for i in ids}
    assert result.stdout.startswith(f"Te laat op 1 januari 2024: {len(late)} acties\n")
    assert {line[2:] for line in result.stdout.splitlines() if line.startswith("- ")} == {kb.get("actie", i).title for i in late}
    vng = _cli("--te-laat", "--eigenaar", "VNG", "--peildatum", "2024-01-01")
    assert vng.stdout.startswith("Te laat op 1 januari 2024, eigenaar Vereniging Nederlandse Gemeenten: 0 acties")
    owners = _cli("--per-eigenaar", "--peildatum", "2024-01-01", "--formaat", "markdown")
    vws_late = len(EXPECTED["2024-01-01"]["te_laat_per_eigenaar"]["ministerie-vws"])
    assert re.search(rf"^\| Ministerie van Volksgezondheid, Welzijn en Sport \| \d+ \| {vws_late} \| \d+ \|$", owners.stdout, re.M)
    changes = _cli("--wijzigingen", "--peildatum", "2024-01-01", "--sinds", "2023-06-01")
    assert f": {len(EXPECTED['2024-01-01']['wijzigingen'])}\n" in changes.stdout


@pytest.mark.parametrize("args, message", [
    (["--peildatum", "1-1-2024"], "optie --peildatum: '1-1-2024' is geen datum; gebruik JJJJ-MM-DD"),
    (["--eigenaar", "Onbekend"], "geen organisatie 'Onbekend'"),
    (["--te-laat", "--afgerond"], "optie --afgerond gaat niet samen met --te-laat"),
    (["--programma", "x"], "onbekend programma 'x'; kies uit aanpak-sociale-basis"),
    (["--peildatum", "2024-01-01", "--sinds", "2024-02-01"], "ligt na de peildatum"),
])
def test_cli_explains_wrong_options_in_dutch(args, message):
    result = _cli(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_meeting_report_prints_to_pdf_with_the_late_actions(site_url, tmp_path, kb):
    from pypdf import PdfReader

    pdf = tmp_path / "vergaderstuk.pdf"
    result = subprocess.run(["node", str(ROOT / "tests/js/print.mjs"), site_url + "voortgang/vergaderstuk/", str(pdf)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not json.loads(result.stdout)["navigation"]
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Vergaderstuk voortgang acties, peildatum 1 januari 2024" in text
    late = {i for ids in EXPECTED["2024-01-01"]["te_laat_per_eigenaar"].values() for i in ids}
    squashed = re.sub(r"\s+", "", text)  # a title may wrap in a table cell, at a hyphen too
    missing = [kb.get("actie", i).title for i in late if re.sub(r"\s+", "", kb.get("actie", i).title) not in squashed]
    assert not missing
    for navigation in ("Ga naar inhoud", "Zoeken", "Over de kennisbank", "Afdrukken of"):
        assert navigation not in text


def test_tables_sort_by_keyboard_and_changes_filter_by_date(site_url):
    result = subprocess.run(["node", str(ROOT / "tests/js/tables.mjs"), site_url], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["before"] == sorted(out["before"])  # without a choice: by deadline
    assert out["owners"] == sorted(out["owners"]) and out["owners"] != out["ownersReversed"] == sorted(out["owners"], reverse=True)
    assert out["ariaSort"] == "ascending"
    after, until = out["filterValues"]
    assert (after, until) == ("2023-01-01", "2023-05-01"), out["filterValues"]
    assert out["filtered"] and all(after < d <= until for d in out["filtered"]) and len(out["filtered"]) < out["allChanges"]
    assert out["status"] == f"{len(out['filtered'])} wijzigingen"

"""`kennisbank check` as a contributor runs it: output, count and exit code."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from test_bad_input import VALID_INITIATIVE

from kennisbank import linkcheck
from kennisbank.cli import main

MESSAGE = re.compile(r"^(?P<file>[\w./-]+):(?P<line>\d+):(?P<col>\d+): (?P<what>[^;]+); (?P<fix>.+)$")


def test_valid_project_exits_zero_with_a_summary(project):
    result = project.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Alles in orde: ")
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_problems_are_listed_in_one_run_then_counted(project):
    project.write("initiatives/proef.yaml", VALID_INITIATIVE.replace("schaal: lokaal", "schaal: lokal") + "extra: 1\n")
    project.write("terms/leeg.yaml", "")
    result = project.check()
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 problemen in 2 bestanden."
    assert all(MESSAGE.match(line) for line in lines[:-1]), lines
    assert "Traceback" not in result.stdout + result.stderr


def test_only_the_given_files_are_reported(project):
    project.write("initiatives/proef.yaml", VALID_INITIATIVE.replace("schaal: lokaal", "schaal: lokal"))
    project.write("terms/leeg.yaml", "")
    result = project.check("terms/leeg.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "terms/leeg.yaml:1:1: bestand is leeg; vul het record in; begin met een kopie van een bestaand record of met 'kennisbank nieuw'",
        "1 probleem in 1 bestand.",
    ]


def test_binary_garbage_gets_a_message_not_a_traceback(project):
    project.write_bytes("organisations/rommel.yaml", bytes(range(256)) * 4)
    result = project.check()
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("organisations/rommel.yaml:2:118: bestand is geen geldige UTF-8-tekst")


def test_files_that_are_not_records_are_named(project):
    result = project.check("README.missing", "mkdocs.yml")
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "README.missing:1:1: bestand bestaat niet; geef een .yaml-bestand uit een van de mappen initiatives/, actions/, terms/, organisations/, sources/",
        "mkdocs.yml:1:1: bestand is geen record van de kennisbank; geef een .yaml-bestand uit een van de mappen initiatives/, actions/, terms/, organisations/, sources/",
    ]


def test_unknown_command_is_answered_in_dutch(project):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "kennisbank", "controleer"], cwd=project.root, capture_output=True, text=True)
    assert result.returncode == 2
    assert "onbekende opdracht 'controleer'" in result.stderr


def test_missing_or_broken_schemas_get_a_message_not_a_traceback(project):
    (project.root / "schema" / "bron.schema.json").unlink()
    (project.root / "schema" / "actie.schema.json").write_text('{"type": "object",\n  "properties": ', encoding="utf-8")
    (project.root / "schema" / "begrip.schema.json").write_text('{"type": 5}', encoding="utf-8")
    result = project.check()
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "schema/actie.schema.json:2:17: schema is geen geldige JSON; controleer aanhalingstekens, komma's en haakjes op deze plek",
        "schema/begrip.schema.json:1:1: schema volgt JSON Schema draft 2020-12 niet (bij $.type); herstel het schema op die plek",
        "schema/bron.schema.json:1:1: schemabestand ontbreekt; zet het bestand terug uit de repository",
        "3 problemen in 3 bestanden.",
    ]
    build = project.build()
    assert build.returncode != 0 and "Traceback" not in build.stderr
    assert "schema/bron.schema.json:1:1: schemabestand ontbreekt" in build.stderr


def test_outside_a_knowledge_base_the_check_says_where_to_run(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "kennisbank", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith("schema/:1:1: map met schema's ontbreekt; draai de opdracht in de hoofdmap")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


def test_links_names_the_record_with_an_address_that_does_not_answer(project, monkeypatch, capsys):
    # A local server stands in for the web; the records' real addresses are not requested (no network in tests).
    (project.root / "web").mkdir()
    (project.root / "web" / "goed.html").write_text("ok", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(project.root / "web")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    real_status = linkcheck.status
    monkeypatch.setattr(linkcheck, "status", lambda address: real_status(address) if address.startswith(base) else None)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    try:
        path = project.root / "initiatives" / "anna-zorgt.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"website: {base}/weg.html\ncontact: Zie {base}/goed.html.\n", encoding="utf-8")
        code = main(["--map", str(project.root), "links"])
    finally:
        server.shutdown()
    out = capsys.readouterr().out
    assert code == 1, out
    assert f"initiatives/anna-zorgt.yaml: {base}/weg.html antwoordt met HTTP 404;" in out
    assert f"{base}/goed.html" not in out
    assert out.strip().splitlines()[-1].endswith("webadressen gecontroleerd, 1 werken niet.")


def test_links_on_broken_records_names_each_problem_first(project, capsys):
    project.write("initiatives/kapot.yaml", "id: kapot\nnaam: [x]\n")
    assert main(["--map", str(project.root), "links"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^initiatives/kapot\.yaml:2:7: 'naam' moet tekst zijn", err, re.M), err
    assert "los eerst de problemen" in err


def test_output_into_a_closed_pipe_is_no_traceback(project):
    # `kennisbank check | head -n 1` with many problems: the reader stops early
    for number in range(300):
        project.write(f"initiatives/kapot-{number}.yaml", f"id: kapot-{number}\n")
    result = subprocess.run(f"'{sys.executable}' -m kennisbank check | head -n 1", shell=True, cwd=project.root,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("initiatives/kapot-")
    assert result.stderr == ""

"""Contributors: templates from the schema, duplicate warnings, search, tool formats, field reference, repository files."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, ProjectCopy
from htmlscan import page_path, scan

from kennisbank.fields import record_fields
from kennisbank.issueform import QUESTIONS, form
from kennisbank.kinds import KINDS
from kennisbank.scaffold import _dump, example_values
from kennisbank.schemas import load_schemas

NAMES = {"initiatief": "Proefinitiatief Zuidhorn", "actie": "Proefactie opstellen", "begrip": "proefbegrip",
         "organisatie": "Proeforganisatie", "bron": "Proefbron"}


def _kennisbank(project: ProjectCopy, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kennisbank", *args], cwd=project.root, capture_output=True,
                          text=True, timeout=120, input=stdin)


def _new(project: ProjectCopy, kind: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return _kennisbank(project, "nieuw", kind, "--naam", NAMES[kind], "--id", f"proef-{kind}", "--niet-vragen", *extra)


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS])
def test_template_filled_with_examples_validates(project, kind):
    result = _new(project, kind)
    assert result.returncode == 0, result.stderr
    path = project.root / next(k.folder for k in KINDS if k.name == kind) / f"proef-{kind}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n")
    schemas = load_schemas(project.root / "schema")
    existing = {k.name: sorted(p.stem for p in (project.root / k.folder).glob("*.yaml") if p.stem != f"proef-{kind}") for k in KINDS}
    # A contributor fills every empty required line (and one of each "exactly one" pair) with a value.
    for name, value in example_values(schemas, kind, existing).items():
        block = "\n".join(_dump(name, value))
        if re.search(rf"(?m)^{name}:$", text):
            text = re.sub(rf"(?m)^{name}:$", lambda _: block, text)
        elif not re.search(rf"(?m)^{name}:", text):
            text += block + "\n"
    path.write_text(text, encoding="utf-8")
    check = _kennisbank(project, "check", str(path.relative_to(project.root)))
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS])
def test_empty_template_names_each_empty_required_field_by_line(project, kind):
    assert _new(project, kind).returncode == 0
    folder = next(k.folder for k in KINDS if k.name == kind)
    relative = f"{folder}/proef-{kind}.yaml"
    lines = (project.root / relative).read_text(encoding="utf-8").splitlines()
    empty = {line[:-1]: number for number, line in enumerate(lines, 1) if re.fullmatch(r"[a-z_]+:", line)}
    required = {f.name for f in record_fields(load_schemas(project.root / "schema"), kind) if f.required}
    assert empty and set(empty) <= required
    result = _kennisbank(project, "check", relative)
    assert result.returncode == 1
    for name, number in empty.items():
        assert re.search(rf"^{re.escape(relative)}:{number}:\d+: verplicht veld '{name}' is leeg; ", result.stdout, re.M), name


def test_nieuw_never_overwrites(project):
    before = (project.root / "initiatives/anna-zorgt.yaml").read_bytes()
    result = _kennisbank(project, "nieuw", "initiatief", "--naam", "Anna Zorgt", "--id", "anna-zorgt", "--niet-vragen")
    assert result.returncode == 1 and "initiatives/anna-zorgt.yaml bestaat al" in result.stderr
    assert (project.root / "initiatives/anna-zorgt.yaml").read_bytes() == before


def test_duplicate_warning_for_a_near_copy_only(project):
    near = _kennisbank(project, "nieuw", "initiatief", "--naam", "Anna zorgt!", "--id", "anna-zorgt-2",
                       "--gemeente", "Tholen", "--thema", "zorgzame-gemeenschap", "--niet-vragen")
    assert near.returncode == 0
    assert "Let op: lijkt op initiatives/anna-zorgt.yaml (Anna Zorgt): zelfde gemeente (Tholen)" in near.stderr
    anna = yaml.safe_load((ROOT / "initiatives/anna-zorgt.yaml").read_text(encoding="utf-8"))
    summary = _kennisbank(project, "nieuw", "initiatief", "--naam", "Dorpshulp", "--id", "dorpshulp", "--niet-vragen",
                          "--samenvatting", anna["samenvatting"].replace("Sint Annaland", "Scherpenisse"))
    assert "Let op: lijkt op initiatives/anna-zorgt.yaml (Anna Zorgt): een zeer vergelijkbare samenvatting" in summary.stderr
    # distinct from every record a contributor may add too: a test-only name, place and summary
    distinct = _kennisbank(project, "nieuw", "initiatief", "--naam", "Proefinitiatief zonder weerga", "--id", "proef-uniek",
                           "--gemeente", "Proefgemeente", "--thema", "vrijwilligerswerk", "--niet-vragen",
                           "--samenvatting", "Een verzonnen proefrecord, alleen voor de test op dubbele initiatieven.")
    assert distinct.returncode == 0 and "Let op" not in distinct.stderr


def test_nieuw_asks_in_a_terminal_and_stops_on_a_duplicate(project):
    """Interactive: name, municipality, themes by number, summary, id; a likely duplicate asks for confirmation."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "kennisbank", "nieuw", "initiatief"], cwd=project.root,
                               stdin=secondary, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(secondary)
    os.write(primary, "Anna Zorgt\nTholen\n1\n\n\nn\n".encode())
    out, err = process.communicate(timeout=120)
    os.close(primary)
    assert process.returncode == 1, out + err
    assert "Thema's (kies een of meer nummers" in out and "Niets geschreven" in out
    assert "lijkt op initiatives/anna-zorgt.yaml" in err
    assert not (project.root / "initiatives/anna-zorgt-2.yaml").exists()


def test_zoek_finds_records_with_dutch_word_forms(project):
    result = _kennisbank(project, "zoek", "mantelzorgers", "Emmen", "huisarts")
    assert result.returncode == 0
    first = result.stdout.splitlines()[1]
    assert "(initiatief): /initiatieven/steunpunt-mantelzorg-huisartsenpraktijk-emmen/" in first
    nizu = _kennisbank(project, "zoek", "NIZU").stdout.splitlines()[1]
    assert "netwerk-informele-zorg-utrecht" in nizu
    assert "Tholen" in _kennisbank(project, "zoek", "cooperatie:Tholen").stdout  # query syntax is not the user's problem


def test_check_speaks_github_and_json(project):
    project.write("initiatives/proef.yaml", "id: proef\nnaam: Proef\nschaal: lokal\n")
    github = _kennisbank(project, "check", "--format", "github")
    line = next(l for l in github.stdout.splitlines() if "schaal" in l)
    assert line.startswith("::error file=initiatives/proef.yaml,line=3,col=9,title=Kennisbank-controle::onbekende waarde 'lokal'")
    assert "(uitleg: http://127.0.0.1:8000/bijdragen/velden/initiatief/#veld-schaal)" in line
    data = json.loads(_kennisbank(project, "check", "--format", "json").stdout)
    entry = next(p for p in data if p["veld"] == "schaal")
    assert (entry["bestand"], entry["regel"], entry["kolom"]) == ("initiatives/proef.yaml", 3, 9)
    assert entry["uitleg"].endswith("/bijdragen/velden/initiatief/#veld-schaal")


def test_field_reference_pages_cover_every_schema_field(built_site):
    schemas = load_schemas(ROOT / "schema")
    for kind in KINDS:
        page = scan(page_path(built_site, f"bijdragen/velden/{kind.name}/"))
        def walk(fields):
            for f in fields:
                assert f"veld-{f.anchor}" in page.ids, (kind.name, f.path)
                walk(f.children)
        walk(record_fields(schemas, kind.name))
        template = (built_site / f"bijdragen/sjablonen/{kind.name}.yaml").read_text(encoding="utf-8")
        assert template.startswith(f"# yaml-language-server: $schema=../schema/{kind.name}.schema.json")
    text = " ".join(" ".join(scan(page_path(built_site, "bijdragen/velden/initiatief/")).text).split())
    assert "Toegestane waarden (lijst 'thema')" in text and "respijtzorg Respijtzorg" in text


def test_help_links_in_messages_resolve_on_the_site(project, built_site):
    project.write("actions/proef.yaml", "id: proef\ntitel: Proef\nupdates:\n  - status: bezig\n")
    lines = _kennisbank(project, "check", "actions/proef.yaml").stdout.splitlines()
    urls = {m.group(1) for l in lines if (m := re.search(r"\(uitleg: http://127\.0\.0\.1:8000/([^)]+)\)$", l))}
    assert urls
    for url in urls:
        path, _, anchor = url.partition("#")
        assert anchor in scan(page_path(built_site, path)).ids, url


def test_issue_form_is_generated_from_the_schema_and_maps_back(project):
    schemas = load_schemas(ROOT / "schema")
    committed = (ROOT / ".github/ISSUE_TEMPLATE/nieuw-initiatief.yml").read_text(encoding="utf-8")
    assert committed == form(schemas), "run: kennisbank formulier > .github/ISSUE_TEMPLATE/nieuw-initiatief.yml"
    document = yaml.safe_load(committed)
    questions = [item for item in document["body"] if item["type"] != "markdown"]
    by_name = {f.name: f for f in record_fields(schemas, "initiatief")}
    assert [q["id"] for q in questions] == list(QUESTIONS)
    assert {f for f, field in by_name.items() if field.required} - set(QUESTIONS) == {"id", "laatst_gecontroleerd"}
    for question in questions:
        field = by_name[question["id"]]
        assert question["validations"]["required"] == field.required
        if question["type"] == "dropdown":
            labels = [label for label, _ in schemas.vocabularies[field.vocabulary].terms.values()]
            assert question["attributes"]["options"] == labels and question["attributes"]["multiple"] == field.many
    result = _kennisbank(project, "aanmelding", str(ROOT / "tests/examples/aanmelding/issue.md"), "--datum", "2026-12-01")
    assert result.returncode == 0, result.stderr
    record = yaml.safe_load((project.root / "initiatives/proefaanmelding-repair-cafe-lemmer.yaml").read_text(encoding="utf-8"))
    assert record["themas"] == ["vrijwilligerswerk", "zorgzame-gemeenschap"] and record["provincies"] == ["fryslan"]
    assert record["bronnen"] == [{"bron": "kamerbrief-aanpak-sociale-basis-2023", "regels": "82-84"}]
    assert _kennisbank(project, "check", "initiatives/proefaanmelding-repair-cafe-lemmer.yaml").returncode == 0


def test_incomplete_issue_answers_are_explained(project):
    body = (ROOT / "tests/examples/aanmelding/issue.md").read_text(encoding="utf-8")
    broken = body.replace("Lokaal", "Heel lokaal").replace("kamerbrief-aanpak-sociale-basis-2023, regels 82-84", "de kamerbrief")
    result = _kennisbank(project, "aanmelding", "-", stdin=broken)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "onbekende keuze bij 'Schaal': Heel lokaal" in result.stderr
    assert "bij bron 'de' ontbreekt de plek" in result.stderr or "bron 'de kamerbrief' heeft niet de vorm" in result.stderr


def _make_targets() -> set[str]:
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8")))


def test_workflow_and_hooks_use_only_commands_that_exist():
    workflow = yaml.safe_load((ROOT / ".github/workflows/controle.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert runs
    for run in runs:
        for command in run.split("&&"):
            words = command.split()
            if words[0] == "make":
                assert words[1] in _make_targets(), command
            elif words[0] == ".venv/bin/kennisbank":
                # run the real entry point: the check of the real records must pass
                result = subprocess.run([sys.executable, "-m", "kennisbank", *words[1:]], cwd=ROOT,
                                        capture_output=True, text=True, timeout=120)
                assert result.returncode == 0, command + result.stdout
            else:
                assert words[0] == "sudo" and words[1] == "apt-get", command
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entry = hooks["repos"][0]["hooks"][0]["entry"].split()
    assert entry[0] == ".venv/bin/kennisbank" and entry[1] == "check"
    assert subprocess.run([sys.executable, "-m", "kennisbank", "check", "initiatives/anna-zorgt.yaml"], cwd=ROOT,
                          capture_output=True, timeout=120).returncode == 0
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") == 4 and "persoonsgegevens" in template

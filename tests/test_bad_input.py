"""Each kind of bad input gets a Dutch message that names file, line and column."""

from __future__ import annotations

import pytest

from kennisbank.catalogue import Project, check

VALID_INITIATIVE = """\
id: proef
naam: Proefinitiatief
samenvatting: Een initiatief om de controles mee te testen, met genoeg tekst.
beschrijving: Een beschrijving.
schaal: lokaal
organisatievorm: netwerk
themas: [respijtzorg]
doelgroepen: [mantelzorgers]
status: actief
bronnen:
  - bron: kamerbrief-naast-en-met-elkaar-2009
    regels: "1-2"
laatst_gecontroleerd: "2026-12-01"
"""

VALID_ACTION = """\
id: proefactie
titel: Een proefactie
omschrijving: Tekst.
programma: aanpak-sociale-basis
eigenaar: ministerie-vws
start: 2023-Q1
termijn:
  formulering: "uiterlijk in het vierde kwartaal van 2023"
  periode: 2023-Q4
updates:
  - datum: "2023-07-06"
    status: aangekondigd
    tekst: Aangekondigd in de brief.
    bron: {bron: kamerbrief-aanpak-sociale-basis-2023, regels: "223"}
bronnen:
  - bron: kamerbrief-aanpak-sociale-basis-2023
    regels: "223"
"""


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


CASES = [
    # (name, file, content, expected "file:line:col: start of message")
    ("duplicate key", "initiatives/proef.yaml", VALID_INITIATIVE + "naam: Nog een naam\n",
     "initiatives/proef.yaml:14:1: veld 'naam' staat twee keer in hetzelfde record (eerst op regel 2)"),
    ("unknown field", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "status: actief\n", "status: actief\nstatuss: x\n"),
     "initiatives/proef.yaml:10:1: onbekend veld 'statuss' (bedoel je 'status'?)"),
    ("missing required field", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "status: actief\n", ""),
     "initiatives/proef.yaml:1:1: verplicht veld 'status' ontbreekt in het record"),
    ("wrong type", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "themas: [respijtzorg]", "themas: respijtzorg"),
     "initiatives/proef.yaml:7:9: 'themas' moet een lijst zijn, maar is tekst"),
    ("boolean in a text field", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "naam: Proefinitiatief", "naam: no"),
     "initiatives/proef.yaml:2:7: 'naam' moet tekst zijn, maar is ja/nee-waarde; YAML leest"),
    ("octal-looking number in a text field", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, 'regels: "1-2"', "regels: 0123"),
     "initiatives/proef.yaml:12:13: 'bronnen.1.regels' moet tekst zijn, maar is een geheel getal; zet de waarde tussen aanhalingstekens"),
    ("unknown vocabulary value", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "schaal: lokaal", "schaal: lokal"),
     "initiatives/proef.yaml:5:9: onbekende waarde 'lokal' in 'schaal' (bedoel je 'lokaal'?); kies uit: lokaal"),
    ("impossible date", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, '"2026-12-01"', "2026-02-30"),
     "initiatives/proef.yaml:13:23: ongeldige datum in 'laatst_gecontroleerd': '2026-02-30'"),
    ("summary too long", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "met genoeg tekst.", "x" * 300),
     "initiatives/proef.yaml:3:15: tekst in 'samenvatting' is 346 tekens, hoogstens 300 toegestaan"),
    ("id differs from file name", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "id: proef", "id: ander"),
     "initiatives/proef.yaml:1:5: id 'ander' is niet gelijk aan de bestandsnaam 'proef.yaml'"),
    ("broken reference", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "bron: kamerbrief-naast-en-met-elkaar-2009", "bron: kamerbrief-naast-en-met-elkaar-2010"),
     "initiatives/proef.yaml:11:11: verwijzing naar onbekende bron 'kamerbrief-naast-en-met-elkaar-2010' (bedoel je 'kamerbrief-naast-en-met-elkaar-2009'?)"),
    ("reference to a record of the wrong type", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "bron: kamerbrief-naast-en-met-elkaar-2009", "bron: mantelzorg"),
     "initiatives/proef.yaml:11:11: 'mantelzorg' is een begrip, geen bron"),
    ("self-reference", "initiatives/proef.yaml", VALID_INITIATIVE + "gerelateerd:\n  initiatieven: [proef]\n",
     "initiatives/proef.yaml:15:18: 'gerelateerd.initiatieven.1' verwijst naar dit record zelf"),
    ("source location missing", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, '    regels: "1-2"\n', ""),
     "initiatives/proef.yaml:11:5: de plek in de bron ontbreekt in 'bronnen.1'"),
    ("tab indentation", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "  - bron:", "\t- bron:"),
     "initiatives/proef.yaml:11:1: tabteken gevonden; gebruik spaties"),
    ("alias", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "themas: [respijtzorg]", "themas: &t [respijtzorg]\ndoelgroepen2: *t"),
     "initiatives/proef.yaml:8:1: ankers en aliassen (& en *) zijn niet toegestaan"),
    ("python tag", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, "naam: Proefinitiatief", "naam: !!python/object/apply:os.system [ls]"),
     "initiatives/proef.yaml:2:7: YAML-tag 'tag:yaml.org,2002:python/object/apply:os.system' is niet toegestaan"),
    ("two documents", "initiatives/proef.yaml", VALID_INITIATIVE + "---\nid: tweede\n",
     "initiatives/proef.yaml:14:1: meer dan één YAML-document in het bestand"),
    ("unclosed quote", "initiatives/proef.yaml", _replace(VALID_INITIATIVE, '"2026-12-01"', '"2026-12-01'),
     "initiatives/proef.yaml:14:1: aanhalingstekens niet goed gesloten"),
    ("empty file", "initiatives/proef.yaml", "# alleen commentaar\n",
     "initiatives/proef.yaml:1:1: bestand is leeg"),
    ("not a mapping", "initiatives/proef.yaml", "- een\n- lijst\n",
     "initiatives/proef.yaml:1:1: record moet bestaan uit velden"),
    ("invalid file name", "initiatives/Proef_1.yaml", VALID_INITIATIVE,
     "initiatives/Proef_1.yaml:1:1: bestandsnaam 'Proef_1.yaml' is geen geldige id"),
    ("file that is not YAML", "initiatives/proef.yml", VALID_INITIATIVE,
     "initiatives/proef.yml:1:1: bestand is geen record: alleen .yaml-bestanden worden gelezen"),
    ("start after deadline", "actions/proefactie.yaml", _replace(VALID_ACTION, "start: 2023-Q1", "start: 2024-Q1"),
     "actions/proefactie.yaml:6:8: start (2024-Q1) ligt na de termijn (2023-Q4)"),
    ("impossible period", "actions/proefactie.yaml", _replace(VALID_ACTION, "periode: 2023-Q4", "periode: 2023-02-30"),
     "actions/proefactie.yaml:9:12: ongeldige periode in 'termijn.periode': '2023-02-30'"),
    ("finished without completion", "actions/proefactie.yaml", _replace(VALID_ACTION, "status: aangekondigd", "status: afgerond"),
     "actions/proefactie.yaml:12:13: actie is afgerond maar 'afgedaan_met' ontbreekt"),
    ("updates out of order", "actions/proefactie.yaml", VALID_ACTION.replace("bronnen:\n", "  - datum: \"2023-01-01\"\n    status: aangekondigd\n    tekst: Eerder.\n    bron: {bron: kamerbrief-aanpak-sociale-basis-2023, regels: \"1\"}\nbronnen:\n"),
     "actions/proefactie.yaml:11:3: updates staan niet op volgorde van datum"),
    ("neither deadline nor its absence", "actions/proefactie.yaml", VALID_ACTION.replace('termijn:\n  formulering: "uiterlijk in het vierde kwartaal van 2023"\n  periode: 2023-Q4\n', ""),
     "actions/proefactie.yaml:1:1: vul precies één van 'termijn' of 'zonder_termijn' in"),
    ("update without a date or its absence", "actions/proefactie.yaml", VALID_ACTION.replace('  - datum: "2023-07-06"\n    status: aangekondigd', '  - status: aangekondigd'),
     "actions/proefactie.yaml:11:5: vul bij elke update precies één van 'datum' of 'datum_onbekend' in in 'updates.1'"),
    ("unknown owner", "actions/proefactie.yaml", _replace(VALID_ACTION, "eigenaar: ministerie-vws", "eigenaar: ministerie-xyz"),
     "actions/proefactie.yaml:5:11: verwijzing naar onbekende organisatie 'ministerie-xyz'"),
]


@pytest.mark.parametrize("name, file, content, expected", CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_reported_with_its_position(project, name, file, content, expected):
    project.write(file, content)
    problems = [str(problem) for problem in check(Project(project.root)).problems]
    assert any(problem.startswith(expected) for problem in problems), "\n".join(problems)
    # every message says what is wrong and how to fix it
    assert all("; " in problem for problem in problems)


def test_invalid_utf8_names_the_line(project):
    project.write_bytes("initiatives/proef.yaml", VALID_INITIATIVE.encode() + b"naam2: caf\xe9\n")
    problems = [str(p) for p in check(Project(project.root)).problems]
    assert problems == ["initiatives/proef.yaml:14:11: bestand is geen geldige UTF-8-tekst; sla het bestand op met tekencodering UTF-8"]


def test_oversized_file_is_refused(project):
    project.write("initiatives/proef.yaml", VALID_INITIATIVE + "# " + "x" * 300_000 + "\n")
    problems = [str(p) for p in check(Project(project.root)).problems]
    assert problems[0].startswith("initiatives/proef.yaml:1:1: bestand is te groot")


def test_broader_term_cycle_is_reported(project):
    project.write("terms/a.yaml", """
        id: a
        voorkeursterm: term a
        definities: [{tekst: "Een definitie van a.", bron: {bron: gemeentelijke-indeling, paragraaf: x}}]
        uitleg: Uitleg van term a.
        bredere_begrippen: [b]
        bronnen: [{bron: gemeentelijke-indeling, paragraaf: x}]
    """)
    project.write("terms/b.yaml", """
        id: b
        voorkeursterm: term b
        definities: [{tekst: "Een definitie van b.", bron: {bron: gemeentelijke-indeling, paragraaf: x}}]
        uitleg: Uitleg van term b.
        bredere_begrippen: [a]
        bronnen: [{bron: gemeentelijke-indeling, paragraaf: x}]
    """)
    problems = [str(p) for p in check(Project(project.root)).problems]
    assert problems == ["terms/a.yaml:5:21: bredere begrippen vormen een kring: a > b > a; een begrip kan niet (via andere begrippen) breder zijn dan zichzelf; verwijder één van de verwijzingen"]


def test_unquoted_dates_stay_text_and_are_valid(project):
    project.write("initiatives/proef.yaml", _replace(VALID_INITIATIVE, '"2026-12-01"', "2026-12-01"))
    assert check(Project(project.root)).problems == []


def test_all_problems_are_reported_in_one_run(project):
    project.write("initiatives/proef.yaml", _replace(VALID_INITIATIVE, "schaal: lokaal", "schaal: lokal"))
    project.write("actions/proefactie.yaml", _replace(VALID_ACTION, "eigenaar: ministerie-vws", "eigenaar: ministerie-xyz"))
    project.write("terms/leeg.yaml", "")
    files = {problem.file for problem in check(Project(project.root)).problems}
    assert files == {"initiatives/proef.yaml", "actions/proefactie.yaml", "terms/leeg.yaml"}

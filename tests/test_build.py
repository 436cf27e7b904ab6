"""The strict MkDocs build: one page per record, links both ways, edit links, no files written into docs/."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from htmlscan import broken_internal_links, page_path, scan
from test_bad_input import VALID_INITIATIVE

from kennisbank.kinds import KINDS
from kennisbank.tracking import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_record_file_becomes_exactly_one_page(built_site):
    for kind in KINDS:
        records = sorted(path.stem for path in (ROOT / kind.folder).glob("*.yaml"))
        pages = sorted(path.parent.name for path in (built_site / kind.url).glob("*/index.html"))
        assert records and pages == records, kind.folder
        assert (built_site / kind.url / "index.html").exists(), f"overzicht {kind.url}"


def test_overview_lists_every_record(built_site):
    for kind in KINDS:
        links = set(scan(built_site / kind.url / "index.html").links)
        for path in (ROOT / kind.folder).glob("*.yaml"):
            assert f"{path.stem}/" in links, f"{kind.url}/index.html mist {path.stem}"


def test_internal_links_and_anchors_resolve(built_site):
    assert broken_internal_links(built_site) == []


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<h2 id="hier">x</h2><a href="#hier">ok</a><a href="a/#daar">ok</a>'
                                         '<a href="#nergens">1</a><a href="a/#nergens">2</a><a href="b/">3</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<p id="daar">y</p>', encoding="utf-8")
    assert broken_internal_links(tmp_path) == ["index.html: #nergens (anker ontbreekt)", "index.html: a/#nergens (anker ontbreekt)",
                                               "index.html: b/"]


def test_references_render_as_links_both_ways(built_site):
    owner = scan(page_path(built_site, "organisaties/ministerie-vws/"))
    assert "../../acties/afspraken-landelijk-faciliteren-welzijnswerk/" in owner.links
    partner = scan(page_path(built_site, "organisaties/sociaal-werk-nederland/"))
    assert "../../acties/afspraken-landelijk-faciliteren-welzijnswerk/" in partner.links
    action = scan(page_path(built_site, "acties/afspraken-landelijk-faciliteren-welzijnswerk/"))
    assert "../../organisaties/ministerie-vws/" in action.links
    # initiative -> term, and the term lists the initiative that uses it
    assert "../../begrippen/sociale-basis/" in scan(page_path(built_site, "initiatieven/anna-zorgt/")).links
    assert "../../initiatieven/anna-zorgt/" in scan(page_path(built_site, "begrippen/sociale-basis/")).links
    # a source lists the records that cite it
    assert "../../initiatieven/steunpunt-mantelzorg-huisartsenpraktijk-emmen/" in scan(
        page_path(built_site, "bronnen/kamerbrief-naast-en-met-elkaar-2009/")).links


def test_record_pages_link_to_their_yaml_file(built_site):
    for kind in KINDS:
        for path in (ROOT / kind.folder).glob("*.yaml"):
            links = scan(page_path(built_site, f"{kind.url}/{path.stem}/")).links
            expected = f"https://git.example.invalid/kennisbank/edit/main/{kind.folder}/{path.name}"
            assert expected in links, f"{kind.url}/{path.stem}: geen bewerklink"


def test_an_update_from_an_undated_document_says_so(built_site):
    text = "".join(scan(page_path(built_site, "acties/baz-subsidie-in-twee-fases/")).text)
    assert "Datum onbekend" in text and "datum van de stand onbekend" in text


def test_pages_are_dutch(built_site):
    html = (built_site / "initiatieven/anna-zorgt/index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "Anna Zorgt" in html and "Laatst gecontroleerd" in html


def test_nothing_is_written_into_docs(project):
    before = sorted(p.relative_to(project.root).as_posix() for p in (project.root / "docs").rglob("*"))
    assert project.build().returncode == 0
    after = sorted(p.relative_to(project.root).as_posix() for p in (project.root / "docs").rglob("*"))
    assert after == before


def test_bad_record_fails_the_strict_build_with_the_check_messages(project):
    project.write("initiatives/proef.yaml", VALID_INITIATIVE.replace("schaal: lokaal", "schaal: lokal"))
    project.write("terms/leeg.yaml", "")
    check_lines = project.check().stdout.splitlines()[:-1]
    result = project.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for line in check_lines:
        assert line in result.stderr
    assert "2 problemen in de records" in result.stderr


def test_build_without_known_repository_names_the_record_file(project):
    result = project.build()
    assert result.returncode == 0, result.stderr
    html = (project.site / "initiatieven/anna-zorgt/index.html").read_text(encoding="utf-8")
    assert "<code>initiatives/anna-zorgt.yaml</code>" in html
    assert "/edit/" not in html


def test_hook_is_a_thin_adapter():
    source = (ROOT / "hooks" / "kennisbank_hooks.py").read_text(encoding="utf-8")
    # ten MkDocs events, each passing data to or from the package: no room for logic of its own
    assert len(source.splitlines()) < 110
    assert all(len(body.splitlines()) < 25 for body in source.split("\ndef ")[1:])
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not any("yaml" in line or "jsonschema" in line or "jinja2" in line for line in imports)


def test_cli_entry_point_is_installed():
    result = subprocess.run([Path(sys.executable).parent / "kennisbank", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "check" in result.stdout


def test_no_page_shows_raw_html_as_text(built_site):
    """Escaped markup in the visible text means a template escaped its own HTML."""
    for html_file in built_site.rglob("*.html"):
        text = "".join(scan(html_file).text)
        for fragment in ("<div", "<ul", "<dl", "<p ", "<a href", "<span", "<table"):
            assert fragment not in text, f"{html_file.relative_to(built_site)} toont '{fragment}' als tekst"


def test_no_generated_page_has_an_empty_section():
    from kennisbank.catalogue import Project, load
    from kennisbank.render.site import build_pages

    for page in build_pages(load(Project(ROOT)), Settings.of(dt.date(2026, 12, 1))):
        lines = [line for line in page.content.splitlines() if line.strip()]
        for current, following in zip(lines, lines[1:] + ["# einde"]):
            level = len(current) - len(current.lstrip("#"))
            if level and current[level:].startswith(" "):
                next_level = len(following) - len(following.lstrip("#"))
                ends = 0 < next_level <= level or following.startswith('<p class="kb-recordbestand"')
                assert not ends, f"{page.src_uri}: lege sectie '{current}'"


def test_initiative_pages_suggest_similar_initiatives(built_site):
    page = scan(page_path(built_site, "initiatieven/week-van-de-respijtzorg/"))
    assert "Vergelijkbare initiatieven (zelfde gemeente of thema)" in "".join(page.text)
    assert "../high-tea-mantelzorgers-purmerend/" in page.links


def test_header_names_the_repository_when_its_address_is_known(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    name = html.split('class="md-source__repository">', 1)[1].split("</div>", 1)[0].strip()
    assert name == "git.example.invalid/kennisbank"

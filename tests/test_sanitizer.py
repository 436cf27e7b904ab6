"""Contributed text is untrusted: hostile Markdown and HTML never reach the built site as code."""

from __future__ import annotations

import json

import pytest
from htmlscan import page_path, scan

from kennisbank.render.text import markdown_html

MARK = "kbxss"
PAYLOADS = [
    f"<script>alert('{MARK}')</script>",
    f'<img src=x onerror="alert(\'{MARK}\')">',
    f"[klik](javascript:alert('{MARK}'))",
    f"[klik](JaVaScRiPt:alert('{MARK}'))",
    f"[klik](data:text/html;base64,{MARK})",
    f'<a href="javascript:alert(\'{MARK}\')">a</a>',
    f"<iframe src='https://example.invalid/{MARK}'></iframe>",
    f'<svg onload="alert(\'{MARK}\')"></svg>',
    f"**vet**{{: onclick=\"alert('{MARK}')\"}}",
    f'<div style="background:url(javascript:alert(\'{MARK}\'))">x</div>',
    f"<form action='https://example.invalid/{MARK}'><input></form>",
    f"--8<-- \"/etc/passwd\" {MARK}",
]
HOSTILE = " ".join(PAYLOADS)  # for Markdown fields
SHORT = f"<script>{MARK}</script><img src=x onerror=alert(1)>[x](javascript:1)"  # fits 80 characters
# Titles may not contain < or > (the schema refuses them); entities and Markdown must stay text.
TITLE = f"&lt;/title&gt;&lt;script&gt;{MARK} [x](javascript:1) {{: onclick=1}} *a*"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_renderer_removes_executable_content(payload):
    html = markdown_html(payload)
    parser = scan_html(html)
    assert parser.dangers == [] and parser.scripts == [], html


def scan_html(fragment: str):
    from htmlscan import Scan

    parser = Scan()
    parser.feed(fragment)
    return parser


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def test_hostile_text_in_every_field_never_becomes_code(project):
    q, s, t = _quoted(HOSTILE), _quoted(SHORT), _quoted(TITLE)
    project.write("organisations/vijandig.yaml", f"""
        id: vijandig
        naam: {t}
        afkorting: "<b>{MARK}"
        soort: overig
        beschrijving: {q}
        trefwoorden: [{s}]
        bronnen: [{{bron: vijandige-bron, paragraaf: {s}}}]
    """)
    project.write("sources/vijandige-bron.yaml", f"""
        id: vijandige-bron
        titel: {t}
        soort: overig
        kenmerk: "<script>{MARK}"
        kamerstuk: "<img src=x onerror={MARK}>"
        afzender: vijandig
        ondertekenaars: [{s}]
        samenvatting: {q}
        kanttekeningen: {q}
    """)
    project.write("initiatives/vijandig.yaml", f"""
        id: vijandig
        naam: {t}
        samenvatting: "<script>alert('{MARK}')</script> [x](javascript:alert(1)) <img onerror=x>"
        beschrijving: {q}
        schaal: lokaal
        gemeenten: [{t}]
        plaatsen: [{t}]
        organisatievorm: netwerk
        organisaties: [{{organisatie: vijandig, rol: {s}}}]
        themas: [respijtzorg]
        doelgroepen: [mantelzorgers]
        aanpak: {q}
        resultaten: {q}
        cijfers: [{{waarde: "<b>{MARK}", omschrijving: {s}, bron: {{bron: vijandige-bron, regels: "1"}}}}]
        geleerde_lessen: {q}
        status: actief
        contact: {s}
        trefwoorden: [{s}]
        bronnen: [{{bron: vijandige-bron, paragraaf: {s}}}]
        laatst_gecontroleerd: "2026-12-01"
    """)
    project.write("terms/vijandig.yaml", f"""
        id: vijandig
        voorkeursterm: {t}
        alternatieve_termen: [{{term: {s}, soort: synoniem}}, {{term: "<b>{MARK}", soort: afkorting}}]
        zoektermen: [{s}]
        definities: [{{tekst: {s}, bron: {{bron: vijandige-bron, regels: "1"}}}}]
        uitleg: "<script>alert('{MARK}')</script> <img src=x onerror=alert(1)>"
        toelichting: {q}
        voorbeeld: {s}
        bronnen: [{{bron: vijandige-bron, regels: "1"}}]
    """)
    project.write("actions/vijandig.yaml", f"""
        id: vijandig
        titel: {t}
        omschrijving: {q}
        programma: aanpak-sociale-basis
        actielijn: {s}
        eigenaar: vijandig
        termijn: {{formulering: {s}, periode: "2023", toelichting: {s}}}
        termijnwijzigingen: [{{datum: "2023-01-01", vorige_termijn: {{formulering: {s}, periode: "2022"}}, reden: {s}, bron: {{bron: vijandige-bron, regels: "1"}}}}]
        updates: [{{datum: "2023-02-01", status: aangekondigd, tekst: {s}, bron: {{bron: vijandige-bron, regels: "1"}}}}]
        bronnen: [{{bron: vijandige-bron, regels: "1"}}]
    """)
    result = project.build()
    assert result.returncode == 0, result.stderr

    # every page of the site: the texts also appear in lists, facet pages, related-records sections and overviews
    pages = sorted(project.site.rglob("*.html"))
    assert page_path(project.site, "initiatieven/vijandig/") in pages and len(pages) > 300
    seen_text = False
    for page in pages:
        parsed = scan(page)
        assert parsed.dangers == [], f"{page}: {parsed.dangers}"
        assert not any(MARK in script for script in parsed.scripts), f"{page}: payload in een script"
        for block in parsed.data_blocks:  # JSON-LD carries the texts as data: escaped, so it cannot close its element
            assert "<" not in block and json.loads(block), page
        seen_text = seen_text or any(MARK in text for text in parsed.text)
    assert seen_text, "de teksten moeten als gewone tekst op de pagina staan"

    # The search index holds page text; it must not carry markup that a result list could render.
    index = (project.site / "search" / "search_index.json").read_text(encoding="utf-8")
    for doc in json.loads(index)["docs"]:
        fragment = scan_html(doc["text"] + doc["title"])
        assert fragment.dangers == [] and fragment.scripts == [], doc["location"]


def test_angle_brackets_in_a_title_are_refused_with_a_hint(project):
    from test_bad_input import VALID_INITIATIVE

    project.write("initiatives/proef.yaml", VALID_INITIATIVE.replace("naam: Proefinitiatief", "naam: \"</title><script>x</script>\""))
    result = project.check()
    assert result.returncode == 1
    assert result.stdout.startswith("initiatives/proef.yaml:2:7: de tekens < en > en regeleinden zijn niet toegestaan in een naam of titel")


def test_titles_reach_the_browser_tab_as_plain_text(project):
    project.write("terms/ampersand.yaml", """
        id: ampersand
        voorkeursterm: "Centrum Jeugd & Gezin &lt;/title&gt;"
        definities: [{tekst: "Een definitie voor de test.", bron: {bron: gemeentelijke-indeling, paragraaf: x}}]
        uitleg: Een uitleg voor de test.
        bronnen: [{bron: gemeentelijke-indeling, paragraaf: x}]
    """)
    assert project.build().returncode == 0
    html = page_path(project.site, "begrippen/ampersand/").read_text(encoding="utf-8")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Centrum Jeugd & Gezin &lt;/title&gt;")

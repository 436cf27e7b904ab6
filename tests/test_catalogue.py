"""The initiatives and organisations catalogues: facet pages without JavaScript, combined filters with it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from htmlscan import page_path, scan

from kennisbank.catalogue import Project, load
from kennisbank.render.facets import CATALOGUES, ORGANISATIONS
from kennisbank.searchwords import slug

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb():
    return load(Project(ROOT))


def _titles(site: Path, url: str) -> set[str]:
    links = scan(page_path(site, url)).links
    return {link.rstrip("/").rsplit("/", 1)[-1] for link in links if "/initiatieven/" in link or link.startswith("../../")}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda c: c.folder)
def test_every_facet_value_has_a_page_listing_exactly_its_records(built_site, kb, catalogue):
    for facet in catalogue.facets:
        expected: dict[str, set[str]] = {}
        for record in kb.all(catalogue.kind):
            for value, _ in facet.values(kb, record):
                expected.setdefault(value, set()).add(record.id)
        assert expected, facet.key
        for value, ids in expected.items():
            page = page_path(built_site, f"{catalogue.folder}/{facet.key}/{value}/")
            assert page.exists(), page
            html = page.read_text(encoding="utf-8")
            rows = set(re.findall(r'<li class="kb-rij"><a href="\.\./\.\./([^/"]+)/"', html))
            assert rows == ids, f"{facet.key}={value}"
            assert f"{len(ids)} {catalogue.noun(len(ids))} {facet.phrase}" in "".join(scan(page).text)


def test_catalogue_lists_every_initiative_with_counts(built_site, kb):
    html = page_path(built_site, "initiatieven/").read_text(encoding="utf-8")
    for record in kb.all("initiatief"):
        assert f'href="{record.id}/"' in html
    text = "".join(scan(page_path(built_site, "initiatieven/")).text)
    assert f"{len(kb.all('initiatief'))} initiatieven" in text
    respite = sum(1 for r in kb.all("initiatief") if "respijtzorg" in r.data["themas"])
    assert f"Respijtzorg ({respite})" in text


def test_filters_combine_in_the_browser(site_url, kb):
    result = subprocess.run(["node", str(ROOT / "tests/js/catalogue.mjs"), site_url], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    both = sorted(r.id for r in kb.all("initiatief") if "respijtzorg" in r.data["themas"] and "noord-holland" in r.get("provincies", []))
    assert both and out["fromUrl"]["result"] == f"{len(both)} initiatieven"
    assert sorted(href.rstrip("/").rsplit("/", 1)[-1] for href in out["fromUrl"]["visible"]) == both
    assert out["keyboard"]["focused"] == "status" and out["keyboard"]["checked"] and "status=" in out["keyboard"]["url"]
    assert out["empty"] == {"result": "0 initiatieven", "emptyShown": True}
    assert out["sorted"]["count"] == len(kb.all("initiatief")) and "sorteer=plaats" in out["sorted"]["url"]
    owners = sorted(r.id for r in kb.all("organisatie")
                    if r.data["soort"] == "ministerie" and kb.linked_from(r, "actie") and
                    any(a.data["eigenaar"] == r.id for a in kb.linked_from(r, "actie")))
    assert owners and out["organisations"]["result"] == f"{len(owners)} organisaties"
    assert sorted(href.rstrip("/").rsplit("/", 1)[-1] for href in out["organisations"]["visible"]) == owners
    first = min(kb.all("organisatie"), key=lambda r: (r.data["soort"], slug(r.title)))
    assert out["organisationsSorted"]["first"].rstrip("/").rsplit("/", 1)[-1] == first.id
    assert "sorteer=soort" in out["organisationsSorted"]["url"]


def test_organisations_catalogue_counts_kinds_roles_and_programmes(built_site, kb):
    text = "".join(scan(page_path(built_site, "organisaties/")).text)
    organisations = kb.all("organisatie")
    assert f"{len(organisations)} organisaties" in text
    ministries = sum(1 for r in organisations if r.data["soort"] == "ministerie")
    assert f"Ministerie of bewindspersoon ({ministries})" in text
    owners = sum(1 for r in organisations if any(a.data["eigenaar"] == r.id for a in kb.linked_from(r, "actie")))
    assert f"Eigenaar van een actie ({owners})" in text
    vws = scan(page_path(built_site, "organisaties/programma/mantelzorgagenda-2023-2026/"))
    assert "../../ministerie-vws/" in vws.links
    assert "../../rol/eigenaar/" in vws.links  # the other facets stay one click away
    assert [f.key for f in ORGANISATIONS.facets] == ["soort", "rol", "programma"]

"""The initiatives catalogue: facet pages without JavaScript, combined filters with it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from htmlscan import page_path, scan

from kennisbank.catalogue import Project, load
from kennisbank.render.facets import FACETS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb():
    return load(Project(ROOT))


def _titles(site: Path, url: str) -> set[str]:
    links = scan(page_path(site, url)).links
    return {link.rstrip("/").rsplit("/", 1)[-1] for link in links if "/initiatieven/" in link or link.startswith("../../")}


def test_every_facet_value_has_a_page_listing_exactly_its_initiatives(built_site, kb):
    for facet in FACETS:
        expected: dict[str, set[str]] = {}
        for record in kb.all("initiatief"):
            for value, _ in facet.values(kb, record):
                expected.setdefault(value, set()).add(record.id)
        assert expected, facet.key
        for value, ids in expected.items():
            page = page_path(built_site, f"initiatieven/{facet.key}/{value}/")
            assert page.exists(), page
            cards = {a.split("/")[-2] for a in scan(page).links if a.startswith("../../") and a.count("/") == 3}
            assert ids <= cards, f"{facet.key}={value}"
            text = "".join(scan(page).text)
            assert f"{len(ids)} initiatie" in text


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

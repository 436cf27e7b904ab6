"""Dutch queries of municipal policy officers find the page they want.

The queries and their expected pages are in tests/search_queries.yaml. Each one
runs through Material for MkDocs' own search worker (tests/js/search.mjs, in
Node) against the search index of a strict build of the real records, exactly
as the search box sends it. The expected page must be among the first 3 results.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent
HARNESS = HERE / "js" / "search.mjs"
QUERIES_FILE = HERE / "search_queries.yaml"
TOP = 3
# Queries marked `bekende_misser` in the YAML are known misses of Material's
# prefix search on this content (see the reason there). They are strict xfails:
# when one starts to pass, the test fails until the mark is removed.

# Queries for all words of a page title: if these miss the top 3, the harness is
# broken, not the search content.
SANITY = {
    "Anna Zorgt": "initiatieven/anna-zorgt/",
    "Regelhulp.nl": "initiatieven/regelhulp/",
    "Netwerk Informele Zorg Utrecht": "initiatieven/netwerk-informele-zorg-utrecht/",
    "keukentafelgesprek": "begrippen/keukentafelgesprek/",
    "Vereniging Nederlandse Gemeenten": "organisaties/vng/",
}


def _load_queries() -> list[dict[str, Any]]:
    entries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    for entry in entries:
        expected = entry["expected"]
        entry["expected"] = [expected] if isinstance(expected, str) else list(expected)
    return entries


QUERIES = _load_queries()


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _found(results: list[str], expected: list[str], top: int = TOP) -> bool:
    return any(_page(result).startswith(want) for result in results[:top] for want in expected)


def _rank(results: list[str], expected: list[str]) -> int | None:
    for position, result in enumerate(results, start=1):
        if any(_page(result).startswith(want) for want in expected):
            return position
    return None


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        message = "installeer Node.js om de zoektest te draaien"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return node


@pytest.fixture(scope="module")
def search_run(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Run every query once through Material's worker; results by query."""
    node = _node()  # before the build: without Node there is nothing to wait for
    built_site: Path = request.getfixturevalue("built_site")
    queries = [entry["query"] for entry in QUERIES] + list(SANITY)
    process = subprocess.run([node, str(HARNESS), str(built_site)], input=json.dumps(queries),
                             capture_output=True, text=True, timeout=600)
    assert process.returncode == 0, f"search.mjs failed:\n{process.stderr}"
    output = json.loads(process.stdout)
    assert [item["query"] for item in output["results"]] == queries, "the worker did not answer every query"
    output["by_query"] = {item["query"]: item["results"] for item in output["results"]}
    return output


def test_expected_pages_exist(built_site: Path) -> None:
    """A typo in search_queries.yaml must not look like a search miss."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"] for doc in index["docs"] if "#" not in doc["location"]}
    unknown = [(entry["query"], want) for entry in QUERIES for want in entry["expected"] if want not in pages]
    assert not unknown, f"expected pages not in the search index: {unknown}"
    assert len(QUERIES) >= 40
    assert len({entry["query"] for entry in QUERIES}) == len(QUERIES), "duplicate query"


@pytest.mark.parametrize("query, expected", list(SANITY.items()), ids=list(SANITY))
def test_harness_finds_page_titles(search_run: dict[str, Any], query: str, expected: str) -> None:
    results = search_run["by_query"][query]
    assert _found(results, [expected]), f"{query!r}: first results {results[:TOP]}"


def _params() -> list[Any]:
    return [pytest.param(entry, id=entry["query"],
                         marks=[pytest.mark.xfail(strict=True, reason=entry["bekende_misser"])] if "bekende_misser" in entry else [])
            for entry in QUERIES]


@pytest.mark.parametrize("entry", _params())
def test_query_finds_expected_page(search_run: dict[str, Any], entry: dict[str, Any]) -> None:
    results = search_run["by_query"][entry["query"]]
    rank = _rank(results, entry["expected"])
    assert _found(results, entry["expected"]), (
        f"{entry['query']!r} ({entry.get('soort', '')}): expected {' or '.join(entry['expected'])} "
        f"in the top {TOP}, found at {f'place {rank}' if rank else 'no place'} of {len(results)}; "
        f"top {TOP}: {results[:TOP]}")


def test_hit_rate(search_run: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    misses = [entry for entry in QUERIES if not _found(search_run["by_query"][entry["query"]], entry["expected"])]
    hits = len(QUERIES) - len(misses)
    rate = hits / len(QUERIES)
    lines = [f"zoektest: {hits}/{len(QUERIES)} vragen vinden de verwachte pagina in de top {TOP} "
             f"(hit rate {rate:.2f}); worker set-up {search_run['setup_ms']} ms "
             f"voor {search_run['documents']} documenten"]
    lines += [f"  mis: {entry['query']!r} -> {search_run['by_query'][entry['query']][:TOP]}" for entry in misses]
    report = "\n".join(lines)
    with capsys.disabled():
        print("\n" + report)
    known = {entry["query"] for entry in QUERIES if "bekende_misser" in entry}
    assert {entry["query"] for entry in misses} == known, report


def test_a_record_page_gives_the_index_one_entry(built_site: Path) -> None:
    # Its sections carry data-search-exclude (see README, Search): the index stays small enough
    # to build quickly in the browser. Terms keep their definition, sources their summary.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries: dict[str, list[str]] = {}
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page.count("/") == 2 and page.split("/")[0] in {"initiatieven", "acties", "begrippen", "organisaties", "bronnen"}:
            entries.setdefault(page, []).append(anchor)
    records = sum(len(list((HERE.parent / folder).glob("*.yaml"))) for folder in ("initiatives", "actions", "terms", "organisations", "sources"))
    assert len(entries) == records
    allowed = {"begrippen": {"", "definitie", "definities"}, "bronnen": {"", "samenvatting"}}
    extra = {page: anchors for page, anchors in entries.items()
             if anchors[0] != "" or not set(anchors) <= allowed.get(page.split("/")[0], {""})}
    assert extra == {}

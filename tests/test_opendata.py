"""Open data: JSON API, CSV, JSON-LD in the pages, SKOS against NL-SBB, Atom feed, and nothing lost."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import pytest
from htmlscan import page_path, scan
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from kennisbank.catalogue import Project, load
from kennisbank.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT.parent / "shared" / "standards" / "nl-sbb" / "skos-ap-nl.ttl"
SDO = Namespace("https://schema.org/")
BASE = "https://kennisbank.example.invalid/"  # where a parser pretends the site lives; nothing is fetched


@pytest.fixture(scope="module")
def kb():
    return load(Project(ROOT))


def _json(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_api_index_and_collections_hold_every_record(built_site, kb):
    index = _json(built_site, "api/v1/index.json")
    assert index["versie"] == "v1" and index["peildatum"] == "2024-01-01" and "stabiliteit" in index and "licentie" in index
    for kind, entry in zip(KINDS, index["collecties"]):
        files = sorted(p.stem for p in (ROOT / kind.folder).glob("*.yaml"))
        assert entry["aantal"] == len(files)
        collection = _json(built_site, entry["json"])
        assert [r["id"] for r in collection["records"]] == [r.id for r in kb.all(kind.name)]
        for record_id in files:
            data = _json(built_site, entry["record"].format(id=record_id))
            meta = data["_kennisbank"]
            assert data["id"] == record_id and meta["soort"] == kind.name
            assert page_path(built_site, meta["pagina"]).exists()
            if kind.name != "bron":
                assert meta["bronvermeldingen"] and all(", " in c for c in meta["bronvermeldingen"])
            assert set(data) - {"_kennisbank"} == set(kb.get(kind.name, record_id).data)  # the YAML's own field names
        schema = _json(built_site, entry["schema"])
        assert schema == json.loads((ROOT / "schema" / kind.schema).read_text(encoding="utf-8"))
    action = _json(built_site, "api/v1/acties/uitvoeringsagenda-mantelzorg.json")
    assert action["_kennisbank"]["stand"] == {"peildatum": "2024-01-01", "code": "afgerond-te-laat", "label": "Afgerond, te laat",
                                              "termijn_einddatum": "2023-06-30"}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.url)
def test_csv_per_collection_for_dutch_spreadsheets(built_site, kb, kind):
    raw = (built_site / f"api/v1/{kind.url}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["id"] for r in rows] == [r.id for r in kb.all(kind.name)]
    header = list(json.loads((ROOT / "schema" / kind.schema).read_text(encoding="utf-8"))["properties"]) + ["pagina"]
    assert list(rows[0]) == header
    if kind.name == "initiatief":
        anna = next(r for r in rows if r["id"] == "anna-zorgt")
        assert anna["themas"] == "zorgzame-gemeenschap | sociale-basis | vrijwilligerswerk"
        assert json.loads(anna["bronnen"])[0]["bron"] == "kamerbrief-aanpak-sociale-basis-2023"


def _graph_of_page(site: Path, url: str) -> Graph:
    blocks = scan(page_path(site, url)).data_blocks
    assert len(blocks) == 1, url
    return Graph().parse(data=blocks[0], format="json-ld", publicID=BASE + url)


@pytest.mark.parametrize("url, kind_type", [
    ("initiatieven/anna-zorgt/", SDO.Project), ("organisaties/vng/", SDO.Organization),
    ("begrippen/respijtzorg/", SDO.DefinedTerm), ("bronnen/kamerbrief-aanpak-sociale-basis-2023/", SDO.DigitalDocument),
    ("acties/uitvoeringsagenda-mantelzorg/", SDO.Action),
])
def test_record_pages_carry_schema_org_json_ld(built_site, url, kind_type):
    graph = _graph_of_page(built_site, url)
    subject = URIRef(BASE + url)
    assert (subject, RDF.type, kind_type) in graph
    assert graph.value(subject, SDO.identifier) == Literal(url.rstrip("/").rsplit("/", 1)[-1])
    if kind_type == SDO.Project:
        place = graph.value(subject, SDO.location)
        assert graph.value(graph.value(place, SDO.address), SDO.addressLocality) == Literal("Tholen")
    if kind_type == SDO.DefinedTerm:
        assert graph.value(subject, SDO.inDefinedTermSet) == URIRef(BASE + "begrippen/")
    if kind_type == SDO.Action:
        assert graph.value(graph.value(subject, SDO.agent), SDO.name) == Literal("Ministerie van Volksgezondheid, Welzijn en Sport")


def test_every_record_page_has_json_ld_and_links_to_its_data_and_the_feed(built_site, kb):
    for kind in KINDS:
        for record in kb.all(kind.name):
            html = page_path(built_site, f"{kind.url}/{record.id}/").read_text(encoding="utf-8")
            assert html.count('type="application/ld+json"') == 1, record.file
            assert f'href="../../api/v1/{kind.url}/{record.id}.json"' in html and 'href="../../feed.xml"' in html


def _skos(site: Path) -> Graph:
    return Graph().parse(site / "api/v1/begrippen.ttl", format="turtle")


def test_skos_has_every_term_with_dutch_labels(built_site, kb):
    graph = _skos(built_site)
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == len(kb.all("begrip")) == len(list((ROOT / "terms").glob("*.yaml")))
    respite = URIRef("urn:kennisbank-informele-zorg:begrip:respijtzorg")
    assert graph.value(respite, SKOS.prefLabel) == Literal("respijtzorg", lang="nl")
    assert Literal("vervangende zorg", lang="nl") in set(graph.objects(respite, SKOS.altLabel))
    assert len(list(graph.subjects(RDF.type, SKOS.ConceptScheme))) == 1
    as_jsonld = Graph().parse(built_site / "api/v1/begrippen.jsonld", format="json-ld")
    assert len(as_jsonld) == len(graph)


@pytest.mark.skipif(not PROFILE.is_file(), reason="../shared/standards/nl-sbb is not next to this checkout")
def test_skos_conforms_to_the_nl_sbb_profile(built_site):
    from pyshacl import validate

    conforms, _, text = validate(_skos(built_site), shacl_graph=str(PROFILE), advanced=True, allow_warnings=False)
    assert conforms, text


def test_atom_feed_of_initiatives_and_action_updates(built_site, kb):
    feed = feedparser.parse((built_site / "feed.xml").read_bytes(), response_headers={"content-location": BASE + "feed.xml",
                                                                                       "content-type": "application/atom+xml"})
    assert not feed.bozo, feed.bozo_exception
    dated_updates = sum(1 for a in kb.all("actie") for u in a.data["updates"] if "datum" in u)
    assert len(feed.entries) == len(kb.all("initiatief")) + dated_updates
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    anna = next(e for e in feed.entries if e.id.endswith(":initiatief/anna-zorgt"))
    assert anna.link == BASE + "initiatieven/anna-zorgt/" and anna.title == "Initiatief: Anna Zorgt"
    assert page_path(built_site, anna.link[len(BASE):]).exists()


def test_nothing_is_lost_between_files_pages_sitemap_and_api(project):
    # MkDocs writes the sitemap only for a site with an address; the test gives it a reserved one.
    result = project.build(KENNISBANK_SITE_URL=BASE)
    assert result.returncode == 0, result.stderr
    built_site = project.site
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    for kind in KINDS:
        files = {p.stem for p in (ROOT / kind.folder).glob("*.yaml")}
        pages = {p.parent.name for p in (built_site / kind.url).glob("*/index.html")} - _facet_folders(built_site, kind.url)
        in_sitemap = {m.group(1) for loc in locations if (m := re.search(rf"/{kind.url}/([a-z0-9-]+)/$", loc))}
        api = {p.stem for p in (built_site / "api/v1" / kind.url).glob("*.json")}
        listed = {r["id"] for r in _json(built_site, f"api/v1/{kind.url}.json")["records"]}
        raw = (built_site / f"api/v1/{kind.url}.csv").read_bytes().decode("utf-8-sig")
        in_csv = {row["id"] for row in csv.DictReader(io.StringIO(raw), delimiter=";")}
        assert files == pages == in_sitemap - _facet_folders(built_site, kind.url) == api == listed == in_csv, kind.url


def _facet_folders(site: Path, folder: str) -> set[str]:
    """Folders of facet pages (initiatieven/thema/...), which are not records."""
    return {p.parent.parent.name for p in (site / folder).glob("*/*/index.html")}

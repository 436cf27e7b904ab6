"""The glossary as SKOS following NL-SBB (the Dutch standard for describing concepts), in Turtle and JSON-LD.

Mapping: voorkeursterm -> skos:prefLabel, alternatieve_termen -> skos:altLabel,
zoektermen -> skos:hiddenLabel, definities -> skos:definition, uitleg (plain
language, B1) -> rdfs:comment, toelichting -> skos:scopeNote, voorbeeld ->
skos:example, bronnen -> dct:source (a source document with title and
citation), bredere/verwante begrippen -> skos:broader/skos:related. All
literals are Dutch (@nl). Concept IRIs are the term pages when the site's
address is configured, otherwise URNs: an address is never guessed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from ..model import KnowledgeBase, Record
from ..render.text import markdown_text
from ..urls import API
from .records import citation

URN = "urn:kennisbank-informele-zorg:"
NL = "nl"


def _iri(site_url: str | None, path: str, urn: str) -> URIRef:
    return URIRef(site_url.rstrip("/") + "/" + path if site_url else URN + urn)


def concept_iri(record: Record, site_url: str | None) -> URIRef:
    return _iri(site_url, f"begrippen/{record.id}/", f"begrip:{record.id}")


def glossary_graph(kb: KnowledgeBase, site_url: str | None) -> Graph:
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    scheme = _iri(site_url, "begrippen/", "begrippenkader")
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal("Begrippen van de Kennisbank Informele Zorg", lang=NL)))
    graph.add((scheme, RDFS.label, Literal("Begrippen informele zorg", lang=NL)))
    graph.add((scheme, RDFS.comment, Literal("Begrippen uit de informele zorg, met definities uit de bronnen en "
                                             "een uitleg in eenvoudige taal.", lang=NL)))
    for term in kb.all("begrip"):
        concept = concept_iri(term, site_url)
        data = term.data
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.prefLabel, Literal(data["voorkeursterm"], lang=NL)))
        alternatives = [a["term"] for a in data.get("alternatieve_termen", [])]
        for label in alternatives:
            graph.add((concept, SKOS.altLabel, Literal(label, lang=NL)))
        # SKOS labels of one concept are disjoint: a search word that is already a label stays out.
        for word in data.get("zoektermen", []):
            if word not in alternatives and word != data["voorkeursterm"]:
                graph.add((concept, SKOS.hiddenLabel, Literal(word, lang=NL)))
        for definition in data["definities"]:
            graph.add((concept, SKOS.definition, Literal(" ".join(definition["tekst"].split()), lang=NL)))
        graph.add((concept, RDFS.comment, Literal(" ".join(data["uitleg"].split()), lang=NL)))
        if "toelichting" in data:
            graph.add((concept, SKOS.scopeNote, Literal(markdown_text(data["toelichting"]), lang=NL)))
        if "voorbeeld" in data:
            graph.add((concept, SKOS.example, Literal(" ".join(data["voorbeeld"].split()), lang=NL)))
        refs = [d["bron"] for d in data["definities"] if "bron" in d] + data.get("bronnen", [])
        for ref in {citation(kb, r): r for r in refs}.values():
            graph.add((concept, DCTERMS.source, _source(graph, kb, ref, term.id)))
        broader = data.get("bredere_begrippen", [])
        for other in broader:
            graph.add((concept, SKOS.broader, concept_iri(kb.get("begrip", other), site_url)))
        for other in data.get("verwante_begrippen", []):
            graph.add((concept, SKOS.related, concept_iri(kb.get("begrip", other), site_url)))
        if not broader:
            graph.add((concept, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, concept))
        if site_url:
            graph.add((concept, FOAF.page, concept))
    return graph


def _source(graph: Graph, kb: KnowledgeBase, ref: dict[str, str], term_id: str) -> BNode:
    """A source document as NL-SBB describes it: title, citation with the place, and its web page if known."""
    document = kb.get("bron", ref["bron"])
    # named after its content, not at random: the serialisers order blank nodes by name,
    # so two builds of the same records give the same files
    node = BNode("bron" + hashlib.sha256(f"{term_id}\0{citation(kb, ref)}".encode()).hexdigest()[:16])
    graph.add((node, DCTERMS.title, Literal(document.title, lang=NL)))
    graph.add((node, DCTERMS.bibliographicCitation, Literal(citation(kb, ref), datatype=XSD.string)))
    if "website" in document.data:
        graph.add((node, FOAF.page, URIRef(document.data["website"])))
    return node


def glossary_files(kb: KnowledgeBase, site_url: str | None) -> dict[str, bytes]:
    graph = glossary_graph(kb, site_url)
    context = {"skos": str(SKOS), "dct": str(DCTERMS), "rdfs": str(RDFS), "foaf": str(FOAF)}
    return {f"{API}/begrippen.ttl": graph.serialize(format="turtle").encode("utf-8"),
            f"{API}/begrippen.jsonld": _in_fixed_order(graph.serialize(format="json-ld", context=context)).encode("utf-8")}


def _in_fixed_order(jsonld: str) -> str:
    """rdflib writes JSON-LD nodes and values in the order of its sets, which changes from run to run;
    order carries no meaning there, so sort it: two builds then give the same file."""
    def sort(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: sort(item) for key, item in value.items()}
        if isinstance(value, list):
            return sorted((sort(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
        return value
    return json.dumps(sort(json.loads(jsonld)), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

"""Every generated page of the site, from a validated knowledge base."""

from __future__ import annotations

from ..kinds import KINDS
from ..model import KnowledgeBase
from ..tracking import Settings
from . import action, facets, fieldref, initiative, organisation, overview, progress, source, term
from .environment import GeneratedPage, Renderer, relative_url
from .glossary import Glossary

_RECORD_PAGES = {
    "initiatief": initiative.page,
    "actie": action.page,
    "begrip": term.page,
    "organisatie": organisation.page,
    "bron": source.page,
}


def build_pages(kb: KnowledgeBase, settings: Settings, directory_urls: bool = True) -> list[GeneratedPage]:
    renderer = Renderer(kb, settings, directory_urls)
    # Record pages first: on a dirty rebuild (make serve) Material's search keeps its previous
    # index and replaces the entries of the first page rebuilt, which is then the edited record.
    pages = [_RECORD_PAGES[kind.name](renderer, record) for kind in KINDS for record in kb.all(kind.name)]
    pages += [page for catalogue in facets.CATALOGUES for page in facets.pages(renderer, catalogue)]
    pages += progress.pages(renderer)
    pages += fieldref.pages(renderer)
    pages += [overview.page(renderer, kind.name) for kind in KINDS if kind.name not in {c.kind for c in facets.CATALOGUES}]
    return pages


class PageGlossary:
    """Explains glossary terms in the HTML of any page, generated or hand-written."""

    def __init__(self, kb: KnowledgeBase, directory_urls: bool = True):
        self.glossary = Glossary(kb)
        self.directory_urls = directory_urls

    def annotate(self, html: str, src_uri: str, meta: dict | None = None) -> str:
        """`meta` is the page's front matter: `kb_begrippen: false` leaves the page alone.

        Pages that list records (catalogue, facet values, A-Z) set it: their cards link
        to the records, where terms are explained, and they are most of the site's HTML.
        """
        if (meta or {}).get("kb_begrippen") is False:
            return html
        own_term = src_uri[len("begrippen/"):-len(".md")] if src_uri.startswith("begrippen/") else None
        return str(self.glossary.annotate(html, lambda term: relative_url(src_uri, term.src_uri, self.directory_urls), own_term))

"""The Jinja environment shared by all page templates, and links between pages."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from ..model import KnowledgeBase, Record, sort_key
from ..tracking import FLAGS, Settings, Standing, standing
from ..urls import api_path, page_url
from .jsonld import describe, script_safe
from ..formatting import date_nl, period_nl
from ..searchwords import SearchWords, slug
from .text import markdown_html, md_inline


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # path inside the docs tree, e.g. "initiatieven/anna-zorgt.md"
    content: str  # Markdown with embedded, already sanitised HTML
    edit_path: str | None = None  # record file to open from "edit this page"


def relative_url(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    """Link from one page to another page (`.md`) or to a file the build writes (`.csv`, `.ics`).

    Plain string work on site paths (every page links to dozens of others;
    posixpath.relpath consults the working directory on each call).
    """
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls) if to_src.endswith(".md") else to_src
    folder = [part for part in (here if here.endswith("/") else posixpath.dirname(here)).split("/") if part]
    target = [part for part in there.split("/") if part]
    common = 0
    while common < min(len(folder), len(target)) and folder[common] == target[common]:
        common += 1
    parts = [".."] * (len(folder) - common) + target[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if there == "" or there.endswith("/") else "")


def _tidy(markdown_text: str) -> str:
    """Markdown needs a blank line around headings and HTML blocks; templates are easier to read without caring."""
    markdown_text = re.sub(r"(?m)^(#{1,6} .*)$", r"\n\1\n", markdown_text)
    return re.sub(r"\n{3,}", "\n\n", markdown_text).strip() + "\n"


def badge(modifier: str, label: str) -> Markup:
    """A status badge: the text carries the meaning; icon and colour only support it."""
    return Markup('<span class="kb-status {}"><span class="kb-status__icoon" aria-hidden="true"></span>{}</span>').format(modifier, label)


def _external(url: str) -> Markup:
    """A link that leaves the site; the URL already passed the schema (http/https only)."""
    return Markup('<a href="{0}" rel="noopener noreferrer">{0}</a>').format(url)


class Renderer:
    """Renders templates for one knowledge base; links are relative to the page."""

    def __init__(self, kb: KnowledgeBase, settings: Settings, directory_urls: bool = True):
        self.kb = kb
        self.settings = settings
        self.peildatum = settings.peildatum
        self.directory_urls = directory_urls
        self.env = Environment(
            loader=PackageLoader("kennisbank", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            md=lambda text: Markup(md_inline(text)),
            tekst=lambda text: Markup(markdown_html(text)),
            datum=date_nl,
            periode=period_nl,
            slug=slug,
            sorteer=sort_key,
        )
        self.search = SearchWords(kb)
        self._memo: dict[str, Any] = {}
        self.env.filters["map_labels"] = lambda values, vocabulary: ", ".join(kb.label(vocabulary, v) for v in values)
        self.env.globals.update(kb=kb, peildatum=settings.peildatum, settings=settings, flags=FLAGS, flag_order={flag: i for i, flag in enumerate(FLAGS)}, label=kb.label, link=self._link, links=self._links, url=self._url, record=kb.get, external=_external, badge=badge)

    def memo(self, name: str, make: Callable[[], Any]) -> Any:
        """An index built once per renderer (one build), e.g. for similar initiatives."""
        if name not in self._memo:
            self._memo[name] = make()
        return self._memo[name]

    def standing(self, action: Record) -> Standing:
        return standing(action, self.settings.peildatum, self.settings.window)

    @pass_context
    def _url(self, context: Any, target: Record | str) -> str:
        to_src = target.src_uri if isinstance(target, Record) else target
        return relative_url(context["here"], to_src, self.directory_urls)

    @pass_context
    def _link(self, context: Any, target: Record, text: str | None = None) -> Markup:
        href = self._url(context, target)
        # escape() and an f-string: Markup.format runs Python's string formatter, slow at 70 links per page
        return Markup(f'<a href="{escape(href)}">{escape(text if text is not None else target.title)}</a>')

    @pass_context
    def _links(self, context: Any, targets: list[Record]) -> Markup:
        return Markup(", ").join(self._link(context, target) for target in targets)

    def record_page(self, template: str, record: Record, **context: Any) -> GeneratedPage:
        """A record's page: search tags and words, its content, and the file it was made from."""
        title, _, rest = self.render(template, record.src_uri, r=record, **context).content.partition("\n")
        found = self.search.for_record(record)
        hidden = Markup('<p class="kb-zoekwoorden" hidden>{}</p>\n').format(" ".join(found)) if found else ""
        source = Markup('<p class="kb-recordbestand" data-search-exclude>Deze pagina is gemaakt uit het bestand <code>{}</code>.</p>').format(record.file)
        # JSON strings are valid YAML scalars: contributed names cannot break the front matter.
        tags = json.dumps(self.search.names(record), ensure_ascii=False)
        standing = self.standing(record) if record.kind.name == "actie" else None
        linked = script_safe(describe(self.kb, record, lambda target: self._url({"here": record.src_uri}, target), standing))
        meta = (f"tags: {tags}\njsonld: {json.dumps(linked, ensure_ascii=False)}\n"
                f"api_json: {json.dumps(api_path(record.kind.url, record.id))}\n")
        content = f"---\n{meta}---\n{title}\n\n{hidden}{rest}\n{source}\n"
        return GeneratedPage(record.src_uri, content, record.file)

    def render(self, template: str, src_uri: str, **context: Any) -> GeneratedPage:
        content = self.env.get_template(template).render(here=src_uri, **context)
        return GeneratedPage(src_uri, _tidy(content))

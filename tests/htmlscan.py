"""Small HTML helpers for tests: links, executable content, visible text."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
_DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


@dataclass
class Scan(HTMLParser):
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    dangers: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    data_blocks: list[str] = field(default_factory=list)  # <script type="application/ld+json">: data, never run
    text: list[str] = field(default_factory=list)
    _in_script: bool = False
    _target: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.dangers.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES and value.strip().lower().startswith(_DANGEROUS_SCHEMES):
                self.dangers.append(f"<{tag} {name}={value[:40]}>")
            if name == "id":
                self.ids.add(value)
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.links.append(href)
        if tag in {"iframe", "object", "embed", "base"}:
            self.dangers.append(f"<{tag}>")
        own_forms = ("md-search__form", "kb-filterformulier", "kb-periodeformulier")  # Material's search, our filters
        if tag == "form" and not any(name in (dict(attrs).get("class") or "") for name in own_forms):
            self.dangers.append("<form>")
        self._in_script = tag == "script"
        if tag == "script":
            is_data = dict(attrs).get("type") == "application/ld+json"
            self._target = self.data_blocks if is_data else self.scripts
            self._target.append("" if is_data else dict(attrs).get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._target[-1] += data
        else:
            self.text.append(data)


def scan(path: Path) -> Scan:
    parser = Scan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_path(site: Path, url: str) -> Path:
    """The file that serves a site-relative URL."""
    path = site / unquote(url)
    return path / "index.html" if url.endswith("/") or url == "" else path


def broken_internal_links(site: Path) -> list[str]:
    """Every link between pages of the site whose page or #anchor does not exist."""
    pages = {path.relative_to(site).as_posix(): scan(path) for path in sorted(site.rglob("*.html"))}
    broken = []
    for page_url, parsed in pages.items():
        base = posixpath.dirname(page_url)
        for href in parsed.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue  # external: `make linkcheck`
            if not parts.path:
                target = page_url
            else:
                target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) + ("/" if parts.path.endswith("/") else "")
                if target.startswith(".."):
                    broken.append(f"{page_url}: {href} (buiten de site)")
                    continue
                file = page_path(site, target.lstrip("./") if target != "./" else "")
                if not file.exists():
                    broken.append(f"{page_url}: {href}")
                    continue
                target = file.relative_to(site).as_posix()
            fragment = unquote(parts.fragment)
            if fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{page_url}: {href} (anker ontbreekt)")
    return broken

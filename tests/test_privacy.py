"""No third-party requests: nothing a visitor's browser loads on its own comes from another host.

Links a user clicks (<a href="https://...">) are allowed; stylesheets, scripts,
images, fonts, frames, CSS url()/@import and URLs the JavaScript fetches are not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent

# Attributes whose URL the browser fetches without a click, per tag ("*" = any tag).
_FETCHED = {
    "*": {"src", "srcset", "poster", "background", "data-src"},
    "link": {"href", "imagesrcset"},
    "script": {"href", "xlink:href"},
    "object": {"data"},
    "image": {"href", "xlink:href"},
    "use": {"href", "xlink:href"},
    "input": {"src"},
}
# <link rel=...> values that the browser does not fetch.
_LINK_NOT_FETCHED = {"canonical", "alternate", "next", "prev", "author", "license", "help", "search"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
_FONT_SERVICES = ("fonts.googleapis.com", "fonts.gstatic.com", "use.typekit.net", "fonts.bunny.net")


def external(url: str) -> bool:
    """Absolute (or protocol-relative) URL of another host; data:, blob:, relative paths are local."""
    url = url.strip()
    if not url or url.lower().startswith(("data:", "blob:", "#", "mailto:", "javascript:")):
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname not in {"localhost", "127.0.0.1"}


def css_urls(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [match.group(2) or match.group(4) for match in _CSS_URL.finditer(css)]


class _Loads(HTMLParser):
    """URLs an HTML page makes the browser fetch: attributes, inline CSS, meta refresh."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.source_links: list[str] = []  # href of Material's [data-md-component=source]
        self.inline_scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        fetched = _FETCHED["*"] | _FETCHED.get(tag, set())
        if tag == "link" and set(values.get("rel", "").lower().split()) <= _LINK_NOT_FETCHED and values.get("rel"):
            fetched = fetched - {"href"}
        for name, value in values.items():
            if name in fetched and "srcset" in name:
                self.urls.extend(candidate.strip().split(" ")[0] for candidate in value.split(","))
            elif name in fetched:
                self.urls.append(value)
        if "style" in values:
            self.urls.extend(css_urls(values["style"]))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(values.get("content", "").partition("url=")[2])
        if values.get("data-md-component") == "source":
            self.source_links.append(values.get("href", ""))
        if tag == "script" and values.get("type") == "application/ld+json":
            return  # structured data: URLs in it are identifiers, nothing is loaded
        if tag in {"style", "script"}:
            self._in = tag
            if tag == "script":
                self.inline_scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.urls.extend(css_urls(data))
        elif self._in == "script":
            self.inline_scripts[-1] += data


# URLs in Material's JavaScript that are no request on this site, and why. Any
# other absolute URL in a string of a .js file fails the test, so a theme update
# that starts loading something from elsewhere is noticed.
_JS_KNOWN = {
    "https://unpkg.com/mermaid@": "loaded only for Mermaid diagrams (class=\"mermaid\"); checked below that there are none",
    "https://api.github.com/": "repository facts, only when the repository link points to GitHub; checked below",
    "https://${e}/api/v4/projects/": "repository facts, only when the repository link points to GitLab; checked below",
    "https://unpkg.com/resize-observer-polyfill": "loaded only by browsers without ResizeObserver (none supported since 2020)",
    "https://bit.ly/": "text of a console warning in the search worker",
    "http://www.w3.org/": "XML namespace names, never fetched",
}
# http(s)://anything, or protocol-relative //host.with.dots/... ("//nbsp" is a comment)
_JS_STRING_URL = re.compile(r"""(?<=["'`])(?:https?://[^\s"'`]+|//[\w-]+(?:\.[\w-]+)+[^\s"'`]*)""")
_JS_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def js_urls(script: str) -> list[str]:
    """Absolute URLs that start a string literal in JavaScript (block comments removed).

    Line comments are left in: stripping them without a real parser could cut a
    minified bundle (one line) short. A URL in a line comment rarely starts
    right after a quote; if one does, it is reported and can be looked at.
    """
    return [url for url in _JS_STRING_URL.findall(_JS_BLOCK_COMMENT.sub("", script)) if external(url)]


def _site_files(site: Path, suffix: str) -> list[Path]:
    files = sorted(site.rglob(f"*{suffix}"))
    assert files, f"no {suffix} files in {site}"
    return files


def test_html_loads_nothing_from_other_hosts(built_site: Path) -> None:
    found = []
    for page in _site_files(built_site, ".html"):
        loads = _Loads()
        loads.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(built_site)}: {url}" for url in loads.urls if external(url)]
        found += [f"{page.relative_to(built_site)}: <script> {url}" for script in loads.inline_scripts
                  for url in js_urls(script) if not url.startswith(tuple(_JS_KNOWN))]
    assert found == []


def test_css_loads_nothing_from_other_hosts(built_site: Path) -> None:
    found = []
    for stylesheet in _site_files(built_site, ".css"):
        found += [f"{stylesheet.relative_to(built_site)}: {url}"
                  for url in css_urls(stylesheet.read_text(encoding="utf-8")) if external(url)]
    assert found == []


def test_javascript_fetches_nothing_from_other_hosts(built_site: Path) -> None:
    found = []
    for script in _site_files(built_site, ".js"):
        found += [f"{script.relative_to(built_site)}: {url}"
                  for url in js_urls(script.read_text(encoding="utf-8")) if not url.startswith(tuple(_JS_KNOWN))]
    assert found == [], "new external URL in the site's JavaScript; check whether the browser loads it"


# Material's bundle (source component) fetches stars, forks and the latest release
# from the code host's API when the repository link matches one of these.
_GITHUB = re.compile(r"^.+github\.com/([^/]+)/?([^/]+)?", re.I)
_GITLAB = re.compile(r"^.+?([^/]*gitlab[^/]+)/(.+?)/?$", re.I)


def repository_fact_requests(site: Path) -> list[str]:
    found = []
    for page in _site_files(site, ".html"):
        loads = _Loads()
        loads.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {href}" for href in loads.source_links
                  if _GITHUB.match(href) or _GITLAB.match(href)]
    return found


def test_conditional_loaders_in_material_are_not_triggered(built_site: Path) -> None:
    """The conditions under which Material's JavaScript would fetch from unpkg.com or a code host's API."""
    with_mermaid = [str(page.relative_to(built_site)) for page in _site_files(built_site, ".html")
                    if re.search(r"""class=["'][^"']*\bmermaid\b""", page.read_text(encoding="utf-8"))]
    assert with_mermaid == [], "Mermaid diagrams make Material load mermaid from unpkg.com"
    assert repository_fact_requests(built_site) == [], "browsers would call the GitHub/GitLab API"


def test_github_repository_link_fetches_nothing(project) -> None:
    result = project.build(KENNISBANK_REPO_URL="https://github.com/example/kennisbank")
    assert result.returncode == 0, result.stdout + result.stderr
    assert repository_fact_requests(project.site) == []


def test_no_font_service(built_site: Path) -> None:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)  # MkDocs' own loader: it knows the !ENV tag
    assert config["theme"].get("font") is False, "theme.font must be false: Material would load Google Fonts"
    hits = [f"{path.relative_to(built_site)}: {service}"
            for suffix in (".html", ".css", ".js") for path in _site_files(built_site, suffix)
            for service in _FONT_SERVICES if service in path.read_text(encoding="utf-8")]
    assert hits == []


def test_scanner_finds_what_it_should() -> None:
    loads = _Loads()
    loads.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><link rel="canonical" href="https://x.nl/">'
               '<img src="//cdn.example.com/a.png" srcset="b.png 1x, https://cdn.example.com/c.png 2x">'
               '<div style="background:url(\'https://img.example.com/d.png\')"></div>'
               '<style>@import "https://css.example.com/e.css";</style>'
               '<a href="https://www.rijksoverheid.nl/">klikbaar</a><script src="assets/x.js"></script>')
    assert [url for url in loads.urls if external(url)] == [
        "https://fonts.googleapis.com/css", "//cdn.example.com/a.png", "https://cdn.example.com/c.png",
        "https://img.example.com/d.png", "https://css.example.com/e.css"]
    assert js_urls('/* "https://a.example.com" */ // see https://b.example.com\nload("https://c.example.com/x.js");'
                   "fetch(`//d.example.com/${id}`); x == ' '//nbsp") == ["https://c.example.com/x.js", "//d.example.com/${id}"]
    assert css_urls("a{background:url(data:image/png;base64,xx)} @import url('https://f.example.com/f.css');") == [
        "data:image/png;base64,xx", "https://f.example.com/f.css"]

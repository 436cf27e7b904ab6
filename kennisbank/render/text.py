"""Contributed text is untrusted: render it with a restricted Markdown and sanitise it.

Python-Markdown passes raw HTML straight through, so we remove its HTML
handling first and then let nh3 enforce an allow-list on the result: no
script, no event handler, no `javascript:` or `data:` URL can survive.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

_ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "abbr"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
_URL_SCHEMES = {"http", "https", "mailto"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def _restricted_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("entity")
    return md


_MD = _restricted_markdown()


def sanitize(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def markdown_html(text: str) -> str:
    """Contributed Markdown -> safe HTML fragment. Headings start at level 3."""
    _MD.reset()
    shifted = re.sub(r"^(#{1,2})(?=\s)", "###", text, flags=re.MULTILINE)
    return sanitize(_MD.convert(shifted))


def markdown_text(text: str) -> str:
    """Contributed Markdown -> plain text without markup, for data exports."""
    return " ".join(html.unescape(nh3.clean(markdown_html(text), tags=set())).split())


def plain_html(text: str) -> str:
    """Plain text -> HTML-escaped text on one line."""
    return html.escape(" ".join(str(text).split()), quote=True)


def md_inline(text: str) -> str:
    """Plain text for a place where MkDocs will parse Markdown (a heading).

    Escapes HTML first, then every character Markdown would interpret.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain_html(text))

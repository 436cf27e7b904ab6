"""Explain glossary terms where they appear in page text.

The first mention of a term or abbreviation on a page becomes a link to its
term page whose title is the plain-language `uitleg`; Material's
`content.tooltips` shows that title on hover and on keyboard focus. Text inside
links, headings, code and hidden elements is left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from markupsafe import Markup

from ..model import KnowledgeBase, Record

_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "hidden", "script", "style", "button", "label", "summary", "select", "option", "time", "svg", "caption", "th"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"}
_MIN_LENGTH = 3


class Glossary:
    def __init__(self, kb: KnowledgeBase):
        self.terms: dict[str, Record] = {}  # exact label or lowercased word label -> term
        case_sensitive: list[str] = []
        case_free: list[str] = []
        for term in kb.all("begrip"):
            labels = [(term.title, False)] + [(alt["term"], alt["soort"] == "afkorting") for alt in term.get("alternatieve_termen", [])]
            for label, exact in labels:
                if len(label) < _MIN_LENGTH:
                    continue
                key = label if exact else label.casefold()
                if key not in self.terms:
                    self.terms[key] = term
                    (case_sensitive if exact else case_free).append(label)
        self._exact = _alternation(case_sensitive, 0)
        self._free = _alternation(case_free, re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, Record]]:
        """Non-overlapping mentions, longest label first at each position."""
        hits = []
        for pattern, exact in ((self._exact, True), (self._free, False)):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                key = match.group(0) if exact else match.group(0).casefold()
                hits.append((match.start(), match.end(), self.terms[key]))
        hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
        result, end = [], -1
        for start, stop, term in hits:
            if start >= end:
                result.append((start, stop, term))
                end = stop
        return result

    def annotate(self, fragment: str, href: Callable[[Record], str], skip_id: str | None = None) -> Markup:
        annotator = _Annotator(self, href, skip_id)
        annotator.feed(fragment)
        annotator.close()
        return Markup("".join(annotator.out))


def _alternation(labels: list[str], flags: int) -> re.Pattern[str] | None:
    if not labels:
        return None
    ordered = sorted(labels, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(label) for label in ordered) + r")(?![\w-])", flags)


class _Annotator(HTMLParser):
    def __init__(self, glossary: Glossary, href: Callable[[Record], str], skip_id: str | None):
        super().__init__(convert_charrefs=True)
        self.glossary, self.href, self.skip_id = glossary, href, skip_id
        self.out: list[str] = []
        self.open: list[str] = []
        self.seen: set[str] = set()

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.out.append(self.get_starttag_text() or "")
        if tag not in _VOID:
            self.open.append("hidden" if any(name == "hidden" for name, _ in attrs) else tag)

    def handle_startendtag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index] in (tag, "hidden"):
                del self.open[index:]
                break
        self.out.append(f"</{tag}>")

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if any(tag in _SKIP for tag in self.open):
            self.out.append(html.escape(data, quote=False))
            return
        position = 0
        for start, stop, term in self.glossary.find(data):
            if term.id == self.skip_id or term.id in self.seen:
                continue
            self.seen.add(term.id)
            self.out.append(html.escape(data[position:start], quote=False))
            self.out.append(f'<a class="kb-begrip" href="{html.escape(self.href(term))}" title="{html.escape(term.data["uitleg"])}">'
                            f"{html.escape(data[start:stop], quote=False)}</a>")
            position = stop
        self.out.append(html.escape(data[position:], quote=False))

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

from markupsafe import Markup

from ..model import KnowledgeBase, Record

_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "hidden", "script", "style", "button", "label", "summary", "select", "option", "time", "svg", "caption", "th"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"}
_MIN_LENGTH = 3


# A mention starts a word: not preceded by a word character or hyphen, as the labels' own words.
_WORD_START = re.compile(r"(?<![\w-])\w+")
_CONTINUES = re.compile(r"[\w-]")


class Glossary:
    """Finds term labels in text in one pass over its words.

    Labels are looked up by their first word, so the cost grows with the text,
    not with text x number of terms (a regular-expression alternation of every
    label tries each label at every position). Labels that do not start with a
    letter or digit cannot start a word and are not annotated.
    """

    def __init__(self, kb: KnowledgeBase):
        self.terms: dict[str, Record] = {}  # exact label or lowercased word label -> term
        # first word of a label (casefolded) -> (label, case-sensitive?, term), longest label first
        self._by_first_word: dict[str, list[tuple[str, bool, Record]]] = {}
        for term in kb.all("begrip"):
            labels = [(term.title, False)] + [(alt["term"], alt["soort"] == "afkorting") for alt in term.get("alternatieve_termen", [])]
            for label, exact in labels:
                first = _WORD_START.match(label)
                if len(label) < _MIN_LENGTH or first is None:
                    continue
                key = label if exact else label.casefold()
                if key not in self.terms:
                    self.terms[key] = term
                    self._by_first_word.setdefault(first.group(0).casefold(), []).append((label, exact, term))
        for candidates in self._by_first_word.values():
            candidates.sort(key=lambda candidate: len(candidate[0]), reverse=True)

    def find(self, text: str) -> list[tuple[int, int, Record]]:
        """Non-overlapping mentions, longest label first at each position."""
        result, end = [], -1
        for word in _WORD_START.finditer(text):
            start = word.start()
            if start < end:
                continue
            for label, exact, term in self._by_first_word.get(word.group(0).casefold(), ()):
                stop = start + len(label)
                piece = text[start:stop]
                if (piece == label if exact else piece.casefold() == label.casefold()) and not _CONTINUES.match(text, stop):
                    result.append((start, stop, term))
                    end = stop
                    break
        return result

    def annotate(self, fragment: str, href: Callable[[Record], str], skip_id: str | None = None) -> Markup:
        return Markup(_annotate(self, fragment, href, skip_id))


# The HTML is MkDocs' rendering of our own pages (contributed text already sanitised by nh3),
# so a tokenizer over tags and text is enough; html.parser was most of the glossary's cost.
_TOKEN = re.compile(
    r"(?P<raw><(?P<rawtag>script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</(?P=rawtag)\s*>)"
    r"|(?P<other><!--.*?-->|<![^>]*>|<\?[^>]*>)"
    r"|(?P<tag></?(?P<name>[A-Za-z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)",
    re.DOTALL | re.IGNORECASE)
_HIDDEN = re.compile(r"\shidden(?=[\s=/>])", re.IGNORECASE)


def _annotate(glossary: Glossary, fragment: str, href: Callable[[Record], str], skip_id: str | None) -> str:
    out: list[str] = []
    open_tags: list[str] = []  # "hidden" stands for any element with the hidden attribute
    seen: set[str] = set()
    position = 0
    for token in _TOKEN.finditer(fragment):
        if token.start() > position:
            _text(glossary, html.unescape(fragment[position:token.start()]), out, open_tags, seen, href, skip_id)
        position = token.end()
        out.append(token.group(0))
        if token.group("tag") is None:
            continue
        name = token.group("name").lower()
        if token.group(0).startswith("</"):
            for index in range(len(open_tags) - 1, -1, -1):
                if open_tags[index] in (name, "hidden"):
                    del open_tags[index:]
                    break
        elif name not in _VOID and not token.group(0).endswith("/>"):
            open_tags.append("hidden" if _HIDDEN.search(token.group(0)) else name)
    _text(glossary, html.unescape(fragment[position:]), out, open_tags, seen, href, skip_id)
    return "".join(out)


def _text(glossary: Glossary, data: str, out: list[str], open_tags: list[str], seen: set[str],
          href: Callable[[Record], str], skip_id: str | None) -> None:
    if not data:
        return
    if any(tag in _SKIP for tag in open_tags):
        out.append(html.escape(data, quote=False))
        return
    position = 0
    for start, stop, term in glossary.find(data):
        if term.id == skip_id or term.id in seen:
            continue
        seen.add(term.id)
        out.append(html.escape(data[position:start], quote=False))
        out.append(f'<a class="kb-begrip" href="{html.escape(href(term))}" title="{html.escape(term.data["uitleg"])}">'
                   f"{html.escape(data[start:stop], quote=False)}</a>")
        position = stop
    out.append(html.escape(data[position:], quote=False))

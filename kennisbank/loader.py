"""Safe YAML loading that keeps line numbers and refuses what would lose data.

PyYAML alone would silently keep the last of two duplicate keys, turn
`2026-12-31` into a date object and `no` into False, and expand alias bombs.
We compose the node tree with libyaml (fast, no code execution) and build the
Python data ourselves, so every value keeps its position for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 40

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _RecordLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader without the implicit timestamp resolver: dates stay text."""


_RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")}
_MAP_TAG = "tag:yaml.org,2002:map"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_scalar_constructor = yaml.constructor.SafeConstructor()

Path = tuple[Any, ...]


@dataclass
class Document:
    """A loaded YAML file: its data plus the position of every value and key."""

    file: str
    data: Any = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    raw: bytes | None = field(default=None, repr=False)  # set when positions are to be found on demand

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`, or of its key.

        Falls back to the nearest enclosing value that has a position, so
        every problem can be located even if its exact value is missing.
        """
        if self.raw is not None:  # data came from the check cache: compose the file once for its positions
            located, _ = load_bytes(self.file, self.raw)
            if located is not None:
                self.values, self.keys = located.values, located.keys
            self.raw = None
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def _problem(file: str, line: int, column: int, message: str, fix: str) -> Problem:
    return Problem(file, line, column, message, fix)


# libyaml's problem texts, translated; the first matching pattern wins.
_YAML_PROBLEMS: list[tuple[str, str, str]] = [
    (r"found a tab character", "tabteken gevonden", "gebruik spaties om in te springen, geen tabs"),
    (r"mapping values are not allowed", "dubbele punt op een onverwachte plek", "zet tekst met een dubbele punt tussen aanhalingstekens of controleer het inspringen"),
    (r"could not find expected ':'", "verwachte dubbele punt ontbreekt", "schrijf elk veld als 'naam: waarde' of zet de tekst tussen aanhalingstekens"),
    (r"expected <block end>, but found|did not find expected key|bad indentation", "inspringing klopt niet", "laat velden op hetzelfde niveau precies even ver inspringen, met spaties"),
    (r"did not find expected '-' indicator", "lijstitem verwacht", "begin elk item van een lijst met '- ' op dezelfde inspringing"),
    (r"found unexpected end of stream|found unknown escape character|while scanning a quoted scalar", "aanhalingstekens niet goed gesloten", "sluit elke tekst die met \" of ' begint af met hetzelfde teken"),
    (r"exceeded maximum nesting depth", "te diep geneste structuur", "gebruik niet meer dan enkele niveaus van lijsten en velden"),
    (r"expected a single document|but found another document", "meer dan één YAML-document in het bestand", "zet één record per bestand en verwijder de regel '---' halverwege"),
    (r"found undefined alias|found undefined anchor", "verwijzing (alias) naar een onbekend anker", "herhaal de waarde zelf in plaats van * of & te gebruiken"),
    (r"special characters are not allowed|control characters are not allowed|unacceptable character", "ongeldig teken in het bestand", "verwijder onzichtbare stuurtekens; sla het bestand op als gewone UTF-8-tekst"),
    (r"found character .* that cannot start any token", "teken dat in YAML een speciale betekenis heeft", "zet tekst die begint met @, `, %, * of & tussen aanhalingstekens"),
]


def _translate_yaml_error(file: str, source: str, error: yaml.YAMLError) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):  # a bad character: no mark, only its index in the text
        before = source[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        return _problem(file, line, column, f"ongeldig teken U+{error.character:04X} in het bestand",
                        "verwijder onzichtbare stuurtekens; sla het bestand op als gewone UTF-8-tekst")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    text = " ".join(str(part) for part in (getattr(error, "context", ""), getattr(error, "problem", "")) if part)
    if mark and source[mark.index : mark.index + 1] == "\t":
        text = "found a tab character"
    for pattern, message, fix in _YAML_PROBLEMS:
        if re.search(pattern, text):
            return _problem(file, line, column, message, fix)
    return _problem(file, line, column, "ongeldige YAML-opbouw", "controleer inspringing, dubbele punten en aanhalingstekens op deze regel")


def _decode(file: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [_problem(file, 1, 1, f"bestand is te groot ({len(raw) // 1024} kB, hoogstens {MAX_BYTES // 1024} kB)", "kort de tekst in of splits het record")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark, as some Windows editors write
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [_problem(file, line, column, "bestand is geen geldige UTF-8-tekst", "sla het bestand op met tekencodering UTF-8")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [_problem(file, line, 1, "bestand bevat een nul-teken (binair bestand?)", "sla het record op als gewone tekst")]
    return text, []


def load_bytes(file: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Load one record file. Returns the document, or None and the problems."""
    text, problems = _decode(file, raw)
    if text is None:
        return None, problems
    try:
        root = yaml.compose(text, Loader=_RecordLoader)
    except yaml.YAMLError as error:
        return None, [_translate_yaml_error(file, text, error)]
    except (RecursionError, MemoryError):
        return None, [_problem(file, 1, 1, "te diep geneste structuur", "gebruik niet meer dan enkele niveaus van lijsten en velden")]
    if root is None or (root.tag == "tag:yaml.org,2002:null" and not root.value):
        return None, [_problem(file, 1, 1, "bestand is leeg", "vul het record in; begin met een kopie van een bestaand record of met 'kennisbank nieuw'")]
    builder = _Builder(file)
    data = builder.build(root, (), 0)
    if builder.problems:
        return None, builder.problems
    if not isinstance(data, dict):
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        return None, [_problem(file, line, column, "record moet bestaan uit velden ('naam: waarde')", "begin het bestand met 'id: ...' en zet elk veld op een eigen regel")]
    document = Document(file, data, builder.values, builder.keys)
    return document, []


class _Builder:
    """Turns a composed node tree into plain data, recording positions."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self._seen: set[int] = set()
        self._alias_reported = False

    def _fail(self, node: yaml.Node, message: str, fix: str) -> None:
        self.problems.append(_problem(self.file, node.start_mark.line + 1, node.start_mark.column + 1, message, fix))

    def build(self, node: yaml.Node, path: Path, depth: int, key: yaml.Node | None = None) -> Any:
        self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self._seen:
            # libyaml shares the node of an anchor with each alias: records never need
            # aliases, and walking shared nodes is how "billion laughs" files explode.
            # The shared node carries the anchor's position, so point at the alias's key.
            if not self._alias_reported:
                self._alias_reported = True
                self._fail(key or node, "ankers en aliassen (& en *) zijn niet toegestaan", "schrijf de waarde voluit op elke plek waar ze nodig is")
            return None
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self._fail(node, "te diep geneste structuur", "gebruik niet meer dan enkele niveaus van lijsten en velden")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                return self._bad_tag(node)
            return [self.build(item, path + (index,), depth + 1, key) for index, item in enumerate(node.value)]
        if node.tag == _STR_TAG:
            return node.value  # what the constructor would return, without its bookkeeping (most scalars are text)
        if node.tag not in _ALLOWED_TAGS:
            return self._bad_tag(node)
        return _scalar_constructor.construct_object(node)

    def _bad_tag(self, node: yaml.Node) -> None:
        self._fail(node, f"YAML-tag '{node.tag}' is niet toegestaan", "verwijder de tag (het woord na ! of !!) en schrijf de waarde als gewone tekst")
        return None

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any] | None:
        if node.tag != _MAP_TAG:
            return self._bad_tag(node)
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "…"
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<":
                    self._fail(key_node, "samenvoegen met '<<' is niet toegestaan", "schrijf alle velden voluit")
                else:
                    self._fail(key_node, f"veldnaam '{shown}' is geen tekst", "gebruik een veldnaam uit het schema, zoals 'naam'")
                continue
            key = key_node.value
            if key in first_seen:
                self._fail(key_node, f"veld '{key}' staat twee keer in hetzelfde record (eerst op regel {first_seen[key]})", "voeg de twee waarden samen en verwijder één van de twee regels")
                continue
            first_seen[key] = key_node.start_mark.line + 1
            child = path + (key,)
            self.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1, key_node)
        return result

"""What each field of a record type is, read from the JSON Schemas.

One description serves the YAML templates of `kennisbank nieuw`, the field
reference pages on the site and the issue form, so none of them can drift
from the schema that validates the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .kinds import BY_NAME
from .model import OWNER_NOT_NAMED
from .schemas import Schemas

_VOCABULARY_FILE = "vocabulaires.schema.json#/$defs/"
_SHARED = {  # shared definitions with a Dutch name for their form
    "datum": "datum (JJJJ-MM-DD)",
    "periode": "periode (JJJJ, JJJJ-Q1, JJJJ-MM of JJJJ-MM-DD)",
    "url": "webadres (https://...)",
    "markdown": "tekst met Markdown-opmaak",
    "id": "id (kleine letters, cijfers, koppeltekens)",
}


@dataclass
class Field:
    name: str
    title: str  # Dutch label: the schema's `title`, else the field name
    path: str  # dotted, list items as "name[]": "bronnen[].regels"
    required: bool
    form: str  # Dutch: what kind of value, e.g. "tekst", "lijst van keuzes uit 'thema'"
    description: str
    vocabulary: str | None = None  # name of the controlled vocabulary
    reference: str | None = None  # kind a reference points to
    literals: tuple[str, ...] = ()  # allowed words besides a reference, e.g. "niet-genoemd"
    many: bool = False  # a list
    limits: str = ""  # Dutch: length or count limits
    children: list[Field] = field(default_factory=list)
    schema: dict[str, Any] = field(default_factory=dict, repr=False)  # resolved schema, for examples
    item: dict[str, Any] = field(default_factory=dict, repr=False)  # resolved schema of one value (of a list item)

    @property
    def anchor(self) -> str:
        return self.path.replace("[]", "").replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Alternative:
    """A rule over several fields, e.g. exactly one of 'termijn' and 'zonder_termijn'."""

    fields: tuple[str, ...]
    exactly_one: bool


def record_fields(schemas: Schemas, kind: str) -> list[Field]:
    document = schemas.documents[BY_NAME[kind].schema]
    return _object_fields(schemas, document, schemas.uri(BY_NAME[kind].schema), "")


def alternatives(schemas: Schemas, kind: str) -> list[Alternative]:
    """Top-level oneOf/anyOf rules of the form [{required: [a]}, {required: [b]}]."""
    return object_alternatives(schemas.documents[BY_NAME[kind].schema])


def object_alternatives(document: dict[str, Any]) -> list[Alternative]:
    found = []
    for keyword in ("oneOf", "anyOf"):
        branches = document.get(keyword, [])
        if branches and all(set(branch) == {"required"} for branch in branches):
            found.append(Alternative(tuple(branch["required"][0] for branch in branches), keyword == "oneOf"))
    return found


def _object_fields(schemas: Schemas, schema: dict[str, Any], base: str, prefix: str) -> list[Field]:
    schema, base = schemas.resolve(schema, base)
    required = set(schema.get("required", []))
    return [_field(schemas, name, child, base, prefix, name in required) for name, child in schema.get("properties", {}).items()]


def _vocabulary_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref", "")
    return ref.split(_VOCABULARY_FILE, 1)[1] if _VOCABULARY_FILE in ref else None


def _field(schemas: Schemas, name: str, raw: dict[str, Any], base: str, prefix: str, required: bool) -> Field:
    path = f"{prefix}{name}"
    description = raw.get("description", "")
    resolved, resolved_base = schemas.resolve(raw, base)
    many = resolved.get("type") == "array"
    item_raw = resolved.get("items", {}) if many else raw
    item, item_base = schemas.resolve(item_raw, resolved_base) if many else (resolved, resolved_base)
    title = raw.get("title") or name.replace("_", " ").capitalize()
    result = Field(name, title, path, required, "", description or resolved.get("description", ""), many=many, schema=resolved, item=item)
    result.vocabulary = _vocabulary_name(item_raw) or _vocabulary_name(raw)
    branches = [schemas.resolve(b, item_base)[0] for b in item.get("oneOf", item.get("anyOf", []))]
    result.reference = item.get("x-verwijzing") or next((b["x-verwijzing"] for b in branches if "x-verwijzing" in b), None)
    result.literals = tuple(b["const"] for b in branches if "const" in b and result.vocabulary is None)
    result.form = _form(item_raw, item, result)
    if item.get("type") == "object" or "properties" in item:
        result.children = _object_fields(schemas, item, item_base, f"{path}[]." if many else f"{path}.")
    result.limits = _limits(resolved, item)
    return result


def _form(raw: dict[str, Any], item: dict[str, Any], result: Field) -> str:
    if result.vocabulary:
        single = f"keuze uit de lijst '{result.vocabulary}'"
    elif result.reference:
        single = f"id van een {BY_NAME[result.reference].label}"
        if result.literals:
            single += " of " + " of ".join(f"'{literal}'" for literal in result.literals)
    else:
        shared = raw.get("$ref", "").rsplit("/", 1)[-1]
        if shared in _SHARED:
            single = _SHARED[shared]
        elif item.get("type") == "object" or "properties" in item:
            single = "velden"
        elif item.get("type") == "integer":
            single = "geheel getal"
        else:
            single = "tekst"
    return f"lijst van: {single}" if result.many else single


def _limits(resolved: dict[str, Any], item: dict[str, Any]) -> str:
    parts = []
    if "minItems" in resolved:
        parts.append(f"minstens {resolved['minItems']}")
    if "maxItems" in resolved:
        parts.append(f"hoogstens {resolved['maxItems']}")
    if "maxLength" in item and item.get("type") == "string":
        parts.append(f"hoogstens {item['maxLength']} tekens")
    return ", ".join(parts)


def example(schemas: Schemas, f: Field, existing: dict[str, list[str]] | None = None) -> Any:
    """A value that passes the schema: the schema's own `examples`, else one derived from the field's form."""
    value = _single_example(schemas, f, existing or {})
    return [value] if f.many and not isinstance(value, list) else value


def _single_example(schemas: Schemas, f: Field, existing: dict[str, list[str]]) -> Any:
    if f.schema.get("examples"):
        return f.schema["examples"][0]
    if f.children:
        # required fields, plus the first field of each "one of these" rule
        wanted = {c.name for c in f.children if c.required}
        wanted |= {rule.fields[0] for rule in object_alternatives(f.item)}
        return {c.name: example(schemas, c, existing) for c in f.children if c.name in wanted}
    if f.vocabulary:
        return next(iter(schemas.vocabularies[f.vocabulary].terms))
    if f.reference:
        ids = existing.get(f.reference) or []
        if ids:
            return ids[0]
        return OWNER_NOT_NAMED if OWNER_NOT_NAMED in f.literals else f"voorbeeld-{f.reference}"
    if f.form.endswith(_SHARED["datum"]):
        return dt.date.today().isoformat()
    if f.form.endswith(_SHARED["periode"]):
        return f"{dt.date.today().year}-Q4"
    if f.form.endswith(_SHARED["url"]):
        return "https://www.example.org/"
    if f.form.endswith(_SHARED["id"]):
        return "voorbeeld"
    return "Vul hier de tekst in."

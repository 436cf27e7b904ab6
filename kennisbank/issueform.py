"""The issue form "Nieuw initiatief aanmelden" for people who do not use git, and its answers as a record.

The form is generated from the initiative schema (`kennisbank formulier`), so
every question is a schema field and every choice a vocabulary label; the
answers map back one-to-one (`kennisbank aanmelding`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from .fields import Field, record_fields
from .schemas import Schemas
from .searchwords import slug

KIND = "initiatief"
# The questions, in order: what a project worker knows. Ids, dates and cross-references are filled in later.
QUESTIONS = ("naam", "samenvatting", "beschrijving", "gemeenten", "plaatsen", "provincies", "schaal", "organisatievorm",
             "themas", "doelgroepen", "status", "aanpak", "resultaten", "geleerde_lessen", "website", "bronnen")
NO_ANSWER = "_No response_"  # what GitHub writes for an empty optional answer
_SOURCE_LINE = re.compile(r"^\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?:,\s*(regels?|pagina|paragraaf)\s+(.+?))?\s*$")


def _questions(schemas: Schemas) -> list[Field]:
    by_name = {f.name: f for f in record_fields(schemas, KIND)}
    return [by_name[name] for name in QUESTIONS]


def _description(f: Field) -> str:
    if f.name == "bronnen":
        return (f"{f.description} Eén bron per regel: de id van de bron in de kennisbank (zie de pagina Bronnen) "
                "en de plek, bijvoorbeeld: kamerbrief-aanpak-sociale-basis-2023, regels 82-84")
    if f.many and not f.vocabulary:
        return f"{f.description} Eén per regel."
    return f.description


def form(schemas: Schemas) -> str:
    """The GitHub issue form as YAML."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": (
        "Meld hier een initiatief aan als u geen git gebruikt. Een beheerder zet uw antwoorden om in een record "
        "(`kennisbank aanmelding`) en controleert ze met de bron. Schrijf alleen wat de bron zegt en zet geen "
        "persoonsgegevens in het formulier zonder toestemming.")}}]
    for f in _questions(schemas):
        attributes: dict[str, Any] = {"label": f.title, "description": _description(f)}
        if f.vocabulary:
            kind = "dropdown"
            attributes["multiple"] = f.many
            attributes["options"] = [label for label, _ in schemas.vocabularies[f.vocabulary].terms.values()]
        else:
            kind = "textarea" if f.many or "Markdown" in f.form or f.name == "samenvatting" else "input"
        body.append({"type": kind, "id": f.name, "attributes": attributes, "validations": {"required": f.required}})
    document = {"name": "Nieuw initiatief aanmelden", "description": "Een goed voorbeeld voor de Kennisbank Informele Zorg, zonder git.",
                "title": "Nieuw initiatief: ", "labels": ["nieuw-initiatief"], "body": body}
    header = "# Generated from schema/initiatief.schema.json by `kennisbank formulier`; do not edit by hand.\n"
    return header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)


class AnswerError(ValueError):
    """An answer that does not fit its field; the message is Dutch."""


def answers(schemas: Schemas, body: str, today: dt.date) -> dict[str, Any]:
    """Record values from an issue body ("### Label" followed by the answer)."""
    sections = {}
    for block in re.split(r"(?m)^### ", body)[1:]:
        label, _, text = block.partition("\n")
        sections[label.strip()] = text.strip()
    values: dict[str, Any] = {}
    problems = []
    for f in _questions(schemas):
        text = sections.get(f.title, "")
        if not text or text == NO_ANSWER:
            if f.required:
                problems.append(f"het antwoord op '{f.title}' ontbreekt")
            continue
        try:
            values[f.name] = _value(schemas, f, text)
        except AnswerError as error:
            problems.append(str(error))
    if problems:
        raise AnswerError("; ".join(problems))
    values = {"id": slug(values["naam"]), **values, "laatst_gecontroleerd": today.isoformat()}
    return values


def _value(schemas: Schemas, f: Field, text: str) -> Any:
    if f.vocabulary:
        by_label = {label: value for value, (label, _) in schemas.vocabularies[f.vocabulary].terms.items()}
        chosen = [part.strip() for part in (text.split(", ") if f.many else [text])]
        unknown = [c for c in chosen if c not in by_label]
        if unknown:
            raise AnswerError(f"onbekende keuze bij '{f.title}': {', '.join(unknown)}")
        values = [by_label[c] for c in chosen]
        return values if f.many else values[0]
    if f.name == "bronnen":
        return [_source(line) for line in text.splitlines() if line.strip()]
    if f.many:
        return [line.strip().lstrip("-* ").strip() for line in text.splitlines() if line.strip()]
    return text + "\n" if "Markdown" in f.form else " ".join(text.split())


def _source(line: str) -> dict[str, str]:
    match = _SOURCE_LINE.match(line)
    if not match:
        raise AnswerError(f"bron '{line.strip()}' heeft niet de vorm 'bron-id, regels 82-84'")
    source, where, place = match.groups()
    if not where:
        raise AnswerError(f"bij bron '{source}' ontbreekt de plek; schrijf bijvoorbeeld '{source}, regels 82-84' of '{source}, pagina 9'")
    return {"bron": source, "regels" if where.startswith("regel") else where: place}

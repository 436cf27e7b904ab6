"""Schema validation of one loaded record, with Dutch messages and positions."""

from __future__ import annotations

import difflib
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

from .kinds import BY_NAME
from .loader import Document
from .problems import Problem
from .schemas import Schemas

_TYPE_NAMES = {
    "string": "tekst",
    "array": "een lijst",
    "object": "velden (naam: waarde)",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja/nee-waarde",
    "null": "een lege waarde",
}

# Keywords for which a schema's own `x-foutmelding` explains the problem better.
_OWN_MESSAGE_KEYWORDS = {"pattern", "format", "anyOf", "oneOf", "const"}


def field_name(path: tuple[Any, ...]) -> str:
    """Human-readable field path: list items are numbered from 1."""
    parts = [str(part + 1) if isinstance(part, int) else part for part in path]
    return ".".join(parts) if parts else "record"


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    for name, types in (("string", str), ("array", list), ("object", dict), ("integer", int), ("number", float)):
        if isinstance(value, types):
            return name
    return "string"


def _shown(value: Any) -> str:
    text = str(value)  # line breaks inside are shown as \n by Problem
    return text if len(text) <= 60 else text[:57] + "..."


def _suggest(value: Any, options: list[str]) -> str:
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    return f" (bedoel je '{close[0]}'?)" if close else ""


def schema_problems(document: Document, kind: str, schemas: Schemas) -> list[Problem]:
    if schemas.prechecks[kind](document.data):
        return []
    validator = schemas.validators[kind]
    required = frozenset(schemas.documents[BY_NAME[kind].schema].get("required", []))
    problems: dict[tuple[Any, ...], Problem] = {}
    for error in validator.iter_errors(document.data):
        for problem in _describe(document, error, required):
            problems.setdefault((problem.line, problem.column, problem.message), problem)
    return list(problems.values())


def _at(document: Document, path: tuple[Any, ...], message: str, fix: str, key: bool = False) -> Problem:
    line, column = document.position(path, key=key)
    return Problem(document.file, line, column, message, fix, field_name(path))


def _describe(document: Document, error: ValidationError, required: frozenset[str] = frozenset()) -> list[Problem]:
    path = tuple(error.absolute_path)
    name = field_name(path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    keyword = error.validator

    if value is None and len(path) == 1 and path[0] in required:  # e.g. an unfilled line of a template
        return [_at(document, path, f"verplicht veld '{name}' is leeg",
                    "vul een waarde in achter de dubbele punt; het commentaar erboven of de veldreferentie geeft een voorbeeld")]
    if keyword == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = [key for key in value if key not in schema.get("properties", {})]
        return [
            _at(document, path + (key,), f"onbekend veld '{key}'{_suggest(key, allowed)}",
                "verwijder het veld of gebruik een van: " + ", ".join(allowed), key=True)
            for key in extras
        ]
    if keyword == "required":
        missing = [key for key in error.validator_value if key not in value]
        where = "het record" if not path else f"'{name}'"
        return [_at(document, path, f"verplicht veld '{key}' ontbreekt in {where}", f"voeg '{key}: ...' toe") for key in missing]
    if keyword in _OWN_MESSAGE_KEYWORDS and "x-foutmelding" in schema:
        message, _, fix = schema["x-foutmelding"].partition("; ")
        shown = f": '{_shown(value)}'" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
        where = f" in '{name}'{shown}" if path else ""
        return [_at(document, path, f"{message}{where}", fix or "zie de beschrijving van het veld")]
    if keyword == "type":
        return [_type_problem(document, path, schema, value)]
    if keyword == "oneOf" and all("const" in branch for branch in schema.get("oneOf", [])):
        options = [branch["const"] for branch in schema["oneOf"]]
        if not isinstance(value, str):
            return [_type_problem(document, path, {"type": "string"}, value)]
        return [_at(document, path, f"onbekende waarde '{_shown(value)}' in '{name}'{_suggest(value, options)}", "kies uit: " + ", ".join(options))]
    if keyword in ("oneOf", "anyOf"):
        best = best_match(error.context)
        if best is not None:
            return _describe(document, best, required)
        return [_at(document, path, f"waarde van '{name}' heeft niet de juiste vorm", "zie de beschrijving van het veld in de veldreferentie")]
    if keyword == "enum":
        options = [str(option) for option in error.validator_value]
        return [_at(document, path, f"onbekende waarde '{_shown(value)}' in '{name}'{_suggest(value, options)}", "kies uit: " + ", ".join(options))]
    if keyword == "const":
        return [_at(document, path, f"waarde van '{name}' moet '{error.validator_value}' zijn", f"schrijf '{error.validator_value}'")]
    if keyword == "maxLength":
        return [_at(document, path, f"tekst in '{name}' is {len(value)} tekens, hoogstens {error.validator_value} toegestaan", "kort de tekst in")]
    if keyword == "minLength":
        if not value.strip():
            return [_at(document, path, f"veld '{name}' is leeg", "vul een waarde in of verwijder het veld als het niet verplicht is")]
        return [_at(document, path, f"tekst in '{name}' is te kort ({len(value)} tekens, minstens {error.validator_value})", "schrijf een volledigere tekst")]
    if keyword == "minItems":
        return [_at(document, path, f"lijst '{name}' heeft {len(value)} items, minstens {error.validator_value} nodig", "voeg items toe, elk op een eigen regel met '- '")]
    if keyword == "maxItems":
        return [_at(document, path, f"lijst '{name}' heeft {len(value)} items, hoogstens {error.validator_value} toegestaan", "verwijder items")]
    if keyword == "uniqueItems":
        return [_at(document, path, f"lijst '{name}' bevat dezelfde waarde meer dan eens", "verwijder de dubbele waarde")]
    if keyword == "pattern":
        return [_at(document, path, f"waarde '{_shown(value)}' in '{name}' heeft niet de juiste vorm", "zie de beschrijving: " + schema.get("description", "het veld"))]
    if keyword == "format":
        return [_at(document, path, f"waarde '{_shown(value)}' in '{name}' is geen geldige {error.validator_value}", "zie de beschrijving van het veld")]
    return [_at(document, path, f"waarde van '{name}' klopt niet ({keyword})", "zie de beschrijving van het veld in de veldreferentie")]


def _type_problem(document: Document, path: tuple[Any, ...], schema: dict[str, Any], value: Any) -> Problem:
    expected = schema.get("type", "string")
    expected = expected if isinstance(expected, str) else expected[0]
    name = field_name(path)
    actual = _type_of(value)
    message = f"'{name}' moet {_TYPE_NAMES[expected]} zijn, maar is {_TYPE_NAMES[actual]}"
    if expected == "string" and actual == "boolean":
        fix = "YAML leest woorden als ja, nee, yes, no, on en off als ja/nee-waarde: zet de tekst tussen aanhalingstekens"
    elif expected == "string" and actual in ("integer", "number"):
        fix = "zet de waarde tussen aanhalingstekens, bijvoorbeeld \"0123\" (YAML leest getallen anders dan je typt)"
    elif actual == "null":
        fix = "vul een waarde in achter de dubbele punt of verwijder het veld"
    elif expected == "array":
        fix = "zet elk item op een eigen regel die begint met '- '"
    elif expected == "object":
        fix = "zet de onderdelen op eigen regels als 'naam: waarde', ingesprongen met spaties"
    else:
        fix = f"schrijf {_TYPE_NAMES[expected]}"
    return _at(document, path, message, fix)

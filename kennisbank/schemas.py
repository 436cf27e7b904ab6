"""The JSON Schemas in schema/: one per record type, plus shared definitions.

The same files drive validation, cross-record references (`x-verwijzing`),
the vocabularies' labels on the site and editor autocompletion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urljoin

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .kinds import KINDS
from .problems import Problem, ValidationFailed

from . import periods
from .precheck import compile_checks

FORMAT_CHECKER = FormatChecker()
# Our own format: "2023-Q4" and friends, and "2023-02-30" is no real date.
FORMAT_CHECKER.checks("periode")(lambda value: not isinstance(value, str) or periods.is_valid(value))
REQUIRED_FORMATS = ("date", "uri", "periode")  # formats our schemas rely on


@dataclass(frozen=True)
class RefField:
    """A place in a record that holds the id of another record."""

    path: tuple[str, ...]  # "*" stands for every item of a list
    target: str  # kind name, e.g. "organisatie"
    literals: frozenset[str] = frozenset()  # allowed non-reference values, e.g. "niet-genoemd"


@dataclass
class Vocabulary:
    name: str
    terms: dict[str, tuple[str, str]]  # value -> (label, definition)

    def label(self, value: str) -> str:
        return self.terms.get(value, (value, ""))[0]


@dataclass
class Schemas:
    directory: Path
    documents: dict[str, dict[str, Any]]  # file name -> schema
    registry: Registry
    validators: dict[str, Draft202012Validator] = field(default_factory=dict)
    prechecks: dict[str, Callable[[Any], bool]] = field(default_factory=dict)  # fast yes/no, see precheck.py
    references: dict[str, list[RefField]] = field(default_factory=dict)
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)

    def uri(self, name: str) -> str:
        return (self.directory / name).resolve().as_uri()

    def resolve(self, schema: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
        """Follow `$ref` chains; returns the target schema and its base URI."""
        while "$ref" in schema:
            resolved = self.registry.resolver(base).lookup(schema["$ref"])
            merged = {**resolved.contents, **{k: v for k, v in schema.items() if k != "$ref"}}
            schema, base = merged, urljoin(base, schema["$ref"]).split("#")[0]
        return schema, base


def missing_format_checkers() -> list[str]:
    """Formats we rely on whose checker is not installed (jsonschema skips them silently)."""
    return [name for name in REQUIRED_FORMATS if name not in FORMAT_CHECKER.checkers]


def _read_schema_files(directory: Path) -> dict[str, dict[str, Any]]:
    """Every schema file, or ValidationFailed naming each one that is missing or broken."""
    shown = f"{directory.name}/"
    if not directory.is_dir():
        raise ValidationFailed([Problem(shown, 1, 1, "map met schema's ontbreekt",
                                        "draai de opdracht in de hoofdmap van de kennisbank of geef die op met --map")])
    documents: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    required = {kind.schema for kind in KINDS} | {"gemeenschappelijk.schema.json", "vocabulaires.schema.json"}
    for name in sorted({path.name for path in directory.glob("*.schema.json")} | required):
        path = directory / name
        if not path.is_file():
            problems.append(Problem(shown + name, 1, 1, "schemabestand ontbreekt", "zet het bestand terug uit de repository"))
            continue
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(document)
        except json.JSONDecodeError as error:
            problems.append(Problem(shown + name, error.lineno, error.colno, "schema is geen geldige JSON",
                                    "controleer aanhalingstekens, komma's en haakjes op deze plek"))
        except UnicodeDecodeError:
            problems.append(Problem(shown + name, 1, 1, "schema is geen geldige UTF-8-tekst", "sla het bestand op als UTF-8"))
        except SchemaError as error:
            problems.append(Problem(shown + name, 1, 1, f"schema volgt JSON Schema draft 2020-12 niet (bij {error.json_path})",
                                    "herstel het schema op die plek"))
        else:
            documents[name] = document
    if problems:
        raise ValidationFailed(problems)
    return documents


def load_schemas(directory: Path) -> Schemas:
    documents = _read_schema_files(directory)
    schemas = Schemas(directory, documents, Registry())
    resources = [(schemas.uri(name), Resource.from_contents(doc, default_specification=DRAFT202012)) for name, doc in documents.items()]
    schemas.registry = Registry().with_resources(resources).crawl()
    for kind in KINDS:
        uri = schemas.uri(kind.schema)
        schemas.validators[kind.name] = Draft202012Validator(
            {"$ref": uri}, registry=schemas.registry, format_checker=FORMAT_CHECKER
        )
        schemas.references[kind.name] = list(_reference_fields(schemas, documents[kind.schema], uri, ()))
    formats = {name: (lambda value, name=name: FORMAT_CHECKER.conforms(value, name)) for name in REQUIRED_FORMATS}
    schemas.prechecks = compile_checks(schemas.registry, {kind.name: schemas.uri(kind.schema) for kind in KINDS}, formats)
    for name, definition in documents.get("vocabulaires.schema.json", {}).get("$defs", {}).items():
        terms = {option["const"]: (option.get("title", option["const"]), option.get("description", "")) for option in definition.get("oneOf", [])}
        schemas.vocabularies[name] = Vocabulary(name, terms)
    return schemas


def _reference_fields(schemas: Schemas, schema: dict[str, Any], base: str, path: tuple[str, ...]):
    schema, base = schemas.resolve(schema, base)
    if "x-verwijzing" in schema:
        yield RefField(path, schema["x-verwijzing"])
    for name, child in schema.get("properties", {}).items():
        yield from _reference_fields(schemas, child, base, path + (name,))
    if isinstance(schema.get("items"), dict):
        yield from _reference_fields(schemas, schema["items"], base, path + ("*",))
    for keyword in ("oneOf", "anyOf"):
        branches = [schemas.resolve(branch, base) for branch in schema.get(keyword, [])]
        literals = frozenset(branch["const"] for branch, _ in branches if "const" in branch)
        for branch, branch_base in branches:
            for ref in _reference_fields(schemas, branch, branch_base, path):
                yield RefField(ref.path, ref.target, ref.literals | literals)

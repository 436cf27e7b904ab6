"""The JSON Schemas themselves: valid, closed, documented in Dutch, and really enforced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from kennisbank.catalogue import Project, check
from kennisbank.kinds import KINDS
from kennisbank.schemas import FORMAT_CHECKER, load_schemas, missing_format_checkers

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = sorted((ROOT / "schema").glob("*.schema.json"))
EXAMPLES = Path(__file__).parent / "examples"
DUTCH_WORDS = {"de", "het", "een", "van", "en", "of", "in", "met", "die", "dat", "als", "uit", "naar", "voor", "zoals", "bij",
               "waar", "deze", "bijvoorbeeld", "wie", "wat", "welke", "om", "op", "te", "is", "niet", "alleen"}


def _objects(node, path="#"):
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{path}/{index}")


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_is_valid_draft_2020_12(path):
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_property_has_a_dutch_description_and_objects_are_closed(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, obj in _objects(schema):
        assert obj.get("additionalProperties") is False, f"{path.name} {where}: additionalProperties moet false zijn"
        for name, prop in obj.get("properties", {}).items():
            description = prop.get("description", "")
            words = set(description.lower().replace(",", " ").replace(".", " ").split())
            assert words & DUTCH_WORDS, f"{path.name} {where}/properties/{name}: geen Nederlandse beschrijving"


def test_format_checkers_we_rely_on_are_installed():
    assert missing_format_checkers() == []
    assert not FORMAT_CHECKER.conforms("2023-02-30", "date")
    assert not FORMAT_CHECKER.conforms("niet een url", "uri")
    assert not FORMAT_CHECKER.conforms("2023-Q5", "periode")
    assert FORMAT_CHECKER.conforms("2023-Q4", "periode")


def test_every_kind_has_a_schema_and_references_point_to_kinds():
    schemas = load_schemas(ROOT / "schema")
    names = {kind.name for kind in KINDS}
    for kind in KINDS:
        assert kind.name in schemas.validators
        assert all(ref.target in names for ref in schemas.references[kind.name])


def _example_cases():
    for kind in KINDS:
        for validity in ("geldig", "ongeldig"):
            for path in sorted((EXAMPLES / kind.folder / validity).glob("*.yaml")):
                yield pytest.param(kind, validity, path, id=f"{kind.folder}/{validity}/{path.name}")


@pytest.mark.parametrize("kind, validity, example", list(_example_cases()))
def test_examples_per_schema(project, kind, validity, example):
    """Each example file states on its first line what the check must say."""
    text = example.read_text(encoding="utf-8")
    expected = text.splitlines()[0].removeprefix("# verwacht:").strip()
    project.write(f"{kind.folder}/{example.name}", text)
    problems = [str(p) for p in check(Project(project.root)).problems]
    if validity == "geldig":
        assert expected == "geldig" and problems == []
    else:
        assert any(expected in problem for problem in problems), "\n".join(problems)


def test_there_are_valid_and_invalid_examples_for_every_kind():
    for kind in KINDS:
        for validity in ("geldig", "ongeldig"):
            assert list((EXAMPLES / kind.folder / validity).glob("*.yaml")), f"{kind.folder}/{validity}"

"""The fast path of `kennisbank check`: the compiled pre-check and the check cache.

Neither may ever let through what the detailed validation rejects, nor hide a
problem or its position.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from kennisbank.kinds import KINDS
from kennisbank.schemas import load_schemas

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = load_schemas(ROOT / "schema")
# Wrong in some way for nearly every field: type, emptiness, length, shape, vocabulary.
BAD_VALUES = [None, True, 7, 1.5, "", " ", "x" * 5000, "niet-bestaande-waarde", "2023-02-30", "javascript:alert(1)",
              [], ["x"], [{"onbekend": 1}], {}, {"onbekend": "x"}]


def _richest(kind) -> list[dict]:
    """The three records of a kind that use the most fields, so every field gets mutated."""
    records = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / kind.folder).glob("*.yaml"))]
    return sorted(records, key=lambda data: (-len(yaml.safe_dump(data)), data["id"]))[:3]


def _paths(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, path + (index,))


def _replaced(data, path, value):
    changed = copy.deepcopy(data)
    parent = changed
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return changed


def _variants(data):
    yield data
    for index, path in enumerate(list(_paths(data))[1:]):
        # every value at every depth: all bad values at the top, three of them (in turn) deeper down
        bad = BAD_VALUES if len(path) == 1 else [BAD_VALUES[(index + step) % len(BAD_VALUES)] for step in range(3)]
        for value in bad:
            yield _replaced(data, path, value)
        if len(path) == 1:
            yield {key: item for key, item in data.items() if key != path[0]}
    yield {**data, "onbekend_veld": "x"}


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_precheck_agrees_with_the_detailed_validation(kind):
    validator, passes = SCHEMAS.validators[kind.name], SCHEMAS.prechecks[kind.name]
    compared = rejected = 0
    for record in _richest(kind):
        for variant in _variants(record):
            expected = validator.is_valid(variant)
            assert passes(variant) == expected, (kind.name, variant)
            compared += 1
            rejected += not expected
    assert rejected > compared // 2  # the variants really are mostly wrong, so both sides were tested


def test_second_check_gives_the_same_answer_and_notices_changes(project):
    # Anna Zorgt passes its schema, so the cache keeps it. When the source it cites
    # disappears, the next run must still find the broken reference, at its line.
    path = project.root / "initiatives" / "anna-zorgt.yaml"
    text = path.read_text(encoding="utf-8")
    assert project.check().returncode == 0
    (project.root / "sources" / "gemeentelijke-indeling.yaml").unlink()
    broken = [project.check(), project.check()]
    assert broken[0].returncode == broken[1].returncode == 1
    assert broken[0].stdout == broken[1].stdout
    line = text.splitlines().index("  - bron: gemeentelijke-indeling") + 1
    assert f"initiatives/anna-zorgt.yaml:{line}:11: verwijzing naar onbekende bron 'gemeentelijke-indeling'" in broken[1].stdout
    # an edit to a file that passed before is checked afresh
    path.write_text(text.replace("status: onbekend", "status: onbekend\nstatuss: x"), encoding="utf-8")
    assert "initiatives/anna-zorgt.yaml:40:1: onbekend veld 'statuss'" in project.check().stdout


def test_a_schema_change_rechecks_unchanged_files(project):
    assert project.check().returncode == 0
    schema_path = project.root / "schema" / "gemeenschappelijk.schema.json"
    schema = schema_path.read_text(encoding="utf-8")
    # the shortest title any record may have becomes longer than every real title
    project.write_bytes("schema/gemeenschappelijk.schema.json", schema.replace('"titel": {', '"titel": {"minLength": 500,', 1).encode())
    result = project.check()
    assert result.returncode == 1 and "te kort" in result.stdout, result.stdout

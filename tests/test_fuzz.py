"""Property-based fuzzing of the loader and the validator: whatever the bytes, only our own answers.

Hypothesis feeds arbitrary bytes, random edits of real record files and real
records with random values in random places. Loading, schema validation and
the checks across records must return problems with a position, never raise.
The example count is bounded and the run derandomised, so CI is repeatable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisbank.integrity import integrity_problems
from kennisbank.kinds import KINDS
from kennisbank.loader import load_bytes
from kennisbank.problems import Problem
from kennisbank.schemas import load_schemas
from kennisbank.validation import schema_problems

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = load_schemas(ROOT / "schema")
KNOWN = {kind.name: {path.stem for path in (ROOT / kind.folder).glob("*.yaml")} for kind in KINDS}
SAMPLES = [(kind.name, path.read_bytes()) for kind in KINDS for path in sorted((ROOT / kind.folder).glob("*.yaml"))[:4]]
BOUNDED = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Strings that trip YAML 1.1, dates, ids, messages and HTML, drawn as often as everything else together.
NASTY = st.sampled_from(["no", "on", "2023-02-30", "0755", "~", "<script>", "javascript:alert(1)", "&a", "*a",
                         "twee\nregels", "tab\tteken", "", " ", "x" * 3000, "../../etc/passwd", "\u0430nna-zorgt"])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40))
VALUES = NASTY | st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                              max_leaves=12)


def _answers(kind: str, raw: bytes) -> list[Problem]:
    """Everything `kennisbank check` does with one file, in process."""
    document, problems = load_bytes(f"{KINDS[0].folder}/fuzz.yaml", raw)
    if document is not None:
        problems += schema_problems(document, kind, SCHEMAS)
        problems += list(integrity_problems({kind: {"fuzz": document}}, {**KNOWN, kind: KNOWN[kind] | {"fuzz"}}, SCHEMAS))
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message and problem.fix, problem
        assert "\n" not in problem.message, problem
    return problems


@BOUNDED
@given(kind=st.sampled_from([kind.name for kind in KINDS]), raw=st.binary(max_size=2000))
def test_arbitrary_bytes(kind: str, raw: bytes):
    _answers(kind, raw)


@BOUNDED
@given(sample=st.sampled_from(SAMPLES), data=st.data())
def test_random_edits_of_real_files(sample: tuple[str, bytes], data: st.DataObject):
    kind, raw = sample
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw)))
        cut = data.draw(st.integers(0, 8))
        insert = data.draw(st.binary(max_size=6) | st.sampled_from([b"\t", b"\r\n", b": ", b"- ", b"&a ", b"*a", b"!!", b"\xef\xbb\xbf", b"'", b"{", b"\x00"]))
        raw = raw[:at] + insert + raw[at + cut:]
    _answers(kind, raw)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, path + (index,))
    return found


@BOUNDED
@given(sample=st.sampled_from(SAMPLES), data=st.data())
def test_real_records_with_random_values(sample: tuple[str, bytes], data: st.DataObject):
    kind, raw = sample
    record = yaml.safe_load(raw)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(record)[1:]))
        parent = record
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(VALUES)
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    _answers(kind, text.encode("utf-8"))

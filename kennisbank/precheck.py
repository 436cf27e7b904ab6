"""A fast yes/no schema check that runs before the detailed validation.

jsonschema walks the schema for every record (about 2 ms per record), which
dominates `kennisbank check` on large knowledge bases. fastjsonschema compiles
the same schema to Python code once; records it accepts need no further
schema work, and only records it rejects go through jsonschema for the Dutch,
positioned messages. The compiled check must never be more lenient than
jsonschema: tests/test_fast_check.py compares the two on about 4,800 mutations
of real records, and the bad-input and hostile tests fail if it lets one through.
"""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urljoin

import fastjsonschema

from referencing import Registry

# Annotations only: they change nothing about which records are valid.
_ANNOTATIONS = {"title", "description", "examples", "default", "$comment", "$schema", "$defs"}
_SCHEMA_MAPS = {"properties", "patternProperties", "dependentSchemas"}
_MAX_DEPTH = 64  # our schemas are not recursive; this guards against a schema that is


def _inline(registry: Registry, schema: Any, base: str, depth: int = 0) -> Any:
    """The schema with every `$ref` replaced by its target, as one self-contained document.

    In draft 2020-12 the keywords beside a `$ref` apply as well as the target;
    `allOf` keeps that meaning for a compiler that follows draft 7.
    """
    if depth > _MAX_DEPTH:
        raise ValueError("schema is recursive or nested too deeply to inline")
    if isinstance(schema, list):
        return [_inline(registry, item, base, depth + 1) for item in schema]
    if not isinstance(schema, dict):
        return schema
    inlined: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-") or key == "$ref":
            continue
        if key in ("const", "enum"):
            inlined[key] = value
        elif key in _SCHEMA_MAPS:  # names here are field names, not keywords
            inlined[key] = {name: _inline(registry, child, base, depth + 1) for name, child in value.items()}
        else:
            inlined[key] = _inline(registry, value, base, depth + 1)
    for keyword in ("oneOf", "anyOf"):
        branches = inlined.get(keyword, [])
        values = [branch["const"] for branch in branches if set(branch) == {"const"}]
        # A choice between distinct constants is an enum; fastjsonschema raises and
        # formats an exception for every branch that fails, which made it slow.
        if branches and len(values) == len(branches) and all(isinstance(v, str) for v in values) and len(set(values)) == len(values):
            del inlined[keyword]
            inlined["allOf"] = inlined.get("allOf", []) + [{"enum": values}]
    if "$ref" not in schema:
        return inlined
    target = registry.resolver(base).lookup(schema["$ref"]).contents
    target_base = urljoin(base, schema["$ref"]).split("#")[0]
    resolved = _inline(registry, target, target_base, depth + 1)
    return {"allOf": [resolved, inlined]} if inlined else resolved


def compile_checks(registry: Registry, uris: dict[str, str],
                   formats: dict[str, Callable[[Any], bool]]) -> dict[str, Callable[[Any], bool]]:
    """Per record kind (kind -> schema URI): a function that says whether a record passes."""
    checks: dict[str, Callable[[Any], bool]] = {}
    for kind, uri in uris.items():
        bundled = _inline(registry, {"$ref": uri}, uri)
        compiled = fastjsonschema.compile({"$schema": "http://json-schema.org/draft-07/schema#", **bundled},
                                          formats=formats, use_default=False)
        checks[kind] = _passes(compiled)
    return checks


def _passes(compiled: Callable[[Any], Any]) -> Callable[[Any], bool]:
    def passes(data: Any) -> bool:
        try:
            compiled(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True
    return passes

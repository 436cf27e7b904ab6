"""The field reference: one page per record type, generated from its JSON Schema at build time."""

from __future__ import annotations

import yaml
from markupsafe import Markup

from ..fields import Field, alternatives, example, record_fields
from ..kinds import KINDS
from ..problemlinks import field_reference_path
from .environment import GeneratedPage, Renderer


def _flatten(fields: list[Field], depth: int = 0) -> list[tuple[int, Field]]:
    result = []
    for f in fields:
        result.append((depth, f))
        result += _flatten(f.children, depth + 1)
    return result


def _example_yaml(renderer: Renderer, f: Field, existing: dict[str, list[str]]) -> str:
    return yaml.safe_dump({f.name: example(renderer.kb.schemas, f, existing)}, allow_unicode=True, sort_keys=False, width=90).rstrip()


def pages(renderer: Renderer) -> list[GeneratedPage]:
    schemas = renderer.kb.schemas
    existing = {kind.name: [r.id for r in renderer.kb.all(kind.name)] for kind in KINDS}
    result = [renderer.render("velden-index.md.j2", "bijdragen/velden/index.md", kinds=KINDS,
                              schemas={kind.name: schemas.documents[kind.schema] for kind in KINDS})]
    for kind in KINDS:
        fields = _flatten(record_fields(schemas, kind.name))
        examples = {f.path: Markup(_example_yaml(renderer, f, existing)) for _, f in fields}
        result.append(renderer.render(
            "velden.md.j2", field_reference_path(kind.name).rstrip("/") + ".md", kind=kind,
            schema=schemas.documents[kind.schema], fields=fields, examples=examples,
            rules=alternatives(schemas, kind.name), template_path=f"bijdragen/sjablonen/{kind.name}.yaml",
        ))
    return result

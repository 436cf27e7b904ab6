"""A commented YAML template for a new record, written from the JSON Schema.

Every field gets its Dutch description, whether it is required, its form,
the allowed values and an example. Required fields without a value are left
empty so `kennisbank check` names each of them by line; optional fields are
commented out. The first line lets editors (VS Code with the YAML extension)
autocomplete and check the file against the same schema.
"""

from __future__ import annotations

from typing import Any

import yaml

from .fields import Field, alternatives, example, record_fields
from .kinds import BY_NAME
from .schemas import Schemas

_WIDTH = 100


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a `|` block, the way people write Markdown in YAML."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text.strip("\n") else None))


def _dump(name: str, value: Any) -> list[str]:
    text = yaml.dump({name: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=_WIDTH, default_flow_style=False)
    return text.rstrip("\n").split("\n")


def _comment_block(schemas: Schemas, f: Field, required: bool) -> list[str]:
    state = "verplicht" if required else "optioneel"
    lines = [f"# --- {f.name} ({state}) ---"]
    lines += [f"# {line}" for line in _wrap(f.description)]
    form = f.form + (f", {f.limits}" if f.limits else "")
    lines.append(f"# Vorm: {form}.")
    if f.vocabulary:
        lines.append("# Kies uit:")
        lines += [f"#   {value} = {label}" for value, (label, _) in schemas.vocabularies[f.vocabulary].terms.items()]
    if f.children:
        parts = ", ".join(c.name + ("" if c.required else " (optioneel)") for c in f.children)
        lines.append(f"# Onderdelen: {parts}.")
    return lines


def _wrap(text: str, width: int = _WIDTH - 2) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return lines + ([current] if current else [])


def template(schemas: Schemas, kind: str, values: dict[str, Any], existing: dict[str, list[str]] | None = None) -> str:
    """The template text; `values` fills fields (at least `id`), the rest stays empty or commented out."""
    record_kind = BY_NAME[kind]
    one_of = {name for rule in alternatives(schemas, kind) for name in rule.fields}
    lines = [
        f"# yaml-language-server: $schema=../schema/{record_kind.schema}",
        "#",
        f"# Nieuw record van de soort '{record_kind.label}' voor de Kennisbank Informele Zorg.",
        "# - Velden met (verplicht) hebben een waarde nodig: vul die in achter de dubbele punt.",
        "# - Optionele velden staan uit: haal het # aan het begin van de regel weg om ze te gebruiken.",
        "# - Schrijf alleen wat de bron zegt. Laat contactgegevens, webadressen, cijfers en datums weg",
        "#   als de bron ze niet noemt, en zet geen persoonsgegevens in het bestand zonder toestemming.",
        f"# - Uitleg bij elk veld: de pagina Velden van '{record_kind.label}' onder Bijdragen op de site.",
        f"# Controleer het bestand met: kennisbank check {record_kind.folder}/{values['id']}.yaml",
    ]
    for rule in alternatives(schemas, kind):
        lines.append(f"# Let op: vul {'precies één' if rule.exactly_one else 'minstens één'} van "
                     + " en ".join(f"'{name}'" for name in rule.fields) + " in.")
    for f in record_fields(schemas, kind):
        required = f.required
        lines.append("")
        lines += _comment_block(schemas, f, required)
        sample = example(schemas, f, existing)
        if f.name in values:
            lines += _dump(f.name, values[f.name])
        elif required:
            lines.append("# Voorbeeld:")
            lines += [f"#   {line}" for line in _dump(f.name, sample)]
            lines.append(f"{f.name}:")
        else:
            if f.name in one_of:
                lines.append("# Dit veld of het andere uit de 'Let op'-regel bovenaan is nodig.")
            lines += [f"# {line}" for line in _dump(f.name, sample)]
    return "\n".join(lines) + "\n"


def example_values(schemas: Schemas, kind: str, existing: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Example values for every field a valid record needs (required fields and the first of each rule)."""
    wanted = {f.name for f in record_fields(schemas, kind) if f.required}
    wanted |= {rule.fields[0] for rule in alternatives(schemas, kind)}
    return {f.name: example(schemas, f, existing) for f in record_fields(schemas, kind) if f.name in wanted}

"""Commands for contributors: `nieuw` (a template), `zoek`, `aanmelding` (issue form to record) and `formulier`."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from .catalogue import Project, load_usable
from .issueform import AnswerError, answers, form
from .kinds import BY_NAME
from .model import KnowledgeBase
from .scaffold import template
from .schemas import Schemas, load_schemas
from .searchwords import slug
from .similarity import likely_duplicates
from .problems import ValidationFailed
from .textsearch import RecordSearch
from .urls import page_url

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _Stop(Exception):
    """Ends a command with a Dutch message on stderr and an exit code."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def run(root: Path, args: argparse.Namespace) -> int:
    try:
        schemas = load_schemas(root / "schema")
        if args.command == "formulier":
            print(form(schemas), end="")
            return 0
        kb = _knowledge_base(root)
        if args.command == "zoek":
            return _search(kb, " ".join(args.woorden), args.aantal)
        if args.command == "aanmelding":
            return _intake(root, schemas, kb, args)
        return _new(root, schemas, kb, args)
    except ValidationFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        return 1
    except _Stop as stop:
        print(f"kennisbank: {stop}", file=sys.stderr)
        return stop.code


def _knowledge_base(root: Path) -> KnowledgeBase:
    """The records that pass the check; files with problems (such as a half-filled template) are left out."""
    kb, problems = load_usable(Project(root))
    if kb is None:
        raise _Stop("de records hebben problemen die het lezen verhinderen; los ze eerst op (zie 'kennisbank check')")
    left_out = sorted({p.file for p in problems})
    if left_out:
        print(f"kennisbank: {len(left_out)} {'bestand' if len(left_out) == 1 else 'bestanden'} met problemen overgeslagen "
              f"(zie 'kennisbank check'): {', '.join(left_out[:5])}{' ...' if len(left_out) > 5 else ''}", file=sys.stderr)
    return kb


def _search(kb: KnowledgeBase, query: str, limit: int) -> int:
    hits = RecordSearch(kb).search(query, limit)
    print(f"{len(hits)} {'resultaat' if len(hits) == 1 else 'resultaten'} voor '{query}':")
    for hit in hits:
        record = hit.record
        print(f"- {record.title} ({record.kind.label}): /{page_url(record.src_uri)} ({record.file})")
    return 0


def _ask(question: str, default: str = "") -> str:
    suffix = f" [{default}]" if default else ""
    try:
        answer = input(f"{question}{suffix}: ").strip()
    except EOFError:
        answer = ""
    return answer or default


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _themes(schemas: Schemas, given: list[str], interactive: bool) -> list[str]:
    terms = schemas.vocabularies["thema"].terms
    if interactive and not given:
        print("Thema's (kies een of meer nummers of ids, gescheiden door komma's):")
        options = list(terms)
        for number, value in enumerate(options, 1):
            print(f"  {number:>2}. {value} ({terms[value][0]})")
        given = [options[int(c) - 1] if c.isdigit() and 0 < int(c) <= len(options) else c for c in _split(_ask("Thema's"))]
    unknown = [t for t in given if t not in terms]
    if unknown:
        raise _Stop(f"onbekend thema {', '.join(repr(t) for t in unknown)}; kies uit: {', '.join(terms)}", 2)
    return given


def _new(root: Path, schemas: Schemas, kb: KnowledgeBase, args: argparse.Namespace) -> int:
    kind = BY_NAME[args.soort]
    interactive = sys.stdin.isatty() and not args.niet_vragen
    title = args.naam or (_ask(f"Naam van het nieuwe {kind.label}") if interactive else "")
    values: dict[str, Any] = {}
    municipalities: list[str] = []
    summary = args.samenvatting or ""
    if kind.name == "initiatief":
        municipalities = args.gemeente or (_split(_ask("Gemeente(n), gescheiden door komma's (leeg als het landelijk is)"))
                                           if interactive else [])
        themes = _themes(schemas, args.thema, interactive)
        if interactive and not summary:
            summary = _ask("Samenvatting in twee of drie zinnen (mag later)")
        values.update({key: value for key, value in (("gemeenten", municipalities), ("themas", themes),
                                                     ("samenvatting", summary)) if value})
        values["laatst_gecontroleerd"] = dt.date.today().isoformat()
    record_id = args.id or slug(title)
    if interactive and not args.id:
        record_id = _ask("Id en bestandsnaam", _free_id(root / kind.folder, record_id))
    if not record_id:
        raise _Stop("geef een naam (--naam) of een id (--id); daaruit volgt de bestandsnaam", 2)
    if not _ID.match(record_id):
        raise _Stop(f"ongeldige id '{record_id}'; gebruik alleen kleine letters a-z, cijfers en losse koppeltekens", 2)
    if title:
        values[kind.title_field] = title
    return _write(root, schemas, kb, kind.name, {"id": record_id, **values}, municipalities, summary, interactive)


def _free_id(folder: Path, proposal: str) -> str:
    """The proposal, or the proposal with the first free number: a suggestion should not collide."""
    candidate, number = proposal, 2
    while candidate and (folder / f"{candidate}.yaml").exists():
        candidate, number = f"{proposal}-{number}", number + 1
    return candidate


def _intake(root: Path, schemas: Schemas, kb: KnowledgeBase, args: argparse.Namespace) -> int:
    body = sys.stdin.read() if args.bestand == "-" else _read(Path(args.bestand))
    try:
        values = answers(schemas, body, args.datum or dt.date.today())
    except AnswerError as error:
        raise _Stop(f"aanmelding niet omgezet: {error}; vul het formulier aan of pas het record na het omzetten aan") from None
    return _write(root, schemas, kb, "initiatief", values, values.get("gemeenten", []), values.get("samenvatting", ""), False)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise _Stop(f"{path} kan niet als UTF-8-tekst worden gelezen; sla de tekst van het issue op als UTF-8") from None


def _write(root: Path, schemas: Schemas, kb: KnowledgeBase, kind_name: str, values: dict[str, Any],
           municipalities: list[str], summary: str, interactive: bool) -> int:
    kind = BY_NAME[kind_name]
    target = root / kind.folder / f"{values['id']}.yaml"
    shown = f"{kind.folder}/{target.name}"
    if target.exists():
        raise _Stop(f"{shown} bestaat al; kies een andere id (--id) of bewerk het bestaande bestand")
    if kind_name == "initiatief" and kind.title_field in values:
        likely = likely_duplicates(RecordSearch(kb, ("initiatief",)), values[kind.title_field], municipalities, summary)
        for found in likely:
            print(f"Let op: lijkt op {found.record.file} ({found.record.title}): {found.reason}.", file=sys.stderr)
        if likely and interactive and _ask("Toch een nieuw bestand maken? (j/n)", "n").lower() not in ("j", "ja"):
            print("Niets geschreven. Vul het bestaande record aan als het om hetzelfde initiatief gaat.")
            return 1
    existing = {name: [r.id for r in kb.all(name)] for name in BY_NAME}
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, not even a file created meanwhile
        handle.write(template(schemas, kind_name, values, existing))
    print(f"Geschreven: {shown}. Vul de lege verplichte velden in en controleer met: kennisbank check {shown}")
    return 0

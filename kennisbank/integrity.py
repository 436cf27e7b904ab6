"""Checks across records: ids, references, and the logic of dates."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from . import periods
from .kinds import BY_NAME
from .loader import Document
from .problems import Problem
from .references import find_references
from .schemas import Schemas
from .validation import field_name

Documents = dict[str, dict[str, Document]]  # kind name -> id (file name) -> document


def _at(document: Document, path: tuple[Any, ...], message: str, fix: str) -> Problem:
    line, column = document.position(path)
    return Problem(document.file, line, column, message, fix, field_name(path))


def integrity_problems(documents: Documents, known: dict[str, set[str]], schemas: Schemas) -> Iterator[Problem]:
    """`known` holds every id per kind, including those of files that failed to load."""
    for kind, by_id in documents.items():
        for record_id, document in by_id.items():
            yield from _id_problems(document, record_id)
            yield from _reference_problems(document, kind, record_id, known, schemas)
            if kind == "actie":
                yield from _action_problems(document)
            if kind == "initiatief":
                yield from _span_problem(document, ("looptijd",), "van", "tot")
    yield from _broader_cycles(documents.get("begrip", {}))


def _id_problems(document: Document, record_id: str) -> Iterator[Problem]:
    declared = document.data.get("id")
    if isinstance(declared, str) and declared != record_id:
        yield _at(document, ("id",), f"id '{declared}' is niet gelijk aan de bestandsnaam '{record_id}.yaml'",
                  f"schrijf 'id: {record_id}' of hernoem het bestand naar '{declared}.yaml'")


def _reference_problems(document: Document, kind: str, record_id: str, known: dict[str, set[str]], schemas: Schemas) -> Iterator[Problem]:
    for path, target, value in find_references(document.data, schemas.references[kind]):
        target_kind = BY_NAME[target]
        if value in known[target]:
            if target == kind and value == record_id:
                yield _at(document, path, f"'{field_name(path)}' verwijst naar dit record zelf", "verwijder de verwijzing naar het eigen record")
            continue
        elsewhere = [BY_NAME[other].label for other, ids in known.items() if value in ids]
        if elsewhere:
            message = f"'{value}' is een {elsewhere[0]}, geen {target_kind.label}"
            fix = f"verwijs hier naar een {target_kind.label} uit {target_kind.folder}/"
        else:
            close = difflib.get_close_matches(value, sorted(known[target]), n=1, cutoff=0.6)
            message = f"verwijzing naar onbekende {target_kind.label} '{value}'" + (f" (bedoel je '{close[0]}'?)" if close else "")
            fix = f"corrigeer de id of maak het bestand {target_kind.folder}/{value}.yaml aan"
        yield _at(document, path, message, fix)


def _period(document: Document, path: tuple[Any, ...]) -> str | None:
    value: Any = document.data
    for part in path:
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return None
    return value if isinstance(value, str) and periods.is_valid(value) else None


def _span_problem(document: Document, base: tuple[Any, ...], first: str, last: str) -> Iterator[Problem]:
    begin, finish = _period(document, base + (first,)), _period(document, base + (last,))
    if begin and finish and periods.start(begin) > periods.end(finish):
        yield _at(document, base + (first,), f"'{field_name(base + (first,))}' ({begin}) ligt na '{field_name(base + (last,))}' ({finish})",
                  "controleer beide datums in de bron")


def _action_problems(document: Document) -> Iterator[Problem]:
    data = document.data
    start, deadline = _period(document, ("start",)), _period(document, ("termijn", "periode"))
    if start and deadline and periods.start(start) > periods.end(deadline):
        yield _at(document, ("start",), f"start ({start}) ligt na de termijn ({deadline})", "controleer de start en de termijn in de bron")
    updates = data.get("updates")
    if isinstance(updates, list) and updates and all(isinstance(u, dict) for u in updates):
        dates = [u["datum"] for u in updates if isinstance(u.get("datum"), str)]  # undated updates have no place to check
        if dates != sorted(dates):
            yield _at(document, ("updates",), "updates staan niet op volgorde van datum", "zet de oudste update bovenaan en de nieuwste onderaan")
        last = updates[-1].get("status")
        if last == "afgerond" and "afgedaan_met" not in data:
            yield _at(document, ("updates", len(updates) - 1, "status"), "actie is afgerond maar 'afgedaan_met' ontbreekt",
                      "voeg 'afgedaan_met' toe met de bron en de datum waarop de actie is afgedaan")
        if last != "afgerond" and "afgedaan_met" in data:
            yield _at(document, ("afgedaan_met",), "'afgedaan_met' is ingevuld maar de laatste update heeft niet de status 'afgerond'",
                      "voeg een update met status 'afgerond' toe of verwijder 'afgedaan_met'")
    changes = data.get("termijnwijzigingen")
    if isinstance(changes, list) and changes and "termijn" not in data:
        yield _at(document, ("termijnwijzigingen",), "er zijn termijnwijzigingen maar geen huidige 'termijn'", "voeg de huidige termijn toe")


def _broader_cycles(terms: dict[str, Document]) -> Iterator[Problem]:
    broader = {
        term_id: [b for b in doc.data["bredere_begrippen"] if isinstance(b, str)]
        for term_id, doc in terms.items()
        if isinstance(doc.data.get("bredere_begrippen"), list)
    }
    reported: set[str] = set()
    for term_id in sorted(broader):
        cycle = None if term_id in reported else _find_cycle(term_id, broader)
        if cycle and len(cycle) > 1:  # a term that names itself is reported as a self-reference
            reported.update(cycle)
            index = broader[term_id].index(cycle[1])
            yield _at(terms[term_id], ("bredere_begrippen", index), "bredere begrippen vormen een kring: " + " > ".join(cycle + [term_id]),
                      "een begrip kan niet (via andere begrippen) breder zijn dan zichzelf; verwijder één van de verwijzingen")


def _find_cycle(start: str, broader: dict[str, list[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    visited: set[str] = set()
    while stack:
        node, path = stack.pop()
        for parent in broader.get(node, []):
            if parent == start:
                return path
            if parent not in visited:
                visited.add(parent)
                stack.append((parent, path + [parent]))
    return None

"""Load and validate every record of a project: the one entry point for CLI, hooks and tests."""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .checkcache import CheckCache
from .integrity import integrity_problems
from .kinds import BY_NAME, KINDS
from .loader import Document, load_bytes
from .model import KnowledgeBase, Record
from .problems import Problem, ValidationFailed
from .schemas import Schemas, load_schemas
from .validation import schema_problems

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Project:
    """Where a knowledge base lives: the data folders and schema/ under one root."""

    root: Path

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    @cached_property
    def _resolved_root(self) -> Path:
        return self.root.resolve()

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self._resolved_root).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class Result:
    problems: list[Problem]
    files: int
    counts: dict[str, int] = field(default_factory=dict)  # kind name -> records loaded
    _schemas: Schemas | None = None
    _documents: dict[str, dict[str, Document]] = field(default_factory=dict, repr=False)

    @cached_property
    def knowledge_base(self) -> KnowledgeBase | None:
        """The model of every record; only when the whole set was checked and nothing is wrong.

        Built on first use: `kennisbank check` only reports, and the model is a third of its time.
        """
        if self.problems or self._schemas is None:
            return None
        records = [Record(BY_NAME[kind], record_id, doc.data, doc.file)
                   for kind, by_id in self._documents.items() for record_id, doc in by_id.items()]
        return KnowledgeBase.build(self._schemas, records)


def _discover(project: Project) -> tuple[list[tuple[str, Path, str]], list[Problem]]:
    """Every file in the data folders (kind, path, path as shown); anything that cannot become a record is a problem."""
    found: list[tuple[str, Path, str]] = []
    problems: list[Problem] = []
    for kind in KINDS:
        folder = project.root / kind.folder
        if not folder.is_dir():
            continue
        shown_folder = project.relative(folder)
        for path in sorted(folder.rglob("*")):
            shown = f"{shown_folder}/{path.relative_to(folder).as_posix()}"
            if path.is_dir() or path.name == ".gitkeep":
                continue
            if path.parent != folder:
                problems.append(Problem(shown, 1, 1, "record staat in een submap en wordt niet gelezen", f"zet het bestand direct in {kind.folder}/"))
            elif path.suffix != ".yaml":
                problems.append(Problem(shown, 1, 1, "bestand is geen record: alleen .yaml-bestanden worden gelezen",
                                        f"geef het bestand de extensie .yaml of haal het weg uit {kind.folder}/"))
            elif not _ID.match(path.stem):
                problems.append(Problem(shown, 1, 1, f"bestandsnaam '{path.name}' is geen geldige id",
                                        "gebruik alleen kleine letters a-z, cijfers en losse koppeltekens, bijvoorbeeld 'anna-zorgt.yaml'"))
            else:
                found.append((kind.name, path, shown))
    return found, problems


@contextmanager
def _collector_paused():
    """Loading makes millions of small objects without cycles; the cyclic collector would scan the
    growing heap again and again, which made loading grow faster than the number of files."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check(project: Project, only: set[str] | None = None, schemas: Schemas | None = None,
          skip: frozenset[str] = frozenset(), use_cache: bool = True) -> Result:
    """Load, validate and cross-check all records.

    `only`: relative paths whose problems to report (all files are still
    loaded, since references need the whole set). `skip`: files to leave out.
    `use_cache`: take files that passed before, byte for byte, from the check cache.
    """
    if schemas is None:
        try:
            schemas = load_schemas(project.schema_dir)
        except ValidationFailed as failure:
            return Result(failure.problems, 0)
    found, problems = _discover(project)
    files = [(kind, path, shown) for kind, path, shown in found if shown not in skip]
    known: dict[str, set[str]] = {kind.name: set() for kind in KINDS}
    documents: dict[str, dict[str, Document]] = {kind.name: {} for kind in KINDS}
    with _collector_paused():
        cache = CheckCache.for_project(project.root, schemas.documents) if use_cache else CheckCache(None, "")
        _load_all(files, schemas, cache, known, documents, problems)
        cache.save()
    problems.extend(integrity_problems(documents, known, schemas))
    if only is not None:
        problems = [problem for problem in problems if problem.file in only]
        seen = {shown for _, _, shown in files} | {problem.file for problem in problems}
        folders = ", ".join(f"{kind.folder}/" for kind in KINDS)
        for name in sorted(only - seen):
            exists = (project.root / name).exists()
            problems.append(Problem(name, 1, 1, "bestand is geen record van de kennisbank" if exists else "bestand bestaat niet",
                                    f"geef een .yaml-bestand uit een van de mappen {folders}"))
    problems = sorted(set(problems))
    counts = {kind: len(by_id) for kind, by_id in documents.items()}
    return Result(problems, len(files), counts, schemas if only is None else None, documents)


def _load_all(files: list[tuple[str, Path, str]], schemas: Schemas, cache: CheckCache, known: dict[str, set[str]],
              documents: dict[str, dict[str, Document]], problems: list[Problem]) -> None:
    """Load and validate each file (or take it from the cache), collecting documents and problems."""
    for kind, path, shown in files:
        known[kind].add(path.stem)
        try:
            raw = path.read_bytes()
        except OSError:
            problems.append(Problem(shown, 1, 1, "bestand kan niet worden gelezen", "controleer of het bestand bestaat en leesbaar is"))
            continue
        key = cache.key(kind, raw)
        data = cache.get(key)
        if data is not None:
            documents[kind][path.stem] = Document(shown, data, raw=raw)
            continue
        document, load_problems = load_bytes(shown, raw)
        problems.extend(load_problems)
        if document is None:
            continue
        found = schema_problems(document, kind, schemas)
        problems.extend(found)
        documents[kind][path.stem] = document
        if not load_problems and not found:
            cache.put(key, document.data)


def load(project: Project) -> KnowledgeBase:
    """The validated knowledge base, or ValidationFailed with every problem."""
    result = check(project)
    if result.problems or result.knowledge_base is None:
        raise ValidationFailed(result.problems)
    return result.knowledge_base


def load_usable(project: Project, rounds: int = 5) -> tuple[KnowledgeBase | None, list[Problem]]:
    """The knowledge base of the records that pass, leaving out files with problems.

    For helpers that only read (duplicate warnings while a contributor's new file
    is still half filled in); never for the build. Leaving a file out can break
    references to it, so repeat a few times.
    """
    skip: set[str] = set()
    for _ in range(rounds):
        result = check(project, skip=frozenset(skip))
        if result.knowledge_base is not None:
            return result.knowledge_base, result.problems
        record_files = {p.file for p in result.problems if not p.file.startswith("schema/")}
        if not record_files or record_files <= skip:
            return None, result.problems
        skip |= record_files
    return None, []

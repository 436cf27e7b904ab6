"""The `kennisbank` command line: `kennisbank check [bestanden]`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .catalogue import Project, check
from .kinds import KINDS
from .schemas import missing_format_checkers


def _find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "schema").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder
    return start


_ARGPARSE_MESSAGES = [
    (r"argument (\S+): invalid choice: ('[^']*') \(choose from (.*)\)", r"onbekende \1 \2 (kies uit \3)"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"the following arguments are required: (.*)", r"verplicht argument ontbreekt: \1"),
    (r"argument (\S+): expected one argument", r"optie \1 heeft een waarde nodig"),
]


class _DutchHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch headings and errors (users read Dutch)."""

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(formatter_class=_DutchHelp, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, dutch in _ARGPARSE_MESSAGES:
            message = re.sub(english, dutch, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}; zie '{self.prog} --help'\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kennisbank", description="Kennisbank Informele Zorg: records controleren en beheren.")
    parser.add_argument("--map", type=Path, default=None, help="hoofdmap van de kennisbank (standaard: gevonden vanaf de huidige map)")
    commands = parser.add_subparsers(dest="command", metavar="opdracht", title="opdrachten", parser_class=_Parser)
    check_parser = commands.add_parser("check", help="controleer alle records, of alleen de genoemde bestanden",
                                       description="Controleer records en meld elk probleem als bestand:regel:kolom.")
    check_parser.add_argument("bestanden", nargs="*", type=Path, help="alleen de problemen in deze recordbestanden melden")
    return parser


def _run_check(root: Path, files: list[Path]) -> int:
    missing = missing_format_checkers()
    if missing:
        print("kennisbank: controles voor " + ", ".join(missing) + " ontbreken; installeer de afhankelijkheden opnieuw met 'make install'", file=sys.stderr)
        return 2
    project = Project(root)
    only = {project.relative(Path.cwd() / file) for file in files} if files else None
    result = check(project, only)
    for problem in result.problems:
        print(problem)
    if result.problems:
        files_with = len({problem.file for problem in result.problems})
        noun = "probleem" if len(result.problems) == 1 else "problemen"
        print(f"{len(result.problems)} {noun} in {files_with} {'bestand' if files_with == 1 else 'bestanden'}.")
        return 1
    if result.knowledge_base is None:
        print(f"Geen problemen in {len(only or [])} gecontroleerde bestanden.")
        return 0
    counts = ", ".join(f"{len(result.knowledge_base.records[kind.name])} {kind.plural.lower()}" for kind in KINDS)
    print(f"Alles in orde: {result.files} records gecontroleerd ({counts}).")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = (args.map or _find_root(Path.cwd())).resolve()
    if args.command == "check":
        return _run_check(root, args.bestanden)
    _parser().print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""The `kennisbank` command line: `kennisbank check [bestanden]`, `kennisbank acties [--te-laat] ...`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from .catalogue import Project, check
from .formatting import date_nl
from .kinds import KINDS
from .model import KnowledgeBase, Record, fold
from .problemlinks import as_github, as_json, as_text, site_address
from .progress import LISTS, LISTS_BY_KEY, Progress
from .render import terminal
from .schemas import missing_format_checkers
from .tracking import Settings


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
    (r"argument (\S+): not allowed with argument (\S+)", r"optie \1 gaat niet samen met \2"),
    (r"argument (\S+): invalid int value: ('[^']*')", r"optie \1: \2 is geen heel getal"),
    (r"^argument (\S+): ", r"optie \1: "),
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
    check_parser.add_argument("--format", "--formaat", dest="formaat", choices=("tekst", "github", "json"), default="tekst",
                              help="tekst (standaard), github (meldingen bij de regels van een pull request) of json (voor programma's)")
    check_parser.add_argument("--zonder-cache", dest="cache", action="store_false",
                              help="controleer elk bestand opnieuw, ook bestanden die ongewijzigd al goed waren")
    actions = commands.add_parser("acties", help="de voortgang van de acties op een peildatum, om in notulen te plakken",
                                  description="Toon acties met hun stand op de peildatum: alle, een lijst, per eigenaar of de wijzigingen.")
    which = actions.add_mutually_exclusive_group()
    for spec in LISTS:
        which.add_argument(f"--{spec.key}", dest="lijst", action="store_const", const=spec.key, help=spec.explanation.lower())
    which.add_argument("--per-eigenaar", dest="lijst", action="store_const", const="per-eigenaar",
                       help="aantallen per organisatie: eigenaar van, waarvan te laat, partner in")
    which.add_argument("--wijzigingen", dest="lijst", action="store_const", const="wijzigingen",
                       help="wat afgerond is, verschoof of een nieuwe stand kreeg na de vorige peildatum")
    actions.add_argument("--eigenaar", metavar="ORGANISATIE", help="alleen acties van deze eigenaar: id, afkorting of naam (bijvoorbeeld VNG)")
    actions.add_argument("--programma", metavar="PROGRAMMA", help="alleen acties uit dit programma (id, bijvoorbeeld mantelzorgagenda-2023-2026)")
    actions.add_argument("--peildatum", type=_date, metavar="JJJJ-MM-DD", help="de datum waarop de stand geldt (standaard vandaag of KENNISBANK_PEILDATUM)")
    actions.add_argument("--sinds", type=_date, metavar="JJJJ-MM-DD", help="de vorige peildatum voor --wijzigingen (standaard 90 dagen voor de peildatum)")
    actions.add_argument("--venster", type=int, metavar="DAGEN", help="aantal dagen voor 'binnenkort' (standaard 90)")
    actions.add_argument("--formaat", "--format", dest="formaat", choices=terminal.FORMATS, default="tekst", help="tekst (standaard) of markdown (een tabel)")
    new = commands.add_parser("nieuw", help="maak een nieuw recordbestand met uitleg bij elk veld",
                              description="Schrijf een YAML-sjabloon met uitleg bij elk veld. Vraagt de gegevens als u het in een "
                                          "terminal draait; anders met de opties. Overschrijft nooit een bestaand bestand.")
    new.add_argument("soort", choices=[kind.name for kind in KINDS], help="soort record")
    new.add_argument("--naam", help="naam of titel van het record")
    new.add_argument("--id", help="id en bestandsnaam (standaard gemaakt uit de naam)")
    new.add_argument("--gemeente", action="append", default=[], help="gemeente (herhaal voor meer gemeenten; alleen initiatief)")
    new.add_argument("--thema", action="append", default=[], help="thema-id uit de vaste lijst (herhaal voor meer; alleen initiatief)")
    new.add_argument("--samenvatting", help="samenvatting in twee of drie zinnen (alleen initiatief)")
    new.add_argument("--niet-vragen", action="store_true", help="niets vragen, ook niet in een terminal")
    search = commands.add_parser("zoek", help="zoek in alle records", description="Zoek in alle records met Nederlandse woordvormen.")
    search.add_argument("woorden", nargs="+", help="zoekwoorden")
    search.add_argument("--aantal", type=int, default=10, help="hoeveel resultaten (standaard 10)")
    intake = commands.add_parser("aanmelding", help="zet een ingevuld aanmeldformulier (issue) om in een initiatiefbestand",
                                 description="Lees de tekst van een issue 'Nieuw initiatief aanmelden' en schrijf het record.")
    intake.add_argument("bestand", help="bestand met de tekst van het issue, of - voor standaardinvoer")
    intake.add_argument("--datum", type=_date, metavar="JJJJ-MM-DD", help="datum van de aanmelding (standaard vandaag)")
    commands.add_parser("formulier", help="druk het aanmeldformulier voor GitHub af, gemaakt uit het schema",
                        description="Schrijf .github/ISSUE_TEMPLATE/nieuw-initiatief.yml opnieuw met: kennisbank formulier > dat bestand")
    commands.add_parser("links", help="controleer of de webadressen in de records nog werken (gebruikt het netwerk)",
                        description="Vraag elk http(s)-adres uit de records op en meld de adressen die niet antwoorden, per recordbestand.")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2024-01-01") from None


def _run_check(root: Path, files: list[Path], fmt: str = "tekst", use_cache: bool = True) -> int:
    missing = missing_format_checkers()
    if missing:
        print("kennisbank: controles voor " + ", ".join(missing) + " ontbreken; installeer de afhankelijkheden opnieuw met 'make install'", file=sys.stderr)
        return 2
    project = Project(root)
    only = {project.relative(Path.cwd() / file) for file in files} if files else None
    result = check(project, only, use_cache=use_cache)
    site = site_address(root)
    if fmt == "json":
        print(as_json(result.problems, site))
        return 1 if result.problems else 0
    for problem in result.problems:
        print(as_github(problem, site) if fmt == "github" else as_text(problem, site))
    if result.problems:
        files_with = len({problem.file for problem in result.problems})
        noun = "probleem" if len(result.problems) == 1 else "problemen"
        print(f"{len(result.problems)} {noun} in {files_with} {'bestand' if files_with == 1 else 'bestanden'}.")
        return 1
    if only is not None:
        count = len(only)
        print(f"Geen problemen in {count} gecontroleerd{' bestand' if count == 1 else 'e bestanden'}.")
        return 0
    counts = ", ".join(f"{result.counts[kind.name]} {kind.plural.lower()}" for kind in KINDS)
    print(f"Alles in orde: {result.files} records gecontroleerd ({counts}).")
    return 0


def _valid_knowledge_base(root: Path) -> KnowledgeBase | None:
    """The model for commands that need valid records; else None, after printing every problem."""
    result = check(Project(root))
    if result.knowledge_base is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print("kennisbank: los eerst de problemen in de records op (zie 'kennisbank check')", file=sys.stderr)
    return result.knowledge_base


def _run_links(root: Path) -> int:
    from .linkcheck import addresses, broken  # only this command uses the network

    kb = _valid_knowledge_base(root)
    if kb is None:
        return 1
    found = broken(kb)
    for file, address, problem in found:
        print(f"{file}: {address} {problem}; controleer het adres in de bron en pas het aan of verwijder het")
    total = len(addresses(kb))
    print(f"{total} webadressen gecontroleerd, {len({address for _, address, _ in found})} werken niet.")
    return 1 if found else 0


def _find_owner(kb: KnowledgeBase, text: str) -> Record | None:
    wanted = fold(text.strip())
    for organisation in kb.all("organisatie"):
        if wanted in (organisation.id, fold(organisation.title), fold(organisation.get("afkorting", ""))):
            return organisation
    return None


def _run_actions(root: Path, args: argparse.Namespace) -> int:
    kb = _valid_knowledge_base(root)
    if kb is None:
        return 1
    try:
        settings = Settings.from_environment(os.environ)
        settings = Settings.of(args.peildatum or settings.peildatum, args.sinds,
                               settings.window if args.venster is None else args.venster)
    except ValueError as error:
        print(f"kennisbank: {error}", file=sys.stderr)
        return 2
    owner = None
    if args.eigenaar:
        owner = _find_owner(kb, args.eigenaar)
        if owner is None:
            print(f"kennisbank: geen organisatie '{args.eigenaar}'; gebruik een id, afkorting of naam uit organisations/, "
                  "bijvoorbeeld VNG of ministerie-vws", file=sys.stderr)
            return 2
    if args.programma and args.programma not in kb.schemas.vocabularies["programma"].terms:
        choices = ", ".join(kb.schemas.vocabularies["programma"].terms)
        print(f"kennisbank: onbekend programma '{args.programma}'; kies uit {choices}", file=sys.stderr)
        return 2
    progress = Progress(kb, settings)
    when = date_nl(settings.peildatum)
    scope = (f", eigenaar {owner.title}" if owner else "") + (f", programma {kb.label('programma', args.programma)}" if args.programma else "")
    if args.lijst == "per-eigenaar":
        work = [w for w in progress.owners() if owner is None or (w.organisation and w.organisation.id == owner.id)]
        lines = [f"Acties per eigenaar op {when}:"] + terminal.owners(work, args.formaat)
    elif args.lijst == "wijzigingen":
        found = [c for c in progress.changes() if (owner is None or c.tracked.owner == owner)
                 and (args.programma is None or c.tracked.action.data["programma"] == args.programma)]
        lines = [f"Wijzigingen na {date_nl(settings.since)} tot en met {when}{scope}: {len(found)}"]
        lines += terminal.changes(found, args.formaat)
    else:
        spec = LISTS_BY_KEY[args.lijst] if args.lijst else None
        items = progress.select(spec, owner, args.programma)
        title = spec.title if spec else "Alle acties"
        lines = [f"{title} op {when}{scope}: {len(items)} {'actie' if len(items) == 1 else 'acties'}"]
        lines += terminal.actions(kb, items, args.formaat)
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `kennisbank check | head`: the reader has gone, which is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the final flush cannot fail again
        return 1


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    root = (args.map or _find_root(Path.cwd())).resolve()
    if args.command == "check":
        return _run_check(root, args.bestanden, args.formaat, args.cache)
    if args.command == "acties":
        return _run_actions(root, args)
    if args.command == "links":
        return _run_links(root)
    if args.command in ("nieuw", "zoek", "aanmelding", "formulier"):
        from . import contribute  # only these commands need the search index

        return contribute.run(root, args)
    _parser().print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""Nothing in the source inventories is silently dropped: coverage.yaml maps every item to a record or a reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kennisbank.catalogue import Project, load

ROOT = Path(__file__).resolve().parent.parent
INVENTORY = ROOT.parent / "shared" / "inventory"
COVERAGE = yaml.safe_load((ROOT / "coverage.yaml").read_text(encoding="utf-8"))


def _inventory_items() -> set[str]:
    """Item ids as the inventories print them, prefixed with the inventory key."""
    items: set[str] = set()
    first = (INVENTORY / "seed-inventory-000-001-003.md").read_text(encoding="utf-8")
    items |= {f"000-001-003 {m}" for m in re.findall(r"(?m)^\*\*((?:I|A)-\d{2})\.", first)}
    second = (INVENTORY / "seed-inventory-002-004.md").read_text(encoding="utf-8")
    items |= {f"002-004 {m}" for m in re.findall(r"(?m)^#### (INI-\d{2})\b", second)}
    items |= {f"002-004 {m}" for m in re.findall(r"(?m)^\| ((?:INI|A-002|A-004|M)-\d{2}) \|", second)}
    return items


def _section(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin:text.index(end, begin)]


def _first_column(text: str, header: str) -> set[str]:
    return {row.split("|")[1].strip() for row in text.splitlines() if row.startswith("| ") and not row.startswith(f"| {header}")}


def _inventory_terms() -> set[str]:
    """Terms and abbreviations, keyed as "<inventory> begrip: <name>" / "afkorting: <abbr>"."""
    first = (INVENTORY / "seed-inventory-000-001-003.md").read_text(encoding="utf-8")
    second = (INVENTORY / "seed-inventory-002-004.md").read_text(encoding="utf-8")
    names = {f"000-001-003 begrip: {n}" for n in _first_column(_section(first, "## 3. Terms", "### 3F."), "Term")}
    names |= {f"000-001-003 afkorting: {n}" for n in _first_column(_section(first, "### 3G.", "## 4."), "Abbr")}
    names |= {f"002-004 begrip: {n}" for n in re.findall(r"(?m)^\s*(?:- |\d\. )\*\*([^*]+)\*\*", _section(second, "### 3A.", "### 3C."))}
    names |= {f"002-004 afkorting: {n}" for n in _first_column(_section(second, "### 3C.", "## 4."), "Abbr")}
    return names


def _is_covered(name: str, covered: set[str]) -> bool:
    """A combined row ("mbo / hbo / wo", "BZK, OCW (not used)") may be covered part by part."""
    if name in covered:
        return True
    prefix, _, rest = name.partition(": ")
    parts = re.split(r" / |, |/", re.sub(r" \(not used\)$", "", rest))
    return all(f"{prefix}: {part}" in covered for part in parts)


def test_every_entry_has_a_record_or_a_reason():
    assert isinstance(COVERAGE, list) and COVERAGE
    for entry in COVERAGE:
        assert set(entry) <= {"inventaris", "naam", "record", "reden"}, entry
        assert entry.get("inventaris") and entry.get("naam"), entry
        if "record" not in entry:
            assert str(entry.get("reden", "")).strip(), f"{entry['inventaris']}: geen record en geen reden"


def test_every_named_record_exists():
    missing = [entry["record"] for entry in COVERAGE if "record" in entry and not (ROOT / entry["record"]).is_file()]
    assert missing == []


def test_entries_are_unique():
    keys = [entry["inventaris"] for entry in COVERAGE]
    assert len(keys) == len(set(keys)), sorted({key for key in keys if keys.count(key) > 1})


@pytest.mark.skipif(not INVENTORY.is_dir(), reason="../shared/inventory is not next to this checkout")
def test_every_inventory_item_is_covered():
    covered = {entry["inventaris"] for entry in COVERAGE}
    items = _inventory_items()
    assert len(items) > 150  # the parser still finds the inventories' items
    assert sorted(items - covered) == []


@pytest.mark.skipif(not INVENTORY.is_dir(), reason="../shared/inventory is not next to this checkout")
def test_every_inventory_term_and_abbreviation_is_covered():
    covered = {entry["inventaris"] for entry in COVERAGE}
    names = _inventory_terms()
    assert len(names) > 200
    assert sorted(name for name in names if not _is_covered(name, covered)) == []


def test_every_action_names_an_owner_and_a_deadline_or_says_the_source_gives_none():
    kb = load(Project(ROOT))
    for action in kb.all("actie"):
        assert action.data["eigenaar"], action.id  # an organisation id or "niet-genoemd"
        assert ("termijn" in action.data) != ("zonder_termijn" in action.data), action.id

"""Synthetic but realistic knowledge bases for the benchmark: copies of the real records.

N initiatives, N/5 actions and N/10 terms (at least the real records) are made by copying the real
records with numbered ids and names, so texts, field use and references
have the real shape (Dutch text of real length, all fields). Organisations and
sources are the real ones. Copies refer to the original records, so every
reference resolves and broader terms stay free of cycles.
"""

from __future__ import annotations

import shutil
from pathlib import Path
import yaml

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["schema", "docs", "overrides", "hooks", "mkdocs.yml"]
RATIOS = {"initiatives": 1, "actions": 5, "terms": 10}  # one action per 5 initiatives, one term per 10


def _load(folder: str) -> list[dict]:
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in sorted((ROOT / folder).glob("*.yaml"))]


def _title_field(folder: str) -> str:
    return {"initiatives": "naam", "actions": "titel", "terms": "voorkeursterm"}[folder]


def generate(target: Path, initiatives: int) -> dict[str, int]:
    """Write a project with `initiatives` initiatives (and proportional actions and terms) into `target`."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    for folder in ("organisations", "sources"):
        shutil.copytree(ROOT / folder, target / folder)
    wanted = {folder: max(len(_load(folder)), initiatives // ratio) for folder, ratio in RATIOS.items()}
    originals = {folder: _load(folder) for folder in RATIOS}
    # every original once (so references resolve), then numbered copies round-robin up to the wanted count
    plan = {folder: [(i // len(records), records[i % len(records)]) for i in range(wanted[folder])]
            for folder, records in originals.items()}
    counts = {}
    for folder, items in plan.items():
        out = target / folder
        out.mkdir()
        for copy, record in items:
            data = dict(record)
            if copy:
                data["id"] = f"{record['id']}-k{copy}"
                data[_title_field(folder)] = f"{record[_title_field(folder)]} ({copy})"
            text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)
            (out / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
        counts[folder] = len(items)
    return counts

"""The hostile corpus (tests/vijandig/): every broken or malicious record file gets a clear Dutch answer.

For each file: `kennisbank check` exits 1 with the expected `file:line:col: what; fix`
message (tests/vijandig/verwacht.yaml), nothing on stderr (no traceback), in under
2 s of CPU time (alias bombs and deep nesting must not make it work hard); and the
strict build of all of them together fails naming every one. That the valid
variants of the payloads never reach the HTML as code is tests/test_sanitizer.py.
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import copy_project

CORPUS = Path(__file__).resolve().parent / "vijandig"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "verwacht.yaml").read_text(encoding="utf-8"))
MESSAGE = re.compile(r"^[^\n:]+\.ya?ml:\d+:\d+: .+; .+$")  # file:line:col: what is wrong; how to fix


def _corpus_files() -> list[str]:
    return sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file() and p.name != "verwacht.yaml")


def test_the_corpus_is_large_and_every_file_has_its_expected_answer():
    assert len(_corpus_files()) >= 60
    assert sorted(EXPECTED) == _corpus_files()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory):
    return copy_project(tmp_path_factory.mktemp("vijandig"))


def _place(root: Path, names: list[str]) -> list[Path]:
    placed = []
    for name in names:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, target)
        placed.append(target)
    return placed


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_answers_in_dutch_with_the_position(clean, name):
    entry = EXPECTED[name]
    placed = _place(clean.root, [name, *entry.get("samen_met", [])])
    try:
        before = _cpu_of_children()
        result = subprocess.run([sys.executable, "-m", "kennisbank", "check"], cwd=clean.root,
                                capture_output=True, text=True, timeout=60)
        cpu = _cpu_of_children() - before
    finally:
        for path in placed:
            path.unlink()
            if path.parent.name == "submap":
                path.parent.rmdir()
    assert result.returncode == 1, result.stdout
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert any(line.startswith(entry["melding"] + ";") or line.startswith(entry["melding"] + " ") for line in lines), result.stdout
    assert all(MESSAGE.match(line) for line in lines[:-1]), result.stdout
    assert re.fullmatch(r"\d+ (probleem|problemen) in \d+ (bestand|bestanden)\.", lines[-1])
    assert cpu < 2.0, f"{cpu:.1f} s CPU"


def test_strict_build_fails_naming_every_hostile_file(tmp_path):
    project = copy_project(tmp_path)
    _place(project.root, list(EXPECTED))
    result = project.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    missing = [name for name, entry in EXPECTED.items() if entry["melding"] not in result.stderr]
    assert missing == [], result.stderr[-3000:]

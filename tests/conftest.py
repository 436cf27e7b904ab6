"""Shared fixtures: a throw-away copy of the project to break and build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
_REPO_VARIABLES = {"KENNISBANK_REPO_URL", "KENNISBANK_SITE_URL", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY"}
# The session build's peildatum and previous peildatum: lists and changes are then fixed.
MEETING = {"KENNISBANK_PEILDATUM": "2024-01-01", "KENNISBANK_VORIGE_PEILDATUM": "2023-06-01"}
PROJECT_PARTS = ["schema", "initiatives", "actions", "terms", "organisations", "sources", "docs", "overrides", "hooks", "mkdocs.yml"]


@pytest.fixture(scope="session", autouse=True)
def _separate_check_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests' check cache (kennisbank/checkcache.py) stays apart from a contributor's own."""
    os.environ["KENNISBANK_CACHE"] = str(tmp_path_factory.mktemp("controlecache"))


@dataclass
class ProjectCopy:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        """Write a record file; `text` is dedented so tests can indent YAML."""
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def write_bytes(self, relative: str, data: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def check(self, *files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kennisbank", "check", *files], cwd=self.root,
                              capture_output=True, text=True, timeout=60)

    def build(self, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {key: value for key, value in os.environ.items() if key not in _REPO_VARIABLES}
        environment.update(NO_MKDOCS_2_WARNING="1", **env)
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(self.site)],
                              cwd=self.root, capture_output=True, text=True, timeout=300, env=environment)

    @property
    def site(self) -> Path:
        return self.root / "site"


def copy_project(destination: Path) -> ProjectCopy:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return ProjectCopy(destination)


@pytest.fixture
def project(tmp_path: Path) -> ProjectCopy:
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real records, built once per test session with --strict, for a fixed meeting date."""
    copy = copy_project(tmp_path_factory.mktemp("site-build"))
    result = copy.build(KENNISBANK_REPO_URL="https://git.example.invalid/kennisbank", **MEETING)
    assert result.returncode == 0, result.stdout + result.stderr
    return copy.site


# --- Browser tests: the built site over http://127.0.0.1 for the system Chromium ---

def _missing_tools() -> list[str]:
    missing = []
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`")
    if shutil.which("node") is None:
        missing.append("node not found: install it with `apt-get install nodejs npm`")
    for package in ("axe-core", "playwright-core"):
        if not (ROOT / "node_modules" / package / "package.json").is_file():
            missing.append(f"node_modules/{package} missing: run `npm ci` in {ROOT} "
                           "(PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci; `make test` does this)")
    return missing


@pytest.fixture(scope="session")
def browser_tools() -> None:
    missing = _missing_tools()
    if missing:
        message = "browser tests need: " + "; ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def site_url(browser_tools: None, built_site: Path):
    """The built site over http://127.0.0.1 on a free port (search does not work from file://)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)

"""Where the repository is hosted, for "edit this page" links.

We never guess a URL: it comes from KENNISBANK_REPO_URL, from the CI
environment, or from an https remote in the local git configuration.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Mapping
from pathlib import Path


def repository_url(root: Path, environ: Mapping[str, str]) -> str | None:
    if environ.get("KENNISBANK_REPO_URL"):
        return environ["KENNISBANK_REPO_URL"]
    if environ.get("GITHUB_SERVER_URL") and environ.get("GITHUB_REPOSITORY"):
        return f"{environ['GITHUB_SERVER_URL']}/{environ['GITHUB_REPOSITORY']}"
    return _origin_url(root / ".git" / "config")


def _origin_url(git_config: Path) -> str | None:
    if not git_config.is_file():
        return None
    parser = configparser.ConfigParser(strict=False)
    try:
        parser.read(git_config, encoding="utf-8")
    except configparser.Error:
        return None
    url = parser.get('remote "origin"', "url", fallback="")
    ssh = re.match(r"^git@([^:]+):(.+?)(\.git)?$", url)
    if ssh:
        return f"https://{ssh.group(1)}/{ssh.group(2)}"
    if url.startswith("https://"):
        return re.sub(r"\.git$", "", url)
    return None


def repository_settings(root: Path, environ: Mapping[str, str], repo_url: str | None,
                        repo_name: str | None) -> tuple[str | None, str | None]:
    """mkdocs.yml's repo_url and repo_name, filled in from the environment or git when not set."""
    repo_url = repo_url or repository_url(root, environ)
    if repo_url and not repo_name:
        repo_name = "/".join(repo_url.rstrip("/").split("/")[-2:])
    return repo_url, repo_name

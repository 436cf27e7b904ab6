"""Where the field reference explains the field a problem is about, and problems in tool formats."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from .kinds import BY_FOLDER
from .problems import Problem

LOCAL_PREVIEW = "http://127.0.0.1:8000/"  # where `make serve` shows the site


def site_address(root: Path, environ: Mapping[str, str] = os.environ) -> str:
    """KENNISBANK_SITE_URL, else mkdocs.yml's site_url, else the local preview of `make serve`."""
    configured = environ.get("KENNISBANK_SITE_URL", "").strip()
    if not configured:
        try:
            config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
        except (OSError, yaml.YAMLError):
            config = None
        if isinstance(config, dict):
            configured = str(config.get("site_url") or "")
    return (configured or LOCAL_PREVIEW).rstrip("/") + "/"


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may carry `!!python/name:` tags; for site_url they do not matter."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def field_reference_path(kind_name: str, field: str = "") -> str:
    anchor = re.sub(r"\.\d+", "", field).replace(".", "-").replace("_", "-")
    return f"bijdragen/velden/{kind_name}/" + (f"#veld-{anchor}" if anchor else "")


def help_url(problem: Problem, site: str) -> str | None:
    """The field reference of a field-level problem in a record file."""
    kind = BY_FOLDER.get(problem.file.split("/", 1)[0])
    if kind is None or not problem.field or problem.field == "record":
        return None
    return site + field_reference_path(kind.name, problem.field)


def as_text(problem: Problem, site: str) -> str:
    url = help_url(problem, site)
    return f"{problem} (uitleg: {url})" if url else str(problem)


def as_github(problem: Problem, site: str) -> str:
    """A GitHub Actions workflow command: the problem shows as an annotation on the pull request's file."""
    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    def escape_property(text: str) -> str:
        return escape(text).replace(":", "%3A").replace(",", "%2C")
    url = help_url(problem, site)
    message = f"{problem.message}; {problem.fix}" + (f" (uitleg: {url})" if url else "")
    return (f"::error file={escape_property(problem.file)},line={problem.line},col={problem.column},"
            f"title={escape_property('Kennisbank-controle')}::{escape(message)}")


def as_json(problems: list[Problem], site: str) -> str:
    return json.dumps([{"bestand": p.file, "regel": p.line, "kolom": p.column, "melding": p.message, "oplossing": p.fix,
                        "veld": p.field, "uitleg": help_url(p, site)} for p in problems], ensure_ascii=False, indent=2)

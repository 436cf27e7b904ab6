"""MkDocs hooks: a thin adapter from MkDocs events to the kennisbank package.

All loading, validation and rendering lives in `kennisbank`; this file only
passes the results to MkDocs, so the build, the CLI and the tests share one
code path.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from kennisbank.catalogue import Project, check
from kennisbank.render.site import PageGlossary, build_pages
from kennisbank.repository import repository_url
from kennisbank.tracking import reference_date

log = logging.getLogger("mkdocs.plugins.kennisbank")
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Re-read the records on every (re)build: `mkdocs serve` keeps this module loaded.
    _state.clear()
    project = Project(Path(config.config_file_path).parent)
    result = check(project)
    if result.problems:
        for problem in result.problems:
            log.error(str(problem))
        raise PluginError(f"{len(result.problems)} problemen in de records; los ze op en bouw opnieuw "
                          "(zie ook: kennisbank check)")
    _state["kb"] = result.knowledge_base
    _state["glossary"] = PageGlossary(result.knowledge_base, config.use_directory_urls)
    if not config.repo_url:
        config.repo_url = repository_url(project.root, os.environ)
        if config.repo_url and not config.repo_name:
            config.repo_name = "/".join(config.repo_url.rstrip("/").split("/")[-2:])
    if not config.repo_url:
        config.edit_uri = None  # no known host: pages name their record file instead
    return config


def _peildatum():
    try:
        return reference_date(os.environ)
    except ValueError as error:
        raise PluginError(str(error)) from error


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent.resolve()
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    for file in files.documentation_pages():
        file.edit_uri = f"{docs}/{file.src_uri}"
    for page in build_pages(_state["kb"], _peildatum(), config.use_directory_urls):
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{page.src_uri} bestaat al en botst met een gegenereerde pagina; verwijder of hernoem het bestand")
        generated = File.generated(config, page.src_uri, content=page.content)
        if page.edit_path:
            generated.edit_uri = page.edit_path
        files.append(generated)
    return files


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    return _state["glossary"].annotate(html, page.file.src_uri)

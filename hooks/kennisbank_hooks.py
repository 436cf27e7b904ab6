"""MkDocs hooks: a thin adapter. Loading, validation and rendering live in `kennisbank`,
so the build, the CLI and the tests share one code path; this file passes results to MkDocs."""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from kennisbank.catalogue import Project, check
from kennisbank.export import build_exports
from kennisbank.pagefiles import PageSource
from kennisbank.problemlinks import as_text, site_address
from kennisbank.render.site import PageGlossary, build_pages
from kennisbank.render.validhtml import valid_html
from kennisbank.repository import repository_settings
from kennisbank.tracking import Settings

log = logging.getLogger("mkdocs.plugins.kennisbank")
_state: dict = {}  # one build
_session: dict = {"source": PageSource()}  # the whole `mkdocs build` or `mkdocs serve` run


def on_startup(command: str, dirty: bool) -> None:
    _session["source"] = PageSource(on_disk=command == "serve" and dirty)  # see kennisbank/pagefiles.py


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()  # `mkdocs serve` builds again: let the previous build's objects be collected


def on_shutdown() -> None:
    _session["source"].close()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Re-read the records on every (re)build: `mkdocs serve` keeps this module loaded.
    _state.clear()
    project = Project(Path(config.config_file_path).parent)
    result = check(project)
    if result.problems:
        site = site_address(project.root)
        for problem in result.problems:
            log.error(as_text(problem, site))
        raise PluginError(f"{len(result.problems)} problemen in de records; los ze op en bouw opnieuw "
                          "(zie ook: kennisbank check)")
    try:
        _state["settings"] = Settings.from_environment(os.environ)
    except ValueError as error:
        raise PluginError(str(error)) from error
    if os.environ.get("SOURCE_DATE_EPOCH", _session.get("epoch")) == _session.get("epoch"):  # unset, or set by us
        os.environ["SOURCE_DATE_EPOCH"] = _session["epoch"] = str(_state["settings"].epoch)  # a serve past midnight
    _state["kb"] = result.knowledge_base
    _state["glossary"] = PageGlossary(result.knowledge_base, config.use_directory_urls)
    config.repo_url, config.repo_name = repository_settings(project.root, os.environ, config.repo_url, config.repo_name)
    if not config.repo_url:
        config.edit_uri = None  # no known host: pages name their record file instead
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent.resolve()
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    for file in files.documentation_pages():
        file.edit_uri = f"{docs}/{file.src_uri}"
    kb, settings = _state["kb"], _state["settings"]
    for page in build_pages(kb, settings, config.use_directory_urls):
        generated = _add(files, config, page.src_uri, page.content)
        if page.edit_path:
            generated.edit_uri = page.edit_path
    for export in build_exports(kb, settings, config.site_url, config.use_directory_urls):
        _add(files, config, export.path, export.content)
    gc.freeze()  # records and pages live until the build ends: spare them the collector's rescans (on_post_build)
    return files


def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes) -> File:
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(f"docs/{src_uri} bestaat al en botst met een gegenereerd bestand; verwijder of hernoem het bestand")
    generated = File.generated(config, src_uri, **_session["source"](src_uri, content))
    files.append(generated)
    return generated


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    return _state["glossary"].annotate(html, page.file.src_uri, page.meta)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return valid_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return valid_html(output_content)  # 404.html

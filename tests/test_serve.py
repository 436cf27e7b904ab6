"""`make serve` (mkdocs serve --dirty): after an edit only the pages that changed are rebuilt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import MEETING

# Two dirty builds in one process, as `mkdocs serve --dirty` does on every change.
_SERVE = textwrap.dedent("""
    import json, logging, os, sys, time
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site = Path(sys.argv[1])
    config = load_config("mkdocs.yml", site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    pages = {p: p.stat().st_mtime_ns for p in site.rglob("index.html")}
    record = Path("initiatives/anna-zorgt.yaml")
    record.write_text(record.read_text(encoding="utf-8").replace("samenvatting: >-", "samenvatting: >-\\n  Bewerkt tijdens serve.", 1), encoding="utf-8")
    time.sleep(0.01)
    build(load_config("mkdocs.yml", site_dir=str(site)), dirty=True)
    config.plugins.on_shutdown()
    rebuilt = sorted(str(p.relative_to(site)) for p, mtime in pages.items() if p.stat().st_mtime_ns != mtime)
    print(json.dumps({"rebuilt": rebuilt, "pages": len(pages)}))
""")


def test_an_edit_rebuilds_the_record_page_and_the_pages_that_show_it(project, tmp_path):
    site = tmp_path / "preview"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **MEETING}
    result = subprocess.run([sys.executable, "-c", _SERVE, str(site)], cwd=project.root, capture_output=True, text=True,
                            timeout=600, env=environment)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    rebuilt = set(outcome["rebuilt"])
    assert "initiatieven/anna-zorgt/index.html" in rebuilt
    assert "Bewerkt tijdens serve." in (site / "initiatieven/anna-zorgt/index.html").read_text(encoding="utf-8")
    assert "initiatieven/index.html" in rebuilt  # the catalogue card shows the summary
    assert "begrippen/respijtzorg/index.html" not in rebuilt and "acties/index.html" not in rebuilt
    assert len(rebuilt) < outcome["pages"] // 10, rebuilt
    # the preview's search still knows every initiative, the edited one once
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    pages = [doc["location"].split("#")[0] for doc in index["docs"]]
    initiatives = len(list((project.root / "initiatives").glob("*.yaml")))
    assert len({page for page in pages if page.startswith("initiatieven/") and page.count("/") == 2}) == initiatives
    assert pages.count("initiatieven/anna-zorgt/") == 1

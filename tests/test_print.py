"""Record pages print cleanly: no navigation, content only, external links with their address."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("url", ["initiatieven/connect-generations/", "acties/uitvoeringsagenda-mantelzorg/", "begrippen/respijtzorg/"])
def test_page_prints_without_navigation(site_url, tmp_path, url):
    pdf = tmp_path / "pagina.pdf"
    result = subprocess.run(["node", str(ROOT / "tests/js/print.mjs"), site_url + url, str(pdf)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["content"] and not out["navigation"]
    assert out["externalLinksPrintAddress"]
    if "connect-generations" in url:  # the one page of the three with an external link (its website)
        assert out["externalLinks"] >= 1
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000

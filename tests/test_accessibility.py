"""WCAG 2.1 AA: axe-core on the built site in the system Chromium, search by keyboard, the badge palette.

The browser part needs Debian's `chromium` and the npm packages in node_modules
(axe-core, playwright-core; `npm ci`). Without them the browser tests are
skipped locally and fail in CI (CI=true).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
AXE_SCRIPT = ROOT / "tests" / "js" / "axe.mjs"
STYLESHEET = ROOT / "docs" / "stylesheets" / "kennisbank.css"
QUERY = "respijtzorg"

PAGES = [
    "",  # home
    "initiatieven/", "acties/", "begrippen/", "organisaties/", "bronnen/",
    "initiatieven/anna-zorgt/",
    "acties/uitvoeringsagenda-mantelzorg/",
    "begrippen/respijtzorg/",
    "organisaties/vng/",
    "bronnen/kamerbrief-aanpak-sociale-basis-2023/",
    "over/",
    # the catalogue filtered by the script from the URL, and a plain facet page
    "initiatieven/?thema=respijtzorg&provincie=noord-holland",
    "initiatieven/thema/respijtzorg/",
    "organisaties/?soort=ministerie&rol=eigenaar",
    # governance: dashboard with chart, a list, per owner, changes and the meeting report
    "voortgang/", "voortgang/te-laat/", "voortgang/per-eigenaar/", "voortgang/wijzigingen/", "voortgang/vergaderstuk/",
]
SEARCH = "zoeken (resultaten open)"


@pytest.fixture(scope="session")
def axe_results(site_url: str) -> dict[str, dict]:
    """One browser run for all pages and both search scenarios, keyed by page (or SEARCH / "keyboard")."""
    command = ["node", str(AXE_SCRIPT), "--base", site_url, "--search", QUERY, "--keyboard", QUERY, *PAGES]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "CHROMIUM": CHROMIUM})
    assert result.returncode == 0, f"axe.mjs failed ({result.returncode}):\n{result.stderr}{result.stdout}"
    results: dict[str, dict] = {}
    for line in result.stdout.splitlines():
        report = json.loads(line)
        if report["scenario"] == "page":
            results[report["url"].removeprefix(site_url)] = report
        elif report["scenario"] == "search":
            results[SEARCH] = report
        else:
            results[report["scenario"]] = report
    return results


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}; "
                     f"{violation['nodes']} element(en): {', '.join(violation['targets'])}")
        if violation.get("summary"):
            lines.append(f"    {violation['summary']}")
    return "\n".join(lines)


@pytest.mark.parametrize("page", [*PAGES, SEARCH], ids=lambda page: page or "home")
def test_no_wcag_violations(axe_results: dict[str, dict], page: str) -> None:
    report = axe_results[page]
    assert "error" not in report, f"{page or 'home'}: {report['error']}"
    if page == SEARCH:
        assert report["results"] > 0, f"no search results for {QUERY!r}"
    assert report["violations"] == [], (
        f"{report['url']}: {len(report['violations'])} WCAG 2.1 AA-overtreding(en):\n{_describe(report['violations'])}")
    assert report["external_requests"] == [], f"{report['url']} loads from other hosts: {report['external_requests']}"


def test_search_result_opens_with_keyboard_only(axe_results: dict[str, dict], site_url: str) -> None:
    report = axe_results["keyboard"]
    assert "error" not in report, f"{report['error']} (focus: {report.get('focused')}, url: {report.get('url')})"
    assert report["focused"] and report["focused"].startswith("a.md-search-result__link"), report
    # the page reached is the result that had focus, on this site, and a record page
    assert report["url"] == report["result"], report
    assert report["url"].startswith(site_url) and report["url"] != site_url, report
    assert re.search(r"/(initiatieven|acties|begrippen|organisaties|bronnen)/[a-z0-9-]+/", report["url"]), report
    assert QUERY in report["title"].lower() or QUERY in report["url"], report
    assert report["violations"] == [], f"{report['url']}:\n{_describe(report['violations'])}"


# --- The palette, checked without a browser (WCAG 1.4.3: text >= 4.5:1) ---------------------

WHITE = "#ffffff"
MINIMUM = 4.5


def _rgb(colour: str) -> tuple[float, float, float, float]:
    value = colour.lstrip("#")
    if len(value) in (3, 4):
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) for i in range(0, len(value), 2)]
    alpha = channels[3] / 255 if len(channels) == 4 else 1.0
    return channels[0], channels[1], channels[2], alpha


def _over(colour: str, background: str) -> str:
    """`colour` (maybe with alpha) composited on an opaque `background`."""
    red, green, blue, alpha = _rgb(colour)
    base = _rgb(background)
    mixed = [round(alpha * front + (1 - alpha) * back) for front, back in zip((red, green, blue), base[:3])]
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        def linear(channel: float) -> float:
            channel /= 255
            return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
        red, green, blue, _ = _rgb(colour)
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _rules(css: str) -> list[tuple[str, str]]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [(selector.strip(), body) for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def _declared(name: str) -> str:
    for _selector, body in _rules(STYLESHEET.read_text(encoding="utf-8")):
        match = re.search(rf"(?:^|;)\s*{re.escape(name)}\s*:\s*(#[0-9a-fA-F]{{3,8}})\s*(?:;|$)", body)
        if match:
            return match.group(1)
    raise AssertionError(f"{name} not set in {STYLESHEET.name}")


def test_contrast_formula() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert _over("#00000012", WHITE) == "#ededed"


def test_badge_colours_have_enough_contrast_on_white() -> None:
    checked = {}
    for selector, body in _rules(STYLESHEET.read_text(encoding="utf-8")):
        if not re.search(r"\.kb-(status|stand)--", selector):
            continue
        match = re.search(r"(?:^|;)\s*color\s*:\s*(#[0-9a-fA-F]{3,8})", body)
        if match:
            checked[selector] = (match.group(1), round(contrast(match.group(1), WHITE), 2))
    assert len(checked) >= 8, f"expected the status and stand colours in {STYLESHEET.name}, found {checked}"
    too_low = {selector: ratio for selector, ratio in checked.items() if ratio[1] < MINIMUM}
    assert too_low == {}, f"badge text below {MINIMUM}:1 on white: {too_low}"


def test_theme_palette_overrides_have_enough_contrast() -> None:
    """The colours kennisbank.css puts over Material's defaults, on the backgrounds they are used on."""
    body_text = _over("#000000de", WHITE)                    # --md-default-fg-color on white
    search_bar = _over("#00000012", WHITE)                   # --md-default-fg-color--lightest: result count bar
    footer = _over("#000000de", WHITE)                       # --md-footer-bg-color
    footer_meta = _over("#00000052", footer)                 # --md-footer-bg-color--dark: copyright bar
    accent = _declared("--md-accent-fg-color")
    accent_tint = _over(_declared("--md-accent-fg-color--transparent"), WHITE)
    secondary = _declared("--md-default-fg-color--light")
    fine_print = _declared("--md-footer-fg-color--lighter")
    cases = {
        "accent (search matches, link hover) on white": (accent, WHITE),
        "accent on a hovered search result": (accent, accent_tint),
        "secondary text on white": (_over(secondary, WHITE), WHITE),
        "secondary text on the search result bar": (_over(secondary, search_bar), search_bar),
        "footer fine print": (_over(fine_print, footer_meta), footer_meta),
        "body text": (body_text, WHITE),
    }
    ratios = {name: round(contrast(*colours), 2) for name, colours in cases.items()}
    assert all(ratio >= MINIMUM for ratio in ratios.values()), ratios

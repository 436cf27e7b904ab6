"""Material's own markup, mended where the Nu HTML Checker (vnu) reports errors.

Every page gets the same three fixes, applied to the finished HTML because the
markup sits in Material's base template and partials, which we do not copy:
- `autocomplete` on the checkboxes that open the menu and the search (only
  allowed on text-like inputs; a checkbox has nothing to complete);
- `autocorrect` on the search box (not an HTML attribute; only Safari reads it);
- the table of contents' title pointing with `for` to a control that exists
  only when the contents are in the main menu.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def valid_html(page: str) -> str:
    page = _CHECKBOX.sub(r"\1", page).replace(' autocorrect="off"', "")
    if 'id="__toc"' not in page:
        page = page.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return page

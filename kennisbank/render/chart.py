"""A stacked bar chart as inline SVG, drawn at build time: no script, no external file.

The chart is decoration for sighted readers; the table next to it carries the
same numbers for everyone (the SVG names that table in its description).
"""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from ..tracking import FLAGS

_LABEL_WIDTH = 300  # px for the row labels
_BAR_WIDTH = 320  # px for the longest bar
_ROW = 30  # px per row
_TOTAL_WIDTH = 40  # px for the total at the end of each bar


def stacked_bars(title: str, rows: list[tuple[str, Counter]], table_id: str) -> Markup:
    """One bar per row, one segment per standing in FLAGS order."""
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    width = _LABEL_WIDTH + _BAR_WIDTH + _TOTAL_WIDTH
    height = _ROW * len(rows) + 4
    parts = [Markup('<svg class="kb-grafiek" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
                    'role="img" aria-labelledby="{id}-titel {id}-uitleg">').format(w=width, h=height, id=table_id),
             Markup('<title id="{}-titel">{}</title>').format(table_id, title),
             Markup('<desc id="{}-uitleg">De aantallen staan ook in de tabel hieronder.</desc>').format(table_id)]
    for index, (label, counts) in enumerate(rows):
        y = index * _ROW + 2
        parts.append(Markup('<text x="0" y="{}" class="kb-grafiek__label">{}</text>').format(y + 19, _shorten(label)))
        x = float(_LABEL_WIDTH)
        for flag, flag_label in FLAGS.items():
            if counts.get(flag):
                w = _BAR_WIDTH * counts[flag] / largest
                parts.append(Markup('<rect x="{:.1f}" y="{}" width="{:.1f}" height="22" class="kb-grafiek--{}">'
                                    '<title>{}: {}</title></rect>').format(x, y + 3, w, flag, flag_label, counts[flag]))
                x += w
        parts.append(Markup('<text x="{:.1f}" y="{}" class="kb-grafiek__totaal">{}</text>').format(x + 6, y + 19, sum(counts.values())))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def legend(rows: list[tuple[str, Counter]]) -> Markup:
    """The colours used, with their standing in words."""
    used = [flag for flag in FLAGS if any(counts.get(flag) for _, counts in rows)]
    items = Markup("").join(Markup('<li><span class="kb-grafiek__staal kb-grafiek--{}" aria-hidden="true"></span>{}</li>')
                            .format(flag, FLAGS[flag]) for flag in used)
    return Markup('<ul class="kb-grafiek__legenda">{}</ul>').format(items)


def _shorten(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"

"""Open data: every record as JSON under /api/v1/, one CSV per collection, and the schemas beside them.

Record files carry the YAML fields unchanged; what the site adds (type, page,
readable citations, an action's standing) sits under one key, `_kennisbank`,
so field names never collide with the schema's.
"""

from __future__ import annotations

import json
from typing import Any

from ..formatting import date_nl
from ..kinds import KINDS, Kind
from ..model import KnowledgeBase, Record
from ..progress import Progress
from ..urls import API, absolute_or_site_path, api_path
from .csvfile import SEPARATOR, dutch_csv

STABILITY = ("Binnen v1 komen er alleen velden bij; bestaande velden en adressen veranderen niet van naam of betekenis. "
             "Een wijziging die dat wel doet, komt in /api/v2/.")
LICENCE = {"gegevens": "CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/deed.nl)",
           "teksten": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.nl)",
           "bronnen": "De brondocumenten zelf vallen onder de voorwaarden van hun uitgever."}


def _location(ref: dict[str, str]) -> str:
    parts = []
    if "paragraaf" in ref:
        parts.append(f"paragraaf “{ref['paragraaf']}”")
    if "pagina" in ref:
        parts.append(f"pagina {ref['pagina']}")
    if "regels" in ref:
        parts.append(("regel " if ref["regels"].isdigit() else "regels ") + ref["regels"])
    return ", ".join(parts)


def citation(kb: KnowledgeBase, ref: dict[str, str]) -> str:
    source = kb.get("bron", ref["bron"])
    dated = f" ({date_nl(source.data['datum'])})" if "datum" in source.data else ""
    return f"{source.title}{dated}, {_location(ref)}"


def record_json(kb: KnowledgeBase, record: Record, progress: Progress, site_url: str | None, directory_urls: bool) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "soort": record.kind.name,
        "pagina": absolute_or_site_path(record.src_uri, site_url, directory_urls),
        "json": api_path(record.kind.url, record.id),
        "bestand": record.file,
        "bronvermeldingen": [citation(kb, ref) for ref in record.get("bronnen", [])],
    }
    if record.kind.name == "actie":
        tracked = progress.by_id[record.id]
        meta["stand"] = {"peildatum": progress.settings.peildatum.isoformat(), "code": tracked.standing.flag,
                         "label": tracked.standing.label,
                         "termijn_einddatum": tracked.standing.deadline.isoformat() if tracked.standing.deadline else None}
    return {**record.data, "_kennisbank": meta}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return SEPARATOR.join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def collection_csv(kb: KnowledgeBase, kind: Kind, site_url: str | None, directory_urls: bool) -> bytes:
    """Top-level fields in schema order; lists of text joined by " | ", nested values as JSON text."""
    fields = list(kb.schemas.documents[kind.schema]["properties"])
    rows = ([_cell(record.get(name)) for name in fields] + [absolute_or_site_path(record.src_uri, site_url, directory_urls)]
            for record in kb.all(kind.name))
    return dutch_csv(fields + ["pagina"], rows)


def _dump(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def api_files(kb: KnowledgeBase, progress: Progress, site_url: str | None, directory_urls: bool = True) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    collections = []
    for kind in KINDS:
        records = [record_json(kb, r, progress, site_url, directory_urls) for r in kb.all(kind.name)]
        for data in records:
            files[data["_kennisbank"]["json"]] = _dump(data)
        files[f"{API}/{kind.url}.json"] = _dump({"collectie": kind.url, "soort": kind.name, "aantal": len(records),
                                                 "peildatum": progress.settings.peildatum.isoformat(), "records": records})
        files[f"{API}/{kind.url}.csv"] = collection_csv(kb, kind, site_url, directory_urls)
        collections.append({"collectie": kind.url, "soort": kind.name, "aantal": len(records), "json": f"{API}/{kind.url}.json",
                            "csv": f"{API}/{kind.url}.csv", "record": f"{API}/{kind.url}/{{id}}.json",
                            "schema": f"{API}/schema/{kind.schema}"})
    for name, document in kb.schemas.documents.items():
        files[f"{API}/schema/{name}"] = _dump(document)
    files[f"{API}/index.json"] = _dump({
        "versie": "v1", "peildatum": progress.settings.peildatum.isoformat(), "collecties": collections,
        "begrippenkader": {"turtle": f"{API}/begrippen.ttl", "json-ld": f"{API}/begrippen.jsonld"},
        "nieuws": "feed.xml", "stabiliteit": STABILITY, "licentie": LICENCE,
    })
    return files

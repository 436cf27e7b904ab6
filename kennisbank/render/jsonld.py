"""schema.org JSON-LD for each record page, so other sites and search engines can reuse the records.

Initiatives are projects with their place, organisations organisations, terms
DefinedTerms in one DefinedTermSet (the glossary), sources documents and actions
actions with their owner. Ids are page URLs relative to the page itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..model import KnowledgeBase, Record
from ..tracking import Standing

_STATUS = {"afgerond": "CompletedActionStatus", "vervallen": "FailedActionStatus"}


def _places(record: Record) -> list[dict[str, Any]]:
    return [{"@type": "Place", "name": name, "address": {"@type": "PostalAddress", "addressLocality": name, "addressCountry": "NL"}}
            for name in record.get("gemeenten", [])]


def describe(kb: KnowledgeBase, record: Record, url: Callable[[Record | str], str], standing: Standing | None) -> dict[str, Any]:
    d, kind = record.data, record.kind.name
    # An inline @vocab instead of the remote context URL: processors need no download to read it.
    data: dict[str, Any] = {"@context": {"@vocab": "https://schema.org/"}, "@id": url(record), "url": url(record), "identifier": record.id,
                            "name": record.title, "inLanguage": "nl"}
    if kind == "initiatief":
        data.update({"@type": "Project", "description": d["samenvatting"], "keywords": [kb.label("thema", t) for t in d["themas"]]})
        if _places(record):
            data["location"] = _places(record)
        data["member"] = [{"@type": "Organization", "@id": url(kb.get("organisatie", o["organisatie"])),
                           "name": kb.get("organisatie", o["organisatie"]).title} for o in d.get("organisaties", [])]
    elif kind == "organisatie":
        data.update({"@type": "Organization", "description": kb.label("organisatiesoort", d["soort"])})
        if "afkorting" in d:
            data["alternateName"] = d["afkorting"]
    elif kind == "begrip":
        data.update({"@type": "DefinedTerm", "description": " ".join(d["uitleg"].split()), "termCode": record.id,
                     "inDefinedTermSet": {"@type": "DefinedTermSet", "@id": url("begrippen/index.md"),
                                          "name": "Begrippen van de Kennisbank Informele Zorg"}})
        if d.get("alternatieve_termen"):
            data["alternateName"] = [a["term"] for a in d["alternatieve_termen"]]
    elif kind == "bron":
        data.update({"@type": "DigitalDocument", "description": kb.label("bronsoort", d["soort"])})
        if "datum" in d:
            data["datePublished"] = d["datum"]
        if "afzender" in d:
            data["publisher"] = {"@type": "Organization", "@id": url(kb.get("organisatie", d["afzender"])),
                                 "name": kb.get("organisatie", d["afzender"]).title}
    else:
        owner = kb.owner(record)
        data.update({"@type": "Action", "actionStatus": _STATUS.get(standing.last_status if standing else "", "ActiveActionStatus")})
        if owner is not None:
            data["agent"] = {"@type": "Organization", "@id": url(owner), "name": owner.title}
        if standing and standing.deadline:
            data["endTime"] = standing.deadline.isoformat()
    if kind != "bron" and record.get("bronnen"):
        data["isBasedOn"] = [{"@type": "DigitalDocument", "@id": url(kb.get("bron", ref["bron"])),
                              "name": kb.get("bron", ref["bron"]).title} for ref in record.data["bronnen"]]
    return data


def script_safe(data: dict[str, Any]) -> str:
    """JSON that cannot end its <script> element early: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

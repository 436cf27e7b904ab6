"""An Atom feed of initiatives (by the date they were last checked) and dated action updates.

Links are relative to the feed at the site root (Atom resolves them against
the feed's address), absolute when the site's address is configured. The feed's
own date is its newest entry's, so equal records give an identical feed.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from ..model import KnowledgeBase, Record
from ..urls import absolute_or_site_path

PATH = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:kennisbank-informele-zorg,2026:"  # tag URIs (RFC 4151): stable ids that are no web address


def _entry(feed: ET.Element, entry_id: str, title: str, date: str, link: str, summary: str) -> None:
    entry = ET.SubElement(feed, "entry")
    ET.SubElement(entry, "id").text = TAG + entry_id
    ET.SubElement(entry, "title").text = title
    ET.SubElement(entry, "updated").text = f"{date}T00:00:00Z"
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=link)
    ET.SubElement(entry, "summary").text = " ".join(summary.split())


def atom(kb: KnowledgeBase, site_url: str | None, directory_urls: bool = True) -> bytes:
    def link(record: Record) -> str:
        return absolute_or_site_path(record.src_uri, site_url, directory_urls)

    items: list[tuple[str, str, str, str, str]] = []  # date, id, title, link, summary
    for record in kb.all("initiatief"):
        items.append((record.data["laatst_gecontroleerd"], f"initiatief/{record.id}", f"Initiatief: {record.title}",
                      link(record), record.data["samenvatting"]))
    for action in kb.all("actie"):
        for number, update in enumerate(action.data["updates"], 1):
            if "datum" in update:
                status = kb.label("actiestatus", update["status"])
                items.append((update["datum"], f"actie/{action.id}/update/{number}", f"Actie: {action.title} ({status})",
                              link(action), update["tekst"]))
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    ET.SubElement(feed, "id").text = TAG + "nieuws"
    ET.SubElement(feed, "title").text = "Kennisbank Informele Zorg: nieuwe en gewijzigde initiatieven en acties"
    newest = items[0][0] if items else dt.date(1970, 1, 1).isoformat()  # an empty knowledge base
    ET.SubElement(feed, "updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(feed, "author").append(_name("Kennisbank Informele Zorg"))
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=(site_url.rstrip("/") + "/" if site_url else "") + PATH)
    for date, entry_id, title, href, summary in items:
        _entry(feed, entry_id, title, date, href, summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _name(text: str) -> ET.Element:
    element = ET.Element("name")
    element.text = text
    return element

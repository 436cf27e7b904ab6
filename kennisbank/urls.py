"""The URL MkDocs gives a generated page, shared by the pages and the exported files."""

from __future__ import annotations


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL of a page, relative to the site root."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if directory_urls else f"{stem}.html"


def absolute_or_site_path(src_uri: str, site_url: str | None, directory_urls: bool = True) -> str:
    """Absolute when the site's address is configured (never guessed), else the path from the site root."""
    path = page_url(src_uri, directory_urls)
    return site_url.rstrip("/") + "/" + path if site_url else path


API = "api/v1"  # the open data's versioned root


def api_path(record_kind_url: str, record_id: str) -> str:
    """Site path of one record's JSON file."""
    return f"{API}/{record_kind_url}/{record_id}.json"

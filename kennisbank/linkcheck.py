"""`kennisbank links` (make linkcheck): do the web addresses in the records still answer?

Only on demand: it needs the network, which the build, the tests and CI never
use. Every http(s) address in a record (URL fields and links in Markdown text)
is requested once; the report names each record file that holds an address
that does not answer with a success.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .model import KnowledgeBase

_ADDRESS = re.compile(r"https?://[^\s<>()\"'\]]+")
_HEADERS = {"User-Agent": "kennisbank-linkcheck/1 (+https://www.movisie.nl/)"}


def addresses(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Address -> the record files that contain it."""
    found: dict[str, set[str]] = defaultdict(set)
    for records in kb.records.values():
        for record in records.values():
            for text in _strings(record.data):
                for address in _ADDRESS.findall(text):
                    found[address.rstrip(".,;:")].add(record.file)
    return dict(found)


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def status(address: str, timeout: float = 15.0) -> str | None:
    """None when the address answers with a success (after redirects), else what went wrong, in Dutch."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(address, method=method, headers=_HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"antwoordt met HTTP {error.code}"
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return f"niet bereikbaar ({reason})"
    return None


def broken(kb: KnowledgeBase, workers: int = 8) -> list[tuple[str, str, str]]:
    """(file, address, problem) for every address that does not answer, sorted."""
    found = addresses(kb)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(found, pool.map(status, found)))
    return sorted((file, address, problem) for address, problem in answers.items() if problem for file in found[address])

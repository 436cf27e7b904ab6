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

from .model import KnowledgeBase

_ADDRESS = re.compile(r"https?://[^\s<>()\"'\]]+")
_HEADERS = {"User-Agent": "kennisbank-linkcheck/1"}


def addresses(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Address -> the record files that contain it."""
    found: dict[str, set[str]] = defaultdict(set)
    for records in kb.records.values():
        for record in records.values():
            for text in record.texts():
                for address in _ADDRESS.findall(text):
                    found[address.rstrip(".,;:")].add(record.file)
    return dict(found)


def status(address: str, timeout: float = 15.0) -> str | None:
    """None when the address answers with a success (after redirects), else what went wrong, in Dutch."""
    code, problem = _ask(address, "HEAD", timeout)
    if code in (403, 405, 501):  # some servers refuse HEAD but answer GET
        code, problem = _ask(address, "GET", timeout)
    return problem


def _ask(address: str, method: str, timeout: float) -> tuple[int | None, str | None]:
    request = urllib.request.Request(address, method=method, headers=_HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout):
            return None, None
    except urllib.error.HTTPError as error:
        return error.code, f"antwoordt met HTTP {error.code}"
    except (OSError, ValueError) as error:  # URLError is an OSError
        return None, f"niet bereikbaar ({getattr(error, 'reason', error)})"


def broken(kb: KnowledgeBase, workers: int = 8) -> list[tuple[str, str, str]]:
    """(file, address, problem) for every address that does not answer, sorted."""
    found = addresses(kb)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(found, pool.map(status, found)))
    return sorted((file, address, problem) for address, problem in answers.items() if problem for file in found[address])

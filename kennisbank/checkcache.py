"""Remember which record files passed loading and their schema, by content.

`kennisbank check` and every build load and validate all records; on a large
knowledge base most files have not changed since the last run. A file whose
exact bytes passed before, under the same schemas and the same checking code,
passes again: its data is taken from the cache, and only the checks across
records run again. Files with problems are never cached.

The cache lives outside the project (KENNISBANK_CACHE, default
~/.cache/kennisbank), so a pull request cannot bring its own cache entries.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from . import loader, periods, precheck, schemas, validation

_CODE = (loader, periods, precheck, schemas, validation)  # modules whose behaviour decides what passes


def _fingerprint(documents: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(documents, sort_keys=True).encode())
    for module in _CODE:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def _location(root: Path, environ: dict[str, str]) -> Path | None:
    base = environ.get("KENNISBANK_CACHE") or str(Path.home() / ".cache" / "kennisbank")
    if base == "0":
        return None
    project = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return Path(base) / f"controle-{project}.json"


class CheckCache:
    """Content key -> data of a file that passed; saved only when something changed."""

    def __init__(self, path: Path | None, fingerprint: str):
        self.path = path
        self.fingerprint = fingerprint
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        if path is not None:
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if stored.get("kenmerk") == fingerprint:
                    self._old = stored["records"]
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass  # no cache yet, or an unreadable one: check everything

    @classmethod
    def for_project(cls, root: Path, documents: dict[str, Any], environ: dict[str, str] | None = None) -> CheckCache:
        return cls(_location(root, dict(os.environ if environ is None else environ)), _fingerprint(documents))

    @staticmethod
    def key(kind: str, raw: bytes) -> str:
        return hashlib.blake2b(kind.encode() + b"\0" + raw, digest_size=16).hexdigest()

    def get(self, key: str) -> Any:
        data = self._old.get(key)
        if data is not None:
            self._new[key] = data
        return data

    def put(self, key: str, data: Any) -> None:
        self._new[key] = data

    def save(self) -> None:
        """Keep exactly the entries of this run (deleted files drop out); atomic, and silent if it cannot write."""
        if self.path is None or self._new.keys() == self._old.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps({"kenmerk": self.fingerprint, "records": self._new}, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.path)
        except OSError:
            pass

"""Where MkDocs reads a generated page from: memory, or a file kept between rebuilds.

MkDocs rebuilds a page on a dirty rebuild (`mkdocs serve --dirty`, make serve)
only when its source file is newer than its output. Pages held in memory count
as changed on every rebuild. Written to a file instead, a page whose content is
the same as in the previous build keeps its file and its modification time, and
MkDocs renders only the pages an edit really changed: the record's own page and
the pages that show it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any


class PageSource:
    def __init__(self, on_disk: bool = False) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kennisbank-pagina-")) if on_disk else None

    def __call__(self, src_uri: str, content: str | bytes) -> dict[str, Any]:
        """Keyword arguments for mkdocs' File.generated."""
        if self.folder is None:
            return {"content": content}
        path = self.folder / src_uri
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            unchanged = path.read_bytes() == data
        except OSError:
            unchanged = False
            path.parent.mkdir(parents=True, exist_ok=True)
        if not unchanged:
            path.write_bytes(data)
        return {"abs_src_path": str(path)}

    def close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

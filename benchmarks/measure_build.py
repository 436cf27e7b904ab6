"""One `mkdocs build` in this process, timing the kennisbank hooks separately. Prints JSON.

Usage: python measure_build.py <project-dir> <site-dir>
The hooks are wrapped here, in the benchmark, so the hooks themselves carry no
measuring code.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    project, site = Path(sys.argv[1]), Path(sys.argv[2])
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    spent = {"hooks": 0.0}
    start = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    for event, handlers in config.plugins.events.items():
        for index, handler in enumerate(handlers):
            if getattr(handler, "__module__", "").endswith("kennisbank_hooks.py"):
                def timed(*args, _handler=handler, **kwargs):
                    began = time.perf_counter()
                    try:
                        return _handler(*args, **kwargs)
                    finally:
                        spent["hooks"] += time.perf_counter() - began
                handlers[index] = timed
    build(config)
    total = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"build_s": round(total, 2), "build_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                      "hooks_s": round(spent["hooks"], 2), "peak_mb": round(usage.ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()

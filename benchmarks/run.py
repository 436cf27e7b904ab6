"""`make bench`: measures check, build, memory, site and search-index size and search set-up from 100 to 10,000 initiatives.

For each size it generates a project (synthetic.py), then measures:
- `kennisbank check` wall time, first with nothing cached, then again (warm check cache);
- `mkdocs build` wall time without the check cache, the kennisbank hooks' share and peak memory (measure_build.py);
- the same pages written as plain Markdown into docs/, built without hooks (the
  baseline), and our build time as a ratio to it;
- site size, search_index.json raw and gzip, and Material's search worker set-up
  in Node (tests/js/search.mjs) with the catalogue's test queries;
and at 1,000 initiatives how long `mkdocs serve --dirty` (make serve) and plain
`mkdocs serve` (make serve-full) take to show an edited record.
Results: benchmarks/results.json and benchmarks/results.md (with the machine).
"""

from __future__ import annotations

import gzip
import json
import math
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,5000,10000").split(",")]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KENNISBANK_PEILDATUM": "2024-01-01"}
QUERIES = ["Anna Zorgt", "NIZU", "respijtzorg", "mantelzorgers Emmen", "Wmo", "cooperatie", "jonge mantelzorgers"]


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall time and CPU time: on a shared machine the CPU time varies far less between runs."""
    began, cpu = time.perf_counter(), _cpu_of_children()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENV)
    return time.perf_counter() - began, _cpu_of_children() - cpu, result


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _baseline(project: Path, base: Path) -> Path:
    """The generated pages as plain Markdown files, same mkdocs.yml without hooks."""
    from kennisbank.catalogue import Project, load
    from kennisbank.render.site import build_pages
    from kennisbank.tracking import Settings
    import datetime as dt

    shutil.copytree(project / "docs", base / "docs")
    shutil.copytree(project / "overrides", base / "overrides")
    for page in build_pages(load(Project(project)), Settings.of(dt.date(2024, 1, 1))):
        path = base / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, encoding="utf-8")
    config = _without_blocks((project / "mkdocs.yml").read_text(encoding="utf-8"), ("hooks:", "watch:"))
    (base / "mkdocs.yml").write_text(config + "\n", encoding="utf-8")
    return base


def _without_blocks(config: str, keys: tuple[str, ...]) -> str:
    """mkdocs.yml without the given top-level blocks (a block ends at the next unindented line)."""
    kept, skipping = [], False
    for line in config.splitlines():
        if line and not line[0].isspace():
            skipping = line.startswith(keys)
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def _search(site: Path) -> dict:
    index = (site / "search" / "search_index.json").read_bytes()
    result = {"index_mb": round(len(index) / 1e6, 2), "index_gzip_mb": round(len(gzip.compress(index, 6)) / 1e6, 2),
              "index_docs": len(json.loads(index)["docs"])}
    if shutil.which("node"):
        out = subprocess.run(["node", str(ROOT / "tests/js/search.mjs"), str(site)], input=json.dumps(QUERIES),
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode == 0:
            data = json.loads(out.stdout)
            result["worker_setup_s"] = round(data["setup_ms"] / 1000, 2)
            result["queries_first_hit"] = [r["results"][0] if r["results"] else None for r in data["results"]]
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_reload(project: Path, *options: str) -> float | None:
    """Seconds from saving an edited record until `mkdocs serve` serves the new text."""
    port = _free_port()
    server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/initiatieven/anna-zorgt/"
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            return None
        path = project / "initiatives" / "anna-zorgt.yaml"
        original = path.read_text(encoding="utf-8")
        data = yaml.safe_load(original)
        marker = f"Gewijzigd voor de meting {time.time_ns()}"  # new text each time: never already on the page
        data["samenvatting"] = marker + "."
        time.sleep(1)
        saved = time.perf_counter()
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            while time.perf_counter() - saved < 120:
                try:
                    if marker in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                        return round(time.perf_counter() - saved, 2)
                except OSError:
                    pass
                time.sleep(0.2)
            return None
        finally:
            path.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _growth(points: list[dict], key: str) -> float | None:
    """Exponent b in t ~ n^b between the two largest sizes: 1 is linear."""
    usable = [p for p in points if p.get(key)]
    if len(usable) < 2:
        return None
    a, b = usable[-2], usable[-1]
    return round(math.log(b[key] / a[key]) / math.log(b["initiatieven"] / a["initiatieven"]), 2)


def main() -> None:
    points = []
    with tempfile.TemporaryDirectory(prefix="kennisbank-bench-") as temp:
        ENV["KENNISBANK_CACHE"] = str(Path(temp) / "cache")  # the benchmark's own check cache, cold at the start
        for size in SIZES:
            project = Path(temp) / f"p{size}"
            counts = generate(project, size)
            point = {"initiatieven": size, "records": sum(len(list((project / f).glob("*.yaml"))) for f in
                                                         ("initiatives", "actions", "terms", "organisations", "sources")), **counts}
            # first run: nothing cached (a fresh clone, CI); second run: the check cache is warm (a contributor's rerun)
            for key in ("check", "check_warm"):
                spent, cpu, result = _timed([PYTHON, "-m", "kennisbank", "check"], project)
                assert result.returncode == 0, result.stdout[-2000:]
                point[f"{key}_s"], point[f"{key}_cpu_s"] = round(spent, 2), round(cpu, 2)
            # the build is measured without the check cache: as on a fresh checkout
            measured = subprocess.run([PYTHON, str(ROOT / "benchmarks/measure_build.py"), str(project), str(project / "site")],
                                      capture_output=True, text=True, env={**ENV, "KENNISBANK_CACHE": "0"}, cwd=project)
            assert measured.returncode == 0, measured.stderr[-2000:]
            point.update(json.loads(measured.stdout.strip().splitlines()[-1]))
            point["site_mb"] = round(_size(project / "site") / 1e6, 1)
            point.update(_search(project / "site"))
            base = _baseline(project, Path(temp) / f"b{size}")
            baseline_s, baseline_cpu_s, result = _timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(base / "site")], base)
            assert result.returncode == 0, result.stderr[-2000:]
            point["baseline_s"] = round(baseline_s, 2)
            point["ratio"] = round(point["build_s"] / baseline_s, 2)
            point["baseline_cpu_s"] = round(baseline_cpu_s, 2)
            point["ratio_cpu"] = round(point["build_cpu_s"] / baseline_cpu_s, 2)
            if size == 1000:
                point["serve_reload_s"] = _serve_reload(project, "--dirty")  # what make serve runs
                point["serve_full_reload_s"] = _serve_reload(project)  # make serve-full
            points.append(point)
            print(json.dumps(point), flush=True)
            shutil.rmtree(base)
            shutil.rmtree(project)
    machine = {"python": platform.python_version(), "system": platform.platform(), "cpus": os.cpu_count(),
               "processor": platform.processor() or platform.machine(),
               "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)}
    growth = {key: _growth(points, key) for key in ("check_s", "check_cpu_s", "check_warm_s", "build_s", "build_cpu_s", "hooks_s",
                                                    "peak_mb", "index_gzip_mb", "worker_setup_s")}
    report = {"machine": machine, "points": points, "growth_exponent": growth}
    (ROOT / "benchmarks/results.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (ROOT / "benchmarks/results.md").write_text(_markdown(report), encoding="utf-8")


def _markdown(report: dict) -> str:
    columns = [("initiatieven", "initiatives"), ("records", "records"), ("check_s", "check s"), ("check_cpu_s", "check CPU s"),
               ("check_warm_s", "check again s"), ("build_s", "build s"), ("build_cpu_s", "build CPU s"),
               ("hooks_s", "hooks s"), ("baseline_s", "plain MkDocs s"), ("baseline_cpu_s", "plain MkDocs CPU s"), ("ratio", "ratio"),
               ("ratio_cpu", "ratio CPU"), ("peak_mb", "peak MB"),
               ("site_mb", "site MB"), ("index_mb", "index MB"), ("index_gzip_mb", "index gzip MB"),
               ("index_docs", "index docs"), ("worker_setup_s", "search set-up s"), ("serve_reload_s", "serve reload s"),
               ("serve_full_reload_s", "serve-full reload s")]
    lines = ["# Benchmark results", "", "Generated by `make bench` (benchmarks/run.py); do not edit by hand.", "",
             "Machine: " + ", ".join(f"{k} {v}" for k, v in report["machine"].items()), "",
             "| " + " | ".join(title for _, title in columns) + " |", "|" + "---|" * len(columns)]
    for point in report["points"]:
        lines.append("| " + " | ".join(str(point.get(key, "")) for key, _ in columns) + " |")
    lines += ["", "Growth exponent between the two largest sizes (1 = linear): " +
              ", ".join(f"{k} {v}" for k, v in report["growth_exponent"].items()), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()

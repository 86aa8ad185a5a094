#!/usr/bin/env python3
"""Time the book pipeline and print ONE JSON object (seconds; null when not measurable).

Measures, in this order:
  cold_build_s   remove _build (HTML, doctrees and the jupyter cache), strict build with execution
  warm_build_s   strict incremental rebuild with nothing changed
  tests_s        pytest tests/ (without the built-HTML checks) + nbval over notebooks/*.ipynb
  scan_s         Appendix A scans: physics.classification.scan_all() (or every scan_* function with
                 its defaults) when that module exists
  browser_pass_s headless-Chromium pass over every TOC page (scripts/browser_check.py), and the site size
  chapters       the JSON of each scripts/bench_*.py (Fig. 1 curves, chi^2 grid, summary plane, explorer)
Budgets (2-core machine): cold <= 120 s, warm <= 10 s, scans <= 10 s, browser pass <= 60 s.

Usage: .venv/bin/python scripts/benchmark.py [--skip-build] [--skip-tests]
Exit status 0 even when a budget is exceeded (the JSON says so); 1 if a step failed.
"""
from __future__ import annotations

import argparse
import glob
import importlib
import inspect
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGETS = {"cold_build_s": 120.0, "warm_build_s": 10.0, "scan_s": 10.0, "browser_pass_s": 60.0}


def timed(cmd: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    rc = subprocess.call(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return round(time.perf_counter() - t0, 2), rc


def scan_time() -> tuple[float | None, dict, str | None]:
    try:
        cls = importlib.import_module("physics.classification")
    except ModuleNotFoundError:
        return None, {}, "physics.classification does not exist"
    if hasattr(cls, "scan_all"):
        funcs = {"scan_all": cls.scan_all}
    else:
        funcs = {n: f for n, f in inspect.getmembers(cls, inspect.isfunction)
                 if n.startswith("scan_") and f.__module__ == cls.__name__}
    if not funcs:
        return None, {}, "no scan_* function in physics.classification"
    parts = {}
    for name, func in funcs.items():
        t0 = time.perf_counter()
        func()
        parts[name] = round(time.perf_counter() - t0, 3)
    return round(sum(parts.values()), 3), parts, None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Time the book pipeline; prints one JSON object.")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-tests", action="store_true")
    args = parser.parse_args(argv)
    py = sys.executable
    result = {
        "machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "loadavg_1min": round(os.getloadavg()[0], 2)},
        "cold_build_s": None, "warm_build_s": None, "tests_s": None, "scan_s": None,
        "scan_parts_s": {}, "failures": [],
    }
    if not args.skip_build:
        result["cold_build_s"], rc = timed([py, "scripts/build_book.py", "--mode", "full", "--quiet"])
        if rc:
            result["failures"].append(f"cold build exit {rc}")
        result["warm_build_s"], rc = timed([py, "scripts/build_book.py", "--quiet"])
        if rc:
            result["failures"].append(f"warm build exit {rc}")
    if not args.skip_tests:
        t_py, rc = timed([py, "-m", "pytest", "-q", "tests", "-k", "not built_html"])
        if rc:
            result["failures"].append(f"pytest exit {rc}")
        ipynbs = sorted(glob.glob(str(ROOT / "notebooks" / "*.ipynb")))
        t_nb = 0.0
        if ipynbs:
            t_nb, rc = timed([py, "-m", "pytest", "-q", "--nbval", "--nbval-current-env",
                              "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", *ipynbs])
            if rc:
                result["failures"].append(f"nbval exit {rc}")
        result["tests_s"] = round(t_py + t_nb, 2)
        result["tests_parts_s"] = {"pytest": t_py, "nbval": t_nb}
    try:
        result["scan_s"], result["scan_parts_s"], note = scan_time()
        if note:
            result["scan_note"] = note
    except Exception as exc:  # a broken scan is reported, not hidden
        result["failures"].append(f"scan raised {type(exc).__name__}: {exc}")
    # Browser pass over the whole site (needs the build above, chromium and playwright)
    if not args.skip_build and (ROOT / "_build" / "html" / "index.html").is_file():
        result["browser_pass_s"], rc = timed([py, "scripts/browser_check.py", "--no-screenshots"])
        if rc:
            result["failures"].append(f"browser check exit {rc}")
        html = ROOT / "_build" / "html"
        result["site_MB"] = round(sum(f.stat().st_size for f in html.rglob("*") if f.is_file()) / 1e6, 1)
    # Per-chapter budgets: each bench script prints one JSON object
    result["chapters"] = {}
    for name in ("bench_flavour", "bench_fit", "bench_plane", "bench_explorer"):
        script = ROOT / "scripts" / f"{name}.py"
        if script.is_file():
            try:
                out = subprocess.run([py, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
                text = out.stdout.strip()
                try:
                    result["chapters"][name] = json.loads(text)
                except ValueError:
                    result["chapters"][name] = json.loads(text.splitlines()[-1])
            except Exception as exc:  # reported, not hidden
                result["failures"].append(f"{name}: {type(exc).__name__}: {exc}")
    result["over_budget"] = [k for k, b in BUDGETS.items() if result.get(k) is not None and result[k] > b]
    print(json.dumps(result))
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())

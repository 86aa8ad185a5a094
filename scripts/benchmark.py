#!/usr/bin/env python3
"""Time the book pipeline and weigh the site; print ONE JSON object (seconds, MB; medians of --runs runs).

Measures, in this order (each timing is the median of --runs runs, with the 1-minute load average of each run):
  cold_build_s           rm -rf _build, then scripts/build_book.py --mode full: what `make book` does on a fresh clone
                         (stored outputs current: nothing executed but the unpaired pages and the download files)
  warm_build_s           scripts/build_book.py with nothing changed
  one_module_build_s     a comment appended to ONE physics module (a different one each run, so the edit is new),
                         then scripts/build_book.py: re-executes the pages that use it, re-renders them. The module is
                         --module, by default the one whose dependent pages have the median total execution time;
                         the JSON also lists which pages it re-executed. Restored (and rebuilt, untimed) afterwards.
  execute_all_s          (--execute-all) every page re-executed (scripts/execute.py --force), 2 workers
  make_test_s            (--make-test) `make test` on the warm venv, each run from a deleted _build (as a fresh clone:
                         no site, no PDF, no jupyter-cache); the stage times printed by scripts/test_suite.py are kept
  browser_pass_s         scripts/browser_check.py --no-screenshots on the built site
  site_MB                bytes of _build/html (site_without_pdf_MB: the same without the printable book in pdf/)
  heaviest_page          the page whose cold load (fresh browser context, every request counted, as Chromium loads
                         it: HTML, CSS, JS, fonts, MathJax's dynamic font files, images) moves the most bytes; raw bytes
                         and gzip bytes (what a web server with compression transfers)
Budgets (2-core machine, issue #15): cold <= 45 s, warm <= 3 s, one module <= 20 s, make test <= 180 s,
browser pass <= 30 s, site <= 8 MB, heaviest page <= 2 MB (cold cache).

Usage: .venv/bin/python scripts/benchmark.py [--runs 3] [--make-test] [--execute-all] [--module physics/x/y.py]
                                             [--skip-build] [--skip-browser]
Exit status 0 even when a budget is exceeded (the JSON says so); 1 if a step failed.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "scripts"))
import execute  # noqa: E402

BUDGETS = {"cold_build_s": 45.0, "warm_build_s": 3.0, "one_module_build_s": 20.0, "make_test_s": 180.0,
           "browser_pass_s": 30.0, "site_MB": 8.0, "heaviest_page_MB": 2.0}


def load() -> float:
    return round(os.getloadavg()[0], 2)


def timed(cmd: list[str], failures: list[str], label: str) -> dict:
    la = load()
    t0 = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = round(time.perf_counter() - t0, 2)
    if out.returncode:
        failures.append(f"{label} exit {out.returncode}: {(out.stderr or out.stdout).strip()[-500:]}")
    return {"s": seconds, "load": la, "stdout": out.stdout}


def median_of(runs: list[dict]) -> dict:
    return {"median_s": round(statistics.median(r["s"] for r in runs), 2), "runs_s": [r["s"] for r in runs],
            "load_1min": [r["load"] for r in runs]}


def module_dependents() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for manifest in (execute.PAIRED_MANIFEST, execute.LOCAL_MANIFEST):
        for key, entry in execute.load(manifest).items():
            for used in entry.get("used", []):
                if used.startswith("physics/") and used.endswith(".py") and not used.endswith("__init__.py"):
                    out.setdefault(used, []).append(key)
    return out


def pick_module() -> str:
    deps = module_dependents()
    seconds = {}
    for manifest in (execute.PAIRED_MANIFEST, execute.LOCAL_MANIFEST):
        seconds.update({k: e.get("seconds", 0) for k, e in execute.load(manifest).items()})
    ranked = sorted(deps, key=lambda m: (sum(seconds.get(k, 0) for k in deps[m]), m))
    return ranked[len(ranked) // 2]


def one_module(py: str, module: str, runs: int, failures: list[str]) -> dict:
    path = ROOT / module
    original = path.read_bytes()
    results = []
    try:
        for i in range(runs):
            path.write_bytes(original + f"\n# benchmark edit {i} {time.time()}\n".encode())
            results.append(timed([py, "scripts/build_book.py", "--quiet"], failures, f"one-module build {i}"))
    finally:
        path.write_bytes(original)
    timed([py, "scripts/build_book.py", "--quiet"], failures, "restore build")
    executed = sorted({line.split(":")[0].replace("[execute] ", "") for line in results[0]["stdout"].splitlines()
                       if "-> executing" in line})
    return {**median_of(results), "module": module, "executed": executed}


def dir_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def page_weights(pages: list[Path]) -> list[dict]:
    """Cold-cache bytes per page, measured in headless Chromium (every response of a fresh context)."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(HTML)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for page_path in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
            page = context.new_page()
            bodies = []

            def on_response(resp, bodies=bodies):
                try:
                    bodies.append((resp.url, resp.body()))
                except Exception:  # redirects, aborted requests
                    pass

            page.on("response", on_response)
            page.goto(base + page_path.relative_to(HTML).as_posix(), wait_until="networkidle")
            try:
                page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
            except Exception:  # a MathJax error is the browser check's business; the bytes are still counted
                pass
            page.wait_for_timeout(300)
            raw = sum(len(b) for _, b in bodies)
            gz = sum(len(b) if u.endswith((".woff2", ".png", ".jpg")) else len(gzip.compress(b, 6)) for u, b in bodies)
            out.append({"page": page_path.relative_to(HTML).as_posix(), "MB": round(raw / 1e6, 3),
                        "gzip_MB": round(gz / 1e6, 3), "requests": len(bodies)})
            context.close()
        browser.close()
    server.shutdown()
    return sorted(out, key=lambda r: -r["MB"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--make-test", action="store_true", help="also time `make test` (--runs times)")
    parser.add_argument("--execute-all", action="store_true", help="also time re-executing every page")
    parser.add_argument("--module", default=None, help="physics module for the one-module build")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args(argv)
    py = sys.executable
    failures: list[str] = []
    result: dict = {"machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                                "platform": platform.platform(), "loadavg_1min_start": load()}}
    if not args.skip_build:
        cold = []
        for i in range(args.runs):
            shutil.rmtree(ROOT / "_build", ignore_errors=True)
            cold.append(timed([py, "scripts/build_book.py", "--mode", "full", "--quiet"], failures, f"cold build {i}"))
        result["cold_build"] = median_of(cold)
        warm = [timed([py, "scripts/build_book.py", "--quiet"], failures, f"warm build {i}") for i in range(args.runs)]
        result["warm_build"] = median_of(warm)
        result["one_module_build"] = one_module(py, args.module or pick_module(), args.runs, failures)
    if args.execute_all:
        runs = [timed([py, "scripts/execute.py", "--force"], failures, f"execute all {i}") for i in range(args.runs)]
        result["execute_all"] = median_of(runs)
    if args.make_test:
        runs = []
        for i in range(args.runs):  # as on a fresh clone with a warm venv: no _build (no site, no PDF, no caches)
            shutil.rmtree(ROOT / "_build", ignore_errors=True)
            runs.append(timed(["make", "test"], failures, f"make test {i}"))
        result["make_test"] = median_of(runs)
        result["make_test"]["stages_s"] = [line.split(": ", 1)[1] for r in runs for line in r["stdout"].splitlines()
                                           if line.startswith("[test_suite] stage times")]
    if (HTML / "index.html").is_file():
        if not (HTML / "pdf" / "book.pdf").is_file():  # the site links the printable book: weigh and check it too
            timed([py, "scripts/build_pdf.py"], failures, "pdf (untimed: part of the site that is weighed)")
        result["site_MB"] = round(dir_bytes(HTML) / 1e6, 2)
        pdf_dir = HTML / "pdf"  # the printable book (scripts/build_pdf.py) is a download linked from the site
        result["site_without_pdf_MB"] = round((dir_bytes(HTML) - (dir_bytes(pdf_dir) if pdf_dir.is_dir() else 0)) / 1e6, 2)
        result["site_parts_MB"] = {p.name: round((dir_bytes(p) if p.is_dir() else p.stat().st_size) / 1e6, 2)
                                   for p in sorted(HTML.iterdir())}
        result["static_parts_MB"] = {p.name: round((dir_bytes(p) if p.is_dir() else p.stat().st_size) / 1e6, 2)
                                     for p in sorted((HTML / "_static").iterdir())
                                     if (dir_bytes(p) if p.is_dir() else p.stat().st_size) > 50_000}
        if not args.skip_browser:
            runs = [timed([py, "scripts/browser_check.py", "--no-screenshots"], failures, f"browser pass {i}")
                    for i in range(args.runs)]
            result["browser_pass"] = median_of(runs)
            try:
                weights = page_weights(sorted(HTML.rglob("*.html")))
                result["heaviest_page"] = weights[0]
                result["page_weights_top5"] = weights[:5]
            except Exception as exc:  # reported, not hidden
                failures.append(f"page weights: {type(exc).__name__}: {exc}")
    # Per-chapter budgets (unchanged): each scripts/bench_*.py prints one JSON object
    result["chapters"] = {}
    for script in sorted((ROOT / "scripts").glob("bench_*.py")):
        try:
            out = subprocess.run([py, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
            text = out.stdout.strip()
            try:  # one JSON object: on one line, or pretty-printed over several
                result["chapters"][script.stem] = json.loads(text) if text else None
            except json.JSONDecodeError:
                result["chapters"][script.stem] = json.loads(text.splitlines()[-1])
        except Exception as exc:  # reported, not hidden
            failures.append(f"{script.stem}: {type(exc).__name__}: {exc}")
    flat = {"cold_build_s": result.get("cold_build", {}).get("median_s"),
            "warm_build_s": result.get("warm_build", {}).get("median_s"),
            "one_module_build_s": result.get("one_module_build", {}).get("median_s"),
            "make_test_s": result.get("make_test", {}).get("median_s"),
            "browser_pass_s": result.get("browser_pass", {}).get("median_s"),
            "site_MB": result.get("site_MB"),
            "heaviest_page_MB": result.get("heaviest_page", {}).get("MB")}
    result["summary"] = flat
    result["over_budget"] = [k for k, b in BUDGETS.items() if flat.get(k) is not None and flat[k] > b]
    result["budgets"] = BUDGETS
    result["failures"] = failures
    result["machine"]["loadavg_1min_end"] = load()
    print(json.dumps(result))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

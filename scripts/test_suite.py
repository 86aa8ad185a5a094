#!/usr/bin/env python3
"""`make test`: the whole suite, each chapter executed once, the two cores kept busy.

Stages (a stage starts when the ones it needs are done; the times of every stage are printed at the end):

1. ``verify``   scripts/execute.py --verify: nbval on the committed outputs of every current chapter (it re-executes
                the chapter and compares every stored output), a fresh execution of any stale page -- never both.
2. ``prime``    scripts/execute.py: nothing left to execute; the book's jupyter-cache is primed with the verified
                outputs, so neither Sphinx build below executes anything (both fail if they had to).
3. at the same time, on the two cores:
   ``pdf``      (in CI first ``wait-apt``: .ci/run installs Chromium in the background, see
                wait_for_system_packages) scripts/build_pdf.py: the single-page HTML and the two printed editions (one Chromium renderer,
                about one core);
   ``unit``     pytest tests -k "not built_html" -n 2 --dist loadfile (pytest-xdist: two workers, a test file's
                module fixtures computed once, the slow files first: tests/conftest.py), then
   ``build``    scripts/build_book.py --at-least-all: the strict website build (renders, executes nothing).
4. ``site``     pytest tests -k built_html -n 2 --dist loadfile: the built-site checks (browser pass at 1280 and 390 px,
                explorer page, slides, PDF text, numbering, downloads), once the website and the PDF exist.

Any failing stage fails the suite (exit 1) after the stages already running have finished; later stages do not
start. Output of the concurrent stages is prefixed with the stage name.

Usage: python scripts/test_suite.py [--workers N]   (N: pytest-xdist workers of the two pytest stages, default 2)
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
_print_lock = threading.Lock()


def run(name: str, cmd: list[str], timings: dict, prefix: bool = False) -> int:
    """Run one command; with prefix, its output lines are written as '[name] line' (concurrent stages)."""
    t0 = time.perf_counter()
    if not prefix:
        rc = subprocess.call(cmd, cwd=ROOT)
    else:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        for line in proc.stdout:
            with _print_lock:
                sys.stdout.write(f"[{name}] {line}")
                sys.stdout.flush()
        rc = proc.wait()
    timings[name] = (round(time.perf_counter() - t0, 1), rc)
    return rc


def wait_for_system_packages(timings: dict, timeout: float = 900.0) -> bool:
    """CI (.ci/run) installs Chromium and poppler in the background and names, in $BOOK_WAIT_APT, the file where that
    install writes its exit code. Wait for it before the first stage that needs a browser; a failed install fails the
    suite (the browser tests would otherwise be skipped). Without the variable there is nothing to wait for."""
    path = os.environ.get("BOOK_WAIT_APT")
    if not path:
        return True
    t0 = time.perf_counter()
    while not Path(path).is_file() or not Path(path).read_text().strip():
        if time.perf_counter() - t0 > timeout:
            print(f"[test_suite] gave up waiting {timeout:.0f} s for the system packages ({path})", flush=True)
            timings["wait-apt"] = (round(time.perf_counter() - t0, 1), 1)
            return False
        time.sleep(0.5)
    rc = int(Path(path).read_text().strip())
    timings["wait-apt"] = (round(time.perf_counter() - t0, 1), rc)
    if rc:
        print(f"[test_suite] the system packages (chromium, poppler-utils) failed to install (exit {rc})", flush=True)
    return rc == 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", default="2", help="pytest-xdist workers for the unit tests (default 2)")
    args = ap.parse_args(argv)
    timings: dict[str, tuple[float, int]] = {}
    t0 = time.perf_counter()

    def report(ok: bool) -> int:
        total = time.perf_counter() - t0
        print("\n[test_suite] stage times (s): " + ", ".join(
            f"{k} {s:.1f}{'' if rc == 0 else ' FAILED'}" for k, (s, rc) in timings.items()) + f"; total {total:.1f}")
        print(f"[test_suite] {'OK' if ok else 'FAILED'} in {total:.1f} s")
        return 0 if ok else 1

    if run("verify", [PY, "scripts/execute.py", "--verify"], timings):
        return report(False)
    if run("prime", [PY, "scripts/execute.py"], timings):
        return report(False)

    results: dict[str, int] = {}

    def pdf():  # the unit tests need no browser and start at once; the PDF waits for Chromium in CI
        if not wait_for_system_packages(timings):
            results["pdf"] = 1
            return
        results["pdf"] = run("pdf", [PY, "scripts/build_pdf.py"], timings, prefix=True)

    def unit_then_build():
        rc = run("unit", [PY, "-m", "pytest", "tests", "-q", "-k", "not built_html", "-n", args.workers,
                          "--dist", "loadfile"], timings, prefix=True)
        results["unit"] = rc
        results["build"] = run("build", [PY, "scripts/build_book.py", "--at-least-all", "--quiet"], timings,
                               prefix=True) if rc == 0 else 1

    threads = [threading.Thread(target=pdf), threading.Thread(target=unit_then_build)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if any(results.get(k, 1) for k in ("pdf", "unit", "build")):
        return report(False)
    if run("site", [PY, "-m", "pytest", "tests", "-q", "-k", "built_html", "-n", args.workers, "--dist", "loadfile"],
           timings):
        return report(False)
    return report(True)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build the Jupyter Book strictly from outputs that are executed once per change of their inputs.

1. `scripts/execute.py` brings every notebook page up to date: a page is executed only when its dependency digest
   changed (its code cells, the repository files it used last time -- the `physics` modules it imported and the data
   files it read --, the pins, the Python version); otherwise its stored outputs (the committed, nbval-verified
   notebooks/NAME.ipynb, or _build/.exec/ for unpaired pages) are reused.  It then primes the book's jupyter-cache
   (_build/.jupyter_cache) with those outputs and touches the pages whose outputs changed.
2. `jupyter-book build -n -W --keep-going .` (myst-nb `execute_notebooks: cache`) renders the pages; every notebook
   is found in the cache, so the build executes nothing (checked: a build that adds a cache record fails under
   --at-least-all, i.e. in `make test`, and warns otherwise).

3. After a successful build, `scripts/build_slides.py` writes the lecture decks (_build/html/slides/, < 1 s), and the
   printable book, if `scripts/build_pdf.py` made it and it is current, is copied into the site (the PDF is
   `scripts/build_pdf.py`, `make pdf`).

Modes (decided automatically):
* "skip": nothing the site is made of changed since the last successful build (pages, stores, configuration,
  extensions, vendored assets): nothing to do;
* "all" (--all: every page re-read): the previous build failed, or the TOC/configuration/extensions or a page's
  headings changed (navigation is on every page), or --at-least-all;
* "warm": incremental build (pages whose source or outputs changed are re-read);
* "full" (only on request, --mode full): delete _build first, i.e. a cold build as on a fresh clone.

Usage: python scripts/build_book.py [--mode auto|warm|all|full] [--at-least-all] [--quiet]
Exit status: the build's exit status (0 = success).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
STATE = BUILD / ".book_state.json"
sys.path.insert(0, str(ROOT / "scripts"))
import execute  # noqa: E402  (scripts/execute.py)


def _files(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
            and (suffixes is None or p.suffix in suffixes)]


def _pages() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.md")) + sorted((ROOT / "book").glob("*.md"))


def site_hash() -> str:
    """SHA-256 over what every page's navigation depends on: the TOC, the configuration, the local extensions, the
    site's own static files (book/_assets, book/_fonts) and every page's headings. A change here re-writes all pages (--all) without re-executing notebooks;
    a plain incremental build would leave other pages' sidebars with stale titles."""
    h = hashlib.sha256()
    paths = [p for p in (ROOT / "_toc.yml", ROOT / "_config.yml") if p.is_file()] + _files(ROOT / "book" / "_ext", (".py",))
    paths += [p for p in (ROOT / "book" / "_vendor" / "VENDOR.json",) if p.is_file()]
    # the site's own static files: a warm build in which no page changed writes nothing and copies no static file,
    # so an edited stylesheet or script would never reach _build/html
    paths += _files(ROOT / "book" / "_assets") + _files(ROOT / "book" / "_fonts")
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for md in _pages():
        heads = [line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        h.update(str(md.relative_to(ROOT)).encode() + b"\0" + "\n".join(heads).encode() + b"\0")
    return h.hexdigest()


def tree_stamp() -> str:
    """Cheap fingerprint (path, size, mtime) of everything the site is built from, after execution/priming."""
    paths = [ROOT / "_toc.yml", ROOT / "_config.yml"] + _pages() + _files(ROOT / "book")
    paths += sorted((ROOT / "notebooks").glob("*.ipynb")) + _files(ROOT / "notebooks" / "downloads")
    paths += _files(execute.LOCAL_DIR) + [execute.PAIRED_MANIFEST]
    h = hashlib.sha256()
    for p in dict.fromkeys(paths):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(ROOT)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def read_state() -> dict:
    try:
        return json.loads(STATE.read_text())
    except (OSError, ValueError):
        return {}


def choose_mode(requested: str, at_least_all: bool, site: str, stamp: str) -> str:
    if requested != "auto":
        return requested
    state = read_state()
    if not (BUILD / "html" / "index.html").is_file() or not state.get("ok") or state.get("site") != site:
        return "all"
    if at_least_all:
        return "all"
    return "skip" if state.get("stamp") == stamp else "warm"


def jupyter_book() -> str:
    exe = Path(sys.executable).with_name("jupyter-book")
    return str(exe) if exe.exists() else "jupyter-book"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["auto", "warm", "all", "full"], default="auto",
                        help="auto (default) decides from what changed; full = cold build (deletes _build first)")
    parser.add_argument("--at-least-all", action="store_true",
                        help="never do a plain incremental build, and fail if the build executed a notebook (make test)")
    parser.add_argument("--quiet", action="store_true", help="pass -q to jupyter-book")
    parser.add_argument("--jobs", type=int, default=None, help="parallel notebook executions (default 2 on 2+ cores)")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    if args.mode == "full" and BUILD.exists():
        shutil.rmtree(BUILD)
    BUILD.mkdir(exist_ok=True)
    # 1. outputs: execute what is stale, prime the jupyter-cache
    rc = execute.main(["--jobs", str(args.jobs)] if args.jobs else [])
    if rc:
        print("[build_book] FAILED: a notebook page did not execute (see above); the site was not built.",
              file=sys.stderr)
        return rc
    t_exec = time.perf_counter() - t0
    site, stamp = site_hash(), tree_stamp()
    mode = choose_mode(args.mode, args.at_least_all, site, stamp)
    if mode == "skip":
        print(f"[build_book] up to date, nothing to build ({time.perf_counter() - t0:.1f} s). "
              f"HTML: {BUILD / 'html' / 'index.html'}")
        return 0
    # Record the state before building, marked not-ok, so an interrupted build is never "warm".
    STATE.write_text(json.dumps({"site": site, "stamp": "", "ok": False, "mode": mode}))
    before = execute.cache_record_ids()

    cmd = [jupyter_book(), "build", "-n", "-W", "--keep-going", "."]
    if mode in ("all", "full"):
        cmd.insert(2, "--all")
    if args.quiet:
        cmd.insert(2, "-q")
    print(f"[build_book] mode {mode}: {' '.join(cmd[1:])}", flush=True)
    env = dict(os.environ, PYTHONHASHSEED="0")
    rc = subprocess.call(cmd, cwd=ROOT, env=env)
    ok = rc == 0 and (BUILD / "html" / "index.html").is_file()
    executed = execute.cache_record_ids() - before
    if executed:
        print(f"[build_book] {'ERROR' if args.at_least_all else 'WARNING'}: the book build executed "
              f"{len(executed)} notebook(s) itself (its jupyter-cache was not primed with their outputs)",
              file=sys.stderr)
        ok = ok and not args.at_least_all
    if ok:  # the lecture decks (scripts/build_slides.py, issue #18): from the chapters' stored outputs, < 1 s
        ok = subprocess.call([sys.executable, str(ROOT / "scripts" / "build_slides.py"), "--quiet"], cwd=ROOT) == 0
    if ok:  # the printable book, if it is current, into the site (pages link pdf/book.pdf; scripts/build_pdf.py)
        import build_pdf

        build_pdf.publish_if_current()
    STATE.write_text(json.dumps({"site": site, "stamp": tree_stamp() if ok else "", "ok": ok, "mode": mode}))
    seconds = time.perf_counter() - t0
    if ok:
        print(f"[build_book] OK ({mode}, {seconds:.1f} s, of which {t_exec:.1f} s outputs). "
              f"HTML: {BUILD / 'html' / 'index.html'}")
        print("[build_book] serve offline: python3 -m http.server -d _build/html 8000  "
              "-> http://localhost:8000")
        return 0
    print(f"[build_book] FAILED ({mode}, {seconds:.1f} s, exit {rc}); the next build re-reads every page.",
          file=sys.stderr)
    return rc or 1


if __name__ == "__main__":
    sys.exit(main())

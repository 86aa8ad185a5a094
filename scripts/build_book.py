#!/usr/bin/env python3
"""Build the Jupyter Book strictly, re-executing notebooks when their inputs change.

jupyter-cache (execute_notebooks: cache) keys a notebook only on its code cells, so a change in
the `physics` package, in `data/` or in the pinned requirements would silently reuse stale
outputs. This script hashes those inputs (plus the notebooks' code cells and cell metadata) and
stores the hash in _build/.book_state.json after a successful build:

* hash differs, or no previous build  -> "full": delete _build (HTML, doctrees and the jupyter
  cache) and build with --all, so every notebook is executed again;
* hash equal but the previous build failed -> "all": --all (re-read every page so that
  warnings are reported again; unchanged notebooks come from the cache);
* TOC, configuration, extensions or any page's headings changed -> "all" as well (navigation is on every page);
* otherwise -> "warm": incremental build.

The build is always strict: `jupyter-book build -n -W --keep-going .` (and _config.yml sets
nb_execution_raise_on_error, so a failing cell fails the build).

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
SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".hypothesis"}


def _files(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or SKIP_PARTS.intersection(path.relative_to(ROOT).parts):
            continue
        if path.suffix in (".pyc", ".pyo"):
            continue
        if suffixes is None or path.suffix in suffixes:
            out.append(path)
    return out


def _notebook_code(md: Path) -> bytes:
    """Code cells (source + metadata) and kernelspec of a MyST notebook: what execution depends on."""
    import jupytext  # imported lazily: ~0.3 s

    text = md.read_text(encoding="utf-8")
    if not text.startswith("---") or "kernelspec:" not in text.split("\n---", 1)[0]:
        return b"text page"  # plain Markdown page: nothing is executed
    nb = jupytext.read(md)
    payload = {
        "kernelspec": nb.metadata.get("kernelspec", {}),
        "cells": [[c.source, c.metadata] for c in nb.cells if c.cell_type == "code"],
    }
    return json.dumps(payload, sort_keys=True, default=str).encode()


def input_hash() -> str:
    """SHA-256 over everything notebook outputs depend on that jupyter-cache does not see."""
    h = hashlib.sha256()
    h.update(f"python {sys.version_info[:3]}".encode())
    paths = _files(ROOT / "physics") + _files(ROOT / "data")
    paths += [p for p in (ROOT / "requirements.txt", ROOT / "pyproject.toml") if p.is_file()]
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for md in sorted((ROOT / "notebooks").glob("*.md")) + sorted((ROOT / "book").glob("*.md")):
        h.update(str(md.relative_to(ROOT)).encode() + b"\0" + _notebook_code(md) + b"\0")
    return h.hexdigest()


def site_hash() -> str:
    """SHA-256 over what every page's navigation depends on: the TOC, the configuration, the local extensions
    and every page's headings. A change here re-writes all pages (--all) without re-executing notebooks;
    a plain incremental build would leave other pages' sidebars with stale titles."""
    h = hashlib.sha256()
    paths = [p for p in (ROOT / "_toc.yml", ROOT / "_config.yml") if p.is_file()] + _files(ROOT / "book" / "_ext", (".py",))
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for md in sorted((ROOT / "notebooks").glob("*.md")) + sorted((ROOT / "book").glob("*.md")):
        heads = [line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        h.update(str(md.relative_to(ROOT)).encode() + b"\0" + "\n".join(heads).encode() + b"\0")
    return h.hexdigest()


def read_state() -> dict:
    try:
        return json.loads(STATE.read_text())
    except (OSError, ValueError):
        return {}


def choose_mode(requested: str, digest: str, at_least_all: bool, site: str = "") -> str:
    if requested != "auto":
        return requested
    state = read_state()
    if state.get("inputs") != digest or not (BUILD / "html" / "index.html").is_file():
        return "full"
    if not state.get("ok") or at_least_all or state.get("site") != site:
        return "all"
    return "warm"


def jupyter_book() -> str:
    exe = Path(sys.executable).with_name("jupyter-book")
    return str(exe) if exe.exists() else "jupyter-book"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["auto", "warm", "all", "full"], default="auto",
                        help="auto (default) decides from the input hash; full = cold build")
    parser.add_argument("--at-least-all", action="store_true",
                        help="never do a plain incremental build (used by `make test`)")
    parser.add_argument("--quiet", action="store_true", help="pass -q to jupyter-book")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    digest = input_hash()
    site = site_hash()
    mode = choose_mode(args.mode, digest, args.at_least_all, site)
    if mode == "full" and BUILD.exists():
        shutil.rmtree(BUILD)
    BUILD.mkdir(exist_ok=True)
    # Record the inputs before building, marked not-ok, so an interrupted build is never "warm".
    STATE.write_text(json.dumps({"inputs": digest, "site": site, "ok": False, "mode": mode}))

    cmd = [jupyter_book(), "build", "-n", "-W", "--keep-going", "."]
    if mode in ("all", "full"):
        cmd.insert(2, "--all")
    if args.quiet:
        cmd.insert(2, "-q")
    print(f"[build_book] inputs {digest[:12]}, mode {mode}: {' '.join(cmd[1:])}", flush=True)
    env = dict(os.environ, PYTHONHASHSEED="0")
    rc = subprocess.call(cmd, cwd=ROOT, env=env)
    ok = rc == 0 and (BUILD / "html" / "index.html").is_file()
    STATE.write_text(json.dumps({"inputs": digest, "site": site, "ok": ok, "mode": mode}))
    seconds = time.perf_counter() - t0
    if ok:
        print(f"[build_book] OK ({mode}, {seconds:.1f} s). HTML: {BUILD / 'html' / 'index.html'}")
        print("[build_book] serve offline: python3 -m http.server -d _build/html 8000  "
              "-> http://localhost:8000")
        return 0
    print(f"[build_book] FAILED ({mode}, {seconds:.1f} s, exit {rc}); the next build re-reads every page.",
          file=sys.stderr)
    return rc or 1


if __name__ == "__main__":
    sys.exit(main())

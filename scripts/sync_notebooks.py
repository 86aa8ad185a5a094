#!/usr/bin/env python3
"""Pair every MyST chapter with its .ipynb and refresh the stored outputs (`make notebooks`).

For each notebooks/*.md that has a jupytext header (formats ipynb,md:myst):
1. the .md is read with jupytext; the .md is always the source and is never rewritten
   (`jupytext --sync` would take the inputs from whichever file of the pair is newer, which
   after a git checkout is arbitrary, and would also rewrite the .md header);
2. it is executed top to bottom with nbclient, in notebooks/ (the cwd used by the book build
   and by nbval), with the venv's python3 kernel;
3. volatile metadata is removed so that re-running gives a clean diff: cell ids are derived
   from the cell content (jupytext would draw random ones), no `metadata.execution`
   timestamps, execution counts 1..n, no widget state;
4. the result is written to the paired .ipynb (jupytext pairing metadata included), and the .md
   is touched so that it stays the newer file (Jupyter's pairing then treats it as the source).

A chapter with a failing cell is reported and its .ipynb left unchanged; the exit status is then 1.
Usage: python scripts/sync_notebooks.py [notebooks/NAME.md ...]   (default: all chapters)\n       make notebooks [NB=notebooks/NAME.md]
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TIMEOUT = 300  # seconds per cell, as in _config.yml


def has_jupytext_header(md: Path) -> bool:
    text = md.read_text(encoding="utf-8")
    return text.startswith("---") and "jupytext:" in text.split("\n---", 1)[0]


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run without changing the content."""
    nb.metadata.pop("widgets", None)
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count if cell.outputs or cell.source.strip() else None
        for out in cell.outputs:
            if "execution_count" in out:
                out["execution_count"] = cell.execution_count
            out.get("metadata", {}).pop("execution", None)
    return nb


def content_ids(nb: nbformat.NotebookNode) -> None:
    """Deterministic cell ids: first 8 hex digits of sha1(cell type + source), made unique."""
    seen: set[str] = set()
    for cell in nb.cells:
        base = hashlib.sha1(f"{cell.cell_type}\0{cell.source}".encode()).hexdigest()[:8]
        cid, k = base, 1
        while cid in seen:
            cid, k = f"{base}-{k}", k + 1
        seen.add(cid)
        cell["id"] = cid


def refresh(md: Path) -> float:
    t0 = time.perf_counter()
    ipynb = md.with_suffix(".ipynb")
    nb = jupytext.read(md)
    content_ids(nb)
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(md.parent)}})
    client.execute()
    jupytext.write(clean(nb), ipynb, fmt="ipynb")
    os.utime(md, None)  # keep the .md the newer file of the pair
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    targets = [Path(a).resolve() for a in argv] or sorted(NOTEBOOKS.glob("*.md"))
    chapters = [md for md in targets if md.suffix == ".md" and has_jupytext_header(md)]
    if not chapters:
        print("[sync_notebooks] no MyST notebooks with a jupytext header found")
        return 0
    os.environ.setdefault("PYTHONHASHSEED", "0")
    failed = []
    for md in chapters:
        try:
            seconds = refresh(md)
        except Exception as exc:  # report which chapter failed, go on with the others
            print(f"[sync_notebooks] FAILED {md.relative_to(ROOT)} (its .ipynb was not written): "
                  f"{type(exc).__name__}: {exc}", file=sys.stderr)
            failed.append(md.name)
            continue
        print(f"[sync_notebooks] {md.relative_to(ROOT)} -> {md.with_suffix('.ipynb').name} ({seconds:.1f} s)")
    if failed:
        print(f"[sync_notebooks] {len(failed)} chapter(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

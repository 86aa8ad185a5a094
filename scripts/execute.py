#!/usr/bin/env python3
"""Execute each notebook page once per change of what it uses, and reuse its outputs everywhere else.

A *page* is a MyST .md with a kernelspec (the chapters in notebooks/ and executable front-matter pages such as
book/ledger.md).  Its outputs live in a *store*:

* a chapter paired with an .ipynb (jupytext ``formats: ipynb,md:myst``): the paired, committed notebooks/NAME.ipynb,
  described by the committed manifest notebooks/.exec_manifest.json;
* any other page: _build/.exec/<path>.ipynb, described by _build/.exec/manifest.json.

A page is re-executed only when its **dependency digest** changed.  The digest hashes the page's code cells (source
and metadata) and kernelspec, the Python version (major.minor), requirements.txt and pyproject.toml, and the content
of every repository file the page *used* the last time it ran: the executor records, inside the kernel, every module
under the repository in ``sys.modules`` (the ``physics`` modules it imported, transitively) and every repository file
opened for reading (an audit hook: ``physics/data/...``, ``data/...``).  So a change in one module re-executes the
pages that import it, and no other page; a change in a data file re-executes the pages that read it.  The file
contents are hashed *before* execution, so an edit made while a page runs leaves the page stale, never wrongly
current.  If only the prose of a chapter changed, its .ipynb is re-paired (new Markdown cells, same outputs) without
executing.

The explorer's download files (notebooks/downloads/, written by ``physics.viz.export.write_downloads``) are a further
task tracked the same way (task ``downloads``): on a fresh clone it runs on its own.  The chapter that shows them
(11_explorer) writes the same files with the same call; the kernel records what a page writes into
notebooks/downloads/, and when such a page is executed in the same run as a stale ``downloads`` task, the task is not
run a second time (nor at the same time, into the same files): it is recorded as written by that page, with the
page's used files as its inputs (everything the written files depend on).  If the page fails or writes nothing
there, the task runs on its own afterwards.

Stale pages run in parallel (``--jobs``, default 2 on a machine with 2+ cores; each kernel is single-threaded:
OMP/OpenBLAS/MKL threads = 1).  Then the jupyter-cache used by the book (_build/.jupyter_cache; myst-nb
``execute_notebooks: cache``) is primed with the stored outputs, so the book build renders them and executes nothing.

Usage:
  python scripts/execute.py [PAGE.md ...]        bring pages up to date (default: all), prime the book's cache
  python scripts/execute.py --status             list pages and whether they are current (exit 0)
  python scripts/execute.py --force [PAGE.md]    re-execute even if current (`make notebooks`)
  python scripts/execute.py --verify             for `make test`: nbval the current paired chapters (one execution
                                                 each, against the committed outputs) and execute the stale ones
                                                 (one execution each) -- never both
Exit status 0 on success, 1 if a page failed (its store is then left unchanged) or nbval failed.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import json
import multiprocessing as mp
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "_build"
PAIRED_MANIFEST = NOTEBOOKS / ".exec_manifest.json"
LOCAL_DIR = BUILD / ".exec"
LOCAL_MANIFEST = LOCAL_DIR / "manifest.json"
CACHE = BUILD / ".jupyter_cache"
TIMEOUT = 300  # seconds per cell, as in _config.yml
SKIP_PARTS = {".venv", "_build", ".git", "__pycache__", ".pytest_cache", ".hypothesis", ".ipynb_checkpoints",
              "node_modules"}
ENV_FILES = ("requirements.txt", "pyproject.toml")
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
DOWNLOADS = "downloads"  # the explorer's download files, a task of its own

# Run in the kernel before the page (not stored): record every repository file opened for reading.
_SETUP = r'''
import sys as _xq_sys, os as _xq_os
_xq_root = {root!r}
_xq_read = set()
_xq_wrote = set()
def _xq_hook(event, args):
    if event != "open" or not args:
        return
    try:
        path = _xq_os.fspath(args[0])
    except TypeError:
        return
    if isinstance(path, bytes) or not isinstance(path, str):
        return
    mode, flags = (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else 0)
    path = _xq_os.path.abspath(path)
    if isinstance(mode, str):
        if any(c in mode for c in "wax+"):
            if path.startswith(_xq_root):
                _xq_wrote.add(path)
            return
    elif isinstance(flags, int) and flags & (_xq_os.O_WRONLY | _xq_os.O_RDWR | _xq_os.O_CREAT):
        if path.startswith(_xq_root):
            _xq_wrote.add(path)
        return
    if path.startswith(_xq_root):
        _xq_read.add(path)
_xq_sys.addaudithook(_xq_hook)
'''
# Run in the kernel after the page (not stored): print the repository files the page used.
_REPORT = r'''
import json as _xq_json
_xq_used = set(_xq_read)
for _xq_m in list(_xq_sys.modules.values()):
    _xq_f = getattr(_xq_m, "__file__", None)
    if isinstance(_xq_f, str) and _xq_os.path.abspath(_xq_f).startswith(_xq_root):
        _xq_used.add(_xq_os.path.abspath(_xq_f))
print("XQ-USED " + _xq_json.dumps(sorted(_xq_used)))
print("XQ-WROTE " + _xq_json.dumps(sorted(_xq_wrote)))
'''


# ---------------------------------------------------------------------------------------------------- pages and hashes
def _front_matter(md: Path) -> str:
    text = md.read_text(encoding="utf-8")
    return text.split("\n---", 1)[0] if text.startswith("---") else ""


def is_page(md: Path) -> bool:
    return "kernelspec:" in _front_matter(md)


def is_paired(md: Path) -> bool:
    head = _front_matter(md)
    return "jupytext:" in head and "formats:" in head and "ipynb" in head.split("formats:", 1)[1].splitlines()[0]


def all_pages() -> list[Path]:
    return [md for md in sorted(NOTEBOOKS.glob("*.md")) + sorted((ROOT / "book").glob("*.md")) if is_page(md)]


def all_tasks() -> list[str]:
    """Every page, plus the explorer's download files when a chapter links to them."""
    pages = [rel(md) for md in all_pages()]
    linked = any("<downloads/" in md.read_text(encoding="utf-8") for md in NOTEBOOKS.glob("*.md"))
    return pages + ([DOWNLOADS] if linked else [])


def rel(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix()


def store_of(key: str) -> Path:
    if key == DOWNLOADS:
        return NOTEBOOKS / "downloads"
    md = ROOT / key
    return md.with_suffix(".ipynb") if is_paired(md) else LOCAL_DIR / Path(key).with_suffix(".ipynb")


def manifest_of(key: str) -> Path:
    return PAIRED_MANIFEST if key != DOWNLOADS and is_paired(ROOT / key) else LOCAL_MANIFEST


def load(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def save(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dict(sorted(data.items())), indent=1, sort_keys=True) + "\n")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(relpath: str, snapshot: dict | None = None) -> str:
    if snapshot is not None and relpath in snapshot:
        return snapshot[relpath]
    path = ROOT / relpath
    return sha(path.read_bytes()) if path.is_file() else "missing"


def snapshot_files() -> dict[str, str]:
    """Content hashes of every repository file a page could use (taken before executing)."""
    out = {}
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_PARTS]
        for name in files:
            path = Path(folder) / name
            top = path.relative_to(ROOT).parts[0]
            if path.suffix not in (".pyc", ".ipynb") and (top in ("physics", "data") or path.suffix == ".py"):
                out[rel(path)] = sha(path.read_bytes())
    return out


def code_payload(key: str) -> str:
    """What execution depends on inside the page: kernelspec + code cells (source and metadata)."""
    if key == DOWNLOADS:
        return "physics.viz.export.write_downloads(explorer results)"
    import jupytext

    nb = jupytext.read(ROOT / key)
    return json.dumps({"kernelspec": nb.metadata.get("kernelspec", {}),
                       "cells": [[c.source, c.metadata] for c in nb.cells if c.cell_type == "code"]},
                      sort_keys=True, default=str)


def code_digest(key: str, entry: dict | None = None) -> str:
    """sha256 of code_payload; reuses the manifest's value while the page file is byte-identical (no jupytext read)."""
    if key != DOWNLOADS and entry and entry.get("code_sha256") and entry.get("md_sha256") == sha((ROOT / key).read_bytes()):
        return entry["code_sha256"]
    return sha(code_payload(key).encode())


def digest(key: str, used: list[str], snapshot: dict | None = None, code: str | None = None) -> str:
    h = hashlib.sha256()
    h.update(f"python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for name in ENV_FILES:
        h.update(f"{name}\0{file_digest(name, snapshot)}\0".encode())
    h.update((code or code_digest(key)).encode() + b"\0")
    for relpath in sorted(used):
        h.update(f"{relpath}\0{file_digest(relpath, snapshot)}\0".encode())
    return h.hexdigest()


def status(key: str) -> str:
    """'current', 'prose' (only Markdown changed: re-pair without executing) or the reason it must execute."""
    entry = load(manifest_of(key)).get(key)
    store = store_of(key)
    if not entry:
        return "never executed"
    if key == DOWNLOADS:
        if not store.is_dir() or sorted(p.name for p in store.iterdir()) != entry.get("files"):
            return "files missing"
    elif not store.is_file():
        return "no stored outputs"
    elif sha(store.read_bytes()) != entry.get("store_sha256"):
        return "stored outputs changed outside the executor"
    if digest(key, entry["used"], code=code_digest(key, entry)) != entry["digest"]:
        return "inputs changed"
    if key != DOWNLOADS and sha((ROOT / key).read_bytes()) != entry.get("md_sha256"):
        return "prose"
    return "current"


# ------------------------------------------------------------------------------------------------------- execution
def _clean(nb):
    """Drop what changes from run to run without changing the content (as scripts/sync_notebooks.py always did)."""
    nb.metadata.pop("widgets", None)
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count if cell.outputs or cell.source.strip() else None
        merged = []  # consecutive stream chunks of one stream are one output (the kernel splits them at random)
        for out in cell.outputs:
            if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                    and merged[-1].get("name") == out.get("name")):
                merged[-1]["text"] = merged[-1]["text"] + out["text"]
            else:
                merged.append(out)
        cell.outputs = merged
        for out in cell.outputs:
            if "execution_count" in out:
                out["execution_count"] = cell.execution_count
            out.get("metadata", {}).pop("execution", None)
    return nb


def _content_ids(nb) -> None:
    """Deterministic cell ids: first 8 hex digits of sha1(cell type + source), made unique."""
    seen: set[str] = set()
    for cell in nb.cells:
        base = hashlib.sha1(f"{cell.cell_type}\0{cell.source}".encode()).hexdigest()[:8]
        cid, k = base, 1
        while cid in seen:
            cid, k = f"{base}-{k}", k + 1
        seen.add(cid)
        cell["id"] = cid


def _used_from(text: str) -> list[str]:
    for line in text.splitlines():
        if line.startswith("XQ-USED "):
            # generated files are outputs of other tasks, not inputs: the explorer's downloads (a task of their own,
            # gitignored, absent from a fresh clone) would otherwise make a page that shows them look stale in CI
            generated = NOTEBOOKS / "downloads"
            return sorted({rel(Path(p)) for p in json.loads(line[8:])
                           if not SKIP_PARTS.intersection(Path(p).relative_to(ROOT).parts)
                           and Path(p).suffix not in (".pyc",) and Path(p).is_file()
                           and generated not in Path(p).parents})
    raise RuntimeError("the kernel did not report the files it used")


def _wrote_downloads(text: str) -> list[str]:
    """The files under notebooks/downloads/ the kernel opened for writing (XQ-WROTE line), relative to notebooks/."""
    generated = NOTEBOOKS / "downloads"
    for line in text.splitlines():
        if line.startswith("XQ-WROTE "):
            return sorted({Path(p).relative_to(NOTEBOOKS).as_posix() for p in json.loads(line[9:])
                           if generated in Path(p).parents})
    return []


def run_page(key: str) -> dict:
    """Execute one page in a fresh kernel; return the executed notebook (JSON) and the files it used."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    t0 = time.perf_counter()
    md = ROOT / key
    nb = jupytext.read(md)
    _content_ids(nb)
    setup = nbformat.v4.new_code_cell(_SETUP.format(root=str(ROOT)))
    report = nbformat.v4.new_code_cell(_REPORT)
    nb.cells = [setup, *nb.cells, report]
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(md.parent)}})
    client.execute()
    used_text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
    nb.cells = nb.cells[1:-1]
    return {"nb": nbformat.writes(_clean(nb)), "used": _used_from(used_text), "wrote": _wrote_downloads(used_text),
            "seconds": round(time.perf_counter() - t0, 2)}


def run_downloads() -> dict:
    """Write notebooks/downloads/ in a fresh interpreter, recording the files it used."""
    t0 = time.perf_counter()
    code = _SETUP.format(root=str(ROOT)) + (
        "from physics import explorer\nfrom physics.viz import export\n"
        "export.write_downloads({out!r}, {{n: explorer.explore_benchmark(n) for n in explorer.BENCHMARKS}})\n"
    ).format(out=str(NOTEBOOKS / "downloads")) + _REPORT
    out = subprocess.run([sys.executable, "-c", code], cwd=NOTEBOOKS, capture_output=True, text=True,
                         env={**os.environ, **SINGLE_THREAD})
    if out.returncode:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}")
    return {"used": _used_from(out.stdout), "seconds": round(time.perf_counter() - t0, 2)}


def _task(key: str) -> dict:
    return run_downloads() if key == DOWNLOADS else run_page(key)


def repair_prose(key: str) -> None:
    """Only the Markdown of a paired chapter changed: rewrite its .ipynb from the .md, keeping the outputs."""
    import jupytext
    import nbformat

    store = store_of(key)
    old = nbformat.read(store, as_version=4)
    nb = jupytext.read(ROOT / key)
    _content_ids(nb)
    old_code = [c for c in old.cells if c.cell_type == "code"]
    new_code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.source for c in old_code] == [c.source for c in new_code], "code changed: execute instead"
    for new, prev in zip(new_code, old_code):
        new.outputs, new.execution_count = prev.outputs, prev.execution_count
    nb.metadata.update({k: v for k, v in old.metadata.items() if k in ("language_info",)})
    _write_store(key, nbformat.writes(_clean(nb)))
    entries = load(manifest_of(key))
    entries[key].update(md_sha256=sha((ROOT / key).read_bytes()), store_sha256=sha(store.read_bytes()))
    save(manifest_of(key), entries)


def _write_store(key: str, text: str) -> None:
    import jupytext
    import nbformat

    store = store_of(key)
    store.parent.mkdir(parents=True, exist_ok=True)
    new = store.with_name(".new-" + store.name)  # same suffix: jupytext picks the writer by extension
    if is_paired(ROOT / key):
        jupytext.write(nbformat.reads(text, as_version=4), new, fmt="ipynb")
    else:
        new.write_text(text)
    if store.is_file() and store.read_bytes() == new.read_bytes():
        new.unlink()  # the same outputs as stored (e.g. a comment changed in a module it uses): nothing to re-render
        return
    new.replace(store)
    # new outputs: an incremental book build must re-read the page (and the .md stays the newer file of a pair)
    os.utime(ROOT / key, None)


def jobs_default() -> int:
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def bring_up_to_date(keys: list[str], force: bool = False, jobs: int | None = None, quiet: bool = False) -> tuple[list, list]:
    """Execute the stale pages among `keys` (all of them with force). Returns (executed keys, failed keys)."""
    todo, repair = [], []
    for key in keys:
        state = "forced" if force else status(key)
        if state == "prose":
            repair.append(key)
        elif state != "current":
            todo.append((key, state))
    for key in repair:
        repair_prose(key)
        print(f"[execute] {key}: prose changed, outputs kept (re-paired without executing)")
    if not todo:
        if not quiet:
            print(f"[execute] {len(keys)} page(s) current, nothing to execute")
        return [], []
    snapshot = snapshot_files()
    code_digests = {key: code_digest(key) for key, _ in todo}  # before executing, like the snapshot
    # longest first (recorded seconds) so that 2 workers finish together
    seconds = {k: load(manifest_of(k)).get(k, {}).get("seconds", 99.0) for k, _ in todo}
    todo.sort(key=lambda kv: -seconds[kv[0]])
    # the downloads task waits for a page of this run that wrote the download files last time (it writes them again)
    writers = [k for k, _ in todo if k != DOWNLOADS and load(manifest_of(k)).get(k, {}).get("writes_downloads")]
    deferred = DOWNLOADS in dict(todo) and bool(writers)
    for key, why in todo:
        print(f"[execute] {key}: {why} -> executing"
              + (f" (unless {', '.join(writers)} writes it)" if deferred and key == DOWNLOADS else ""), flush=True)
    saved = {k: os.environ.get(k) for k in SINGLE_THREAD}
    os.environ.update(SINGLE_THREAD)  # inherited by the kernels
    done, failed = [], []
    try:
        workers = max(1, min(jobs or jobs_default(), len(todo) - deferred))
        # spawn, not fork: a forked copy of a process that already ran a kernel client (zmq, asyncio) may die
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
            futures = {pool.submit(_task, key): key for key, _ in todo if not (deferred and key == DOWNLOADS)}
            while futures:
                finished, _ = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
                for fut in finished:
                    key = futures.pop(fut)
                    try:
                        result = fut.result()
                    except Exception as exc:  # report which page failed, go on with the others
                        print(f"[execute] FAILED {key} (stored outputs left unchanged): {type(exc).__name__}: {exc}",
                              file=sys.stderr, flush=True)
                        failed.append(key)
                        result = None
                    if result is not None:
                        _record(key, result, snapshot, code_digests[key])
                        done.append(key)
                        print(f"[execute] {key}: executed in {result['seconds']:.1f} s "
                              f"({sum(u.startswith('physics/') for u in result['used'])} physics files used)",
                              flush=True)
                    if deferred and key in writers:
                        writers.remove(key)
                        if result is not None and result.get("wrote"):
                            _record(DOWNLOADS, {"used": result["used"], "seconds": 0.0}, snapshot,
                                    code_digests[DOWNLOADS], written_by=key)
                            done.append(DOWNLOADS)
                            deferred = False
                            print(f"[execute] {DOWNLOADS}: written by {key} in this run ({len(result['wrote'])} "
                                  f"files), not executed again", flush=True)
                        elif not writers:  # no page of this run wrote them: the task runs on its own
                            futures[pool.submit(_task, DOWNLOADS)] = DOWNLOADS
                            deferred = False
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return done, failed


def _record(key: str, result: dict, snapshot: dict, code: str, written_by: str | None = None) -> None:
    """Store a task's outputs and its manifest entry (digest over the files it used, hashed before executing)."""
    entries = load(manifest_of(key))
    entry = {"digest": digest(key, result["used"], snapshot, code), "used": result["used"],
             "seconds": result["seconds"], "code_sha256": code}
    if key == DOWNLOADS:
        entry["files"] = sorted(p.name for p in store_of(key).iterdir())
        if written_by:
            entry["written_by"] = written_by
    else:
        _write_store(key, result["nb"])
        entry["md_sha256"] = sha((ROOT / key).read_bytes())
        entry["store_sha256"] = sha(store_of(key).read_bytes())
        if result.get("wrote"):
            entry["writes_downloads"] = True
    entries[key] = entry
    save(manifest_of(key), entries)


# -------------------------------------------------------------------------------------------- the book's jupyter-cache
def prime_cache(keys: list[str]) -> int:
    """Put each page's stored outputs into the book's jupyter-cache, keyed the way myst-nb reads the .md page.

    myst-nb (execute_notebooks: cache) then finds every page and executes none.  Returns the number of records written.
    Pages whose page file and stored outputs are byte-identical to the last priming (_build/.exec/primed.json) are
    skipped without reading them."""
    primed_path = LOCAL_DIR / "primed.json"
    primed = load(primed_path) if CACHE.is_dir() else {}
    stamps = {k: [sha((ROOT / k).read_bytes()), sha(store_of(k).read_bytes())] for k in keys if k != DOWNLOADS}
    keys = [k for k in stamps if primed.get(k) != stamps[k]]
    if not keys:
        return 0
    import nbformat
    import yaml
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    md_config = MdParserConfig(enable_extensions=set(config.get("parse", {}).get("myst_enable_extensions", [])))
    cache = get_cache(str(CACHE))
    written = 0
    for key in keys:
        if key == DOWNLOADS:
            continue
        md = ROOT / key
        nb = read_myst_markdown_notebook(md.read_text(encoding="utf-8"), config=md_config, add_source_map=True,
                                         path=str(md))
        stored = nbformat.read(store_of(key), as_version=4)
        code, stored_code = ([c for c in n.cells if c.cell_type == "code"] for n in (nb, stored))
        if [c.source.strip() for c in code] != [c.source.strip() for c in stored_code]:
            raise RuntimeError(f"{key}: stored notebook does not hold the page's code (run scripts/execute.py)")
        for cell, done in zip(code, stored_code):
            cell.outputs, cell.execution_count = done.outputs, done.execution_count
        nb.metadata.update({k: v for k, v in stored.metadata.items() if k in ("language_info", "widgets")})
        try:
            record = cache.match_cache_notebook(nb)
            cached = cache.get_cache_bundle(record.pk).nb
            if [c.outputs for c in cached.cells if c.cell_type == "code"] == [c.outputs for c in code]:
                continue  # already primed with these outputs
        except KeyError:
            pass
        cache.cache_notebook_bundle(CacheBundleIn(nb, str(md), data={"execution_seconds": 0.0}),
                                    check_validity=False, overwrite=True)
        written += 1
        os.utime(md, None)  # the page's outputs in the cache changed: an incremental build must re-read it
    primed.update({k: stamps[k] for k in keys})
    save(primed_path, primed)
    return written


def cache_record_ids() -> set[tuple[int, str]]:
    """(primary key, creation time) of the cache records (a build that adds one has executed a page)."""
    if not CACHE.exists():
        return set()
    from jupyter_cache import get_cache

    return {(r.pk, r.created.isoformat()) for r in get_cache(str(CACHE)).list_cache_records()}


# ------------------------------------------------------------------------------------------------------------ verify
def verify(jobs: int | None = None) -> int:
    """make test: every paired chapter is either verified by nbval (current) or executed (stale) -- once."""
    keys = [rel(md) for md in all_pages()]
    paired = [k for k in keys if is_paired(ROOT / k)]
    stale = [k for k in keys if status(k) not in ("current", "prose")]
    current = [k for k in paired if k not in stale]
    t0 = time.perf_counter()
    done, failed = bring_up_to_date(keys, jobs=jobs, quiet=True)  # stale pages only; prose-only changes re-paired
    # nbval: one pytest per worker, chapters balanced by their recorded execution time
    seconds = {k: load(PAIRED_MANIFEST).get(k, {}).get("seconds", 10.0) for k in current}
    workers = max(1, min(jobs or jobs_default(), len(current)))
    groups: list[list[str]] = [[] for _ in range(workers)]
    for key in sorted(current, key=lambda k: -seconds[k]):
        min(groups, key=lambda g: sum(seconds[k] for k in g)).append(key)
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
           "--nbval-sanitize-with", "tests/nbval_sanitize.cfg"]
    env = {**os.environ, **SINGLE_THREAD}
    procs = [subprocess.Popen(cmd + [str(store_of(k).relative_to(ROOT)) for k in g], cwd=ROOT, env=env)
             for g in groups if g]
    # meanwhile: the explorer's download files, if their inputs changed (short; a third process for a few seconds)
    more, more_failed = bring_up_to_date([k for k in all_tasks() if k == DOWNLOADS], jobs=1, quiet=True)
    done, failed = done + more, failed + more_failed
    rcs = [p.wait() for p in procs]
    print(f"[execute] verify: nbval on {len(current)} current chapter(s) in {len(procs)} process(es), "
          f"executed {len(done)} stale page(s)/task(s), {time.perf_counter() - t0:.1f} s", flush=True)
    if failed or any(rcs):
        print(f"[execute] verify FAILED: executions failed {failed}, nbval exit codes {rcs}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages (.md) to consider; default: all, plus the explorer downloads")
    parser.add_argument("--force", action="store_true", help="re-execute even if current")
    parser.add_argument("--status", action="store_true", help="only report which pages are current")
    parser.add_argument("--verify", action="store_true", help="nbval the current chapters, execute the stale ones")
    parser.add_argument("--no-cache", action="store_true", help="do not prime the book's jupyter-cache")
    parser.add_argument("--jobs", type=int, default=None, help="parallel executions (default 2 on 2+ cores)")
    args = parser.parse_args(argv)
    if args.verify:
        return verify(args.jobs)
    keys = [rel(Path(p)) for p in args.pages] or all_tasks()
    if args.status:
        for key in keys:
            print(f"{key}: {status(key)}")
        return 0
    t0 = time.perf_counter()
    done, failed = bring_up_to_date(keys, force=args.force, jobs=args.jobs)
    if not args.no_cache:
        ok = [k for k in keys if k not in failed]
        n = prime_cache(ok)
        if n:
            print(f"[execute] primed the book's jupyter-cache with {n} page(s)")
    if done:
        print(f"[execute] executed {len(done)} page(s)/task(s) in {time.perf_counter() - t0:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

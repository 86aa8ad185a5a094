"""Make sure the files behind the chapters' {download} links (notebooks/downloads/) exist before Sphinx reads the pages.

Normally they already do: scripts/execute.py (task "downloads", run by `make book`/`make test` before the build)
writes them and re-writes them whenever a file they depend on changes.  This extension is the fallback for a bare
`jupyter-book build`.

notebooks/11_explorer.md writes notebooks/downloads/ when it is EXECUTED.  With `execute_notebooks: cache`, a build
that takes the notebook from the jupyter cache (mode "all"/"warm" after the folder was deleted, or a fresh checkout
with a kept _build) does not execute it, and the strict build then fails with
"WARNING: download file not readable: .../notebooks/downloads/fig1_left_kpi.csv".
This extension (builder-inited) parses the page's `<downloads/NAME>` targets and, if any is missing, regenerates the
whole folder with the same call as the page (physics.viz.export.write_downloads, ~10 s).  The files are deterministic
(tests/test_export.py compares them with the curves), so regenerating never changes an existing file's bytes.
Install: copy to book/_ext/explorer_downloads.py and add `explorer_downloads: book/_ext` to sphinx.local_extensions.
"""
import re
from pathlib import Path


def _ensure(app):
    pages = sorted((Path(app.srcdir) / "notebooks").glob("*.md"))
    names = set()
    for page in pages:
        names |= set(re.findall(r"<downloads/([^>]+)>", page.read_text(encoding="utf-8")))
    folder = Path(app.srcdir) / "notebooks" / "downloads"
    if all((folder / n).is_file() for n in names):  # nothing linked, or everything there: nothing to do
        return
    from physics import explorer
    from physics.viz import export

    results = {name: explorer.explore_benchmark(name) for name in explorer.BENCHMARKS}
    export.write_downloads(folder, results)
    missing = sorted(n for n in names if not (folder / n).is_file())
    if missing:
        raise RuntimeError(f"explorer downloads still missing after regeneration: {missing}")


def setup(app):
    app.connect("builder-inited", _ensure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Offer the executed notebook (.ipynb) of every MyST-md notebook page in the page's download menu.

The offered notebook keeps every cell and its text outputs; figures and interactive HTML outputs are replaced by a
one-line note (they are on the page, and re-running the cell draws them), which keeps the site light: the heavy
outputs were 1.6 of the 1.8 MB these notebooks weighed.  The repository's notebooks/*.ipynb keep everything.

sphinx-book-theme 1.3 lists ".ipynb" only when context["ipynb_source"] is set, and sets it (copying
_build/jupyter_execute/<page>.ipynb into _build/html/_sources/) only when a launch button
(Binder/JupyterHub/Colab/Thebe/JupyterLite) is configured; an offline book has none. Besides, with
`execute_notebooks: cache` myst-nb 1.4 writes jupyter_execute/<page>.ipynb WITHOUT outputs whenever the
notebook comes from the cache (it merges the cached outputs into a copy). So this extension reads the page
the way myst-nb does, merges the outputs from the jupyter-cache and writes _sources/<page>.ipynb.
It runs before the theme's header-button handlers (priority 501).
"""
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from myst_nb.core.read import create_nb_reader


def add_ipynb_source(app, pagename, templatename, context, doctree):
    if doctree is None or "kernelspec" not in app.env.metadata.get(pagename, {}):
        return  # not a notebook page
    source = Path(app.env.doc2path(pagename))
    text = source.read_text(encoding="utf-8")
    reader = create_nb_reader(str(source), app.env.myst_config, app.env.mystnb_config, text)
    if reader is None:
        return
    notebook = reader.read(text)
    cache_path = app.env.mystnb_config.execution_cache_path or Path(app.outdir).parent / ".jupyter_cache"
    try:
        _, notebook = get_cache(cache_path).merge_match_into_notebook(notebook)
    except KeyError:  # not executed (execution off, or it failed): offer no stale notebook
        return
    _strip_heavy_outputs(notebook)
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    context["ipynb_source"] = f"{pagename}.ipynb"


HEAVY = ("image/png", "image/jpeg", "image/svg+xml", "text/html", "application/pdf")


def _strip_heavy_outputs(notebook) -> None:
    """Drop figure and HTML outputs (kept: text, markdown, errors); an output left empty says where the figure is."""
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            data = out.get("data")
            heavy = [k for k in (data or {}) if k in HEAVY or any(k.endswith("/" + h) for h in HEAVY)]
            if not heavy:  # (glued figures are stored as application/papermill.record/image/png)
                continue
            for k in heavy:
                data.pop(k, None)
            if not any(k.startswith("text/") for k in data):
                data["text/plain"] = "[figure or interactive output: shown on the web page; re-run the cell to draw it]"


def setup(app):
    app.connect("html-page-context", add_ipynb_source, priority=500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

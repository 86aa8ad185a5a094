"""Serve the interactive figures' code offline as shared, cached files, loaded only by pages that draw one (no CDN).

Chapters embed a figure with ``physics.viz.interactive.figure_html(spec, div_id)`` shown through
``IPython.display.HTML``: a ``<div class="u1x-figure">`` plus its data as ``<script type="application/json">``, no
script code.  The static explorer (notebooks/11_explorer.md) has a ``u1x-figure`` div of its own that explorer.js
draws into.  This extension

* serves uPlot (npm ``uplot`` 1.6.32, MIT; 51 kB + 2 kB CSS): vendored, pinned and checksummed in book/_vendor/uplot/
  (book/_vendor/VENDOR.json, scripts/vendor_assets.py), copied once to ``_static/uplot/``; and the book's drawing code
  on top of it, book/_assets/plane/planeplot.{js,css} (log axes, legend, hover readout, zoom, points with error
  bars, menus), copied to ``_static/plane/``;
* adds those four files to exactly the pages that contain a ``u1x-figure`` element (JS with priority 400, i.e.
  before the explorer's scripts at the default 500, which call ``PlanePlot.render``).

Sphinx resets per-page script lists after each page, so other pages do not load the files.
"""
import re
from pathlib import Path

from docutils import nodes

BOOK = Path(__file__).resolve().parent.parent
VENDOR = BOOK / "_vendor"
ASSETS = BOOK / "_assets"
#: an element with the class u1x-figure (alone or among others)
MARK = re.compile(r'class="(?:[^"]*\s)?u1x-figure(?:\s[^"]*)?"')
JS = ("uplot/uPlot.iife.min.js", "plane/planeplot.js")
CSS = ("uplot/uPlot.min.css", "plane/planeplot.css")


def _static(app, config):
    for folder, prefix in ((VENDOR, "uplot/"), (ASSETS, "plane/")):
        for f in (f for f in JS + CSS if f.startswith(prefix)):
            if not (folder / f).is_file():
                raise FileNotFoundError(f"{folder / f} missing" + (": run scripts/vendor_assets.py"
                                                                     if folder == VENDOR else ""))
        if str(folder) not in config.html_static_path:
            config.html_static_path = [*config.html_static_path, str(folder)]


def has_figure(doctree) -> bool:
    """True if a raw HTML node of the page holds an interactive figure (a u1x-figure element)."""
    return doctree is not None and any(MARK.search(n.astext()) for n in doctree.findall(nodes.raw))


def _add(app, pagename, templatename, context, doctree):
    if has_figure(doctree):
        for f in CSS:
            app.add_css_file(f)
        for f in JS:
            app.add_js_file(f, priority=400)


def setup(app):
    app.connect("config-inited", _static)
    app.connect("html-page-context", _add)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

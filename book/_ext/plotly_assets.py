"""Serve plotly.js offline, and load it only on pages that contain a plotly figure (no CDN).

Chapters embed figures with ``fig.to_html(full_html=False, include_plotlyjs=False, div_id=<fixed>)`` shown through
``IPython.display.HTML``; that output has a ``plotly-graph-div`` but no script.  This extension

* copies ``plotly.min.js`` from the installed, pinned plotly wheel (``plotly/package_data/plotly.min.js``, MIT
  licence; plotly 7.1.0 ships plotly.js 4.1.1) into a static folder under the build directory, so nothing is
  committed twice and the JS always matches the Python package that wrote the figures;
* adds ``<script src="(../)_static/plotly.min.js">`` to exactly the pages that contain a plotly div.

Recipe measured in shared/TOOLING.md, section 7.1.  Sphinx resets per-page script lists after each page, so other
pages do not load the 4.8 MB file.
"""
import shutil
from pathlib import Path

from docutils import nodes


def _copy_plotly_js(app, config):
    import plotly

    src = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not src.is_file():
        raise FileNotFoundError(f"plotly.min.js not found in the plotly package at {src}")
    dest_dir = Path(app.outdir).parent / "plotly_static"
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "plotly.min.js"
    if not dest.is_file() or dest.stat().st_size != src.stat().st_size:
        shutil.copyfile(src, dest)
    config.html_static_path = list(config.html_static_path) + [str(dest_dir)]


def _add(app, pagename, templatename, context, doctree):
    raw = [n.astext() for n in doctree.findall(nodes.raw)] if doctree else []
    if any("plotly-graph-div" in t for t in raw) and not any("<script" in t and "plotly.min.js" in t for t in raw):
        app.add_js_file("plotly.min.js")


def setup(app):
    app.connect("config-inited", _copy_plotly_js)
    app.connect("html-page-context", _add)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.2"}

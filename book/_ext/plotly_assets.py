"""Serve plotly.js offline as ONE shared, cached file, loaded only by pages that contain a plotly figure (no CDN).

Chapters embed figures with ``fig.to_html(full_html=False, include_plotlyjs=False, div_id=<fixed>)`` shown through
``IPython.display.HTML``; that output has a ``plotly-graph-div`` but no script.  This extension

* serves the scatter-only partial bundle ``plotly.js-basic-dist-min`` 4.1.1 (MIT; 1.19 MB, 395 kB gzipped, instead
  of the 4.8 MB full bundle in the plotly wheel): it is vendored, pinned and checksummed in
  book/_vendor/plotly/ (book/_vendor/VENDOR.json, scripts/vendor_assets.py) and copied once to
  ``_static/plotly/plotly-basic.min.js``.  The figures use scatter traces only (log axes, hover, zoom,
  dropdown/slider menus are all in the basic bundle; shared/TOOLING.md section 7.1);
* adds ``<script src="(../)_static/plotly/plotly-basic.min.js">`` to exactly the pages that contain a plotly div;
* removes any plotly.js that an output inlined into a page (``include_plotlyjs=True``), so the library is never
  shipped per page.

Sphinx resets per-page script lists after each page, so other pages do not load the file.
"""
import re
from pathlib import Path

from docutils import nodes

VENDOR = Path(__file__).resolve().parent.parent / "_vendor"
BUNDLE = "plotly/plotly-basic.min.js"
# the <script> block plotly.py writes for include_plotlyjs=True / "cdn" (the library itself, or a CDN reference)
INLINED = re.compile(r'<script type="text/javascript">\s*/\*\*\s*\n\s*\* plotly\.js v[\s\S]*?</script>'
                     r'|<script[^>]+src="https?://cdn\.plot\.ly/[^"]+"[^>]*>\s*</script>')


def _static(app, config):
    if not (VENDOR / BUNDLE).is_file():
        raise FileNotFoundError(f"{VENDOR / BUNDLE} missing: run scripts/vendor_assets.py")
    if str(VENDOR) not in config.html_static_path:
        config.html_static_path = [str(VENDOR), *config.html_static_path]


def _strip_inlined(app, doctree, docname):
    for node in doctree.findall(nodes.raw):
        text = node.astext()
        if "plotly-graph-div" in text and INLINED.search(text):
            new = INLINED.sub("", text)
            node.replace_self(nodes.raw(new, new, format=node.get("format", "html")))


def _add(app, pagename, templatename, context, doctree):
    raw = [n.astext() for n in doctree.findall(nodes.raw)] if doctree else []
    if any("plotly-graph-div" in t for t in raw):
        app.add_js_file(BUNDLE)


def setup(app):
    app.connect("config-inited", _static)
    app.connect("doctree-resolved", _strip_inlined)
    app.connect("html-page-context", _add)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.3"}

"""The static explorer ("Your own U(1)_X in the browser", notebooks/11_explorer.md): ship its JS and data offline.

* config-inited: book/_assets is added to html_static_path, so book/_assets/explorer/{explorer.js,
  universal_curves.js} are copied to _static/explorer/ (no CDN, one shared copy; the JSON twin of the curves,
  universal_curves.json, is the same data: book/_ext/lean_static.py removes it from the site);
* builder-inited: if universal_curves.js/.json are missing (a fresh checkout built from the jupyter cache without
  executing the chapter), they are regenerated with the chapter's call, physics.viz.universal.write_universal_curves
  (deterministic: regenerating never changes an existing file's bytes; the chapter rewrites them when executed, and
  tests/test_universal.py checks the committed files are current);
* html-page-context: pages that contain the explorer (a raw HTML node with id="u1x-explorer") load
  _static/explorer/universal_curves.js and _static/explorer/explorer.js; no other page does.

Install: `static_explorer: book/_ext` in sphinx.local_extensions of _config.yml.
"""
from pathlib import Path

from docutils import nodes

ASSETS = Path(__file__).resolve().parent.parent / "_assets"
FILES = ("explorer/universal_curves.js", "explorer/explorer.js")
MARK = 'id="u1x-explorer"'


def _static(app, config):
    if str(ASSETS) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(ASSETS)]


def _ensure(app):
    folder = ASSETS / "explorer"
    if all((folder / n).is_file() for n in ("universal_curves.js", "universal_curves.json", "explorer.js")):
        return
    from physics.viz import universal

    universal.write_universal_curves(folder)


def _add(app, pagename, templatename, context, doctree):
    if doctree is None:
        return
    if any(MARK in n.astext() for n in doctree.findall(nodes.raw)):
        for f in FILES:
            app.add_js_file(f)


def setup(app):
    app.connect("config-inited", _static)
    app.connect("builder-inited", _ensure)
    app.connect("html-page-context", _add)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

"""Keep _build/html/_static lean: delete theme files that no page ever loads (build-finished, after Sphinx copied them).

* ``*.map`` source maps of the theme's bundles (3.3 MB; only a browser's developer tools ask for them);
* ``_static/locales/`` (0.7 MB of sphinx-book-theme .po/.mo translations; used at build time, never by a page);
* the ``.ttf`` copies of the Font Awesome webfonts (0.6 MB; the stylesheet lists ``woff2`` first and every browser the
  site supports takes it), and the brands and regular webfonts (0.15 MB): every icon on the site is a solid one, drawn
  as inline SVG by the icon subset (book/_vendor/scripts/fontawesome.js); the solid webfont stays as the fallback.

Each build re-copies the theme's static files, so this runs after every build.  It also puts the icon subset
(book/_vendor/scripts/fontawesome.js, 9.5 kB, written by scripts/vendor_assets.py) in place of the theme's 1.5 MB
all-icons script of the same name: Sphinx 7.4 does not overwrite a theme file with an html_static_path file.
"""
import shutil
from pathlib import Path


def _prune(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    unused = list(static.glob("vendor/fontawesome/**/*.ttf")) + list(static.glob("vendor/fontawesome/**/fa-brands-*"))
    unused += list(static.glob("vendor/fontawesome/**/fa-regular-*"))
    for path in list(static.rglob("*.map")) + unused:
        path.unlink(missing_ok=True)
    shutil.rmtree(static / "locales", ignore_errors=True)
    subset = Path(__file__).resolve().parent.parent / "_vendor" / "scripts" / "fontawesome.js"
    if subset.is_file() and (static / "scripts").is_dir():
        shutil.copyfile(subset, static / "scripts" / "fontawesome.js")


def setup(app):
    app.connect("build-finished", _prune)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

"""Offline MathJax 4 from book/_vendor/mathjax (replaces sphinx-mathjax-offline, which copied all 24 MB of MathJax 3).

* ``mathjax_path = "mathjax/startup.js"``: Sphinx's own sphinx.ext.mathjax adds that script (from ``_static``) only
  to pages that contain math; its loader then fetches the components listed in ``loader.load`` (``core`` comes as
  their dependency) and the font's ``chtml.js``. book/_vendor (MathJax 4.1.3 components, the newcm font's CHTML data,
  woff2 and range files, uPlot; see book/_vendor/VENDOR.json and scripts/vendor_assets.py) is added to
  ``html_static_path``, so exactly those files are copied. The components instead of the combined ``tex-chtml.js``:
  0.60 instead of 1.0 MB per page with math; left out are the MathML input, the context menu and the accessibility
  explorer (the menu needs ``a11y/sre``, 0.26 MB), none of which a page used (speech and braille were off already).
* ``mathjax3_config`` (Sphinx writes it as ``window.MathJax = {...}``; the v4 configuration has the same shape):
  fonts from ``[mathjax]/fonts`` (never the CDN default), TeX input (``input/tex`` includes textmacros for
  ``\\text{... 95\\% ...}``), CHTML output, assistive MathML (hidden MathML for screen readers), no speech/braille
  engine (it would fetch ~1.2 MB of SRE files per page),
  and **display equations that are wider than the column are broken into lines** (``displayOverflow:
  "linebreak"``, MathJax 4's automatic line breaking); where breaking cannot help, the equation box scrolls
  horizontally (the CSS below) instead of widening the page.
* A small stylesheet ``mathjax-overflow.css`` (written into the build folder, no source file) holds that scroll
  fallback.

Install: ``mathjax_offline: book/_ext`` in ``sphinx.local_extensions`` of _config.yml (and no sphinx-mathjax-offline).
"""
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "_vendor"

#: The components startup.js loads (scripts/vendor_assets.py MATHJAX_COMPONENTS vendors exactly these files)
COMPONENTS = ["input/tex", "output/chtml", "a11y/assistive-mml"]

MATHJAX_CONFIG = {
    "loader": {"paths": {"fonts": "[mathjax]/fonts"}, "load": COMPONENTS, "versionWarnings": False},
    "tex": {"packages": {"[+]": ["textmacros"]}},
    "output": {"font": "mathjax-newcm", "displayOverflow": "linebreak", "linebreaks": {"inline": True}},
}

OVERFLOW_CSS = """/* mathjax_offline: a display equation never widens the page; MathJax 4 breaks it into lines where it can,
   otherwise the equation box scrolls horizontally. */
mjx-container[jax="CHTML"][display="true"] { max-width: 100%; overflow-x: auto; overflow-y: hidden; }
"""


def _configure(app, config):
    if not (VENDOR / "mathjax" / "startup.js").is_file():
        raise FileNotFoundError(f"{VENDOR}/mathjax/startup.js missing: run scripts/vendor_assets.py")
    config.mathjax_path = "mathjax/startup.js"
    user = dict(config.mathjax3_config or {})
    merged = {**MATHJAX_CONFIG}
    for key, value in user.items():  # _config.yml may add keys; nested dicts are merged one level deep
        merged[key] = {**merged.get(key, {}), **value} if isinstance(value, dict) else value
    config.mathjax3_config = merged
    css_dir = Path(app.outdir).parent / "mathjax_static"
    css_dir.mkdir(parents=True, exist_ok=True)
    css = css_dir / "mathjax-overflow.css"
    if not css.is_file() or css.read_text() != OVERFLOW_CSS:
        css.write_text(OVERFLOW_CSS)
    config.html_static_path = [str(VENDOR), str(css_dir), *[p for p in config.html_static_path if p != str(VENDOR)]]


def _css(app, pagename, templatename, context, doctree):
    # the same test sphinx.ext.mathjax uses to decide whether the page loads MathJax
    if doctree is not None and app.env.get_domain("math").has_equations(pagename):
        app.add_css_file("mathjax-overflow.css")


def setup(app):
    app.connect("config-inited", _configure, priority=600)  # after myst's mathjax3_config update (priority 500)
    app.connect("html-page-context", _css)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

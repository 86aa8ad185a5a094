"""Keep _build/html/_static lean: delete theme files that no page ever loads (build-finished, after Sphinx copied them).

* ``*.map`` source maps of the theme's bundles (3.3 MB; only a browser's developer tools ask for them);
* ``_static/locales/`` (0.7 MB of sphinx-book-theme .po/.mo translations; used at build time, never by a page);
* the ``.ttf`` copies of the Font Awesome webfonts (0.6 MB; the stylesheet lists ``woff2`` first and every browser the
  site supports takes it), and the brands and regular webfonts (0.15 MB): every icon on the site is a solid one, drawn
  as inline SVG by the icon subset (book/_vendor/scripts/fontawesome.js); the solid webfont stays as the fallback.

* ``_static/VENDOR.json`` (the vendoring record, copied along with book/_vendor; no page reads it) and
  ``_static/explorer/universal_curves.json``: the explorer page loads the same data as ``universal_curves.js``
  (book/_ext/static_explorer.py); the JSON twin stays in the repository (tests, other tools), one copy is shipped.
* Sphinx's search files on every page but the search page: pydata-sphinx-theme puts ``searchtools.js``,
  ``language_data.js`` and ``searchindex.js`` (92 kB) into every page's head for its search-as-you-type mode, which is
  off here (``search_as_you_type`` False, the theme's default): the search dialog submits to ``search.html``, which
  loads them itself. The three <script> tags are removed from the other pages' HTML (build-finished, every page
  written so far; idempotent).
* the launch buttons' logos (``_static/images/logo_*``, 16 kB) when no page links one (launch buttons are off);
* sphinx-thebe's script, stylesheet and inline settings (Jupyter Book always loads the extension; with
  ``launch_buttons.thebe: false`` nothing on a page starts Thebe), per page in html-page-context, and its files.

* The chapters' figures (``_images/*.png``, matplotlib line art written by the notebooks as 24-bit RGBA) are
  re-saved with a 256-colour palette (Pillow, a matplotlib dependency; median cut, no dithering, no metadata): the same
  picture to the eye at about a third of the bytes (0.83 -> 0.31 MB for the site's nine figures), as
  ``physics.viz.export`` already does for the download PNGs. Only fully opaque RGB/RGBA images are touched (a
  transparent figure would need its alpha); a palette image is left as it is, so a rebuild does not redo them.

* Font Awesome, the theme's icon font: the theme's stylesheet carries Font Awesome's whole CSS, one
  ``.fa-NAME:before{content:...}`` rule per icon (~2000 icons, 86 kB); the rules of icons no page or script names
  go with the other rules that cannot match (below). The solid webfont (156 kB, loaded by every page for the icons the stylesheets draw: admonitions, buttons,
  menus) is replaced by a subset with exactly the glyphs those stylesheets can reach, book/_fonts/fa-solid-900.woff2
  (3 kB; written by scripts/subset_icons.py with fontTools, provenance and glyph list in book/_fonts/SUBSET.json).
  Guard: the build fails if the stylesheets reach a glyph the subset lacks (re-run scripts/subset_icons.py).

* The rest of the theme's stylesheet (311 kB, loaded by every page: Bootstrap 5 and the theme), and the other
  stylesheets of the theme and the extensions (sphinx-design 55 kB, MyST-NB 43 kB, Sphinx's basic.css, pygments,
  sphinx-book-theme, togglebutton; not the vendored reveal.js, uPlot or MathJax, nor the book's own: UNTRIMMED) are
  cut to the rules that can match (311 -> 116 kB, and 151 -> 55 kB): a rule goes only if each of its selectors names a
  class or an id that appears nowhere in the built pages or in any script in _static (a class a script adds, e.g.
  Bootstrap's ``show``, keeps its rules, and so does a name a script builds, e.g. ``bs-${name}-auto``: its prefix
  counts); classes inside ``:not()``, ``:is()``, ``:where()``, ``:has()`` and attribute values are not required.
  Checked with screenshots before and after, fresh browser per page: every TOC page at 1280 and 390 px (36 of 38
  identical; two differ in at most 25 pixels by at most 2/255, anti-aliasing); ch. 3 with the download menu, the
  search dialog, both sidebars and dark mode open, and ch. 5 with every dropdown, solution and hidden cell open
  (identical; the first version of this trimming lost the tooltip arrows, which Bootstrap styles by a built name).

Each build re-copies the theme's static files, so this runs after every build.  It also puts the icon subset
(book/_vendor/scripts/fontawesome.js, 9.5 kB, written by scripts/vendor_assets.py) in place of the theme's 1.5 MB
all-icons script of the same name: Sphinx 7.4 does not overwrite a theme file with an html_static_path file.
"""
import hashlib
import json
import re
import shutil
from pathlib import Path

#: the search files pydata-sphinx-theme's layout.html writes into every page's <head> (not configurable)
SEARCH_TAGS = re.compile(r'[ \t]*<script src="(?:\.\./)*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)">'
                         r'</script>\n?')
THEBE_FILES = ("sphinx-thebe.js", "sphinx-thebe.css")
FONTS = Path(__file__).resolve().parent.parent / "_fonts"
THEME_CSS = "styles/pydata-sphinx-theme.css"
#: stylesheets of _static that are not trimmed: vendored libraries (reveal.js for the slides, uPlot, MathJax), whose
#: scripts build class names the token scan cannot see, and the book's own (written for what the pages use)
UNTRIMMED = ("reveal", "uplot", "mathjax", "lecture", "plane", "reader.css", "mathjax-overflow.css")
ICON_FONT = "vendor/fontawesome/webfonts/fa-solid-900.woff2"
#: a rule of Font Awesome's icon library: every selector is .fa-NAME:before / :after
_FA_RULE = re.compile(r"\.fa-[a-z0-9-]+:(?:before|after)")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)")


_PAREN = re.compile(r"\([^()]*\)")
_NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")


class SiteTokens(set):
    """Every name-like token (letters, digits, - and _) in the built pages and in the site's scripts, plus the prefixes
    of the names scripts build at run time (`bs-${name}-auto`, "col-" + n): a name with such a prefix counts as
    present (Bootstrap's tooltip arrows are styled through `bs-tooltip-auto`, which no file spells out)."""

    def __init__(self, tokens=(), prefixes=()):
        super().__init__(tokens)
        self.prefixes = tuple(sorted(set(prefixes)))

    def __contains__(self, name):
        return set.__contains__(self, name) or name.startswith(self.prefixes)


def site_tokens(site: Path) -> SiteTokens:
    tokens, prefixes = set(), set()
    for path in list(site.rglob("*.html")) + list((site / "_static").rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="ignore")
        tokens |= set(re.findall(r"-?[A-Za-z_][\w-]*", text))
        if path.suffix == ".js":
            prefixes |= set(re.findall(r"([A-Za-z_][\w-]*-)\$\{", text))              # `bs-${...}`
            prefixes |= set(re.findall(r"[\"']([A-Za-z_][\w-]*-)[\"']\s*\+", text))    # "col-" + n
    return SiteTokens(tokens, prefixes)


def required_names(selector: str) -> set[str]:
    """The classes and ids an element must carry for `selector` to match it (pseudo-class arguments left out)."""
    bare = selector
    while _PAREN.search(bare):
        bare = _PAREN.sub("", bare)
    bare = re.sub(r"\[[^\]]*\]", "", bare)   # attribute selectors: values may contain dots
    return set(_NAME.findall(bare))


def trim_unmatched_rules(css: str, tokens: set[str]) -> str:
    """Drop the rules whose every selector requires a class or id that is not in tokens (see the module docstring);
    @-rule preludes (@font-face, @keyframes steps, :root variables) are never dropped."""
    def keep(m):
        prelude = m.group(1).strip()
        if prelude.startswith("@") or "%" in prelude or ";" in prelude:   # @-rules, keyframe steps, nested CSS
            return m.group(0)
        sels = _split_selectors(re.sub(r"/\*.*?\*/", "", prelude, flags=re.S))
        if sels and all(any(name not in tokens for name in required_names(x)) for x in sels):
            return ""
        return m.group(0)
    return _RULE.sub(keep, css)


def _split_selectors(prelude: str) -> list[str]:
    """Split a selector list at its top-level commas (not those inside :is(...), :not(...), ...)."""
    out, depth, cur = [], 0, ""
    for ch in prelude:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [x.strip() for x in out + [cur] if x.strip()]


def _decode(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), text)


def icon_codepoints(css: str) -> set[int]:
    """The glyphs a stylesheet can draw with the icon font: every character of an icon-library rule's content, and
    every private-use character (U+E000-U+F8FF, where Font Awesome's icons live) of any other string in it."""
    cps = set()
    for m in _RULE.finditer(css):
        sels = [x.strip() for x in m.group(1).split(",")]
        library = all(_FA_RULE.fullmatch(x) for x in sels)
        for lit in _STRING.findall(m.group(2)):
            cps |= {ord(c) for c in _decode(lit) if library or 0xE000 <= ord(c) <= 0xF8FF}
    return cps


def trim_stylesheets(static: Path, site: Path) -> None:
    """Cut every stylesheet in _static but the UNTRIMMED ones to the rules that can match (trim_unmatched_rules, with
    the tokens of the built pages and scripts); this also drops the icon-library rules of icons nothing names."""
    tokens = site_tokens(site)
    for css in sorted(static.rglob("*.css")):
        if css.relative_to(static).parts[0] in UNTRIMMED:
            continue
        text = css.read_text(encoding="utf-8")
        lean = trim_unmatched_rules(text, tokens)
        if lean != text:
            css.write_text(lean, encoding="utf-8")


def _icon_font(static: Path) -> None:
    """Put the icon subset in place of the theme's webfont; fail if a (trimmed) stylesheet draws a glyph it lacks."""
    if not (static / THEME_CSS).is_file() or not (FONTS / "SUBSET.json").is_file():
        return
    record = json.loads((FONTS / "SUBSET.json").read_text(encoding="utf-8"))
    font = FONTS / "fa-solid-900.woff2"
    if hashlib.sha256(font.read_bytes()).hexdigest() != record["sha256"]:
        raise RuntimeError(f"{font} does not match book/_fonts/SUBSET.json: run scripts/subset_icons.py")
    needed = set()
    for css in static.rglob("*.css"):
        needed |= icon_codepoints(css.read_text(encoding="utf-8", errors="ignore"))
    missing = sorted(needed - set(record["codepoints"]))
    if missing:
        raise RuntimeError("the site's stylesheets draw icon glyphs the font subset lacks ("
                           + ", ".join(f"U+{c:04X}" for c in missing) + "): run scripts/subset_icons.py")
    (static / ICON_FONT).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(font, static / ICON_FONT)


def _prune(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    unused = list(static.glob("vendor/fontawesome/**/*.ttf")) + list(static.glob("vendor/fontawesome/**/fa-brands-*"))
    unused += list(static.glob("vendor/fontawesome/**/fa-regular-*"))
    for path in list(static.rglob("*.map")) + unused:
        path.unlink(missing_ok=True)
    shutil.rmtree(static / "locales", ignore_errors=True)
    for name in ("VENDOR.json", "explorer/universal_curves.json", *THEBE_FILES):
        (static / name).unlink(missing_ok=True)
    out = Path(app.outdir)
    # the launch buttons' logos (Binder, Colab, ...; 16 kB): no launch button, no page shows them
    if not any("images/logo_" in p.read_text(encoding="utf-8", errors="ignore") for p in out.rglob("*.html")):
        for logo in static.glob("images/logo_*"):
            logo.unlink()
    _palette_figures(out / "_images")
    for page in out.rglob("*.html"):
        if (page.parent == out and page.name == "search.html") or "_static" in page.relative_to(out).parts:
            continue
        text = page.read_text(encoding="utf-8")
        lean = SEARCH_TAGS.sub("", text)
        if lean != text:
            page.write_text(lean, encoding="utf-8")
    subset = Path(__file__).resolve().parent.parent / "_vendor" / "scripts" / "fontawesome.js"
    if subset.is_file() and (static / "scripts").is_dir():
        shutil.copyfile(subset, static / "scripts" / "fontawesome.js")
    trim_stylesheets(static, out)  # after the icon script is the subset: names are read from the scripts too
    _icon_font(static)


def _palette_figures(folder: Path) -> None:
    """Re-save opaque truecolour PNG figures with a 256-colour palette (deterministic: no dithering, no metadata)."""
    if not folder.is_dir():
        return
    from PIL import Image

    from physics.viz.export import palette_png  # the same re-saving as the download PNGs

    for path in sorted(folder.glob("*.png")):
        with Image.open(path) as im:
            if im.mode not in ("RGB", "RGBA") or (im.mode == "RGBA" and im.getchannel("A").getextrema()[0] < 255):
                continue
        path.write_bytes(palette_png(path.read_bytes()))


def _no_thebe(app, pagename, templatename, context, doctree):
    """Drop sphinx-thebe's files and inline settings from the page (no launch button: nothing would start Thebe)."""
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if assets:
            assets[:] = [a for a in assets if not str(getattr(a, "filename", a) or "").split("?")[0].endswith(THEBE_FILES)
                         and "THEBE_JS_URL" not in ((getattr(a, "attributes", None) or {}).get("body") or "")]


def setup(app):
    app.connect("html-page-context", _no_thebe, priority=950)
    app.connect("build-finished", _prune, priority=900)   # after the theme re-writes pygments.css (build-finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

"""Structure of the book (TOC, configuration) and the offline guarantee of the built HTML.

The strict build itself (`jupyter-book build -n -W --keep-going .`) is not a pytest test: `make test`
runs it as its own step (scripts/build_book.py), then runs the `built_html` tests below on the fresh
_build/html. Run on their own, those tests check whatever build is present and skip if there is none.
"""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())

#: What the book must contain, in this order (Issue "Foundation", section 1).
EXPECTED_TOC = ["book/intro", "book/conventions", "book/ledger",
                "notebooks/01_introduction", "notebooks/02_anomalons", "notebooks/10_appA_classification"]


def toc_files(node=TOC) -> list[str]:
    """All `file:`/`root:` entries of a jb-book TOC, depth first, in reading order."""
    files = []
    if isinstance(node, dict):
        for key in ("root", "file"):
            if key in node:
                files.append(node[key])
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key, []) or []:
                files.extend(toc_files(child))
    return files


def test_toc_format_and_order():
    """_toc.yml is a jb-book TOC: root book/intro, then the required pages in reading order, no smoke page."""
    assert TOC["format"] == "jb-book"
    files = toc_files()
    assert files[0] == "book/intro"
    assert [f for f in files if f in EXPECTED_TOC] == EXPECTED_TOC, f"required pages missing or out of order: {files}"
    assert "notebooks/00_smoke" not in files, "the pipeline smoke page must not be in the book"


@pytest.mark.parametrize("page", toc_files())
def test_toc_file_exists(page):
    """Every TOC entry resolves to exactly one source (.md; a paired .ipynb is excluded from the build)."""
    assert (ROOT / f"{page}.md").is_file(), f"{page}.md listed in _toc.yml does not exist"


def test_every_chapter_is_in_toc():
    """With only_build_toc_files, a chapter missing from _toc.yml would silently vanish from the book."""
    listed = set(toc_files())
    chapters = {f"notebooks/{p.stem}" for p in (ROOT / "notebooks").glob("*.md")}
    assert chapters <= listed, f"chapters not in _toc.yml: {sorted(chapters - listed)}"


def test_config_is_strict_and_offline():
    """Build settings the strict, offline build relies on (see _config.yml comments)."""
    assert CONFIG["only_build_toc_files"] is True
    excluded = set(CONFIG["exclude_patterns"])
    for pattern in ["_build", ".venv", "**.ipynb", ".pytest_cache", ".hypothesis", "tests", "physics",
                    "scripts", "data"]:
        assert pattern in excluded, f"exclude_patterns lacks {pattern!r}"
    sphinx = CONFIG["sphinx"]
    assert "mathjax_offline" in sphinx["local_extensions"], "MathJax 4 is served from book/_vendor by book/_ext/mathjax_offline.py"
    assert "sphinx-mathjax-offline" not in (sphinx.get("extra_extensions") or []), "it would copy all 24 MB of MathJax 3"
    assert sphinx["config"]["nb_execution_raise_on_error"] is True
    assert {"dollarmath", "amsmath"} <= set(CONFIG["parse"]["myst_enable_extensions"])
    assert CONFIG["bibtex_bibfiles"] == ["book/references.bib"]


def test_single_bibliography_directive():
    """One {bibliography} in the whole book (several give duplicate-citation warnings under -W)."""
    count = sum(len(re.findall(r"^[`:]{3,}\{bibliography\}", (ROOT / f"{p}.md").read_text(), re.M))
                for p in toc_files() if (ROOT / f"{p}.md").is_file())
    assert count == 1


class _Assets(HTMLParser):
    """Collects the URLs a page loads by itself (scripts, stylesheets, preloads, icons, images, iframes)."""

    LOADING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut icon", "manifest"}

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "embed") and a.get("src"):
            self.loaded.append(a["src"])
        elif tag == "link" and a.get("href") and (a.get("rel") or "").lower() in self.LOADING_LINK_RELS:
            self.loaded.append(a["href"])


def _pages():
    return sorted(HTML.rglob("*.html")) if (HTML / "index.html").is_file() else []


def _is_offsite(url: str) -> bool:
    return bool(re.match(r"^([a-z][a-z0-9+.-]*:)?//", url, re.I)) and not url.startswith("file:")


@pytest.mark.skipif(not _pages(), reason="no built book in _build/html (make book)")
def test_built_html_loads_nothing_offsite():
    """No page loads a script, stylesheet, font preload or image from another host (CDN)."""
    offenders = {}
    for page in _pages():
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        bad = [u for u in parser.loaded if _is_offsite(u)]
        if bad:
            offenders[str(page.relative_to(HTML))] = bad
    assert not offenders, f"off-site assets: {offenders}"


def test_vendored_assets_are_pinned_and_unmodified():
    """book/_vendor holds exactly the files recorded in VENDOR.json (npm version, tarball integrity, sha256 per file)."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import vendor_assets

    assert vendor_assets.check() == []
    manifest = __import__("json").loads((ROOT / "book" / "_vendor" / "VENDOR.json").read_text())
    assert set(manifest["packages"]) == {"mathjax", "@mathjax/mathjax-newcm-font", "uplot",
                                         "@fortawesome/free-solid-svg-icons", "reveal.js"}
    assert manifest["packages"]["uplot"]["version"] == "1.6.32"
    assert {f for f, meta in manifest["files"].items() if meta["from"].startswith("uplot@")} == {
        "uplot/uPlot.iife.min.js", "uplot/uPlot.min.css", "uplot/LICENSE"}
    assert manifest["total_bytes"] < 1.5e6, "vendor only the components the site uses (MathJax, uPlot, icons, slides)"
    assert not (ROOT / "book" / "_vendor" / "plotly").exists(), "plotly.js is no longer used (issue #15)"


#: An interactive figure on a built page: a u1x-figure element (planeplot.js draws it with uPlot)
FIGURE = re.compile(r'class="(?:[^"]*\s)?u1x-figure(?:\s[^"]*)?"')


@pytest.mark.skipif(not _pages(), reason="no built book in _build/html (make book)")
def test_built_html_ships_lean_assets():
    """Only the vendored MathJax 4 subset, and uPlot as ONE shared file loaded by exactly the pages that draw an
    interactive figure (never inlined, never plotly.js); the two pages with figures stay small (issue #15)."""
    static = HTML / "_static"
    assert not (static / "mathjax" / "sre").exists() and not (static / "mathjax" / "es5").exists()
    assert not list(static.rglob("plotly*")), "plotly.js must not be shipped"
    assert (static / "uplot" / "uPlot.iife.min.js").is_file() and (static / "plane" / "planeplot.js").is_file()
    assert not list(static.rglob("*.map")), "source maps are not shipped (book/_ext/lean_static.py)"
    with_figure = []
    for page in _pages():
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(HTML)
        assert not re.search(r"\* plotly\.js v\d|plotly-graph-div|Plotly\.", text), f"{rel} still has plotly"
        assert "uPlot.iife" not in re.sub(r'<script[^>]*src="[^"]*"[^>]*>\s*</script>', "", text), f"{rel} inlines uPlot"
        loads = [bool(re.search(rf'<script[^>]+src="(\.\./)*_static/{f}(\?v=[0-9a-f]+)?"', text))
                 for f in (r"uplot/uPlot\.iife\.min\.js", r"plane/planeplot\.js")]
        css = [bool(re.search(rf'<link[^>]+href="(\.\./)*_static/{f}(\?v=[0-9a-f]+)?"', text))
               for f in (r"uplot/uPlot\.min\.css", r"plane/planeplot\.css")]
        if FIGURE.search(text):
            with_figure.append(rel.as_posix())
            assert all(loads) and all(css), f"{rel} has an interactive figure but does not load uPlot/planeplot"
            assert text.index("uplot/uPlot.iife.min.js") < text.index("plane/planeplot.js")
            if "explorer/explorer.js" in text:
                assert text.index("plane/planeplot.js") < text.index("explorer/explorer.js")
        else:
            assert not any(loads) and not any(css), f"{rel} loads uPlot without drawing a figure"
    assert with_figure == ["notebooks/06_summary_plane.html", "notebooks/11_explorer.html"]
    for page in with_figure:
        assert (HTML / page).stat().st_size <= 150_000, f"{page}: {(HTML / page).stat().st_size} B > 150 kB"


@pytest.mark.skipif(not _pages(), reason="no built book in _build/html (make book)")
def test_built_html_uses_offline_mathjax():
    """Pages with math load the vendored MathJax 4 from _static/mathjax (book/_ext/mathjax_offline.py), never a CDN."""
    assert (HTML / "_static" / "mathjax" / "startup.js").is_file()
    math_pages = []
    for page in _pages():
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"cdn\.jsdelivr|cdnjs\.|unpkg\.com/mathjax|polyfill\.io", text), (
            f"{page.name} references a CDN")
        if 'class="math' in text:
            math_pages.append(page)
            assert re.search(r'<script[^>]+src="(\.\./)*_static/mathjax/startup\.js(\?v=[0-9a-f]+)?"', text), (
                f"{page.relative_to(HTML)} has math but does not load _static/mathjax/startup.js")
    assert math_pages, "no page with math found; is the build complete?"

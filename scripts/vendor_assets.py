#!/usr/bin/env python3
"""(Re)create book/_vendor/ from pinned npm tarballs: the only browser assets the site ships besides the theme.

Maintainer tool, run by hand when a pin below changes (it needs the npm registry; builds and tests never do):

    .venv/bin/python scripts/vendor_assets.py            # npm pack, verify, extract, write book/_vendor/VENDOR.json
    .venv/bin/python scripts/vendor_assets.py --check    # offline: vendored files match VENDOR.json (also a test)
    .venv/bin/python scripts/vendor_assets.py --only reveal.js   # (re)vendor one package, keep the others' records

What is vendored, and why only that:
* MathJax 4 (`mathjax`, Apache-2.0) as separate components, not the combined `tex-chtml.js` (1.0 MB, which also
  bundles the MathML input, the context menu and the accessibility explorer with its speech glue `a11y/sre`, none of
  which a page here uses): `startup.js` (loader + startup), `core.js`, `input/tex.js` (TeX with the ams, newcommand,
  noundefined, configmacros, require, autoload and textmacros packages), `output/chtml.js` and
  `a11y/assistive-mml.js` (hidden MathML for screen readers): 0.49 MB, loaded by book/_ext/mathjax_offline.py's
  configuration. TeX extensions outside `input/tex.js` (autoload fetches one only when a page uses its macros):
  only those in TEX_EXTENSIONS; today no page needs any (the browser check of every page and deck shows no request
  for one; a page that needs one shows a 404 there: add it and re-run). Not vendored: the combined components, the
  context menu `ui/menu.js` (it depends on `a11y/sre`, 0.26 MB more per page), the SVG output, the speech/braille
  engine (`sre/`, ~4.6 MB).
* The MathJax 4 default font (`@mathjax/mathjax-newcm-font`, Apache-2.0): its CHTML font data `chtml.js` (the
  combined tex-chtml.js carried it inside), the CHTML woff2 files and dynamic character-range files the pages use
  (FONT_BASE, FONT_RANGES). Not vendored: the SVG font, the cjs/mjs sources, and the ranges and woff2 files no page
  uses (other writing systems, sans-serif, bold/italic variants nobody typesets, ...). A page that needs one shows a
  404 in the browser check; add it to FONT_BASE/FONT_RANGES and re-run.
* uPlot (`uplot`, MIT): the canvas plotting library of the interactive figures, `dist/uPlot.iife.min.js` (51 kB, the
  global `uPlot`) and `dist/uPlot.min.css` (2 kB): one shared, cached copy for the pages that draw an interactive
  figure (book/_ext/uplot_assets.py), never inlined into a page. It replaced plotly.js (`plotly.js-basic-dist-min`
  4.1.1, 1.19 MB) for the site's weight budget (issue #15); the book's own drawing code on top of it (log axes,
  legend, hover readout, zoom, points with error bars, menus) is book/_assets/plane/planeplot.js.
* reveal.js 6 (`reveal.js`, MIT) for the lecture slides (scripts/build_slides.py): `dist/reveal.js` (UMD, the global
  `Reveal`), `dist/reveal.css` and ONE theme, `serif.css` (5 kB; system fonts only: the other light themes either
  `@import` Google Fonts, i.e. a network request, or inline 0.5 MB of web fonts). No plugin: the decks typeset their
  math with the site's vendored MathJax 4 (`mathjax/tex-chtml.js`), not with reveal's math plugin (which loads
  MathJax from a CDN). The decks load these files from the site's `_static/reveal/`.
* The Font Awesome icons the theme's pages use (`@fortawesome/free-solid-svg-icons` 6.5.2, the version the theme
  bundles; icons CC BY 4.0): `scripts/fontawesome.js` is written here from their SVG path data plus the small loader
  `FA_LOADER` below.  It has the theme's file name, so it replaces the theme's 1.5 MB all-icons script (static files
  in html_static_path override the theme's); an icon missing from `FA_ICONS` stays an empty <i> element.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "book" / "_vendor"
MANIFEST = VENDOR / "VENDOR.json"

#: npm package -> (version, registry integrity of the tarball)
PACKAGES = {
    "mathjax": ("4.1.3", "sha512-BN/8Pkgn7G1pIDYJqd9md+JHsE/jydSYbyOZnSdSA0WziuVO8mRxdYiWFumkVVly/8U+hm9DpIIoWuvySverzw=="),
    "@mathjax/mathjax-newcm-font": ("4.1.3", "sha512-gzAB3dFHilHX1l5x2xUqRL+1jDQt3Fyza1DkEMVXWC4E8SvsGdlgEza47HYi2WhVcgfkvf4zgUGzuhbq3Pjlew=="),
    "uplot": ("1.6.32", "sha512-KIMVnG68zvu5XXUbC4LQEPnhwOxBuLyW1AHtpm6IKTXImkbLgkMy+jabjLgSLMasNuGGzQm/ep3tOkyTxpiQIw=="),
    "reveal.js": ("6.0.2", "sha512-JYIg5D9aoxoaLeb84O+OvAwsKWdIavVgEDScxtYEXFCT6t6TQrhNtSgogcjdCpdLsWglhJn3zyE3fUOwiH5KEg=="),
    "@fortawesome/free-solid-svg-icons": ("6.5.2", "sha512-QWFZYXFE7O1Gr1dTIp+D6UcFUF0qElOnZptpi7PBUMylJh+vFmIedVe1Ir6RM1t2tEQLLSV1k7bR4o92M+uqlw=="),
}

#: Font Awesome (solid) icons used by the theme's templates and scripts on this site (grep of the built pages and of
#: pydata-sphinx-theme.js / sphinx-book-theme.js), plus a few the theme may switch to at run time.
FA_ICONS = ["angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "code", "compress", "download",
            "expand", "file", "file-pdf", "indent", "list", "magnifying-glass", "moon", "outdent", "sun", "xmark"]

#: The loader written with the icon data into scripts/fontawesome.js (the book's own code, readable on purpose).
FA_LOADER = r"""
// Replace <i class="fa-solid fa-NAME"> (also "fas") by an inline SVG of that icon, now and when the theme adds or
// changes icons later (theme switcher, search).  Sizing follows Font Awesome's classes (1em high, fa-lg = 1.25em).
(function () {
  "use strict";
  var css = ".svg-inline--fa{display:inline-block;height:1em;overflow:visible;vertical-align:-.125em;" +
    "box-sizing:content-box}.svg-inline--fa.fa-lg{height:1.25em;vertical-align:-.2em}.svg-inline--fa path{fill:currentColor}";
  function addStyle() {
    if (document.getElementById("fa-subset-style")) return;
    var s = document.createElement("style");
    s.id = "fa-subset-style";
    s.textContent = css;
    (document.head || document.documentElement).appendChild(s);
  }
  function iconName(el) {
    for (var i = 0; i < el.classList.length; i++) {
      var c = el.classList[i];
      if (c.indexOf("fa-") === 0 && ICONS[c.slice(3)]) return c.slice(3);
    }
    return null;
  }
  function render(el) {
    var name = iconName(el);
    if (!name) return;
    var d = ICONS[name], ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + d[0] + " " + d[1]);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "svg-inline--fa " + el.className);
    svg.setAttribute("data-icon", name);
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d[2]);
    svg.appendChild(path);
    el.replaceWith(svg);
  }
  function scan(root) {
    var found = (root.querySelectorAll ? root : document).querySelectorAll("i.fa-solid, i.fas, span.fa-solid, span.fas");
    for (var i = 0; i < found.length; i++) render(found[i]);
  }
  function start() {
    addStyle();
    scan(document);
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        r.addedNodes.forEach(function (n) {
          if (n.nodeType !== 1) return;
          if (n.matches && n.matches("i.fa-solid, i.fas, span.fa-solid, span.fas")) render(n); else scan(n);
        });
        if (r.type === "attributes" && r.target.matches && r.target.matches("svg.svg-inline--fa")) return;
      });
    }).observe(document.documentElement, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
"""

#: MathJax components loaded by book/_ext/mathjax_offline.py (startup.js is the page's <script>; the loader fetches the rest)
MATHJAX_COMPONENTS = ["startup.js", "core.js", "input/tex.js", "output/chtml.js", "a11y/assistive-mml.js"]
#: TeX extensions beyond those input/tex.js preloads (autoload fetches one when a page uses its macros): none needed today
TEX_EXTENSIONS: list[str] = []

#: dynamic character ranges of the newcm font that are vendored (file stem in chtml/dynamic/ -> the woff2 ids it uses):
#: the ranges some page or deck loads (a headless-Chromium pass over every built page: the requests MathJax makes
#: while typesetting, hidden solutions included). Left out: accents, arrows, fraktur, Greek variants, shapes,
#: symbols and the bold/italic variants -- no page typesets them.
FONT_RANGES = {"calligraphic": ["c"], "double-struck": ["ds"], "monospace": ["m"], "script": ["s"]}
#: woff2 ids of the base font (its chtml.js declares an @font-face for each; a browser fetches one only when a glyph on
#: screen needs it): those whose font family some typeset glyph of some page or deck has, hidden ones included
#: (computed styles of every element inside every mjx-container, mapped to the @font-face rules), and "em", "lt" that
#: the line breaking of long displays at phone width (390 px) adds
FONT_BASE = ["brk", "c", "ds", "em", "lo", "lt", "m", "n", "s", "s3", "s4", "s5", "s6", "s7", "so", "v", "zero"]


def _selection(pkg: str, root: Path) -> dict[str, Path]:
    """{destination relative to book/_vendor: source file in the unpacked package}."""
    out: dict[str, Path] = {}
    if pkg == "mathjax":
        for comp in MATHJAX_COMPONENTS:
            out[f"mathjax/{comp}"] = root / comp
        for ext in TEX_EXTENSIONS:
            out[f"mathjax/input/tex/extensions/{ext}.js"] = root / "input" / "tex" / "extensions" / f"{ext}.js"
        out["mathjax/LICENSE"] = root / "LICENSE"
    elif pkg == "@mathjax/mathjax-newcm-font":
        base = "mathjax/fonts/mathjax-newcm-font/chtml"
        out["mathjax/fonts/mathjax-newcm-font/chtml.js"] = root / "chtml.js"
        ids = set(FONT_BASE)
        for stem, woff in FONT_RANGES.items():
            out[f"{base}/dynamic/{stem}.js"] = root / "chtml" / "dynamic" / f"{stem}.js"
            ids.update(woff)
        for i in sorted(ids):
            out[f"{base}/woff2/mjx-ncm-{i}.woff2"] = root / "chtml" / "woff2" / f"mjx-ncm-{i}.woff2"
        out["mathjax/fonts/mathjax-newcm-font/package.json"] = root / "package.json"  # licence: Apache-2.0
    elif pkg == "uplot":
        out["uplot/uPlot.iife.min.js"] = root / "dist" / "uPlot.iife.min.js"
        out["uplot/uPlot.min.css"] = root / "dist" / "uPlot.min.css"
        out["uplot/LICENSE"] = root / "LICENSE"
    elif pkg == "reveal.js":
        out["reveal/reveal.js"] = root / "dist" / "reveal.js"
        out["reveal/reveal.css"] = root / "dist" / "reveal.css"
        out["reveal/theme/serif.css"] = root / "dist" / "theme" / "serif.css"
        out["reveal/LICENSE"] = root / "LICENSE"
    elif pkg == "@fortawesome/free-solid-svg-icons":
        out["scripts/fontawesome.js"] = _fontawesome_subset(root)
        out["scripts/fontawesome.LICENSE.txt"] = root / "LICENSE.txt"
    return out


def _fontawesome_subset(root: Path) -> Path:
    """Write the icon subset script (icon data of FA_ICONS + FA_LOADER) into the unpacked package; return its path."""
    import re

    icons = {}
    for name in FA_ICONS:
        stem = "fa" + "".join(part.capitalize() for part in name.split("-"))
        text = (root / f"{stem}.js").read_text(encoding="utf-8")
        w = int(re.search(r"var width = (\d+);", text).group(1))
        h = int(re.search(r"var height = (\d+);", text).group(1))
        d = re.search(r"var svgPathData = '([^']+)';", text).group(1)
        icons[name] = [w, h, d]
    head = ("/* Font Awesome Free 6.5.2 solid icons (CC BY 4.0, https://fontawesome.com/license/free): the subset this "
            "site uses, written by scripts/vendor_assets.py. */\n")
    body = "var ICONS = " + json.dumps(icons, sort_keys=True, separators=(",", ":")) + ";\n" + FA_LOADER.lstrip()
    out = root / "fontawesome-subset.js"
    out.write_text(head + body, encoding="utf-8")
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor(only: list[str] | None = None) -> int:
    """Vendor every package of PACKAGES, or with `only` just those (the other packages' files and records are kept)."""
    tmp = Path(tempfile.mkdtemp(prefix="vendor_assets_"))
    manifest = {"about": "Browser assets copied verbatim from pinned npm tarballs by scripts/vendor_assets.py; "
                         "nothing here is fetched at build or test time.", "packages": {}, "files": {}}
    packages = PACKAGES
    if only:
        unknown = [p for p in only if p not in PACKAGES]
        if unknown:
            raise SystemExit(f"not in PACKAGES: {unknown}")
        packages = {p: PACKAGES[p] for p in only}
        old = json.loads(MANIFEST.read_text())
        # the other pinned packages keep their records; a package no longer in PACKAGES loses them and its files
        manifest["packages"] = {p: v for p, v in old["packages"].items() if p not in packages and p in PACKAGES}
        keep = {f"{p}@{v['version']}" for p, v in manifest["packages"].items()}
        for dest, meta in old["files"].items():
            if meta["from"] in keep:
                manifest["files"][dest] = meta
            else:
                (VENDOR / dest).unlink(missing_ok=True)
    elif VENDOR.exists():
        for sub in ("mathjax", "uplot", "scripts", "reveal"):
            shutil.rmtree(VENDOR / sub, ignore_errors=True)
    for pkg, (version, integrity) in packages.items():
        spec = f"{pkg}@{version}"
        info = json.loads(subprocess.check_output(["npm", "view", spec, "dist", "--json"], text=True))
        if integrity and info["integrity"] != integrity:
            raise SystemExit(f"{spec}: registry integrity {info['integrity']} != pinned {integrity}")
        name = subprocess.check_output(["npm", "pack", spec, "--silent"], cwd=tmp, text=True).strip().splitlines()[-1]
        tgz = tmp / name
        algo, b64 = info["integrity"].split("-", 1)
        if base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode() != b64:
            raise SystemExit(f"{spec}: downloaded tarball does not match its integrity {info['integrity']}")
        unpack = tmp / name.replace(".tgz", "")
        with tarfile.open(tgz) as tar:
            tar.extractall(unpack, filter="data")
        root = unpack / "package"
        files = _selection(pkg, root)
        for dest, src in files.items():
            target = VENDOR / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            manifest["files"][dest] = {"sha256": sha256(target), "bytes": target.stat().st_size, "from": spec}
        manifest["packages"][pkg] = {"version": version, "integrity": info["integrity"],
                                     "tarball": info["tarball"], "files": len(files)}
        print(f"[vendor_assets] {spec}: {len(files)} files")
    manifest["files"] = dict(sorted(manifest["files"].items()))
    manifest["total_bytes"] = sum(f["bytes"] for f in manifest["files"].values())
    MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"[vendor_assets] wrote {MANIFEST.relative_to(ROOT)} ({manifest['total_bytes'] / 1e6:.2f} MB vendored)")
    return 0


def check() -> list[str]:
    """Problems with the vendored files (empty list = every file present, unmodified and recorded)."""
    manifest = json.loads(MANIFEST.read_text())
    problems = []
    for dest, meta in manifest["files"].items():
        path = VENDOR / dest
        if not path.is_file():
            problems.append(f"missing {dest}")
        elif sha256(path) != meta["sha256"]:
            problems.append(f"modified {dest}")
    for path in sorted(VENDOR.rglob("*")):
        rel = path.relative_to(VENDOR).as_posix()
        if path.is_file() and rel not in manifest["files"] and path != MANIFEST and path.name != "README.md":
            problems.append(f"not recorded in VENDOR.json: {rel}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify book/_vendor against VENDOR.json (offline)")
    parser.add_argument("--only", nargs="+", metavar="PKG", help="vendor only these npm packages (keep the others)")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for p in problems:
            print(f"[vendor_assets] {p}", file=sys.stderr)
        print(f"[vendor_assets] {'OK' if not problems else 'FAILED'}")
        return 1 if problems else 0
    return vendor(args.only)


if __name__ == "__main__":
    sys.exit(main())

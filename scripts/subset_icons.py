#!/usr/bin/env python3
"""Cut the Font Awesome solid webfont down to the glyphs the site's stylesheets can draw: book/_fonts/.

The theme (pydata-sphinx-theme, pinned in requirements.txt) ships Font Awesome Free 6.5.2's solid webfont,
fa-solid-900.woff2 (156 kB, SIL OFL 1.1), and every page loads it for the icons its stylesheets draw (admonition
titles, header buttons, menus). book/_ext/lean_static.py replaces it in the built site by the subset written here and
fails the build if a stylesheet ever reaches a glyph the subset lacks; then run this script again.

It reads the built site (run `make book` first): the glyphs are those of book/_ext/lean_static.icon_codepoints over
every stylesheet in _build/html/_static, after the icon-library rules no page uses are dropped (the same functions the
build uses). The subset is made with fontTools (pyftsubset's engine), which is not a dependency of the book: run this
in a scratch venv, e.g.

    python3.11 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools==4.68.0 brotli==1.2.1
    /tmp/ft/bin/python scripts/subset_icons.py

Writes book/_fonts/fa-solid-900.woff2 and book/_fonts/SUBSET.json (source file and its sha256, tool versions, the
code points, the subset's sha256). Deterministic for the same inputs and tool versions.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import lean_static  # noqa: E402

SITE = ROOT / "_build" / "html"
OUT = ROOT / "book" / "_fonts"


def theme_font() -> Path:
    """The theme's copy of the webfont, in the book's venv (the pinned pydata-sphinx-theme)."""
    hits = sorted((ROOT / ".venv" / "lib").glob("python3*/site-packages/pydata_sphinx_theme/theme/pydata_sphinx_theme/"
                                                  "static/" + lean_static.ICON_FONT))
    if not hits:
        raise SystemExit("pydata-sphinx-theme's fa-solid-900.woff2 not found in .venv (run `make book` first)")
    return hits[0]


def needed_codepoints() -> set[int]:
    static = SITE / "_static"
    if not (static / lean_static.THEME_CSS).is_file():
        raise SystemExit(f"no built site in {SITE} (run `make book` first)")
    cps = set()
    for css in static.rglob("*.css"):  # as the build left them: trimmed to the rules that can match (lean_static)
        cps |= lean_static.icon_codepoints(css.read_text(encoding="utf-8", errors="ignore"))
    return cps


def main() -> int:
    import fontTools
    import brotli  # noqa: F401  (woff2 needs it)
    from fontTools import subset
    from fontTools.ttLib import TTFont

    src = theme_font()
    cps = sorted(needed_codepoints())
    font = TTFont(str(src), recalcTimestamp=False)  # keep the source's head.modified: deterministic bytes
    have = set(font.getBestCmap())
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=cps)
    sub.subset(font)
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / "fa-solid-900.woff2"
    font.flavor = "woff2"
    font.save(str(target))
    record = {
        "about": "Subset of Font Awesome Free 6.5.2 solid (SIL OFL 1.1) as shipped by pydata-sphinx-theme; the glyphs "
                 "the site's stylesheets can draw. Written by scripts/subset_icons.py; used by book/_ext/lean_static.py.",
        "source": "pydata_sphinx_theme/theme/pydata_sphinx_theme/static/" + lean_static.ICON_FONT,
        "source_sha256": hashlib.sha256(src.read_bytes()).hexdigest(),
        "source_bytes": src.stat().st_size,
        "tool": f"fontTools {fontTools.version}",
        "codepoints": cps,
        "not_in_source": [c for c in cps if c not in have],
        "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "bytes": target.stat().st_size,
    }
    (OUT / "SUBSET.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"[subset_icons] {len(cps)} code points ({len(record['not_in_source'])} not in the solid font) -> {target} "
          f"({record['bytes']} bytes, from {record['source_bytes']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

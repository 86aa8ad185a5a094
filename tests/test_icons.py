"""The icon font subset (book/_fonts, scripts/subset_icons.py), the icon-rule trimming and the unused-rule trimming of
book/_ext/lean_static.py."""
import hashlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import lean_static as L  # noqa: E402

CSS = ('.fa-bell:before{content:"\\f0f3"}.fa-a:before{content:"A"}.fa-moon:before,.fa-x:before{content:"\\f186"}'
       '.admonition-title:after{content:var(--pst-icon-note)}:root{--pst-icon-note:"\\f05a";--x:"x"}'
       '@media (min-width:1px){.fa-sun:before{content:"\\f185"}}.fa-bell{color:red}')


def test_subset_record_matches_the_font():
    record = json.loads((L.FONTS / "SUBSET.json").read_text())
    font = (L.FONTS / "fa-solid-900.woff2").read_bytes()
    assert hashlib.sha256(font).hexdigest() == record["sha256"] and len(font) == record["bytes"]
    assert record["bytes"] < 10_000 < record["source_bytes"]
    assert {0xF0F3, 0xF002, 0xF107} <= set(record["codepoints"]), "admonition bell, search, menu chevron"


def test_trim_keeps_the_rules_of_named_icons_only():
    out = L.trim_unmatched_rules(CSS, {"fa-bell", "fa-moon", "admonition-title"})
    assert '.fa-bell:before{content:"\\f0f3"}' in out and ".fa-moon:before,.fa-x:before" in out
    assert ".fa-a:before" not in out and ".fa-sun:before" not in out
    assert ".fa-bell{color:red}" in out and "--pst-icon-note" in out, "other rules untouched"


def test_codepoints_of_library_rules_and_private_use_strings():
    cps = L.icon_codepoints(L.trim_unmatched_rules(CSS, {"fa-bell", "fa-a", "admonition-title"}))
    assert cps == {0xF0F3, ord("A"), 0xF05A}, sorted(map(hex, cps))


def test_build_fails_when_a_stylesheet_needs_a_glyph_the_subset_lacks(tmp_path):
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    missing = next(c for c in range(0xF000, 0xF8FF) if c not in set(json.loads((L.FONTS / "SUBSET.json").read_text())["codepoints"]))
    (static / L.THEME_CSS).write_text('.x:after{content:"\\%x"}' % missing)
    with pytest.raises(RuntimeError, match=f"U\\+{missing:04X}"):
        L._icon_font(static)
    (static / L.THEME_CSS).write_text('.x:after{content:"\\f0f3"}')
    L._icon_font(static)
    assert (static / L.ICON_FONT).read_bytes() == (L.FONTS / "fa-solid-900.woff2").read_bytes()


def test_unmatched_rules_are_dropped_and_everything_that_can_match_is_kept(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "page.html").write_text('<div class="used" id="top"><p class="b">x</p></div>')
    (tmp_path / "_static" / "tip.js").write_text('el.classList.add(`bs-${this.NAME}-auto`); el.className = "col-" + n;')
    tokens = L.site_tokens(tmp_path)
    css = ('.used{a:1}.gone{a:2}.used .gone{a:3}.gone,.used>p{a:4}#top{a:5}#nowhere{a:6}'
           '.b:not(.gone){a:7}.gone:is(.used){a:8}:is(.used,.gone) .b{a:9}[data-x=".gone"]{a:10}'
           '.bs-tooltip-auto .b{a:11}.col-3{a:12}@font-face{font-family:X}@media print{.gone{a:13}.used{a:14}}'
           '@keyframes k{0%{a:15}to{a:16}}:root{--v:1}p{a:17}.used{b:18;.gone{a:19}}')
    out = L.trim_unmatched_rules(css, tokens)
    for kept in (".used{a:1}", ".gone,.used>p{a:4}", "#top{a:5}", ".b:not(.gone){a:7}", ":is(.used,.gone) .b{a:9}",
                 '[data-x=".gone"]{a:10}', "@font-face{font-family:X}", ".used{a:14}", "0%{a:15}", "to{a:16}",
                 ":root{--v:1}", "p{a:17}", ".used{b:18;.gone{a:19}}"):
        assert kept in out, kept
    assert ".bs-tooltip-auto .b{a:11}" in out and ".col-3{a:12}" in out, "names scripts build at run time are kept"
    for dropped in (".gone{a:2}", ".used .gone{a:3}", "#nowhere{a:6}", ".gone:is(.used){a:8}", ".gone{a:13}"):
        assert dropped not in out, dropped

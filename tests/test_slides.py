"""The lecture decks (issue #18): one per lecture of book/teaching.md, offline, math typeset, from the chapters.

The static checks run without a browser; the browser check (scripts/slides_check.py: every deck from file:// and
from a local server, reveal.js started, MathJax typeset, zero external requests, zero console errors) runs in the
suite's second pass ("built_html"), after `make test` has built the book (scripts/build_book.py writes the decks).
"""
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "scripts"))
import build_slides  # noqa: E402

PLAN = build_slides.lecture_plan()
DECKS = [HTML / "slides" / f"lecture-{lec['n']}.html" for lec in PLAN]
built = pytest.mark.skipif(not all(d.is_file() for d in DECKS), reason="no decks in _build/html/slides (make book)")


def test_plan_matches_the_teaching_page():
    """Six lectures; every section the plan names exists in a chapter; the teaching page links every deck."""
    assert [lec["n"] for lec in PLAN] == list(range(1, len(PLAN) + 1)) and len(PLAN) == 6
    index = build_slides.label_index()
    assert all(lab in index for lec in PLAN for lab in lec["labels"]), "a label of the plan is not in a chapter"
    teaching = (ROOT / "book" / "teaching.md").read_text(encoding="utf-8")
    for lec in PLAN:
        assert f'href="../slides/lecture-{lec["n"]}.html"' in teaching


def test_reveal_is_vendored_and_pinned():
    """reveal.js 6.0.2 from npm, checksummed in book/_vendor/VENDOR.json; no plugin (math is the site's MathJax 4)."""
    import json

    manifest = json.loads((ROOT / "book" / "_vendor" / "VENDOR.json").read_text())
    assert manifest["packages"]["reveal.js"]["version"] == "6.0.2"
    assert {"reveal/reveal.js", "reveal/reveal.css", "reveal/theme/serif.css"} <= set(manifest["files"])


@built
def test_built_html_decks_are_offline_and_complete():
    """Each deck: local assets only (reveal.js, the site's MathJax), a title slide, the lecture's chapters, numbered
    equations with the paper's numbers, and the run-live slide."""
    for lec, deck in zip(PLAN, DECKS):
        text = deck.read_text(encoding="utf-8")
        srcs = re.findall(r'(?:src|href)="([^"#]+)"', text)
        assert not [s for s in srcs if re.match(r"^[a-z]+://", s)], f"{deck.name} references another host"
        assert '../_static/reveal/reveal.js' in text and '../_static/mathjax/startup.js' in text
        assert text.count("<section") > 5 and "Run live" in text
        assert re.search(r"\\tag\{[0-9A]+\.[0-9]+[a-z]?\}", text), f"{deck.name}: no equation with the paper's number"
        for img in re.findall(r"src='((?:\.\./_images|img)/[^']+)'", text):
            assert (deck.parent / img).is_file(), img


@built
def test_built_html_decks_in_the_browser():
    """scripts/slides_check.py: every deck loads (file:// and http), math typeset, 0 external requests, no errors."""
    import slides_check

    rc = slides_check.main(["--html", str(HTML), "--no-screenshots"])
    assert rc == 0, "scripts/slides_check.py failed (see _build/slides_report.json)"

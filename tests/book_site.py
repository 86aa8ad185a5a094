"""Shared by the built-site tests (tests/test_site.py, tests/test_numbering.py): where the built book is, a skip mark
for tests that need it, and the pages of _toc.yml read here, independently of scripts/browser_check.py."""
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"

needs_build = pytest.mark.skipif(not (HTML / "index.html").is_file(),
                                 reason="no built book in _build/html (run `make book` first)")


def toc_pages() -> list[str]:
    """`root:`/`file:` entries of _toc.yml in reading order."""
    def walk(node) -> list[str]:
        out = []
        if isinstance(node, dict):
            out += [str(node[k]) for k in ("root", "file") if k in node]
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []) or []:
                    out += walk(child)
        return out
    return walk(yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8")))

"""Every MyST chapter in notebooks/ is paired with an executed .ipynb whose code matches, recorded in the manifest.

The book is built from the .md files; nbval re-runs the .ipynb files and compares their stored
outputs. The two only test the same thing if the .ipynb holds the .md's code and was executed.
Refresh the pairs with `make notebooks` (scripts/execute.py --force). notebooks/.exec_manifest.json records, per
chapter, the digest of what its stored outputs were computed from and the repository files it used, so that a build
executes a chapter again only when one of them changes (scripts/execute.py).
"""
import json
import os
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def _has_jupytext_header(md: Path) -> bool:
    text = md.read_text(encoding="utf-8")
    return text.startswith("---") and "jupytext:" in text.split("\n---", 1)[0]


CHAPTERS = sorted(md for md in NOTEBOOKS.glob("*.md") if _has_jupytext_header(md))
IPYNBS = sorted(NOTEBOOKS.glob("*.ipynb"))


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("md", CHAPTERS, ids=lambda p: p.name)
def test_chapter_is_paired_with_ipynb(md):
    """Jupytext header declares formats ipynb,md:myst and the paired .ipynb exists (run `make notebooks`)."""
    nb = jupytext.read(md)
    formats = nb.metadata.get("jupytext", {}).get("formats", "")
    assert {"ipynb", "md:myst"} <= set(formats.split(",")), f"{md.name}: jupytext formats are {formats!r}"
    assert md.with_suffix(".ipynb").is_file(), f"{md.name} has no paired .ipynb; run `make notebooks`"


@pytest.mark.parametrize("md", CHAPTERS, ids=lambda p: p.name)
def test_ipynb_code_matches_md(md):
    """Code-cell sources and tags of the .ipynb equal those of the .md (exact match, read by jupytext)."""
    ipynb = md.with_suffix(".ipynb")
    if not ipynb.is_file():
        pytest.fail(f"{md.name} has no paired .ipynb; run `make notebooks`")
    from_md = _code_cells(jupytext.read(md))
    from_ipynb = _code_cells(nbformat.read(ipynb, as_version=4))
    assert [c.source for c in from_ipynb] == [c.source for c in from_md], (
        f"{ipynb.name} is out of date with {md.name}; run `make notebooks`")
    assert [sorted(c.metadata.get("tags", [])) for c in from_ipynb] == [
        sorted(c.metadata.get("tags", [])) for c in from_md], f"cell tags differ between {ipynb.name} and {md.name}"


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.name)
def test_ipynb_was_executed(ipynb):
    """Every non-empty code cell ran, in order (execution counts 1..n), and the notebook has outputs."""
    cells = [c for c in _code_cells(nbformat.read(ipynb, as_version=4)) if c.source.strip()]
    assert cells, f"{ipynb.name} has no code cells"
    counts = [c.execution_count for c in cells]
    assert None not in counts, f"{ipynb.name}: cells without execution count (not executed): {counts}"
    assert counts == list(range(1, len(cells) + 1)), f"{ipynb.name}: not executed top to bottom: {counts}"
    assert any(c.outputs for c in cells), f"{ipynb.name} has no outputs at all"
    errors = [o for c in cells for o in c.outputs if o.get("output_type") == "error"]
    assert not errors, f"{ipynb.name} stores an error output: {errors[0].get('ename')}"


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.name)
def test_ipynb_has_md_source(ipynb):
    """No orphan .ipynb: each one is the pair of a MyST chapter (the .md is what the book builds)."""
    assert ipynb.with_suffix(".md") in CHAPTERS, f"{ipynb.name} has no MyST .md source in notebooks/"


sys.path.insert(0, str(ROOT / "scripts"))
import execute  # noqa: E402


@pytest.mark.parametrize("md", CHAPTERS, ids=lambda p: p.name)
def test_manifest_records_what_the_chapter_used(md):
    """The manifest has an entry for the chapter, made by an execution that saw the package (import tracking works)."""
    entry = json.loads(execute.PAIRED_MANIFEST.read_text()).get(execute.rel(md)) if execute.PAIRED_MANIFEST.is_file() else None
    assert entry, f"{md.name} is not in notebooks/.exec_manifest.json; run `make notebooks NB=notebooks/{md.name}`"
    assert {"digest", "used", "md_sha256", "store_sha256", "code_sha256"} <= set(entry)
    imports_physics = "physics" in md.read_text(encoding="utf-8")
    assert not imports_physics or any(u.startswith("physics/") for u in entry["used"]), entry["used"]


@pytest.mark.skipif(not os.environ.get("CI"), reason="locally, `make book`/`make test` re-execute stale chapters")
@pytest.mark.parametrize("md", CHAPTERS, ids=lambda p: p.name)
def test_committed_outputs_are_current(md):
    """In CI the committed outputs must match the committed code and package (else: run `make notebooks`, commit)."""
    assert execute.status(execute.rel(md)) in ("current", "prose"), f"{md.name}: {execute.status(execute.rel(md))}"

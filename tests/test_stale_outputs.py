"""No stale output on the site: a change in `physics` re-executes exactly the pages that use it, and the page changes.

The book reuses stored outputs (scripts/execute.py: a page is executed only when its dependency digest changed).
These tests edit a constant of the package in a *scratch copy* of the repository and follow it to the built page:

1. the page that uses the constant becomes stale ("inputs changed"), a page that does not use the edited module stays
   current, and an edit of a module the page does not import leaves it current;
2. the pipeline of `make book` (execute stale pages, prime the book's jupyter-cache, render) puts the new value on
   the page, and the renderer itself executes nothing.

The scratch book holds one chapter (notebooks/01_introduction, ~1 s to execute) so that the test stays short; the
build there is not strict (-W), because that chapter's cross-references point to chapters left out of the copy.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # two book builds and one execution in a scratch copy (tests/conftest.py: runs first)

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "notebooks/01_introduction.md"
CONSTANT = re.compile(r"^TAU_MODEL = ChargeAssignment\(alpha_tau=1\)$", re.M)
sys.path.insert(0, str(ROOT / "scripts"))
import execute  # noqa: E402


def _constant_file() -> Path | None:
    for path in sorted((ROOT / "physics").rglob("*.py")):
        if CONSTANT.search(path.read_text(encoding="utf-8")):
            return path
    return None


def _run(cmd, cwd, **kw):
    env = {**os.environ, "PYTHONPATH": str(cwd), "PYTHONHASHSEED": "0"}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    if execute.status(CHAPTER) != "current":
        pytest.skip(f"{CHAPTER} is not current in this checkout ({execute.status(CHAPTER)}): run `make notebooks`")
    if _constant_file() is None:
        pytest.fail("TAU_MODEL = ChargeAssignment(alpha_tau=1) not found in physics/: update this test's CONSTANT")
    dst = tmp_path_factory.mktemp("scratch_repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    for name in ("physics", "scripts", "data"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dst / name, ignore=ignore)
    for name in ("_ext", "_vendor", "_assets"):
        shutil.copytree(ROOT / "book" / name, dst / "book" / name, ignore=ignore)
    for name in ("_config.yml", "requirements.txt", "pyproject.toml", "book/references.bib",
                 "tests/nbval_sanitize.cfg", CHAPTER, str(Path(CHAPTER).with_suffix(".ipynb"))):
        (dst / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dst / name)
    # book/_ext/explorer_downloads.py is the bare-build fallback that writes notebooks/downloads/ (the explorer's files,
    # ~7 s of matplotlib) when a page links a missing one; it also runs when NO page links any, as here (one chapter
    # without download links), once per build.  It plays no part in propagating outputs: leave it out of the scratch
    # book while the scratch chapter links no download.
    if "<downloads/" not in (dst / CHAPTER).read_text(encoding="utf-8"):
        config = dst / "_config.yml"
        text, n = re.subn(r"^ *explorer_downloads: book/_ext\b.*\n", "", config.read_text(encoding="utf-8"), flags=re.M)
        assert n == 1, "explorer_downloads not found in _config.yml: update this fixture"
        config.write_text(text, encoding="utf-8")
    manifest = json.loads(execute.PAIRED_MANIFEST.read_text())
    (dst / "notebooks" / ".exec_manifest.json").write_text(json.dumps({CHAPTER: manifest[CHAPTER]}, indent=1))
    (dst / "_toc.yml").write_text(f"format: jb-book\nroot: {CHAPTER[:-3]}\n")
    return dst


def _status(dst: Path) -> dict:
    out = _run([sys.executable, "scripts/execute.py", "--status"], dst)
    assert out.returncode == 0, out.stderr
    return dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line)


def _pasted(html: Path) -> list[str]:
    return re.findall(r'<span class="pasted-text">([^<]*)</span>', html.read_text(encoding="utf-8"))


def test_only_a_used_module_makes_the_page_stale(scratch):
    assert _status(scratch)[CHAPTER] == "current", "the scratch copy must start current"
    used = set(json.loads((scratch / "notebooks" / ".exec_manifest.json").read_text())[CHAPTER]["used"])
    unused = sorted(p.relative_to(scratch).as_posix() for p in (scratch / "physics").rglob("*.py")
                    if p.relative_to(scratch).as_posix() not in used)
    assert unused, "the chapter uses every physics module: cannot test selectivity"
    target = scratch / unused[0]
    original = target.read_text(encoding="utf-8")
    target.write_text(original + "\n# an edit in a module the chapter does not import\n", encoding="utf-8")
    try:
        assert _status(scratch)[CHAPTER] == "current", f"editing {unused[0]} (not imported) made the chapter stale"
    finally:
        target.write_text(original, encoding="utf-8")


def test_edited_constant_reaches_the_built_page(scratch):
    const_file = scratch / _constant_file().relative_to(ROOT)
    build = [sys.executable, "scripts/execute.py"]
    # the unchanged book first: the page shows the stored value, and nothing is executed
    out = _run(build, scratch)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "executing" not in out.stdout, out.stdout
    jb = [str(Path(sys.executable).with_name("jupyter-book")), "build", "-q", "."]
    out = _run(jb, scratch, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    page = scratch / "_build" / "html" / (CHAPTER[:-3] + ".html")
    before = _pasted(page)
    records = execute_records(scratch)

    # edit the constant: alpha_tau 1 -> 2 in the scratch copy of the package
    text = const_file.read_text(encoding="utf-8")
    const_file.write_text(CONSTANT.sub("TAU_MODEL = ChargeAssignment(alpha_tau=2)", text), encoding="utf-8")
    assert _status(scratch)[CHAPTER] == "inputs changed"
    module = ".".join(const_file.relative_to(scratch).with_suffix("").parts)
    expected = _run([sys.executable, "-c", f"import {module} as m; print(m.TAU_MODEL.alpha_BL)"], scratch).stdout.strip()
    assert expected and expected != before[0], (expected, before)

    out = _run(build, scratch)  # what `make book` does first: execute the stale page, prime the cache
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"{CHAPTER}: inputs changed -> executing" in out.stdout, out.stdout
    assert _status(scratch)[CHAPTER] == "current"
    out = _run(jb, scratch, timeout=600)  # incremental render
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    after = _pasted(page)
    assert after[0] == expected, f"the page still shows {after[0]!r}, not the new value {expected!r}"
    assert after != before
    new = execute_records(scratch) - records
    assert len(new) == 1, "priming must add exactly the re-executed page's outputs"
    # and the renderer did not execute it again: the page's cache record carries the primed marker
    from jupyter_cache import get_cache

    bundle = get_cache(str(scratch / "_build" / ".jupyter_cache")).get_cache_bundle(new.pop()[0])
    assert bundle.record.data.get("execution_seconds") == 0.0, "the page was executed by the book build, not primed"


def execute_records(dst: Path) -> set[tuple[int, str]]:
    from jupyter_cache import get_cache

    return {(r.pk, r.created.isoformat()) for r in get_cache(str(dst / "_build" / ".jupyter_cache")).list_cache_records()}

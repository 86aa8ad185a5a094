"""The package's layers, fenced (issue: "claims you can audit").

Layers, each importing only those above it: 1 `physics.inputs`/`physics.resources`, 2 `physics.model`,
3 `physics.pheno`, 4 `physics.paper`, 5 `physics.viz`; the front-ends `physics.cli`, `physics.explorer`,
`physics.__main__` may import anything.  The fence also forbids

* import cycles between modules (imports inside functions count);
* reading the ledger file (`paper_values`) outside `physics.paper`;
* a printed number typed into compute code: a float literal in `physics/` outside `physics/paper/`, or in a
  chapter's code cells, equal to one of the paper's distinctive printed numbers.

The mutation tests inject each kind of violation into a scratch copy of the package and show the fence reports it.
"""
from __future__ import annotations

import ast
import json
import math
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RANK = {"inputs": 1, "resources": 1, "validate": 1, "model": 2, "pheno": 3, "paper": 4, "viz": 5}
FRONT = {"cli", "explorer", "__main__", "__init__"}


def module_name(path: Path, pkg_root: Path) -> str:
    rel = path.relative_to(pkg_root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(mod: str) -> int | None:
    """Rank of a physics.* module (None for a front-end)."""
    parts = mod.split(".")
    if len(parts) < 2:
        return None
    head = parts[1]
    if head in FRONT:
        return None
    return RANK.get(head)


def imports_of(path: Path, mod: str) -> set[str]:
    """Every physics.* module imported by `path` (top level or inside functions), as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    pkg = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "physics"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            if base.split(".")[0] != "physics":
                continue
            for a in node.names:  # `from physics.pheno import fit` imports physics.pheno.fit; `from X import f`: X
                out.add(f"{base}.{a.name}")
            out.add(base + "#from")
    return out


def graph(pkg_root: Path) -> dict[str, set[str]]:
    mods = {module_name(p, pkg_root): p for p in pkg_root.rglob("*.py") if "__pycache__" not in p.parts}
    g = {}
    for m, p in mods.items():
        raw = imports_of(p, m)
        deps = {i for i in raw if i in mods}
        for i in raw:  # `from physics.pheno.fit import x` (a module) or `from physics import inputs` (a package)
            if i.endswith("#from"):
                base = i[:-5]
                if base in mods and not any(d.startswith(base + ".") for d in deps):
                    deps.add(base)
        g[m] = deps - {m}
    return g


def layer_violations(pkg_root: Path) -> list[str]:
    bad = []
    for m, deps in graph(pkg_root).items():
        lm = layer_of(m)
        if lm is None:
            continue
        for d in deps:
            ld = layer_of(d)
            if ld is None:
                bad.append(f"{m} imports the front-end {d}")
            elif ld > lm:
                bad.append(f"{m} (layer {lm}) imports {d} (layer {ld})")
    return sorted(bad)


def cycles(pkg_root: Path) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), ignoring package __init__ re-exports."""
    g = {m: {d for d in ds if not d.endswith("physics") and d.count(".") > 1 or d in ("physics.inputs", "physics.resources")}
         for m, ds in graph(pkg_root).items()}
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            strong(v)
    return out


def ledger_readers(pkg_root: Path) -> list[str]:
    return sorted(str(p.relative_to(pkg_root.parent)) for p in pkg_root.rglob("*.py")
                  if "paper" not in p.relative_to(pkg_root).parts[:1] and "paper_values" in p.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------------ printed literals
TO_GEV = {"MeV": 1e-3, "GeV": 1.0, "TeV": 1e3}


def printed_numbers() -> set[float]:
    """The paper's distinctive printed numbers: ledger values (in their units and, for masses, in GeV) and the named
    printed inputs.  Integers up to 12 and powers of ten are too common to be distinctive and are left out."""
    import yaml

    with open(ROOT / "physics" / "data" / "paper_values.yaml", encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)
    from physics.paper import printed as P

    vals = []
    for e in entries:
        v = e["value"]
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            vals += [float(v), float(v) * TO_GEV.get(e.get("units"), 1.0)]
    vals += [P.G2, P.M_THERMAL_QUINTUPLET_GEV, P.V_HIGGS, P.DELTA_M_RAD_GEV]
    vals += [x * 1e3 for x in P.TABLE2_NATURALNESS + P.TABLE3_NATURALNESS]
    out = set()
    for v in vals:
        if v == 0 or (v.is_integer() and abs(v) <= 12) or math.log10(abs(v)).is_integer():
            continue
        out.add(v)
    return out


def _close(x: float, targets: set[float]) -> bool:
    return any(math.isclose(x, t, rel_tol=1e-12) for t in targets)


def float_literals(source: str) -> list[tuple[int, float]]:
    return [(n.lineno, n.value) for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)
            and isinstance(n.value, float)]


#: Float literals outside physics/paper that equal a printed number by coincidence, with the reason.
ALLOWED = {
    ("physics/inputs.py", 2.7): "Belle II's own 2.7 sigma excess (Refs. [22, 56, 57]), an experimental input",
    ("physics/inputs.py", 2.5e-08): "the |g_P| limit of Refs. [24, 59] quoted in Eq. (3.27): an experimental input",
    ("physics/model/uv_models.py", 1200.0): "upper end of the Higgsino thermal-mass range of hep-ph/0512090",
    ("physics/pheno/fit.py", 2.2): "plotting range of the g_X profile (2.2 x the 1-sigma scale), not a printed number",
}
#: Float literals in chapters' code that equal a printed number by coincidence, with the reason.
ALLOWED_NB = {
    ("06_summary_plane.md", 0.11): "legend offset of Fig. 3 (bbox_to_anchor=(0.5, -0.11)), not a mass",
}
#: Folders not scanned for literals, with the reason.
UNSCANNED = {"paper": "the paper layer is where printed numbers live",
             "viz": "drawing parameters (sizes, alphas, offsets); printed points are taken from physics.paper",
             "data": "data files, not code"}


def literal_violations(pkg_root: Path, notebooks: Path | None = None) -> list[str]:
    targets = printed_numbers()
    bad = []
    for p in sorted(pkg_root.rglob("*.py")):
        rel = p.relative_to(pkg_root.parent)
        if rel.parts[1] in UNSCANNED or "__pycache__" in rel.parts:
            continue
        for line, v in float_literals(p.read_text(encoding="utf-8")):
            if _close(v, targets) and (str(rel), v) not in ALLOWED:
                bad.append(f"{rel}:{line}: {v!r} is a printed number of the paper")
    if notebooks is not None:
        import jupytext

        for md in sorted(notebooks.glob("*.md")):
            nb = jupytext.read(md)
            for k, c in enumerate(nb.cells):
                if c.cell_type != "code":
                    continue
                try:
                    lits = float_literals(c.source)
                except SyntaxError:  # IPython magics
                    continue
                for line, v in lits:
                    if _close(v, targets) and (md.name, v) not in ALLOWED_NB:
                        bad.append(f"{md.name} cell {k} line {line}: {v!r} is a printed number of the paper")
    return bad


# ------------------------------------------------------------------------------------------------ the fence itself
def test_layers_import_only_upwards():
    assert layer_violations(ROOT / "physics") == []


def test_no_import_cycles():
    assert cycles(ROOT / "physics") == []


def test_only_the_paper_layer_reads_the_ledger_file():
    assert ledger_readers(ROOT / "physics") == []


def test_no_printed_number_outside_the_paper_layer():
    assert literal_violations(ROOT / "physics", ROOT / "notebooks") == []


# ------------------------------------------------------------------------------------------------ mutations
@pytest.fixture
def scratch(tmp_path):
    dst = tmp_path / "physics"
    shutil.copytree(ROOT / "physics", dst, ignore=shutil.ignore_patterns("__pycache__", "data"))
    return dst


def _append(path: Path, text: str):
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def test_mutation_printed_literal_is_caught(scratch):
    """Typing the printed g_X = 0.018 into the fit (a pheno module) is reported."""
    _append(scratch / "pheno" / "fit.py", "GX_TYPED_IN = 0.018")
    bad = literal_violations(scratch)
    assert any("pheno/fit.py" in b and "0.018" in b for b in bad), bad


def test_mutation_printed_import_is_caught(scratch):
    """Importing the paper layer's printed values from the model layer is reported."""
    _append(scratch / "model" / "criteria.py", "from physics.paper.printed import DELTA_M_RAD_GEV")
    bad = layer_violations(scratch)
    assert any(b.startswith("physics.model.criteria (layer 2) imports physics.paper.printed") for b in bad), bad


def test_mutation_viz_import_and_cycle_are_caught(scratch):
    """pheno importing viz, and a cycle charges -> criteria -> charges, are both reported."""
    _append(scratch / "pheno" / "rates.py", "def _draw():\n    from physics.viz import plane  # noqa")
    _append(scratch / "model" / "charges.py", "def _late():\n    from physics.model import criteria  # noqa")
    assert any("physics.pheno.rates (layer 3) imports physics.viz" in b for b in layer_violations(scratch))
    assert ["physics.model.charges", "physics.model.criteria"] in [c[:2] for c in cycles(scratch)] or \
        any({"physics.model.charges", "physics.model.criteria"} <= set(c) for c in cycles(scratch))


def test_mutation_ledger_reader_is_caught(scratch):
    _append(scratch / "pheno" / "limits.py", "def _cheat():\n    return open('paper_values.yaml').read()")
    assert ledger_readers(scratch) == ["physics/pheno/limits.py"]

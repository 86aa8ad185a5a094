"""The static explorer page (book/_assets/explorer/explorer.js) against `python -m physics explore --json`.

* without a browser: the page's own JS (its pure core: parseInput, compute, toJSON) run under Node.js on >= 20 seeded
  random charge assignments (scripts/explorer_check.random_cases) and compared with the CLI (exact rationals, rel 1e-6);
* in a browser: scripts/explorer_check.run on the built site (cross-implementation through the URL query, bad input,
  hostile URL payloads, update time, page weight); needs /usr/bin/chromium and a build (env U1X_HTML or _build/html);
* static: the JS never parses query values as HTML.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "book" / "_assets" / "explorer"
sys.path.insert(0, str(ROOT / "scripts"))
import explorer_check as X  # noqa: E402

NODE_RUNNER = r"""
const fs = require('fs');
globalThis.window = globalThis;
eval(fs.readFileSync(process.argv[1], "utf8"));
const E = require(process.argv[2]);
const M = E.makeModel(globalThis.U1X_UNIVERSAL);
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
console.log(JSON.stringify(cases.map(raw => {
  const {inp, errors} = E.parseInput(E.fromQuery(raw), M.U);
  if (errors.length) return {ok: false, errors};
  const r = E.toJSON(E.compute(M, inp)); r.ok = true; return r;
})));
"""


def run_node(cases: list[dict]) -> list[dict]:
    out = subprocess.run(["node", "-e", NODE_RUNNER, str(ASSETS / "universal_curves.js"), str(ASSETS / "explorer.js")],
                         input=json.dumps(cases), capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js not installed")
def test_page_core_equals_cli():
    cases = X.random_cases(24)
    pages = run_node(cases)
    n_bl0 = n_b = 0
    for case, page in zip(cases, pages):
        ref = X.cli_reference(case)
        assert X.compare(page, ref) == [], case
        assert X.baryon_bounds_ok(ref), case
        n_bl0 += ref["alpha_BL"] == "0"
        n_b += ref["alphas"]["B"] != "0" and bool(ref["gX_max"])
    assert len(cases) >= 20 and n_bl0 >= 3 and n_b >= 3
    fams = {c.get("family", "none") for c in cases}
    assert {"A.6", "A.11", "none"} <= fams


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js not installed")
def test_page_rejects_bad_input():
    bad = [{"alpha_tau": "one third"}, {"alpha_tau": "1", "mX": "150"}, {"alpha_tau": "1/0"},
           {"alpha_mu": "1", "alpha_tau": "-1", "family": "A.6", "m": "3"}, {"alpha_tau": "1", "family": "A.6", "m": "1"},
           {"alpha_tau": "1", "mX": "-2"}, {"alpha_tau": "1", "gX": "0.1"}, {}, {"alpha_B": "0"},
           {k: "<script>alert(1)</script>" for k in X.PARAMS}]
    res = run_node(bad)
    assert res[7]["ok"]  # empty query: the defaults (the paper's tau model)
    for case, r in zip(bad[:7] + bad[8:], res[:7] + res[8:]):
        assert r["ok"] is False and r["errors"], case


def test_js_never_parses_input_as_html():
    js = (ASSETS / "explorer.js").read_text(encoding="utf-8")
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function", js)
    head = js.split("*/", 1)[0]
    for ref in ("Eq. (2.7)", "Eq. (3.2)", "Eq. (3.28)", "arXiv:1801.04847", "physics.viz.universal"):
        assert ref in head


def _html() -> Path:
    return Path(os.environ.get("U1X_HTML", ROOT / "_build" / "html"))


@pytest.mark.skipif(not Path(X.CHROMIUM).exists() or not (_html() / X.PAGE).is_file(),
                    reason="needs /usr/bin/chromium and a built site (U1X_HTML or _build/html)")
def test_built_html_explorer_in_browser():
    report = asyncio.run(X._main_async(_html(), 24, None))
    assert report["ok"], json.dumps(report["failures"], indent=1, default=str)[:4000]
    assert report["cases"] >= 20 and report["update_ms"]["median_recast"] <= 50

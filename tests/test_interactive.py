"""physics.viz.interactive and the interactive figures of notebooks/06_summary_plane (Fig. 3) and notebooks/11_explorer
(the benchmark planes): the drawn curves are the package's arrays, rounded for display only (to 1e-4 in log10, i.e.
relative 1.2e-4), with the names, colours, visibility and legend of the figures; the JS decoder of
book/_assets/plane/planeplot.js reads the same numbers as the Python one.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from physics.model.charges import TAU_MODEL
from physics.paper.statements import best_fit_point
from physics.pheno import plane
from physics.pheno.explorer import BENCHMARKS, explore_benchmark, viable_region
from physics.viz import interactive
from physics.viz.explorer import interactive_benchmarks
from physics.viz.plane import GRAY, YELLOW, interactive_fig3

ROOT = Path(__file__).resolve().parents[1]
PLANEPLOT = ROOT / "book" / "_assets" / "plane" / "planeplot.js"
#: half of the log10 quantum 1/SCALE, as a relative error: the display rounding, and nothing more
RTOL = 10 ** (0.5 / interactive.SCALE) - 1 + 1e-12


@pytest.fixture(scope="module")
def fig3():
    P = plane.summary_plane(TAU_MODEL, mX_min=0.01, mX_max=10.0, n=500)  # as the chapter
    return P, interactive_fig3(P, best_fit_point(), bands=True)


@pytest.fixture(scope="module")
def bench():
    R = {name: explore_benchmark(name) for name in BENCHMARKS}
    return R, interactive_benchmarks(R)


def _curves(spec, view=0):
    """{name: decoded curve} of the view's lines."""
    n = interactive.decode(spec["x"]["data"]).size
    return {t["name"]: interactive.decode(spec["arrays"][t["y"]], n) for t in spec["views"][view]["items"]
            if t["kind"] == "line"}


def _same(got, ref):
    ref = np.asarray(ref, dtype=float)
    assert got.shape == ref.shape
    assert np.array_equal(np.isnan(got), np.isnan(ref) | ~(ref > 0))
    ok = ~np.isnan(got)
    np.testing.assert_allclose(got[ok], ref[ok], rtol=RTOL, atol=0)


def test_encode_decode_round_trip():
    """Any positive values with gaps, thinned or not: gaps stay gaps, values come back to 1.2e-4 (relative), and the
    integer second differences do not accumulate an error over a long run."""
    rng = np.random.default_rng(7)
    for n, step in ((1, 1), (2, 1), (500, 1), (500, 2), (301, 3), (1560, 1)):
        v = 10 ** np.cumsum(rng.normal(0, 0.05, n)) * 1e-4
        v[rng.random(n) < 0.1] = np.nan
        v[n // 3: n // 2] = np.nan
        if n > 5:
            v[2], v[3] = 0.0, -1.0  # not on a log axis: gaps
        enc = interactive.encode(v, step)
        assert all(isinstance(k, int) for s in enc["seg"] for k in s)
        got = interactive.decode(enc, n)
        ref = np.where(v > 0, v, np.nan)
        for i0, i1 in interactive.runs(~np.isnan(ref)):
            idx = np.r_[np.arange(i0, i1, step), i1]
            np.testing.assert_allclose(got[idx], ref[idx], rtol=RTOL, atol=0)
            skipped = np.setdiff1d(np.arange(i0, i1 + 1), idx)
            assert np.all(np.isnan(got[skipped]))
        assert np.all(np.isnan(got[np.isnan(ref)]))
    smooth = np.geomspace(1e-7, 1e3, 100_000)
    np.testing.assert_allclose(interactive.decode(interactive.encode(smooth)), smooth, rtol=RTOL, atol=0)
    with pytest.raises(ValueError):
        interactive.encode([1.0, 2.0], step=0)


def test_compact_encoding_is_small(fig3):
    """A smooth curve costs a few characters per point (the point of the encoding): the whole Fig. 3 (21 curves and
    regions on 500 masses) stays below 30 kB of HTML, against 225 kB as plotly JSON."""
    _, spec = fig3
    html = interactive.figure_html(spec, "fig-3-interactive")
    assert len(html.encode()) < 30_000
    assert "bdata" not in html and "dtype" not in html  # no binary float blobs


def test_fig3_curves_are_the_planes_arrays(fig3):
    """Every line of the interactive Fig. 3 is the plane's array (rounded for display), with the names and colours of
    the figure: naturalness (gray; Delta = 100 solid), direct searches (yellow; y = 1 dotted), each current limit in
    its colour, the projections dashed and hidden at first."""
    P, spec = fig3
    _same(interactive.decode(spec["x"]["data"]), P["mX_GeV"])
    assert spec["x"]["range"] == [P["mX_GeV"][0], P["mX_GeV"][-1]] and spec["y"]["range"] == [1e-7, 1e3]
    curves = _curves(spec)
    items = {t["name"]: t for t in spec["views"][0]["items"] if "name" in t}
    for d in P["naturalness"].values():
        name = f"naturalness Δ={d['delta']:g} (g<sub>X</sub> ≳ line)"
        _same(curves[name], d["gX"])
        assert items[name]["colour"] == GRAY and items[name].get("dash", "solid") == ("solid" if d["delta"] == 100
                                                                                     else "dash")
    for d in P["direct"].values():
        name = f"LHC direct y<sub>Ψ</sub>={'1' if d['y'] == 1 else '√4π'} (g<sub>X</sub> < line)"
        _same(curves[name], d["gX"])
        assert items[name]["colour"] == YELLOW and items[name].get("dash", "solid") == ("dot" if d["y"] == 1
                                                                                       else "solid")
    for c in P["channels"].values():
        name = (c["label"] + " (g<sub>X</sub> < line)").replace("K_L", "K<sub>L</sub>")
        _same(curves[name], c["gX_max"])
        assert items[name]["colour"] == c["colour"] and items[name].get("show", True)
    assert P["projections"]
    for key, c in P["projections"].items():
        name = (c["label"] + " projection").replace("K_L", "K<sub>L</sub>")
        _same(curves[name], c["gX_max"])
        assert items[name]["show"] is False and items[name]["dash"] in ("dash", "dashdot")
    assert len(curves) == len(P["naturalness"]) + len(P["direct"]) + len(P["channels"]) + len(P["projections"])


def test_fig3_regions_points_and_legend(fig3):
    """Shaded regions as in the static Fig. 3: below each naturalness line, above the strongest current limit (stored
    as the minimum of the channels' curves, which equals physics.pheno.plane.strongest_channel after rounding); the
    best-fit point with its 1 sigma error bar and the printed point; one legend entry per curve, region and point."""
    P, spec = fig3
    view = spec["views"][0]
    fills = [t for t in view["items"] if t["kind"] == "fill"]
    below = [t for t in fills if t["to"] == "bottom"]
    assert len(below) == len(P["naturalness"])
    (above,) = [t for t in fills if t["to"] == "top"]
    assert above["name"] == "excluded by current limits"
    n = P["mX_GeV"].size
    stack = np.vstack([interactive.decode(spec["arrays"][k], n) for k in above["min_of"]])
    env = np.where(np.all(np.isnan(stack), axis=0), np.nan, np.nanmin(np.where(np.isnan(stack), np.inf, stack), 0))
    _same(env, plane.strongest_channel(P)["gX_max"])
    BF = best_fit_point()
    points = {t["name"]: t for t in view["items"] if t["kind"] == "point"}
    star = points["Belle II best fit (computed)"]
    assert star["symbol"] == "star" and star["x"] == pytest.approx(BF["mX_GeV"], rel=5e-5)  # 5 significant digits
    assert star["y"] == pytest.approx(BF["gX"], rel=5e-5)  # 5 significant digits
    assert star["err"] == pytest.approx(list(BF["gX_1sigma"]), rel=5e-5)  # 5 significant digits
    assert points["best fit as printed (g<sub>X</sub>≈0.018)"]["x"] == BF["printed"]["mX_GeV"]
    labels = [e["label"] for e in interactive.legend(view)]
    assert len(labels) == len(set(labels)) == len({t.get("group", t.get("name")) for t in view["items"]})
    assert labels[:3] == ["tuning worse than 1/100 (below the line)", "tuning worse than 1/1000 (below the line)",
                          "excluded by current limits"]
    assert [e["label"] for e in interactive.legend(view) if not e["show"]] == [
        t["name"] for t in view["items"] if t["kind"] == "line" and "projection" in t["name"]]


def test_benchmarks_figure(bench):
    """Chapter 11: one view per benchmark model in the menu (label and title as before), each the model's plane
    (same arrays, rounded) with its viable band; the lines shared by the models are stored once."""
    R, spec = bench
    views = spec["views"]
    assert [v["label"] for v in views] == [BENCHMARKS[k]["label"] for k in R]
    for v, (name, r) in zip(views, R.items()):
        pl = r["plane"]
        if not pl["channels"]:
            assert "no WZ-induced bounds" in v["title"]
            assert not [t for t in v["items"] if t["kind"] == "line"]
            continue
        assert v["title"] == BENCHMARKS[name]["label"]
        curves = _curves(spec, views.index(v))
        for c in pl["channels"].values():
            _same(curves[(c["label"] + " (g<sub>X</sub> < line)").replace("K_L", "K<sub>L</sub>")], c["gX_max"])
        (band,) = [t for t in v["items"] if t.get("name") == "viable band (Sec. 3.3)"]
        vr = viable_region(pl)
        n = pl["mX_GeV"].size
        _same(interactive.decode(spec["arrays"][band["lo"]], n), np.where(vr["mask"], vr["gX_min"], np.nan))
        _same(interactive.decode(spec["arrays"][band["hi"]], n), np.where(vr["mask"], vr["gX_max"], np.nan))
    refs = [t["y"] for v in views for t in v["items"] if t.get("name") == "naturalness Δ=100 (g<sub>X</sub> ≳ line)"]
    assert len(refs) >= 3 and len(set(refs)) == 1
    assert len(interactive.figure_html(spec, "explorer-benchmarks").encode()) < 45_000


def test_figure_html_is_deterministic_and_inert(fig3):
    """A fixed id (nbval-stable output), the spec as JSON that cannot close its <script> element, and the marker class
    book/_ext/uplot_assets.py looks for."""
    _, spec = fig3
    a, b = interactive.figure_html(spec, "fig-3-interactive"), interactive.figure_html(json.loads(json.dumps(spec)),
                                                                                    "fig-3-interactive")
    assert a == b
    assert a.startswith('<div class="u1x-figure" id="fig-3-interactive" data-figure="fig-3-interactive-data">')
    body = re.search(r'<script type="application/json" id="fig-3-interactive-data">(.*)</script>$', a, re.S).group(1)
    assert json.loads(body) == json.loads(json.dumps(spec))
    evil = {**spec, "views": [{**spec["views"][0], "title": "</script><script>alert(1)</script>"}]}
    assert interactive.figure_html(evil, "x").count("</script>") == 1
    with pytest.raises(ValueError):
        interactive.figure_html(spec, 'x" onload="alert(1)')


def test_no_plotly():
    """The figures need no plotting package in Python: building both does not import plotly."""
    code = ("import sys; from physics.pheno import plane; from physics.viz.plane import interactive_fig3; "
            "from physics.viz.explorer import interactive_benchmarks; from physics.pheno.explorer import explore_benchmark; "
            "interactive_fig3(plane.summary_plane({'tau': 1}, n=50)); "
            "interactive_benchmarks({'L_tau': explore_benchmark('L_tau', plane_grid={'n': 50})}); "
            "assert not [m for m in sys.modules if m.startswith('plotly')], 'plotly imported'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=300)


NODE_DECODE = r"""
const fs = require("fs"), vm = require("vm");
const ctx = { console }; ctx.globalThis = ctx; vm.createContext(ctx);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), ctx);
const spec = JSON.parse(fs.readFileSync(0, "utf8"));
const n = ctx.PlanePlot.decode(spec.x.data, undefined, spec.scale).length;
const out = spec.arrays.map(a => ctx.PlanePlot.decode(a, n, spec.scale).map(v => v === undefined ? "skip" : v));
out.push(ctx.PlanePlot.decode(spec.x.data, undefined, spec.scale));
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js not installed")
def test_js_decoder_equals_python(bench):
    """planeplot.js's decode gives the numbers of physics.viz.interactive.decode (to 1e-14), gaps where it has NaN,
    and 'skipped' (undefined: drawn as a straight segment) at the indices a thinned curve leaves out."""
    _, spec = bench
    out = subprocess.run(["node", "-e", NODE_DECODE, str(PLANEPLOT)], input=json.dumps(spec), capture_output=True,
                         text=True, check=True, timeout=120)
    js = json.loads(out.stdout)
    n = len(js[-1])
    for enc, got in zip(spec["arrays"] + [spec["x"]["data"]], js):
        ref = interactive.decode(enc, n)
        for r, g in zip(ref, got):
            if np.isnan(r):
                assert g is None or g == "skip"
            else:
                assert g == pytest.approx(r, rel=1e-14)
        if enc.get("step", 1) > 1:
            assert "skip" in got


def test_planeplot_never_parses_text_as_html():
    """Labels are built as DOM nodes (only <sub>/<sup> are understood), never through innerHTML or eval."""
    js = PLANEPLOT.read_text(encoding="utf-8")
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function", js)

"""The universal curves of the static explorer (physics.viz.universal): content, accuracy, determinism, freshness."""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from physics.model.charges import ChargeAssignment
from physics.pheno import explorer, limits, plane, rates
from physics.viz import universal

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "book" / "_assets" / "explorer"


@pytest.fixture(scope="module")
def U():
    return universal.universal_curves()


def _lagrange(U, ch, m):
    """The page's interpolation of r(m) (book/_assets/explorer/explorer.js, rate()), in Python."""
    c = U["channels"][ch]
    grid = np.array(U["grid"]["mX_GeV"])
    f, n, hi, p = c["first"], c["count"], c["range_GeV"][1], c["endpoint_power"]
    s = c["ln_reduced_rate"]
    i = int(np.searchsorted(grid, m, side="right")) - 1
    j = min(max(i - 1 - f, 0), n - 4)
    x = math.log(m)
    xs = [math.log(grid[f + j + b]) for b in range(4)]
    val = sum(s[j + a] * math.prod((x - xs[b]) / (xs[a] - xs[b]) for b in range(4) if b != a) for a in range(4))
    return math.exp(val + p * math.log1p(-(m / hi) ** 2))


def test_payload_structure(U):
    assert U["format"] == universal.FORMAT and U["version"] == universal.VERSION
    assert set(U["channels"]) == set(rates.CHANNELS)
    grid = U["grid"]["mX_GeV"]
    assert grid == sorted(grid) and len(set(grid)) == len(grid)
    pl = plane._mass_grid(explorer.PLANE_GRID["mX_min"], explorer.PLANE_GRID["mX_max"], explorer.PLANE_GRID["n"])
    assert [grid[i] for i in U["grid"]["plane_index"]] == [float(x) for x in pl]  # the plane grid, exactly
    for ch, c in U["channels"].items():
        lo, hi = rates.mass_range(ch)
        assert c["range_GeV"] == [lo, hi] and all(lo < grid[c["first"] + k] < hi for k in range(c["count"]))
        assert (c["limit"] is None) == (not limits.DATASETS[ch])
    assert U["families"]["A.6"]["m_min"] == 2 and U["families"]["A.11"]["m_min"] == 1


def test_rates_exact_on_grid_and_interpolated_between(U):
    """At grid points r is the package's rate to the stored 12 digits; between them the page's interpolation is within
    1e-6 everywhere (random masses, including the last per mille before each endpoint)."""
    rng = np.random.default_rng(7)
    grid = np.array(U["grid"]["mX_GeV"])
    worst = 0.0
    for ch, c in U["channels"].items():
        lo, hi = c["range_GeV"]
        on = grid[c["first"]:c["first"] + c["count"]][::37]
        exact = rates.branching_ratio(ch, on, gA=1.0)["BR"]
        np.testing.assert_allclose([_lagrange(U, ch, m) for m in on], exact, rtol=1e-10)
        ms = np.concatenate([np.exp(rng.uniform(math.log(max(lo, grid[0])), math.log(hi), 60)),
                             hi * (1 - 10 ** rng.uniform(-6, -3, 10))])
        exact = rates.branching_ratio(ch, ms, gA=1.0)["BR"]
        err = np.max(np.abs(np.array([_lagrange(U, ch, m) for m in ms]) / exact - 1))
        worst = max(worst, err)
    assert worst < 1e-6


def test_limits_and_naturalness_match_package(U):
    """The raw limit knots reproduce physics.pheno.limits.br_limit; the naturalness table is explore's bound."""
    for ch in ("K+->pi+X", "KL->pi0X", "B+->K+X"):
        lim = U["channels"][ch]["limit"]
        m = np.linspace(*[x * f for x, f in zip(limits.curve_range(limits.CURVES[
            {"K+->pi+X": "na62_2016_2022", "KL->pi0X": "koto_2015", "B+->K+X": "belle2_recast"}[ch]]["file"] and
            {"K+->pi+X": "na62_2016_2022", "KL->pi0X": "koto_2015", "B+->K+X": "belle2_recast"}[ch])[0], (1.01, 0.99))], 50)
        ref, _ = limits.br_limit(ch, m, out_of_range="nan")
        got = []
        for x in m:
            vals = []
            for p in lim["pieces"]:
                for seg in p.get("segments", []):
                    if seg["mX_GeV"][0] <= x <= seg["mX_GeV"][-1]:
                        vals.append(math.exp(np.interp(x, seg["mX_GeV"], seg["ln_BR"])))
            got.append(min(vals) if vals else math.nan)
        np.testing.assert_allclose(got, ref, rtol=1e-12)
    r = explorer.explore({"mu": 1}, "A.11", {"m": 2, "shift": "1/3"})
    from physics import explorer as front  # the CLI's reading of Eq. (2.9)
    r = front.explore({"mu": 1}, "A.11", {"m": 2, "shift": "1/3"})
    assert U["families"]["A.11"]["naturalness_bound_TeV"]["2"] == r["naturalness_bound_TeV"]
    r = front.explore({"B": 1, "tau": -2}, "A.6", {"m": 5})
    assert U["families"]["A.6"]["naturalness_bound_TeV"]["5"] == r["naturalness_bound_TeV"]


def test_baryon_knots_exact(U):
    """R_B below 2 GeV: linear interpolation of the exported knots equals physics.pheno.hadrons.baryon_ratio."""
    from physics.pheno import hadrons

    k = U["hadrons"]["vmd_baryon"]
    m = np.random.default_rng(3).uniform(0.1, 1.999, 400)
    np.testing.assert_allclose(np.interp(m, k["mX_GeV"], k["R_B"]), hadrons.baryon_ratio(m), rtol=1e-12, atol=0)
    a = ChargeAssignment(alpha_B=1, alpha_mu=-1)
    assert rates.invisible_branching(1.0, a) < 1


def test_deterministic_and_committed_current(U):
    """Two computations give identical bytes, and book/_assets/explorer/universal_curves.{json,js} are current."""
    text = universal.dumps(U)
    assert universal.dumps(universal.universal_curves()) == text
    assert json.loads(text)["sha256"] == U["sha256"]
    assert len(text) < 600_000
    assert (ASSETS / "universal_curves.json").read_text(encoding="utf-8") == text + "\n", \
        "stale: run scripts/execute.py --force notebooks/11_explorer.md (or physics.viz.universal.write_universal_curves)"
    assert text in (ASSETS / "universal_curves.js").read_text(encoding="utf-8")


def test_widths_figure():
    fig = universal.widths_figure()
    assert len(fig.axes) == 2
    import matplotlib.pyplot as plt

    plt.close(fig)

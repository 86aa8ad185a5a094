"""Theory (form-factor) uncertainties from the published covariance matrices (issue 13)."""
import json
import math
import subprocess
import sys

import numpy as np
import pytest

from physics.pheno import form_factors as FF
from physics.pheno import rates


@pytest.mark.parametrize("name,fit", [(n, f) for n, fs in FF.FILE_FITS.items() for f in fs])
def test_covariance_files(name, fit):
    """Every data file has a symmetric positive-definite covariance and its central values are those of FITS."""
    d = FF.fit_data(name, fit)
    C = d["covariance"]
    assert np.allclose(C, C.T)
    assert np.linalg.eigvalsh(C).min() > 0
    if FF.FITS[name][fit]["kind"] == "bsz":
        assert np.allclose(FF.FITS[name][fit]["a"], d["central"][:3], rtol=1e-12)


def test_linear_propagation_matches_sampling():
    """BSZ series are linear in their coefficients: the propagated sigma equals the spread of sampled coefficients."""
    d = FF.fit_data("B->K* A0", "GRvDV2023")
    rng = np.random.default_rng(7)
    s = rng.multivariate_normal(d["central"], d["covariance"], 20000)
    a0 = FF.vector_form_factors("B->K* A0", 4.41, "GRvDV2023", s)["A0"]
    u = FF.form_factor_uncertainty("B->K* A0", 4.41, "GRvDV2023")
    assert np.std(a0) == pytest.approx(float(u["sigma"]), rel=0.03)


@pytest.mark.parametrize("channel,mX", [("B+->K*+X", 2.1), ("B+->K+X", 2.1), ("B+->pi+X", 1.0), ("B+->rho+X", 1.0),
                                        ("K+->pi+X", 0.1), ("KL->pi0X", 0.1)])
def test_band_contains_central_and_shrinks(channel, mX):
    a = rates.branching_ratio_interval(channel, mX, gA=0.01)
    assert a["available"]
    assert a["BR_low"] < a["BR"] < a["BR_high"]
    b = rates.branching_ratio_interval(channel, mX, gA=0.01, cov_scale=0.25)
    assert a["BR_low"] < b["BR_low"] < b["BR"] < b["BR_high"] < a["BR_high"]
    z = rates.branching_ratio_interval(channel, mX, gA=0.01, cov_scale=0.0)
    assert z["BR_low"] == pytest.approx(z["BR"]) and z["BR_high"] == pytest.approx(z["BR"])


def test_unavailable_band_is_said():
    d = rates.branching_ratio_interval("D+->pi+X", 0.05, gA=1.0)
    assert not d["available"] and np.isnan(d["BR_low"]) and "not available" in d["note"]


def test_cli_rate_interval():
    out = json.loads(subprocess.run([sys.executable, "-m", "physics", "rate", "--channel", "B+->K*+X", "--mX", "2.1",
                                     "--gA", "0.0154", "--json"], capture_output=True, text=True, check=True).stdout)
    lo, hi = out["BR_interval"]
    assert lo < out["BR"] < hi
    assert "width_GeV" in out


# ------------------------------------------------------------------------------------------------
# Bands on the limit curves (Figs. 1 and 3 and their CSV files)
# ------------------------------------------------------------------------------------------------
from physics.pheno import limits, plane  # noqa: E402
from physics.model.charges import TAU_MODEL  # noqa: E402


def _inside(lo, g, hi):
    """lo <= g <= hi wherever g is finite, with NaN edges only where g is NaN (for a channel with a band)."""
    ok = np.isfinite(g)
    assert np.array_equal(np.isnan(lo), ~ok) and np.array_equal(np.isnan(hi), ~ok)
    assert np.all(lo[ok] <= g[ok]) and np.all(g[ok] <= hi[ok])


def _strictly_inside(inner_lo, inner_hi, outer_lo, outer_hi, g):
    ok = np.isfinite(g)
    assert np.all(outer_lo[ok] < inner_lo[ok]) and np.all(inner_lo[ok] < g[ok])
    assert np.all(g[ok] < inner_hi[ok]) and np.all(inner_hi[ok] < outer_hi[ok])


@pytest.fixture(scope="module")
def planes():
    return {s: plane.summary_plane(TAU_MODEL, 0.01, 10.0, 200, cov_scale=s) for s in (1.0, 0.25, 0.0)}


def test_fig1_bands_contain_the_curves_and_shrink():
    """Fig. 1: every curve lies inside its band; cov_scale = 1/4 gives a strictly narrower band, 0 the curve itself."""
    full, quarter, zero = (limits.fig1_curves(200, cov_scale=s) for s in (1.0, 0.25, 0.0))
    for panel in ("left", "right"):
        for a, b, z in zip(full[panel], quarter[panel], zero[panel]):
            assert a["band_available"] and "FLAG 2021" in a["band_note"]
            _inside(a["gA_max_lo"], a["gA_max"], a["gA_max_hi"])
            _strictly_inside(b["gA_max_lo"], b["gA_max_hi"], a["gA_max_lo"], a["gA_max_hi"], a["gA_max"])
            ok = np.isfinite(z["gA_max"])
            np.testing.assert_allclose(z["gA_max_lo"][ok], z["gA_max"][ok], rtol=1e-14)
            np.testing.assert_allclose(z["gA_max_hi"][ok], z["gA_max"][ok], rtol=1e-14)


def test_fig3_bands_contain_the_curves_and_shrink(planes):
    """Fig. 3: each channel with a covariance lies inside its band, and the band shrinks with the covariance; CLEO
    (D -> pi, ETM 2017, no published covariance) has no band and says so; L3 has no form factor (band = curve)."""
    p, q, z = planes[1.0], planes[0.25], planes[0.0]
    for name in ("NA62", "KOTO", "Belle", "Belle II"):
        c = p["channels"][name]
        assert c["band_available"], name
        _inside(c["gX_max_lo"], c["gX_max"], c["gX_max_hi"])
        cq = q["channels"][name]
        _strictly_inside(cq["gX_max_lo"], cq["gX_max_hi"], c["gX_max_lo"], c["gX_max_hi"], c["gX_max"])
        cz = z["channels"][name]
        ok = np.isfinite(cz["gX_max"])
        np.testing.assert_allclose(cz["gX_max_lo"][ok], cz["gX_max"][ok], rtol=1e-14)
        np.testing.assert_allclose(cz["gX_max_hi"][ok], cz["gX_max"][ok], rtol=1e-14)
    cleo = p["channels"]["CLEO"]
    assert not cleo["band_available"] and "not available" in cleo["band_note"]
    assert np.all(np.isnan(cleo["gX_max_lo"])) and np.all(np.isnan(cleo["gX_max_hi"]))
    assert np.isfinite(cleo["gX_max"]).any()
    l3 = p["channels"]["L3"]
    assert np.array_equal(l3["gX_max_lo"], l3["gX_max"]) and np.array_equal(l3["gX_max_hi"], l3["gX_max"])
    assert "no form factor" in l3["band_note"]
    assert "GRvDV2023" in p["channels"]["Belle II"]["band_note"] and "GKvD2018" in p["channels"]["Belle"]["band_note"]


@pytest.mark.parametrize("channel,mX", [("B+->K+X", 2.0), ("B+->pi+X", 1.0), ("B0->rho0X", 1.0), ("K+->pi+X", 0.2),
                                        ("KL->pi0X", 0.1)])
def test_limit_band_is_the_rate_interval(channel, mX):
    """The band edges are the limits at the 68% edges of the rate: sqrt(BR_limit / BR_high) and sqrt(BR_limit /
    BR_low) of rates.branching_ratio_interval (the limit scales as 1/sqrt(rate)); rel. 1e-12."""
    r = limits.coupling_limit_band(channel, mX)
    i = rates.branching_ratio_interval(channel, mX, gA=1.0)
    assert r["gA_max_lo"] == pytest.approx(math.sqrt(r["BR_limit"] / i["BR_high"]), rel=1e-12)
    assert r["gA_max_hi"] == pytest.approx(math.sqrt(r["BR_limit"] / i["BR_low"]), rel=1e-12)
    assert r["gA_max_lo"] < r["gA_max"] < r["gA_max_hi"] and r["band_available"]
    m = limits.coupling_limit_band(channel, mX, alphas=TAU_MODEL)
    assert m["gX_max_lo"] / m["gX_max"] == pytest.approx(r["gA_max_lo"] / r["gA_max"], rel=1e-12)


def test_limit_band_without_covariance_and_errors():
    d = limits.coupling_limit_band("D+->pi+X", [0.02, 0.05])
    assert not d["band_available"] and np.all(np.isnan(d["gA_max_lo"])) and "ETM2017" in d["band_note"]
    z = limits.coupling_limit_band("Z->gammaX", 1.0)
    assert z["gA_max_lo"] == z["gA_max"] == z["gA_max_hi"]
    with pytest.raises(ValueError, match="cov_scale"):
        limits.limit_band("B+->K+X", 1.0, 0.01, cov_scale=-1)
    with pytest.raises(ValueError, match="cov_scale"):
        plane.summary_plane(TAU_MODEL, n=10, cov_scale=float("nan"))


def test_band_follows_the_chosen_fit():
    """ff_fit reaches the band: B -> pi with LMVD 2021 has a different band than the default GKvD 2018."""
    a = limits.coupling_limit_band("B+->pi+X", 1.0)
    b = limits.coupling_limit_band("B+->pi+X", 1.0, ff_fit="LMVD2021")
    assert "GKvD2018" in a["band_note"] and "LMVD2021" in b["band_note"]
    assert a["gA_max_hi"] / a["gA_max"] != pytest.approx(b["gA_max_hi"] / b["gA_max"], rel=1e-3)


def test_figures_draw_the_bands(planes):
    """Fig. 3 (matplotlib and the interactive web figure) and Fig. 1 shade the bands; bands=False draws none; the lines
    are unchanged."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from physics.viz import export
    from physics.viz import plane as V

    p = planes[1.0]
    fig, (a1, a2) = plt.subplots(1, 2)
    V.plot_fig3(a1, p, "upper")
    V.plot_fig3(a2, p, "upper", bands=False)
    assert len(a1.collections) > len(a2.collections)
    assert [tuple(line.get_ydata()[:5]) for line in a1.get_lines()] == [tuple(line.get_ydata()[:5])
                                                                     for line in a2.get_lines()]
    assert any("form-factor band" in lab for lab in a1.get_legend_handles_labels()[1])
    plt.close(fig)
    from physics.viz import interactive

    f, g = V.interactive_fig3(p), V.interactive_fig3(p, bands=False)
    items = f["views"][0]["items"]
    bands = [t for t in items if t.get("group") == "ffband"]
    assert bands and all(t["kind"] == "band" for t in bands)
    assert [e["group"] for e in interactive.legend(f["views"][0])].count("ffband") == 1  # one entry toggles them all
    # each band is its channel's gX_max_lo .. gX_max_hi (every second mass, rounded for display only)
    with_band = [c for c in p["channels"].values() if c["band_available"] and np.any(c["gX_max_hi"] > c["gX_max_lo"])]
    assert len(bands) == len(with_band)
    for t, c in zip(bands, with_band):
        for key, ref in (("lo", c["gX_max_lo"]), ("hi", c["gX_max_hi"])):
            got = interactive.decode(f["arrays"][t[key]], ref.size)
            drawn = ~np.isnan(got)
            assert drawn.sum() >= np.sum(~np.isnan(ref)) // 2 and not np.any(drawn & np.isnan(ref))
            np.testing.assert_allclose(got[drawn], ref[drawn], rtol=3e-4)
    assert not [t for t in g["views"][0]["items"] if t.get("group") == "ffband" or t["kind"] == "band"]
    lines = lambda spec: [({**t, "y": None}, spec["arrays"][t["y"]]) for t in spec["views"][0]["items"]  # noqa: E731
                          if t["kind"] == "line"]
    assert lines(f) == lines(g) and len(lines(f)) >= len(p["channels"])
    c = limits.fig1_curves(100)
    fig = export.fig1_figure(c)
    assert len(fig.axes[0].collections) == len(c["left"])
    plt.close(fig)

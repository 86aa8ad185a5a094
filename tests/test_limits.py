"""Tests of physics.pheno.limits: constant limits (Eqs. 3.15, 3.17-3.20, Sec. 3.2.4), Eq. (3.16), Table 4, Fig. 1."""
import time

import numpy as np
import pytest

from physics.pheno import limits as L
from physics.pheno import rates
from physics.model.charges import TAU_MODEL


def test_eq_3_16_fcc_projection():
    """Eq. (3.16): 7.2e-10 sqrt(137 pb^-1/150 ab^-1 x 1e-6/7.2e-10) = 2.564e-11; the paper prints 2.5e-11, i.e. the
    value truncated (not rounded) to two digits: we check 2.5e-11 <= value < 2.6e-11 exactly that way."""
    v = L.fcc_ee_naive_projection()
    assert v == pytest.approx(2.5644e-11, rel=1e-4)
    assert 2.5e-11 <= v < 2.6e-11
    assert L.constant_limits()["fcc_ee_naive"]["br"] == 2.5e-11  # the data file keeps the printed value
    assert L.constant_limits()["fcc_ee"]["br"] == 2e-11          # Sec. 3.2.1, Ref. [42]
    with pytest.raises(ValueError, match="br_sm"):
        L.fcc_ee_naive_projection(br_sm=-1)


def test_printed_constant_limits():
    """Eqs. (3.15), (3.17)-(3.20), Sec. 3.2.2 (KOTO 2.2e-9), Sec. 3.2.4 (CLEO 8.0e-6 for m_X <~ 0.1 GeV), as printed."""
    c = L.constant_limits()
    assert (c["L3_Z"]["br"], c["L3_Z"]["cl"]) == (1e-6, 0.95)
    assert c["belle_rho+"]["br"] == 3.0e-5
    assert c["belle_pi+"]["br"] == 1.5e-5
    assert c["belle_rho0"]["br"] == 4.0e-5
    assert c["belle_pi0_printed"]["br"] == 9.0e-4   # Eq. (3.20) as printed (probably a typo)
    assert c["belle_pi0"]["br"] == 9.0e-6           # Belle's value, arXiv:1702.03224
    assert c["koto_inclusive"]["br"] == 2.2e-9
    assert (c["cleo_D"]["br"], c["cleo_D"]["m_max"]) == (8.0e-6, 0.1)
    for k in ("belle_rho+", "belle_pi+", "belle_rho0", "belle_pi0_printed", "cleo_D"):
        assert c[k]["cl"] == 0.90


def test_log_interpolation_and_gap():
    """Curves are interpolated linearly in log BR (midpoint = geometric mean); the NA62 110-154 MeV gap is not bridged."""
    m, br = L._curve_arrays("koto_klpi0_x_2015.csv", "br_upper_limit")
    mid = 0.5 * (m[5] + m[6])
    v, _ = L.br_limit("KL->pi0X", mid)
    assert v == pytest.approx(np.sqrt(br[5] * br[6]), rel=1e-12)
    assert L.br_limit("KL->pi0X", m[3])[0] == pytest.approx(br[3], rel=1e-12)
    with pytest.raises(ValueError, match="outside the mass range"):
        L.br_limit("K+->pi+X", 0.13, dataset="na62_2016_2022")
    v, desc = L.br_limit("K+->pi+X", 0.13)  # combined: the pi0 -> invisible window covers it
    assert np.isfinite(v) and "pi0inv" in desc


def test_coupling_limit_conversion():
    """gA_max^2 x BR(gA = 1) = BR_lim (rates are quadratic in g_X A_XWW); tau model: g_X = |gA|/|A_XWW| = gA below
    2 m_tau, and g_X = gA/sqrt(B(X -> E_miss)) above (Eq. 3.28); rel 1e-12."""
    m = np.array([0.02, 0.06, 0.2])
    r = L.coupling_limit("K+->pi+X", m)
    br1 = rates.branching_ratio("K+->pi+X", m, gA=1.0)["BR"]
    assert np.allclose(r["gA_max"] ** 2 * br1, r["BR_limit"], rtol=1e-12)
    t = L.coupling_limit("K+->pi+X", m, alphas=TAU_MODEL)
    assert np.allclose(t["gX_max"], r["gA_max"], rtol=1e-12)
    m2 = np.array([3.0, 4.0])
    a = L.coupling_limit("B+->K+X", m2)["gA_max"]
    b = L.coupling_limit("B+->K+X", m2, alphas=TAU_MODEL)["gX_max"]
    assert np.allclose(b, a / np.sqrt(rates.invisible_branching(m2, TAU_MODEL)), rtol=1e-12)
    assert b[1] > a[1] and b[0] == pytest.approx(a[0], rel=1e-12)


def test_every_channel_with_data_converts():
    """Each channel with a dataset returns finite positive limits and names the file used."""
    for ch, ds in L.DATASETS.items():
        if not ds:
            continue
        m = 0.05 if ch != "Z->gammaX" else 1.0
        r = L.coupling_limit(ch, m)
        assert np.isfinite(r["gA_max"]) and r["gA_max"] > 0
        assert ".csv" in r["dataset"]


def test_bad_inputs():
    """ValueErrors name the allowed range: outside a dataset (CLEO m_X <= 0.1 GeV), channels without data, unknown names."""
    with pytest.raises(ValueError, match=r"0\.1"):
        L.coupling_limit("D+->pi+X", 0.2)
    with pytest.raises(ValueError, match="no limit dataset"):
        L.coupling_limit("B+->K*+X", 1.0)
    with pytest.raises(ValueError, match="allowed"):
        L.coupling_limit("K+->pi+X", 0.05, dataset="e949")
    with pytest.raises(ValueError, match="open interval"):
        L.coupling_limit("K+->pi+X", 0.4)
    with pytest.raises(ValueError, match="allowed"):
        L.coupling_limit("K->pi X", 0.1)
    r = L.coupling_limit("K+->pi+X", [0.05, 0.3 - 0.001], out_of_range="nan")
    assert np.isfinite(r["gA_max"][0]) and np.isnan(r["gA_max"][1])


def test_table4():
    """Table 4: 11 rows; transitions match the couplings used in physics.pheno.rates (s->d, c->u, b->d, b->s)."""
    assert len(L.TABLE4) == 11
    tr = {"s -> d": "sd", "c -> u": "cu", "b -> d": "bd", "b -> s": "bs"}
    for row in L.TABLE4:
        assert rates.CHANNELS[row["channel"]]["tr"] == tr[row["transition"]]
    assert [r["experiment"] for r in L.TABLE4].count("Belle") == 4


def test_fig1_curves_and_speed():
    """Fig. 1: both panels, 500 points, curves labelled honestly; KOTO 2021 approximation = 2015 x 1.6e-9/2.37e-9;
    all curves in < 1 s (performance requirement)."""
    t0 = time.perf_counter()
    c = L.fig1_curves(500)
    assert time.perf_counter() - t0 < 1.0
    assert set(c) == {"left", "right"}
    for curve in c["left"] + c["right"]:
        assert curve["mX"].shape == curve["gA_max"].shape == (500,)
        assert curve["status"] in ("data", "approximation", "cross-check")
        assert curve["gA_max_lo"].shape == curve["gA_max_hi"].shape == (500,)  # 68% form-factor band (added keys)
    assert L.koto_2021_rescale_factor() == pytest.approx(1.6e-9 / 2.3654e-9, rel=2e-3)
    k15, k21 = c["right"]
    assert np.allclose(k21["gA_max"], k15["gA_max"] * np.sqrt(L.koto_2021_rescale_factor()), rtol=1e-12)
    assert "approximation" in k21["label"] and "not Ref. [37]" in k15["label"]
    assert "not Ref. [48]" in c["left"][2]["label"]


def test_copies_match_readme_checksums():
    """data/limits/README.md lists the sha256 of every copied file; the copies (headers kept verbatim) still match."""
    import hashlib

    d = L.data_dir()
    listed = {}
    for line in (d / "README.md").read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].endswith(".csv") and len(parts[0]) == 64:
            listed[parts[1]] = parts[0]
    assert set(listed) == {p.name for p in d.glob("*.csv")}
    for name, digest in listed.items():
        assert hashlib.sha256((d / name).read_bytes()).hexdigest() == digest, name
    header, _ = L.read_table("koto_klpi0_x_2015.csv")
    assert header.startswith("# Observable: BR(K_L -> pi0 X0)")


def test_missing_data_dir_error(monkeypatch):
    """A missing package data folder gives a clear FileNotFoundError naming what is missing."""
    import physics.resources as R

    monkeypatch.setattr(R.resources, "files", lambda pkg: __import__("pathlib").Path("/nonexistent/physics"))
    with pytest.raises(FileNotFoundError, match="limits"):
        L.data_dir()

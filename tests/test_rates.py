"""Tests of physics.pheno.rates: Eqs. (3.9), (3.10), (3.14), footnote 4 (K_L), Eq. (3.28)."""
import math

import numpy as np
import pytest

from physics.pheno import eft, rates

from physics import inputs as I
from physics.model.charges import TAU_MODEL, ChargeAssignment

MESONS = [c for c in rates.CHANNELS if c != "Z->gammaX"]


@pytest.mark.parametrize("channel", list(rates.CHANNELS))
def test_rate_proportional_to_coupling_squared(channel):
    """Eqs. (3.9), (3.10), (3.14): Gamma proportional to (g_X A_XWW)^2 (rel 1e-12); vectorised over m_X."""
    hi = rates.mass_range(channel)[1]
    m = np.array([0.05, 0.3, 0.8]) * hi
    a = rates.branching_ratio(channel, m, gA=1e-3)
    b = rates.branching_ratio(channel, m, gA=3e-3)
    assert a["BR"].shape == (3,) and a["width_GeV"].shape == (3,)
    assert np.allclose(b["BR"], 9 * a["BR"], rtol=1e-12)


@pytest.mark.parametrize("channel", MESONS)
def test_rate_vanishes_at_kinematic_endpoint(channel):
    """|k| -> 0 at m_X = m_P - m_P' (Eqs. 3.9-3.10): BR(endpoint (1-1e-10)) < 1e-4 x BR(endpoint/2)."""
    hi = rates.mass_range(channel)[1]
    br = rates.branching_ratio(channel, np.array([0.5 * hi, hi * (1 - 1e-10)]), gA=1.0)["BR"]
    assert br[1] < 1e-4 * br[0]


def test_z_gamma_x_small_mass_behaviour():
    """Eq. (3.14): Gamma(Z -> gamma X) -> |c|^2 m_Z^3 / (96 pi m_X^2) for m_X -> 0 (rel 1e-6 at m_X = 1 MeV)."""
    gA = 0.01
    c = eft.c_xzgamma(gA, -gA)
    for m in (1e-3, 1e-2):
        w = rates.branching_ratio("Z->gammaX", m, gA=gA)["width_GeV"]
        assert w == pytest.approx(abs(c) ** 2 * I.M_Z**3 / (96 * math.pi * m**2), rel=2 * m**2 / I.M_Z**2 + 1e-12)
    w1, w2 = (rates.branching_ratio("Z->gammaX", m, gA=gA)["width_GeV"] for m in (1e-3, 2e-3))
    assert w1 / w2 == pytest.approx(4.0, rel=1e-6)


def test_z_gamma_x_paper_benchmark():
    """Sec. 3.2.5: B(Z -> gamma X) = 5.6e-7 at the tau-model best fit g_X ~ 0.018, m_X = 2.1 GeV.
    The paper does not give g, g'; with g_scheme='alpha0_onshell' (e from alpha(0)) the printed 5.6e-7 lies inside
    the band spanned by g_X in [0.0175, 0.0185] (g_X printed to two digits); the default MS-bar scheme gives 6.4e-7."""
    lo, hi = (rates.branching_ratio("Z->gammaX", 2.1, gX=g, alphas=TAU_MODEL, g_scheme="alpha0_onshell")["BR"]
              for g in (0.0175, 0.0185))
    assert lo <= 5.6e-7 <= hi
    default = rates.branching_ratio("Z->gammaX", 2.1, gX=0.018, alphas=TAU_MODEL)["BR"]
    assert 6.35e-7 < default < 6.5e-7


@pytest.mark.xfail(strict=True, reason="NOT reproduced: Sec. 3.2.5 prints B(B+ -> K*+ X) = 1.1e-5 at g_X = 0.018, "
                   "m_X = 2.1 GeV; we get 1.69e-5 (default schemes; 1.48e-5 to 1.93e-5 over the g/m_t options)")
def test_bkstar_paper_benchmark():
    """Sec. 3.2.5 prediction B(B+ -> K*+ X) = 1.1e-5 (tau model, g_X = 0.018, m_X = 2.1 GeV), printed precision."""
    br = rates.branching_ratio("B+->K*+X", 2.1, gX=0.018, alphas=TAU_MODEL)["BR"]
    assert br == pytest.approx(1.1e-5, abs=0.05e-5)


def test_kl_over_kplus_isospin():
    """Footnote 4 (g -> sqrt2 Im g_ds) with the K0 -> pi0 form factor f0/sqrt2 reproduces the isospin relation
    Gamma(K_L -> pi0 X)/Gamma(K+ -> pi+ X) = (Im g_xi / |g_xi|)^2 (PDG CKM phase convention), up to the
    physical masses (+4.5% at m_X = 10-100 MeV), which we divide out exactly: the remaining ratio must equal the
    isospin prediction to rel 1e-12.  The 'unscaled' form factor doubles the K_L rate."""
    g = eft.g_xi("sd", 1.0)
    ratio_iso = g.imag**2 / abs(g) ** 2
    m = np.array([0.01, 0.05, 0.1])
    wl = rates.width_meson("KL->pi0X", m)
    wp = rates.width_meson("K+->pi+X", m)
    kin = lambda mP, mF: rates.momentum(mP, mF, m) * (mP**2 - mF**2) ** 2 / mP**2
    masses = kin(I.M_KL, I.M_PI0) / kin(I.M_K_PLUS, I.M_PI_PLUS)
    assert np.allclose(masses, 1.045, atol=0.005)
    assert np.allclose(wl / wp / masses, ratio_iso, rtol=1e-12)
    assert np.allclose(rates.width_meson("KL->pi0X", m, kl_form_factor="unscaled"), 2 * wl, rtol=1e-12)
    # Grossman-Nir bound B(K_L)/B(K+) < tau_L/tau_+ (1 + isospin breaking) ~ 4.3
    brl = rates.branching_ratio("KL->pi0X", m, gA=1.0)["BR"]
    brp = rates.branching_ratio("K+->pi+X", m, gA=1.0)["BR"]
    assert np.all(brl / brp < 4.3)


def test_isospin_factor_neutral_modes():
    """pi0 and rho0 from B0: rate 1/2 of the charged mode (|pi0> = (u ubar - d dbar)/sqrt2), up to masses (2%)."""
    m = np.array([0.5, 1.0, 2.0])
    for neu, ch in (("B0->pi0X", "B+->pi+X"), ("B0->rho0X", "B+->rho+X")):
        assert np.allclose(rates.width_meson(neu, m) / rates.width_meson(ch, m), 0.5, rtol=0.02)


def test_rates_independent_of_ckm_rephasing():
    """|g_xi| (hence all charged-meson rates) does not depend on the CKM phase convention (rel 1e-12)."""
    V = I.ckm_matrix()
    Vr = np.diag(np.exp(1j * np.array([0.4, 1.3, -2.2]))) @ V @ np.diag(np.exp(-1j * np.array([0.9, -0.5, 0.1])))
    for ch in ("K+->pi+X", "B+->K+X", "B+->rho+X", "D+->pi+X"):
        hi = rates.mass_range(ch)[1]
        a = rates.branching_ratio(ch, 0.3 * hi, gA=1.0)["BR"]
        b = rates.branching_ratio(ch, 0.3 * hi, gA=1.0, ckm=Vr)["BR"]
        assert b == pytest.approx(a, rel=1e-12)


def test_invisible_branching_eq_3_28():
    """Eq. (3.28): 1 below 2 m_tau; the closed form above; -> 1/3 for m_X >> m_tau (rel 1e-6 at 10 TeV)."""
    assert rates.invisible_branching(3.5, TAU_MODEL) == 1.0
    m = 5.0
    r = I.M_TAU**2 / m**2
    assert rates.invisible_branching(m, TAU_MODEL) == pytest.approx(1 / (1 + 2 * math.sqrt(1 - 4 * r) * (1 + 2 * r)), rel=1e-14)
    assert rates.invisible_branching(1e4, TAU_MODEL) == pytest.approx(1 / 3, rel=1e-6)
    # alpha_B != 0: X -> hadrons (physics.pheno.hadrons, tests/test_hadrons.py); pure B below the pi0 gamma threshold
    # has no open decay (X escapes), above it only visible ones
    assert rates.invisible_branching(0.1, ChargeAssignment(alpha_B=1)) == 1.0
    assert rates.invisible_branching(1.0, ChargeAssignment(alpha_B=1)) == 0.0


def test_model_and_model_independent_inputs_agree():
    """With alphas = tau model (A_XWW = -1, A_XYY = +1) the rates equal those with gA = -g_X (rel 1e-12)."""
    for ch in ("B+->K+X", "Z->gammaX"):
        a = rates.branching_ratio(ch, 2.1, gX=0.02, alphas=TAU_MODEL)["BR"]
        b = rates.branching_ratio(ch, 2.1, gA=-0.02)["BR"]
        assert a == pytest.approx(b, rel=1e-12)


def test_bad_inputs():
    """ValueErrors naming the allowed ranges: unknown channel, m_X outside (0, m_P - m_P'), negative g_X, mixing inputs."""
    with pytest.raises(ValueError, match="allowed"):
        rates.branching_ratio("B->D X", 1.0, gA=1.0)
    with pytest.raises(ValueError, match="open interval"):
        rates.branching_ratio("K+->pi+X", 0.0, gA=1.0)
    with pytest.raises(ValueError, match="open interval"):
        rates.branching_ratio("K+->pi+X", 0.36, gA=1.0)
    with pytest.raises(ValueError, match="open interval"):
        rates.branching_ratio("B+->K+X", [1.0, -1.0], gA=1.0)
    with pytest.raises(ValueError, match=">= 0"):
        rates.branching_ratio("B+->K+X", 1.0, gX=-0.1, alphas=TAU_MODEL)
    with pytest.raises(ValueError, match="not both"):
        rates.branching_ratio("B+->K+X", 1.0, gX=0.1, alphas=TAU_MODEL, gA=0.1)
    with pytest.raises(ValueError, match="alphas"):
        rates.branching_ratio("B+->K+X", 1.0, gX=0.1)
    with pytest.raises(ValueError, match="unknown option"):
        rates.branching_ratio("B+->K+X", 1.0, gA=0.1, scheme="x")
    with pytest.raises(ValueError, match="kl_form_factor"):
        rates.branching_ratio("KL->pi0X", 0.1, gA=0.1, kl_form_factor="half")

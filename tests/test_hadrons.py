"""X -> hadrons (physics.pheno.hadrons, the VMD model of arXiv:1801.04847) and B(X -> E_miss) for any charges."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from physics import inputs as I
from physics.model.charges import ChargeAssignment, TAU_MODEL
from physics.pheno import hadrons as H
from physics.pheno import limits, plane, rates
from physics.pheno.explorer import explore

PHOTON = {"u": Fraction(2, 3), "d": Fraction(-1, 3), "s": Fraction(-1, 3), "c": Fraction(2, 3), "b": Fraction(-1, 3),
          "t": Fraction(2, 3)}


def test_generators_photon_and_baryon_number():
    """Eq. (2.18) normalisation: the photon has c_rho = c_omega = 1, c_phi = -1; the baryon current has no rho."""
    c = H.vmd_coefficients(PHOTON)
    assert c["rho0"] == pytest.approx(1, abs=1e-15) and c["omega"] == pytest.approx(1, abs=1e-15)
    assert c["phi"] == pytest.approx(-1, abs=1e-15)
    b = H.vmd_coefficients(Fraction(1, 3))
    assert b["rho0"] == 0 and b["omega"] == pytest.approx(2) and b["phi"] == pytest.approx(1)


def test_tables_read_as_published():
    """Every table starts at a kinematic threshold with R = 0 and ends at the fit range M_MATCH = 2 GeV (the
    interference table earlier)."""
    for fs, comps in H.FINAL_STATES.items():
        for comp in comps:
            m, r = H.table(fs, comp)
            assert np.all(np.diff(m) > 0) and r[0] == 0
            assert m[-1] == (1.478 if comp == "omega_phi" else H.M_MATCH)
    m, r = H.table("other", "rho0")
    assert m[0] == 1.48 and r[1] == pytest.approx(3.9781e-02)


def test_dark_photon_reproduces_R_of_s():
    """A dark photon's hadronic width over its (massless) mu mu width is R(s): the rho peak (~10), the omega and
    phi peaks, R ~ 2 near 2 GeV (VMD 2.18, LO quarks 2), and the charm and bottom steps 2 -> 10/3 -> 11/3."""
    R = lambda m: H.ratio_hadrons(m, PHOTON)  # noqa: E731
    assert 8 < R(0.775) < 14
    assert R(0.782) > R(0.76) and R(1.0195) > 30
    assert 0.3 < R(0.5) < 1 and 0.5 < R(1.2) < 2.5
    assert 1.9 < H.ratio_vmd(1.999, PHOTON) < 2.4
    assert R(2.0) == pytest.approx(2.0) and R(3.0) == pytest.approx(2.0)
    assert R(40.0) == pytest.approx(11 / 3, rel=0.02) and R(7.0) == pytest.approx(10 / 3, rel=0.05)
    # hadrons / mu mu (massive) at 1.5 GeV
    ratio = H.ratio_hadrons(1.5, PHOTON) / H.fermion_pair_factor(1.5, I.M_MU)
    assert 1.5 < ratio < 3


def test_baryon_current_matches_at_2GeV():
    """For x_q = 1/3 the VMD sum just below 2 GeV equals the perturbative N_c sum x_q^2 = 1 within 1%."""
    assert H.baryon_ratio(1.9999) == pytest.approx(1.0, rel=0.01)
    assert H.baryon_ratio(2.0) == pytest.approx(1.0, rel=1e-12)
    assert H.baryon_ratio(0.1) == 0.0  # below the pi0 gamma threshold nothing is open
    assert H.ratio_vmd(0.5, {"u": 1, "d": -1}) == pytest.approx(4 * H.ratio_vmd(0.5, {"u": 0.5, "d": -0.5}))


@pytest.mark.parametrize("alphas", [TAU_MODEL, ChargeAssignment(alpha_mu=1), ChargeAssignment(alpha_e=1, alpha_tau=-2),
                                    ChargeAssignment(alpha_mu=Fraction(1, 3), alpha_tau=-1)])
def test_lepton_models_unchanged(alphas):
    """alpha_B = 0: invisible_branching is the lepton-only Eq. (3.28) code path, bit for bit, and widths() agrees."""
    m = np.geomspace(1e-3, 90, 400)
    a2 = {f: float(a) ** 2 for f, a in alphas.lepton.items()}
    inv = sum(a2.values())
    tot = inv + sum(2 * w * H.fermion_pair_factor(m, {"e": I.M_E, "mu": I.M_MU, "tau": I.M_TAU}[f])
                    for f, w in a2.items() if w)
    b = rates.invisible_branching(m, alphas)
    np.testing.assert_allclose(b, inv / tot, rtol=1e-14)
    np.testing.assert_allclose(H.widths(m, alphas)["B_invisible"], b, rtol=1e-13)
    if alphas == TAU_MODEL:
        r = I.M_TAU**2 / 25.0
        assert rates.invisible_branching(5.0, alphas) == 1 / (1 + 2 * math.sqrt(1 - 4 * r) * (1 + 2 * r))


def test_B_minus_L():
    """B - L: invisible = 3/(3 + 2 sum beta(1+2r) + 2 R_B); below 2 m_e only neutrinos; hadrons lower B above 0.14."""
    a = ChargeAssignment(alpha_B=1, alpha_e=-1, alpha_mu=-1, alpha_tau=-1)
    assert rates.invisible_branching(1e-3, a) == 1.0
    w = H.widths(np.array([0.5, 1.0195, 5.0]), a)
    np.testing.assert_allclose(w["B_invisible"], w["invisible"] / w["total"], rtol=1e-14)
    assert np.all(w["hadrons"] > 0)
    b = rates.invisible_branching(1.0195, a)
    assert b < 0.2  # the phi peak dominates
    # explore gives bounds for alpha_B != 0 wherever a channel is open (alpha_B+L != 0 here)
    r = explore({"B": 1, "tau": -1}, "A.6", {"m": 3}, mX=1.0, gX=1e-3)
    assert 0 < r["B_invisible"] < 1 and set(r["gX_max"]) >= {"B+->K+X", "Z->gammaX"}
    assert sum(r["X_decays"].values()) == pytest.approx(1.0, rel=1e-14)
    g = limits.coupling_limit("B+->K+X", 1.0, a.__class__(alpha_B=1, alpha_tau=-1))["gX_max"]
    assert r["gX_max"]["B+->K+X"] == pytest.approx(g, rel=1e-14)


def test_pure_baryon_number():
    """X = B: no invisible width; missing energy only below the pi0 gamma threshold (no decay open): gX_max there,
    none above (the explorer says why)."""
    r = explore({"B": 1}, "A.6", {"m": 3}, mX=0.1, gX=1e-3)
    assert r["B_invisible"] == 1.0 and "K+->pi+X" in r["gX_max"] and r["X_decays"] is None
    r = explore({"B": 1}, "A.6", {"m": 3}, mX=0.3, gX=1e-3)
    assert r["B_invisible"] == 0.0 and not r["gX_max"]
    assert "only to visible" in r["gX_max_skipped"]["K+->pi+X"]
    assert [d["final_state"] for d in plane.decay_channels({"B": 1})] == ["hadrons"]


def test_bad_input():
    with pytest.raises(ValueError, match="m_X"):
        H.ratio_hadrons(-1.0, PHOTON)
    with pytest.raises(ValueError, match="flavour"):
        H.quark_couplings({"x": 1})
    with pytest.raises(ValueError, match="final state"):
        H.ratio_vmd(1.0, PHOTON, "nope")

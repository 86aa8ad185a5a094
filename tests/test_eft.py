"""Tests of physics.pheno.eft: loop function (Eq. 3.8), couplings g_xi (Eqs. 3.6-3.7), c_XZgamma (Eq. 3.13)."""
import math
from fractions import Fraction

import numpy as np
import pytest

from physics.pheno import eft

from physics import inputs
from physics.model.charges import TAU_MODEL, ChargeAssignment


def test_loop_function_limits():
    """Eq. (3.8): F(x) -> x (x -> 0), F(1) = 1/2 (removable singularity), F'(1) = 1/3, F -> ln x - 1 (x -> inf).
    Tolerances: relative 1e-9 (x -> 0 at x = 1e-12), 1e-12 at x = 1, 1e-6 for the derivative, O(ln x / x) at large x."""
    F = eft.loop_function
    assert F(0.0) == 0.0
    assert F(1e-12) / 1e-12 == pytest.approx(1.0, rel=1e-9)
    assert F(1.0) == 0.5
    assert F(1 + 1e-9) == pytest.approx(0.5 + 1e-9 / 3, abs=1e-15)
    assert (F(1 + 1e-4) - F(1 - 1e-4)) / 2e-4 == pytest.approx(1 / 3, rel=1e-6)
    for x in (1e6, 1e12, 1e200):
        assert F(x) == pytest.approx(math.log(x) - 1, rel=2 * math.log(x) / x + 1e-15)
    assert np.isfinite(F(1e300))


def test_loop_function_continuous_across_series_switch():
    """The series used for |x-1| < 0.05 joins the closed form (relative 1e-13)."""
    direct = lambda x: x * (1 + x * (math.log(x) - 1)) / (1 - x) ** 2
    for x in (0.95 + 1e-9, 1.05 - 1e-9, 0.9499999, 1.0500001):
        assert eft.loop_function(x) == pytest.approx(direct(x), rel=1e-13)


def test_loop_function_vectorised_and_errors():
    """F accepts arrays; x < 0 or non-finite raises ValueError."""
    x = np.array([0.1, 1.0, 4.0])
    assert eft.loop_function(x).shape == (3,)
    with pytest.raises(ValueError, match="x >= 0"):
        eft.loop_function(-1.0)
    with pytest.raises(ValueError):
        eft.loop_function(float("nan"))


def _rephased(phi_up, theta_down):
    V = inputs.ckm_matrix()
    return np.diag(np.exp(1j * np.asarray(phi_up))) @ V @ np.diag(np.exp(-1j * np.asarray(theta_down)))


def test_abs_g_xi_independent_of_ckm_phase_convention():
    """Eqs. (3.6)-(3.7): rephasing quark fields (V -> P_u V P_d^*) changes arg g_xi but not |g_xi| (rel 1e-12)."""
    Vr = _rephased([0.3, -1.1, 2.0], [0.7, -0.4, 1.9])
    for tr in eft.TRANSITIONS:
        a, b = eft.g_xi(tr, 0.01), eft.g_xi(tr, 0.01, ckm=Vr)
        assert abs(b) == pytest.approx(abs(a), rel=1e-12)
    assert abs(np.angle(eft.g_xi("sd", 1.0, ckm=Vr)) - np.angle(eft.g_xi("sd", 1.0))) > 1e-3


def test_g_xi_structure():
    """Eq. (3.6): linear in g_X A_XWW, prefactor -3 g^4/(4pi)^4, b -> s dominated by the top (V_tb V_ts^* F(x_t))."""
    g = eft.ew_couplings()["g"]
    assert eft.g_xi("bs", 2.0) == pytest.approx(2 * eft.g_xi("bs", 1.0), rel=1e-14)
    V = inputs.ckm_matrix()
    top = V[2, 2] * np.conj(V[2, 1]) * eft.loop_function(inputs.M_T_MSBAR**2 / inputs.M_W**2)
    assert eft.g_xi("bs", 1.0) == pytest.approx(-3 * g**4 / (4 * math.pi) ** 4 * top, rel=0.01)
    arr = eft.g_xi("sd", np.array([0.0, 1.0]))
    assert arr.shape == (2,) and arr[0] == 0


def test_ew_schemes():
    """Named g, g' choices (the paper does not state them): relations e = g s_W, s_W^2 = g'^2/(g^2+g'^2)."""
    for s in eft.EW_SCHEMES:
        c = eft.ew_couplings(s)
        assert c["e"] == pytest.approx(c["g"] * math.sqrt(c["sw2"]), rel=1e-12)
    assert eft.ew_couplings("MSbar_mZ")["sw2"] == pytest.approx(inputs.SIN2_THETA_HAT_MZ, rel=1e-12)
    assert eft.ew_couplings("GF_onshell")["g"] == pytest.approx(2 * inputs.M_W * (math.sqrt(2) * inputs.G_FERMI) ** 0.5)
    assert eft.ew_couplings("round")["g"] == 0.65
    with pytest.raises(ValueError, match="MSbar_mZ"):
        eft.ew_couplings("bogus")


def test_goldstone_coefficient_pieces():
    """Eq. (3.4): 1/(16 pi^2) = 1/(48 pi^2) from the divergence (Eq. 3.3) + 1/(24 pi^2) from the WZ term (Eq. 3.1)."""
    p = eft.GOLDSTONE_PIECES
    assert p["divergence_3_3"] + p["wz_3_1"] == p["total_3_4"] == Fraction(1, 16)


def test_c_xzgamma_tau_model():
    """Eq. (3.13) with A_XYY = -A_XWW = 1 (tau model, Sec. 3.3): c = -g_X g g' (c_W^2 + s_W^2)/(8 pi^2) = -g_X g g'/(8 pi^2)."""
    t = eft.traces(TAU_MODEL)
    assert (t["XWW"], t["XYY"]) == (-1, 1)
    c = eft.ew_couplings()
    assert eft.c_xzgamma(-0.02, 0.02) == pytest.approx(-0.02 * c["g"] * c["gp"] / (8 * math.pi**2), rel=1e-12)
    # B - 3 L_e has alpha_{B+L} = 1 - 3/3 = 0 (Eq. 2.7), so no WZ coupling (Eq. 3.2)
    assert eft.traces(ChargeAssignment(alpha_B=1, alpha_e=-3))["XWW"] == 0

"""Tests of physics.inputs: PDG 2024 inputs of Sec. 3 (CKM, masses, schemes)."""
import numpy as np
import pytest

from physics import inputs as I


def test_ckm_unitary_and_pdg2024_magnitudes():
    """PDG 2024 CKM review Eq. (12.27)/(12.28): |V_ij| of the global fit, tolerance = the PDG 1-sigma errors.

    Our matrix is built from the four Wolfenstein parameters (Eqs. 12.4-12.5), so it is exactly unitary.
    """
    V = I.ckm_matrix()
    assert np.allclose(V @ V.conj().T, np.eye(3), atol=1e-14)
    pdg = {(0, 1): (0.22501, 0.00068), (0, 2): (0.00369, 0.00011), (1, 2): (0.04182, 0.00085),
           (2, 0): (0.00857, 0.00020), (2, 1): (0.04110, 0.00083), (2, 2): (0.999118, 0.000036)}
    for (i, j), (val, err) in pdg.items():
        assert abs(abs(V[i, j]) - val) <= err, (i, j, abs(V[i, j]))


def test_ckm_pdg_phase_convention():
    """PDG standard parametrisation: V_ud, V_us, V_cb, V_tb real and positive (CKM review Eq. 12.3)."""
    V = I.ckm_matrix()
    for i, j in [(0, 0), (0, 1), (1, 2), (2, 2)]:
        assert V[i, j].imag == 0 and V[i, j].real > 0


def test_scheme_values_and_errors():
    """Top mass schemes of the PDG 2024 top summary table; unknown names raise ValueError naming the options."""
    assert I.top_mass("pole") == 172.57 and I.top_mass("MSbar") == 162.5
    assert I.quark_mass("b") == 4.183
    with pytest.raises(ValueError, match="pole"):
        I.top_mass("running")
    with pytest.raises(ValueError, match="allowed"):
        I.quark_mass("x")
    with pytest.raises(ValueError):
        I.ckm_matrix(lam=float("nan"))


def test_cross_check_with_particle_rpp2026():
    """Masses vs the RPP 2026 table shipped with `particle` 1.1.0 (edition differences allowed: 5e-4 relative,
    e.g. K*(892)+ 891.67 (2024) vs 891.88 MeV (2026)); lifetimes 0.5% (particle derives tau from the rounded
    width, TOOLING.md 7.3)."""
    particle = pytest.importorskip("particle")
    P = particle.Particle
    pdg = {"K+": 321, "KL": 130, "pi+": 211, "pi0": 111, "B+": 521, "B0": 511, "D+": 411,
           "K*+": 323, "K*0": 313, "rho0": 113, "rho+": 213}
    for ours, pid in pdg.items():
        assert I.MESON_MASS[ours] == pytest.approx(P.from_pdgid(pid).mass / 1000, rel=5e-4), ours
    for ours in ("K+", "KL", "B+", "B0", "D+"):
        assert I.MESON_LIFETIME[ours] == pytest.approx(P.from_pdgid(pdg[ours]).lifetime * 1e-9, rel=5e-3), ours
    assert I.M_Z == pytest.approx(P.from_pdgid(23).mass / 1000, rel=5e-4)
    assert I.M_W == pytest.approx(P.from_pdgid(24).mass / 1000, rel=5e-4)
    assert I.M_TAU == pytest.approx(P.from_pdgid(15).mass / 1000, rel=5e-4)

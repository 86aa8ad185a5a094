"""Tests of physics.model.naturalness: Eqs. (2.8)-(2.9) and the "Naturalness (TeV)" columns of Tables 2 and 3 of
arXiv:2603.04394 (printed values read from data/paper_values.yaml through physics.paper.ledger)."""
from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from physics.model import naturalness as nat
from physics import inputs as ew
from physics.model.charges import Fermion
from physics.paper.ledger import load_paper_values
from physics.model.spectrum import Multiplet, Spectrum
from physics.paper.naturalness_readings import MU_TABLE_FIT, get_reading

TF = get_reading("table_fit")  # the book's reading of Eq. (2.9) for Tables 2-3 (mu fitted, g = 0.65 printed)

ALPHA_BL = Fraction(1, 3)


def table2_spectrum(m: int) -> Spectrum:
    """Eq. (A.6): ML (2m-1, 0) + DL pair (m, +-(m-1)/2); Table 2 row m-1."""
    x = 3 * ALPHA_BL / (m * (m - 1) ** 2)
    ml = Multiplet("ML", (Fermion("Psi1", 2 * m - 1, 0, -x),))
    y = Fraction(m - 1, 2)
    dl = Multiplet("DL", (Fermion("Psi2", m, y, x), Fermion("Psi3", m, -y, x)))
    return Spectrum(f"A.6 m={m}", (ml, dl), ALPHA_BL)


def table3_spectrum(m: int, shift=Fraction(0)) -> Spectrum:
    """Eq. (A.11): DL pairs (m+1, +-m/2) and (m, +-(m+1)/2); Table 3 row m."""
    x = 3 * ALPHA_BL / (m * (m + 1))
    p1 = Multiplet("DL", (Fermion("Psi1", m + 1, Fraction(m, 2), shift - x),
                          Fermion("Psi2", m + 1, -Fraction(m, 2), -shift - x)))
    p2 = Multiplet("DL", (Fermion("Psi3", m, Fraction(m + 1, 2), shift + x),
                          Fermion("Psi4", m, -Fraction(m + 1, 2), -shift + x)))
    return Spectrum(f"A.11 m={m}", (p1, p2), ALPHA_BL)


def _printed(prefix: str, rows: int) -> list[float]:
    values = {e["id"]: e for e in load_paper_values()}
    return [float(values[f"{prefix}-r{i}-naturalness"]["value"]) for i in range(1, rows + 1)]


TABLE2 = [(f"tab2-r{m - 1}-naturalness", table2_spectrum(m)) for m in range(2, 7)]
TABLE3 = [(f"tab3-r{m}-naturalness", table3_spectrum(m)) for m in range(1, 7)]
PRINTED = dict(zip([i for i, _ in TABLE2], _printed("tab2", 5))) | dict(zip([i for i, _ in TABLE3], _printed("tab3", 6)))

#: Rows the default reading misses at the printed precision: measured computed - printed (TeV), see module docstring.
KNOWN_GAPS = {"tab2-r2-naturalness": -0.058, "tab3-r1-naturalness": +0.058}


@pytest.mark.parametrize("entry", TABLE2 + TABLE3, ids=[i for i, _ in TABLE2 + TABLE3])
def test_printed_bounds_default_reading(entry):
    """Tables 2 and 3, last column (Delta = 100), printed to 0.1 TeV: |computed - printed| <= 0.05 TeV.

    Two rows are not reproduced by any fixed-mu reading we found; for them the measured gap is asserted (+-0.002)."""
    key, spectrum = entry
    computed = nat.naturalness_bound_TeV(spectrum, delta=100, reading=TF)
    printed = PRINTED[key]
    if key in KNOWN_GAPS:
        assert abs(computed - printed) > 0.05
        assert computed - printed == pytest.approx(KNOWN_GAPS[key], abs=0.002)
    else:
        assert computed == pytest.approx(printed, abs=0.05)


def test_sec41_statement_3p4_TeV():
    """Sec. 4.1: '1% fine tuning imposes anomalon mass scale below 3.4 TeV' for the Table 5 model (= Table 2 row 2,
    Eq. (A.6) with m = 3).  Same number as tab2-r2: measured 3.342 TeV (gap -0.058 TeV at 0.05 precision)."""
    assert nat.naturalness_bound_TeV(table2_spectrum(3), delta=100, reading=TF) == pytest.approx(3.4 + KNOWN_GAPS["tab2-r2-naturalness"], abs=0.002)


def test_mu_table_fit_is_the_minimax_fit():
    """MU_TABLE_FIT is the minimax fit of the 11 printed bounds of Tables 2-3 (rel. 2%); the best max residual is
    0.058 TeV, i.e. no fixed mu reproduces all rows at the printed 0.05 TeV."""
    spectra = [s for _, s in TABLE2 + TABLE3]
    printed = [PRINTED[k] for k, _ in TABLE2 + TABLE3]
    mu, worst = nat.fit_reference_scale(spectra, printed, reading=TF)
    assert mu == pytest.approx(MU_TABLE_FIT, rel=0.02)
    assert worst == pytest.approx(0.058, abs=0.002)


def test_mu_equal_M_is_far_from_tables():
    """Eq. (2.9) with mu = M (log -> 0, factor |-1|): Table 2 row 1 at 155 TeV, 21x the printed 7.3 (1 TeV tol)."""
    assert nat.naturalness_bound_TeV(table2_spectrum(2), reading="mu_M") == pytest.approx(155.2, abs=1.0)


@settings(max_examples=25, deadline=None)
@given(g2=st.floats(0.3, 1.0), gY=st.floats(0.1, 0.8))
def test_constant_log_cannot_give_table3(g2, gY):
    """Table 3 with any constant log (mu proportional to M): row1/row6 = sqrt(91) for all couplings, since
    sum C n (...) = k(k+1)(2k+1)/2 (g2^4 + gY^4); the printed 12.2/1.2 needs >= 12.15/1.25 = 9.72 (rel 1e-9)."""
    reading = replace(nat.READINGS["mu_M"], g2=g2, gY=gY)
    ratio = nat.naturalness_bound_TeV(table3_spectrum(1), reading=reading) / nat.naturalness_bound_TeV(
        table3_spectrum(6), reading=reading)
    assert ratio == pytest.approx(math.sqrt(91), rel=1e-9)
    assert ratio < (PRINTED["tab3-r1-naturalness"] - 0.05) / (PRINTED["tab3-r6-naturalness"] + 0.05)


@pytest.mark.parametrize("k", range(1, 7))
def test_table3_sum_closed_form(k):
    """Eq. (2.9) summed over Eq. (A.11): k(k+1)(2k+1)/2 (g2^4 + gY^4) M^2 L/(4 pi)^4 (rel 1e-12)."""
    M, mu = 2000.0, 1e19
    g2, gY = 0.65, 0.36
    expected = k * (k + 1) * (2 * k + 1) / 2 * (g2**4 + gY**4) * M**2 / (4 * math.pi) ** 4 * (
        6 * math.log(M**2 / mu**2) - 1)
    got = nat.spectrum_higgs_mass_shift(table3_spectrum(k), M, mu, couplings=(g2, gY))
    assert float(got) == pytest.approx(expected, rel=1e-12)


def test_single_multiplet_value():
    """Eq. (2.9) for a Majorana triplet (n=3, Y=0, C=1) at M = 1 TeV, mu = 100 GeV, by hand (rel 1e-12)."""
    g2, gY = 0.65, 0.36
    expected = 3 * 1e6 / (4 * math.pi) ** 4 * (2 * g2**4) * (6 * math.log(100.0) - 1)
    assert float(nat.higgs_mass_shift(3, 0, 1, 1e3, 100.0, (g2, gY))) == pytest.approx(expected, rel=1e-12)
    # Dirac doubles, sign flips for mu > M e^{1/12}
    assert float(nat.higgs_mass_shift(3, 0, 2, 1e3, 100.0, (g2, gY))) == pytest.approx(2 * expected, rel=1e-12)
    assert float(nat.higgs_mass_shift(3, 0, 1, 1e3, 1e5, (g2, gY))) < 0


def test_vectorised_and_tuple_input():
    """higgs_mass_shift broadcasts M and mu; a list of (n, Y, C) gives the same bound as the Spectrum (rel 1e-12)."""
    M = np.array([500.0, 1e3, 5e3])
    mu = np.array([[100.0], [1e19]])
    arr = nat.higgs_mass_shift(5, Fraction(1, 2), 2, M, mu)
    assert arr.shape == (2, 3)
    for i in range(2):
        for j in range(3):
            assert arr[i, j] == pytest.approx(float(nat.higgs_mass_shift(5, 0.5, 2, M[j], mu[i, 0])), rel=1e-12)
    spectrum = table2_spectrum(3)
    tuples = [(5, 0, 1), (3, 1, 2)]
    assert nat.naturalness_bound_TeV(tuples) == pytest.approx(nat.naturalness_bound_TeV(spectrum), rel=1e-12)


@pytest.mark.parametrize("name", sorted(nat.READINGS))
def test_root_finder_arithmetic_is_fine_tuning(name):
    """The root finder's unchecked Delta (`_fine_tuning_unchecked`, issue #15) is `fine_tuning` without its input
    checks: bit-identical for every reading, spectrum size and mass (a change of Eq. (2.9) in one and not the other
    fails here)."""
    r = nat.get_reading(name)
    for m in (2, 3, 5):
        spectrum = table2_spectrum(m)
        mults = nat.multiplet_list(spectrum, r.counting)
        for M in (250.0, 3.3e3, 4.7e4, 1.2e6):
            assert nat._fine_tuning_unchecked(mults, M, r) == nat.fine_tuning(spectrum, M, r)


@settings(max_examples=20, deadline=None)
@given(delta=st.floats(1.0, 1e4))
def test_bound_solves_eq_2_8(delta):
    """The bound M satisfies Delta(M) = delta, Eq. (2.8), for the default fixed-mu reading (rel 1e-8)."""
    spectrum = table2_spectrum(2)
    M = nat.naturalness_bound_TeV(spectrum, delta=delta) * 1e3
    assert float(nat.fine_tuning(spectrum, M)) == pytest.approx(delta, rel=1e-8)


@settings(max_examples=20, deadline=None)
@given(delta=st.floats(1.0, 1e4))
def test_sqrt_delta_exact_for_constant_log(delta):
    """With mu proportional to M (constant log) the bound scales exactly as sqrt(Delta/100) (rel 1e-8)."""
    spectrum = table3_spectrum(2)
    b100 = nat.naturalness_bound_TeV(spectrum, 100, reading="mu_M")
    assert nat.naturalness_bound_TeV(spectrum, delta, reading="mu_M") == pytest.approx(
        b100 * math.sqrt(delta / 100), rel=1e-8)


def test_sqrt_delta_approximate_for_fixed_mu():
    """Default reading (fixed mu): bound/sqrt(Delta/100) grows with Delta (the log shrinks) and stays within 2% of
    the Delta = 100 value for 10 <= Delta <= 1000 (the paper's 'X sqrt(Delta/100)' is approximate)."""
    spectrum = table2_spectrum(2)
    deltas = [10, 30, 100, 300, 1000]
    scaled = [nat.naturalness_bound_TeV(spectrum, d) / math.sqrt(d / 100) for d in deltas]
    assert all(a < b for a, b in zip(scaled, scaled[1:]))
    assert max(abs(s / scaled[2] - 1) for s in scaled) < 0.02


def test_bound_vs_mu_monotone_above_M():
    """bound_vs_mu: for mu far above the bound, a larger mu (larger log) gives a smaller bound; the entry at
    MU_TABLE_FIT equals the default bound (rel 1e-12)."""
    spectrum = table2_spectrum(2)
    mus = np.array([1e10, 1e13, 1e16, 1e19, MU_TABLE_FIT])
    b = nat.bound_vs_mu(spectrum, mus, reading=TF)
    assert b.shape == mus.shape
    assert np.all(np.diff(b) < 0)
    assert b[-1] == pytest.approx(nat.naturalness_bound_TeV(spectrum, reading=TF), rel=1e-12)


def test_conventions_dict():
    """conventions(): JSON-ready dict naming Eq. (2.9), the scale and the counting; mu override is fixed."""
    d = nat.conventions(reading=TF)
    assert d["name"] == "table_fit" and d["mu_GeV"] == MU_TABLE_FIT and d["g2"] == 0.65
    assert nat.conventions()["name"] == "planck" and nat.conventions()["g2"] == ew.G2_MZ
    d2 = nat.conventions(mu=125.0)
    assert d2["mu_GeV"] == 125.0 and d2["mu_mode"] == "fixed"
    assert nat.conventions(reading="mu_M")["sqrt_Delta_scaling"] == "exact"


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_bad_delta(bad):
    """naturalness_bound_TeV: delta <= 0 or non-finite -> ValueError."""
    with pytest.raises(ValueError, match="delta"):
        nat.naturalness_bound_TeV(table2_spectrum(2), delta=bad)


@pytest.mark.parametrize("kwargs, match", [
    (dict(n=0, Y=0, C=1, M=1e3, mu=1e3), "positive integer"),
    (dict(n=2.5, Y=0, C=1, M=1e3, mu=1e3), "positive integer"),
    (dict(n=3, Y=0, C=3, M=1e3, mu=1e3), "C must be"),
    (dict(n=3, Y=0, C=True, M=1e3, mu=1e3), "C must be"),
    (dict(n=3, Y=0, C=1, M=0.0, mu=1e3), "mass M"),
    (dict(n=3, Y=0, C=1, M=-5.0, mu=1e3), "mass M"),
    (dict(n=3, Y=0, C=1, M=1e3, mu=float("nan")), "scale mu"),
    (dict(n=3, Y=0, C=1, M=[1e3, float("inf")], mu=1e3), "mass M"),
    (dict(n=3, Y="a", C=1, M=1e3, mu=1e3), "hypercharge"),
])
def test_bad_multiplet_inputs(kwargs, match):
    """higgs_mass_shift validates n (positive int), C in {1, 2}, M > 0, mu > 0, finite."""
    with pytest.raises(ValueError, match=match):
        nat.higgs_mass_shift(**kwargs)


def test_bad_spectrum_and_reading():
    """Unknown reading, empty spectrum, malformed tuple, bad mu override -> ValueError."""
    with pytest.raises(ValueError, match="unknown reading"):
        nat.naturalness_bound_TeV(table2_spectrum(2), reading="nope")
    with pytest.raises(ValueError, match="no multiplets"):
        nat.naturalness_bound_TeV([])
    with pytest.raises(ValueError, match="tuple"):
        nat.naturalness_bound_TeV([(3, 0)])
    with pytest.raises(ValueError, match="mu"):
        nat.naturalness_bound_TeV(table2_spectrum(2), mu=-1.0)
    with pytest.raises(ValueError, match="mu_mode"):
        nat.Reading("x", "bad", mu_mode="sometimes")

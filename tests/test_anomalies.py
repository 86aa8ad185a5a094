"""Tests of physics.model.anomalies: Eqs. (2.2)-(2.6), the Witten condition and Eq. (3.2) of arXiv:2603.04394."""
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from physics.model.anomalies import (EXTRA_CONDITIONS, AnomalyReport, anomalous_trace, anomaly_coefficients, sm_traces,
                               singlets, witten_ok)
from physics.model.charges import ChargeAssignment, Fermion, sm_fermions

rationals = st.fractions(min_value=-4, max_value=4, max_denominator=9)


@given(rationals, rationals, rationals, rationals)
def test_sm_terms_as_printed(b, e, mu, tau):
    """The SM terms of Eqs. (2.2)-(2.6), printed in terms of alpha_i and alpha_{B+L}, for random rationals (exact)."""
    a = ChargeAssignment(b, e, mu, tau)
    c = AnomalyReport(a).sm
    assert c["2.2"] == e + mu + tau
    assert c["2.3"] == e**3 + mu**3 + tau**3
    assert c["2.4"] == Fraction(3, 2) * a.alpha_BL
    assert c["2.5"] == -Fraction(3, 2) * a.alpha_BL
    assert c["2.6"] == 0


@given(rationals, rationals, rationals, rationals)
def test_sm_traces_eq_3_2(b, e, mu, tau):
    """Sec. 3.1: A_XYY^SM = -A_XWW^SM = 3 alpha_{B+L}, from the trace definition Eq. (3.2) (exact)."""
    a = ChargeAssignment(b, e, mu, tau)
    t = sm_traces(a)
    assert t["XYY"] == 3 * a.alpha_BL
    assert t["XWW"] == -3 * a.alpha_BL


@given(rationals, rationals, rationals, rationals)
def test_sm_alone_is_free_of_pure_sm_anomalies(b, e, mu, tau):
    """The SM is anomaly free under its own gauge group and [SU(3)^2 U(1)_X] (no colour anomaly, Sec. 2)."""
    fields = sm_fermions(ChargeAssignment(b, e, mu, tau))
    c = anomaly_coefficients(fields, tuple(EXTRA_CONDITIONS))
    assert all(v == 0 for v in c.values()), c


def test_witten_sm_and_doublets():
    """Witten [26, 27]: the SM has 4 doublets per generation (even); one extra Weyl doublet is odd."""
    sm = sm_fermions(ChargeAssignment(alpha_tau=1))
    assert witten_ok(sm)
    assert not witten_ok(sm + [Fermion("psi", 2, Fraction(1, 2), 1)])
    assert witten_ok(sm + [Fermion("psi", 6, 0, 1), Fermion("chi", 6, 0, -1)])
    assert witten_ok(sm + [Fermion("psi", 4, 0, 1)])  # n = 4 is not of the form 4l+2


def test_lepton_flavour_differences_are_free():
    """Sec. 1: L_i - L_j is anomaly free with the SM content alone (all five conditions vanish, Witten holds)."""
    r = AnomalyReport(ChargeAssignment(alpha_mu=1, alpha_tau=-1))
    assert r.anomaly_free


def test_tau_model_with_right_handed_neutrino():
    """alpha_tau = 1: (2.2), (2.3) are cancelled by a right-handed singlet of charge 1, but not (2.4), (2.5)."""
    r = AnomalyReport(ChargeAssignment(alpha_tau=1), [], singlets([1]))
    t = r.total
    assert t["2.2"] == 0 and t["2.3"] == 0
    assert t["2.4"] == Fraction(1, 2) and t["2.5"] == Fraction(-1, 2)
    assert not r.anomaly_free


def test_right_handed_fields_enter_with_minus_sign():
    """Eqs. (2.2)-(2.6) are left minus right: a right-handed field equals its conjugate left-handed field."""
    psi = Fermion("psi", 3, Fraction(1, 2), Fraction(1, 7), chirality="R")
    assert anomaly_coefficients([psi]) == anomaly_coefficients([psi.conjugate()])


def test_trace_kind_validation():
    with pytest.raises(ValueError, match="XYY"):
        anomalous_trace([], "XBB")
    with pytest.raises(ValueError, match="unknown anomaly condition"):
        anomaly_coefficients([], ("2.9",))

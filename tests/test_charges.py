"""Tests of physics.model.charges: Eq. (1.1), Eq. (2.7) and Table 1 of arXiv:2603.04394."""
import math
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from physics.model.charges import ChargeAssignment, Fermion, as_fraction, electric_charges, sm_fermions, su2_dynkin

rationals = st.fractions(min_value=-5, max_value=5, max_denominator=12)


def test_alpha_BL_tau_model():
    """Eq. (2.7): alpha_tau = 1 gives alpha_{B+L} = 1/3 (Sec. 3.3: 3 alpha_{B+L} = 1). Exact."""
    assert ChargeAssignment(alpha_tau=1).alpha_BL == Fraction(1, 3)


def test_B_minus_3L_is_zero():
    """Eq. (2.7): B - 3 L_tau (and B/3 - L_i, Sec. 1) has alpha_{B+L} = 0. Exact."""
    assert ChargeAssignment(alpha_B=1, alpha_tau=-3).alpha_BL == 0
    assert ChargeAssignment(alpha_e=1, alpha_mu=-1).alpha_BL == 0


@given(rationals, rationals, rationals, rationals)
def test_alpha_BL_definition(b, e, mu, tau):
    """Eq. (2.7) alpha_{B+L} = alpha_B + (alpha_e + alpha_mu + alpha_tau)/3 for random rationals (exact)."""
    a = ChargeAssignment(b, e, mu, tau)
    assert a.alpha_BL == b + (e + mu + tau) / 3


def test_sm_field_content_table1():
    """Table 1: 5 Weyl multiplets per generation, quarks carry alpha_B/3, leptons alpha_i, Higgs absent (X = 0)."""
    a = ChargeAssignment(alpha_B=3, alpha_e=1, alpha_mu=2, alpha_tau=5)
    fields = sm_fermions(a)
    assert len(fields) == 15
    quarks = [f for f in fields if f.colour == 3]
    assert {f.X for f in quarks} == {Fraction(1)}
    assert [f.X for f in fields if f.name.startswith("l_L")] == [1, 2, 5]
    assert {(f.name[:3], f.Y) for f in fields if f.name.endswith("^1")} == {
        ("q_L", Fraction(1, 6)), ("u_R", Fraction(2, 3)), ("d_R", Fraction(-1, 3))}


def test_su2_dynkin_index():
    """T(n) = n(n^2-1)/12, the weight of Eq. (2.4): T(2) = 1/2, T(3) = 2, T(5) = 10."""
    assert [su2_dynkin(n) for n in (1, 2, 3, 5)] == [0, Fraction(1, 2), 2, 10]


def test_electric_charges():
    """Q = T3 + Y: a Y = 1/2 doublet has charges (1, 0); a Y = 1 triplet (2, 1, 0)."""
    assert electric_charges(2, Fraction(1, 2)) == [1, 0]
    assert electric_charges(3, 1) == [2, 1, 0]


@pytest.mark.parametrize("bad", ["x", "1/0", float("nan"), float("inf"), None, True, [1]])
def test_as_fraction_rejects(bad):
    """Non-numeric, non-finite or boolean charges raise ValueError with a message naming the charge."""
    with pytest.raises(ValueError, match="alpha_tau"):
        as_fraction(bad, "alpha_tau")


def test_as_fraction_accepts():
    assert as_fraction("1/3") == Fraction(1, 3)
    assert as_fraction(0.5) == Fraction(1, 2)
    assert as_fraction(0.1) == Fraction(1, 10)
    assert as_fraction(-2) == -2


@pytest.mark.parametrize("n", [0, -1, 1.5, "2", Fraction(3, 2)])
def test_fermion_rejects_bad_dimension(n):
    """A representation dimension must be a positive integer."""
    with pytest.raises(ValueError, match="dimension"):
        Fermion("psi", n, 0, 1)


def test_fermion_rejects_bad_colour_and_chirality():
    with pytest.raises(ValueError, match="colour"):
        Fermion("psi", 2, 0, 1, colour=4)
    with pytest.raises(ValueError, match="chirality"):
        Fermion("psi", 2, 0, 1, chirality="X")


def test_unknown_alpha_name():
    with pytest.raises(ValueError, match="unknown charge"):
        ChargeAssignment.from_mapping({"nu": 1})

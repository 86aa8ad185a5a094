"""Tests of physics.model.operators: the gauge-invariance checker against the Lagrangians printed in Sec. 4 of
arXiv:2603.04394 (Eqs. 4.4, 4.6, 4.8, 4.9, 4.11, 4.12).  Exact (Fraction) comparisons throughout."""
from fractions import Fraction

import pytest

from physics.model.charges import ChargeAssignment, Fermion
from physics.model.operators import (
    Scalar,
    WeylField,
    allowed_operators,
    find_operator,
    gauge_singlet,
    operators_vs_shift,
    scalars,
)
from physics.model.uv_models import TAU_BENCHMARK, table2_row1_model, table5_model, table6_fields, table6_model

H = Fraction(1, 2)


def _ops(model):
    return model.operators()


def test_eq_4_4_table2_row1():
    """Eq. (4.4): y_AA bar(A_L) A_R S, (1/2) y_BB bar(B_L) B_L^c S*, y_AB (bar A_L sigma H) B_L^c, y_BA bar(B_L) (H^dag sigma A_R).
    Exact: each printed term must be allowed, and nothing else among the anomalons or with SM leptons."""
    ops = _ops(table2_row1_model())
    assert find_operator(ops, ("A_L", "A_R"), "S*").dirac == "bar(A_L) S A_R"
    assert find_operator(ops, ("B_L", "B_L"), "S").dirac == "bar(B_L) S* (B_L)^c"
    assert find_operator(ops, ("A_L", "B_L"), "H~").dirac == "bar(A_L) H (B_L)^c"
    # H^dagger sigma^a A_R: the Y = -1/2 doublet contracted with A_R, i.e. H~ in our notation
    assert find_operator(ops, ("A_R", "B_L"), "H").dirac == "bar(B_L) H~ A_R"
    assert len(ops) == 4
    assert not [op for op in ops if op.category == "anomalon-SM mixing"]


def test_eq_4_6_table5_no_higgs_mixing():
    """Eq. (4.6) and the text after it: Table 5 allows only the S masses of A and B, no Higgs Yukawa among
    anomalons, no anomalon-SM or anomalon-singlet mixing (Eq. A.6, m > 2).  Exact."""
    ops = _ops(table5_model())
    anom = [op for op in ops if "anomalon" in op.category]
    assert sorted(op.dirac for op in anom) == ["bar(A_L) S A_R", "bar(B_L) S* (B_L)^c"]
    assert not [op for op in ops if op.category == "anomalon-Higgs Yukawa"]


def test_eq_4_8_table5_singlets():
    """Eq. (4.8): (1/2) y_N bar(N_R^1) S (N_R^1)^c and y_nu bar(l_L^tau) H~ N_R^2 are the singlet operators of Table 5. Exact."""
    ops = _ops(table5_model())
    sing = sorted(op.dirac for op in ops if "singlet" in op.category)
    assert sing == ["bar(N_R^1) S (N_R^1)^c", "bar(l_L^tau) H~ N_R^2"]


def test_eq_4_9_4_11_4_12_table6_generic_shift():
    """Eqs. (4.9), (4.11), (4.12) for Table 6 at a generic shift (X = 1/7): the full allowed list.
    The Higgs entries of (4.9) come out with H~ <-> H exchanged relative to the printed H^dagger, H (hypercharge). Exact."""
    ops = _ops(table6_model(Fraction(1, 7)))
    got = sorted(op.dirac for op in ops)
    assert got == sorted([
        "bar(A_L) S A_R",            # (4.9) y_AA
        "bar(B_L) S* B_R",           # (4.9) y_BB
        "bar(A_L) H B_R",            # (4.9) y_AB (printed with H^dagger)
        "bar(B_L) H~ A_R",           # (4.9) y_BA (printed with H)
        "bar(N_R^1) S* (N_R^2)^c",   # (4.11) y_N
        "bar(l_L^tau) H~ N_R^3",     # (4.11) y_nu
        "bar(B_L) H N_R^1",          # (4.12) y_mix
        "bar(B_R) H (N_R^2)^c",      # (4.12) y~_mix
    ])


def test_printed_higgs_entries_of_eq_4_9_violate_hypercharge():
    """Eq. (4.9) as printed: bar(A_L) H^dag B_R has Y = -1, bar(B_L) H A_R has Y = +1 (Table 6 charges). Exact."""
    an, _ = table6_fields(0)
    A_L, A_R, B_L, B_R = an
    assert -A_L.Y - H + B_R.Y == -1
    assert -B_L.Y + H + A_R.Y == 1


def test_table6_shift_zero_extra_singlet_terms_no_sm_mixing():
    """Sec. 4.2 'a possible choice would be X = 0': no anomalon-SM mixing, but N_R^1 and N_R^2 become degenerate
    in X so their Majorana masses and the swapped (4.12) terms appear too. Exact."""
    ops = _ops(table6_model(0))
    assert not [op for op in ops if op.category == "anomalon-SM mixing"]
    extra = {op.dirac for op in ops} - {op.dirac for op in _ops(table6_model(Fraction(1, 7)))}
    assert extra == {"bar(N_R^1) S* (N_R^1)^c", "bar(N_R^2) S* (N_R^2)^c", "bar(B_L) H N_R^2", "bar(B_R) H (N_R^1)^c"}


def test_table6_shift_values_with_sm_mixing():
    """Sec. 2.3 / 4.2: the shift must be chosen to forbid anomalon-SM mixing; the checker finds it appears
    exactly at X in {-3/2, -1/2, 1/2, 3/2} (X affine, solved exactly) and is confirmed by direct evaluation."""
    res = operators_vs_shift(table6_fields, 1, TAU_BENCHMARK)
    bad = {c for op, c in res if op.category == "anomalon-SM mixing"}
    assert bad == {Fraction(-3, 2), Fraction(-1, 2), Fraction(1, 2), Fraction(3, 2)}
    for x in bad:
        assert [op for op in _ops(table6_model(x)) if op.category == "anomalon-SM mixing"]
    for x in (Fraction(0), Fraction(1, 6), Fraction(1), Fraction(-1)):
        assert not [op for op in _ops(table6_model(x)) if op.category == "anomalon-SM mixing"]
    always = {op.weyl for op, c in res if c == "all"}
    assert "A_L B_R^c H~" in always and "A_R^c B_L H" in always  # Eq. (A.11): Higgs Yukawa for any X


def test_cross_check_with_criteria_higgs_yukawas():
    """The anomalon-Higgs Yukawas agree with the independent physics.model.criteria.higgs_yukawas (Eq. 2.1, L_PsiH). Exact."""
    criteria = pytest.importorskip("physics.model.criteria")
    for model in (table2_row1_model(), table5_model(), table6_model(Fraction(1, 3))):
        mine = sorted(op.weyl for op in model.operators() if op.category == "anomalon-Higgs Yukawa")
        theirs = sorted(op for _, _, op in criteria.higgs_yukawas(model.anomalons))
        assert mine == theirs, model.name


def test_majorana_symmetry_rules():
    """Footnote 2 of Sec. 2.2: a Majorana bilinear of an even (pseudoreal) SU(2) multiplet vanishes; odd ones are allowed.
    SU(3): 3 x 3 has no singlet, 8 x 8 does; 3 x 3bar does. Exact."""
    s0 = scalars(1)[0]
    for n, ok in ((2, False), (3, True), (4, False), (5, True)):
        w = WeylField("P", n, Fraction(0), Fraction(0))
        assert gauge_singlet(w, w, s0, same=True) is ok
    q = WeylField("q", 1, Fraction(0), Fraction(0), colour=3)
    qbar = WeylField("qb", 1, Fraction(0), Fraction(0), colour=3, colour_bar=True)
    g8 = WeylField("g", 3, Fraction(0), Fraction(0), colour=8)
    assert not gauge_singlet(q, q, s0, same=True)
    assert gauge_singlet(q, qbar, s0)
    assert gauge_singlet(g8, g8, s0, same=True)
    # doublet scalar: |n1 - n2| = 1 only
    h = Scalar("H", 2, H, Fraction(0))
    a = WeylField("a", 2, Fraction(0), Fraction(0))
    b = WeylField("b", 3, -H, Fraction(0))
    c = WeylField("c", 4, -H, Fraction(0))
    assert gauge_singlet(a, b, h) and not gauge_singlet(a, c, h)


def test_perturbed_charge_kills_mass_term():
    """Changing X(B_L) of Table 5 by 1/12 removes the ML mass term of Eq. (4.6) (the checker can fail). Exact."""
    m = table5_model()
    an = [Fermion("B_L", 5, 0, 0, "L") if f.name == "B_L" else f for f in m.anomalons]
    ops = allowed_operators(an, m.X_S, m.singlets, TAU_BENCHMARK)
    assert find_operator(ops, ("B_L", "B_L"), "S") is None


def test_bad_input():
    """Bad input raises ValueError: X_S = 0, unknown scalar, duplicate names, non-Fermion, bad role, non-integer n."""
    m = table5_model()
    with pytest.raises(ValueError):
        allowed_operators(m.anomalons, 0)
    with pytest.raises(ValueError):
        find_operator([], ("A_L",), "Phi")
    with pytest.raises(ValueError):
        allowed_operators([m.anomalons[0], m.anomalons[0]], m.X_S)
    with pytest.raises(ValueError):
        allowed_operators([("A_L", 3, 1, 0)], m.X_S)
    with pytest.raises(ValueError):
        WeylField.from_fermion(m.anomalons[0], "exotic")
    with pytest.raises(ValueError):
        Fermion("Z", 2.5, 0, 0)
    with pytest.raises(ValueError):
        allowed_operators(m.anomalons, m.X_S, alphas=ChargeAssignment(alpha_tau="x"))

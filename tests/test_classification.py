"""Tests of physics.model.classification: Appendix A of arXiv:2603.04394 (families, scans, Tables 2-3, coloured case)."""
import time
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

from physics.model.anomalies import AnomalyReport
from physics.model.charges import ChargeAssignment
from physics.model.criteria import criterion_ii
from physics.model.classification import (FAMILIES, PATTERNS_1DL2ML, anomalon_witten_ok,
                                    colour_A22, colour_A23, colour_conditions, colour_mass_charges,
                                    ew_anomalies, family, family_A4, family_A5, family_A6, family_A11, family_A15,
                                    family_A17, nPsi1_residual, nPsi2_residual, rational_sqrt, scan_1DL2ML, scan_2DL,
                                    scan_all, scan_colour_2DL, scan_colour_nPsi3, scan_nPsi3, solve_1DL2ML, solve_2DL,
                                    solve_nPsi3, table2_rows, table3_rows, twoDL_consistency)

alphas = st.fractions(-5, 5, max_denominator=30).filter(bool)
ZERO = {"2.4": 0, "2.5": 0, "2.6": 0}
from physics.paper.printed import TABLE2 as PAPER_TABLE2, TABLE3 as PAPER_TABLE3, compare_table


def _witten_as_stated(s):
    """Sec. 2: an even number of Weyl fermions in n = 4l+2 representations (SM doublets: 12, even)."""
    return sum(1 for f in s.fields if f.n % 4 == 2) % 2 == 0


def _ew_zero_by_report(s):
    """Eqs. (2.4)-(2.6) from the full AnomalyReport (SM with alpha_B = alpha_{B+L}); Witten compared with the
    statement of Sec. 2 counted by hand."""
    r = AnomalyReport(ChargeAssignment(alpha_B=s.alpha_BL), s.fields)
    return r.electroweak_free and r.witten_ok == _witten_as_stated(s)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 30), st.integers(1, 15), st.integers(2, 15), alphas, st.fractions(-3, 3, max_denominator=20))
def test_families_cancel_eqs_2_4_to_2_6(m, k, n1, alpha, shift):
    """Eqs. (A.4), (A.5), (A.6), (A.11), (A.15), (A.17) solve Eqs. (2.4)-(2.6) exactly for any rational alpha_{B+L}
    (AnomalyReport).  Witten: A.4, A.5 (m even), A.6, A.11 always satisfy it; A.15/A.17 only when the number of
    ML fields with n = 4l+2 is even (the paper does not state this; e.g. A.17 with m = 1, n1 = 2 violates it)."""
    specs = [family_A4(m, alpha), family_A11(m, alpha, shift), family_A17(m, n1, alpha)]
    if m >= 2:
        specs.append(family_A6(m, alpha))
        specs.append(family_A5(2 * (m // 2), alpha))
    if m >= 3:
        specs.append(family_A15(m, 1 + (k - 1) % (m - 2), alpha))
    for s in specs:
        assert _ew_zero_by_report(s), (s.name, s.params, ew_anomalies(s))
        if s.name in ("A.4", "A.5", "A.6", "A.11"):
            assert anomalon_witten_ok(s)
    assert not anomalon_witten_ok(family_A17(1, 2)) and anomalon_witten_ok(family_A17(1, 3))


def test_witten_excludes_odd_m_in_A5():
    """Eq. (A.5): n = 2m needs m even 'to avoid Witten anomaly': the odd-m members violate it, and family_A5 refuses them."""
    odd = [s for s in scan_nPsi3(10, 10, 1, "half") if s.key[0] == 2 * s.key[1]]
    assert {s.key[1] for s in odd if not s.witten_ok} == {1, 3, 5}
    assert all(s.witten_ok for s in odd if s.key[1] % 2 == 0)
    with pytest.raises(ValueError, match="even"):
        family_A5(3)


def test_family_registry_and_ranges():
    """family(name, **params) dispatches to FAMILIES; out-of-range parameters raise ValueError naming the range."""
    assert set(FAMILIES) == {"A.4", "A.5", "A.6", "A.11", "A.15", "A.17"}
    assert family("A.6", m=2).fields == family_A6(2).fields
    with pytest.raises(ValueError, match="unknown family"):
        family("A.7", m=2)
    with pytest.raises(ValueError, match=r"0 < k <= m-2"):
        family_A15(5, 4)
    with pytest.raises(ValueError, match=">= 2"):
        family_A6(1)
    with pytest.raises(ValueError, match="integer"):
        family_A4(1.5)
    with pytest.raises(ValueError, match="alpha_BL"):
        family_A4(1, 0)
    with pytest.raises(ValueError, match="bad parameters"):
        family("A.4", q=1)


@settings(max_examples=40)
@given(st.integers(1, 40), alphas, st.fractions(-3, 3, max_denominator=9).filter(bool))
def test_no_go_nPsi_1_and_2(n, alpha, Y):
    """App. A: N_Psi = 1 is excluded by Eq. (2.5) (residual -3 alpha/2); N_Psi = 2 (one DL pair) leaves
    Eq. (2.4) = (3 alpha/2)(1 + T(n)/(n Y^2)) != 0 once (2.5), (2.6) hold."""
    assert nPsi1_residual(n, alpha) == -Fraction(3, 2) * alpha
    r = nPsi2_residual(n, Y, alpha)
    assert r != 0 and r == Fraction(3, 2) * alpha * (1 + Fraction(n * n - 1, 12) / (Y * Y))


def test_general_solvers_reproduce_families():
    """(A.2)-(A.3), (A.8)-(A.10), (A.14), (A.16) reproduce the families (exact field-by-field equality)."""
    for m in range(1, 8):
        assert solve_nPsi3(2 * m + 1, m, 1)[0].fields == family_A4(m).fields
        assert solve_2DL(m + 1, m, Fraction(m, 2), Fraction(m + 1, 2), 1, Fraction(1, 3)).fields == \
            family_A11(m, 1, Fraction(1, 3)).fields
        assert solve_1DL2ML(2, 2 + 2 * m, m, "A.16").fields == family_A17(m, 2).fields
    assert solve_1DL2ML(3, 5, 4, "A.14").fields == family_A15(4, 1).fields
    assert all(len(solve_nPsi3(n, m)) <= 1 for n in range(2, 12) for m in range(1, 12))  # sigma = +1 never solves


def test_2DL_consistency_condition():
    """Two DL pairs: n Y1^2 - m Y3^2 = T(m) - T(n) is equivalent to (A.8)-(A.9) with p = m Y3/(n Y1)."""
    for n, m, Y1, Y3 in [(2, 1, Fraction(1, 2), 1), (8, 3, 1, 4)]:
        assert twoDL_consistency(n, m, Y1, Y3) == 0
        p = Fraction(m) * Y3 / (n * Y1)
        A8 = Fraction(m * (m - n) * (m * m + n * n + n * m - 1), 12 * n) / (m - p * p * n)
        assert A8 == Y1 * Y1 and Fraction(n) * p / m * Y1 == Y3  # (A.8), (A.9)
    with pytest.raises(ValueError, match="violates"):
        solve_2DL(3, 2, 1, 1)


def test_scan_nPsi3_paper_statements():
    """App. A, N_Psi = 3, n, m <= 10: every solution with rational Y lies on n = 2m+1, 2m, 2m-1 (A.4-A.6);
    with integer charges only A.4 and A.6 remain (A.5's pseudoreal ML has half-integer charges);
    (ii) holds only for A.6 (A.4: charged stable LP; A.5: fails (i) and (ii))."""
    rat = scan_nPsi3(10, 10, 1, "rational")
    assert {s.family for s in rat} == {"A.4", "A.5", "A.6"} and all(s.family for s in rat)
    ints = scan_nPsi3(10, 10, 1, "integer")
    assert {s.family for s in ints} == {"A.4", "A.6"}
    assert {s.family for s in rat if s.criteria.ii.ok} == {"A.6"}
    assert all("i" in s.criteria.failed() for s in rat if s.family == "A.5")
    assert all(s.criteria.failed() == ["ii"] for s in rat if s.family == "A.4")


def test_scan_2DL_paper_statement():
    """App. A, two DL pairs, n, m <= 10: outside (A.11) no solution satisfies (ii) (integer and half-integer Y)."""
    for mode in ("integer", "half"):
        sols = scan_2DL(10, 10, 1, mode)
        assert all(s.family == "A.11" for s in sols if s.criteria.ii.ok)
        assert len([s for s in sols if s.family == "A.11"]) == 18  # m = 1..9, both pair orderings
    assert {s.key for s in scan_2DL(10, 10, 1, "half") if s.family is None} == {
        (3, 8, 4, 1), (8, 3, 1, 4), (4, 9, 4, 1), (9, 4, 1, 4), (4, 10, 5, Fraction(3, 2)), (10, 4, Fraction(3, 2), 5)}


@pytest.fixture(scope="module")
def scans():
    """scan_all() once per module, with its wall time."""
    t0 = time.perf_counter()
    res = scan_all()
    res["wall"] = time.perf_counter() - t0
    return res


@pytest.fixture(scope="module")
def scan_1dl2ml(scans):
    return scans["1DL+2ML"]


def test_scan_1DL2ML_paper_statements(scan_1dl2ml):
    """App. A, 1DL + 2ML, m, n1, n2 <= 50: (A.13) and all-equal give no solution; among all (2Y integer)
    solutions (ii) holds only for A.15 with k = 1 (m even, 4 <= m <= 48 here), and never for A.16/A.17."""
    pats = {s.key[0] for s in scan_1dl2ml}
    assert pats == {"A.14", "A.16"}
    ok = [s for s in scan_1dl2ml if s.criteria.ii.ok]
    assert all(s.family == "A.15" and s.spectrum.params["pattern"] == "A.14" for s in ok)
    ks = {(s.key[2] - s.key[1]) // 2 for s in ok}
    ms = sorted(s.key[3] for s in ok)
    assert ks == {1} and ms == list(range(4, 49, 2))


def test_A17_no_criterion_ii_extended():
    """App. A: A.17 has 'no solutions satisfying (ii) ... in the range m, n1 <= 50' (n2 = n1 + 2m up to 150;
    the pattern scan above stops at n2 = 50, so every family member is checked here directly)."""
    assert not any(criterion_ii(family_A17(m, n1))[0].ok for m in range(1, 51) for n1 in range(2, 51))


def test_table2_generated_from_scan():
    """Table 2 (n, m, Y, X_S/(3 alpha)) = A.6 with m = 2..6, generated by the scan, equals the printed table."""
    rows = table2_rows(6)
    assert compare_table(rows, PAPER_TABLE2) == []


def test_table3_generated_and_label_mismatch():
    """Table 3 = A.11 with m = 1..6: the printed X1, X2 columns are the charges of the (m, Y3) pair (A.11's Psi_1,2),
    not of the (n, Y1) pair that Eq. (2.13) calls Psi_1,2; with Eq. (2.13) labels the constants flip sign."""
    assert compare_table(table3_rows(6), PAPER_TABLE3) == []
    eq213 = table3_rows(6, convention="eq-2.13")
    assert len(compare_table(eq213, PAPER_TABLE3)) == 6
    assert all(r[4][1] == -p[4][1] for r, p in zip(eq213, PAPER_TABLE3))


def test_table_filter_hook():
    """The scans accept filter(spectrum) -> bool (used by the integrator for naturalness >= 1 TeV)."""
    assert [r[1] for r in table2_rows(6, filter=lambda s: s.params.get("m", 0) <= 4)] == [2, 3, 4]


def test_colour_A23_as_printed():
    """(A.23): satisfies (A.18)-(A.20) exactly, but (A.21) = 3 alpha/16 != 0 and its mass terms need
    |X_S| = alpha/24 (ML) vs alpha/30 (DL), so criterion (i) with one S fails too."""
    for a in (Fraction(1), Fraction(-2, 7)):
        c = colour_conditions(colour_A23(a), a)
        assert c["A.18"] == c["A.19"] == c["A.20"] == 0 and c["A.21"] == Fraction(3, 16) * a
    assert set(colour_mass_charges(colour_A23(1)).values()) == {Fraction(1, 24), Fraction(1, 30)}


@settings(max_examples=30)
@given(alphas, st.fractions(-3, 3, max_denominator=20))
def test_colour_A22_readings(a, X):
    """(A.22): as printed (both pair members +Y) it is never a solution; read as DL pairs with the (A.11, m=5)
    rescaled charges, (A.18), (A.19) hold, (A.20) holds only at X = 0, (A.21) = -alpha/8 always, and the pairs
    need |X_S| = alpha/30 vs alpha/40."""
    c = colour_conditions(colour_A22(a, X, "DL-rescaled"), a)
    assert c["A.18"] == 0 and c["A.19"] == 0 and c["A.21"] == -a / 8
    assert (c["A.20"] == 0) == (X == 0)
    assert set(colour_mass_charges(colour_A22(a, X, "DL-rescaled")).values()) == {abs(a) / 30, abs(a) / 40}
    p = colour_conditions(colour_A22(a, X, "printed"), a)
    assert any(v != 0 for v in p.values())  # as printed: never a solution ((A.18), (A.19) vanish only at X = a/10)


def test_colour_scans():
    """Coloured solutions satisfying (A.18)-(A.21) AND one S (criterion (i)), n, m <= 10: 1DL+1ML has only
    (8, 5, 0) + (10, 1, +-2) with integer charges; 2DL has none with integer charges and, with 2Y integer,
    (6, 6, +-5/2) + (8, 5, +-5/2): the reps of (A.22) but Y3 = 5/2, not 3."""
    c3 = scan_colour_nPsi3(10, 10, 1, "integer")
    assert [(c["N1"], c["n"], c["N2"], c["m"], c["Y"]) for c in c3] == [(8, 5, 10, 1, 2)]
    assert scan_colour_2DL(10, 10, 1, "integer", y_max=30) == []
    half = scan_colour_2DL(10, 10, 1, "half", y_max=30)
    assert (6, 6, Fraction(5, 2), 8, 5, Fraction(5, 2)) in [(c["NA"], c["n"], c["Y1"], c["NB"], c["m"], c["Y3"]) for c in half]


def test_scan_time_budget(scans):
    """Brief: all Appendix-A scans (ranges of App. A) together in <= 10 s (measured wall time, 2-core machine)."""
    assert scans["wall"] < 10
    assert set(scans["times"]) == {"nPsi3", "2DL", "1DL+2ML"}


def test_rational_sqrt_and_bad_inputs():
    """rational_sqrt is exact; scans reject bad modes and ranges with ValueError."""
    assert rational_sqrt(Fraction(9, 4)) == Fraction(3, 2) and rational_sqrt(2) is None and rational_sqrt(-1) is None
    with pytest.raises(ValueError, match="charges"):
        scan_nPsi3(charges="complex")
    with pytest.raises(ValueError, match="charges"):
        scan_2DL(charges="rational")
    with pytest.raises(ValueError, match="pattern"):
        solve_1DL2ML(3, 5, 4, "A.99")
    with pytest.raises(ValueError, match="n != m"):
        solve_2DL(3, 3, 1, 1)
    with pytest.raises(ValueError, match="convention"):
        table3_rows(convention="x")
    with pytest.raises(ValueError, match="positive integer"):
        solve_nPsi3(0, 2)
    assert set(PATTERNS_1DL2ML) == {"all-equal", "A.13", "A.14", "A.16"}
    assert anomalon_witten_ok(family_A6(2))

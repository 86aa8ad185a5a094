"""Classification of anomalon setups, Appendix A of arXiv:2603.04394 (exact `Fraction` arithmetic).

Solutions of the electroweak mixed-anomaly conditions Eqs. (2.4)-(2.6) built from Majorana-like (ML)
fields and Dirac-like (DL) pairs (criterion (i) of Sec. 2.2), for N_Psi <= 4 anomalon Weyl multiplets,
and their filtering by criteria (ii), (iii) (`physics.model.criteria`).  Eqs. (2.2), (2.3) need SM singlets
and are not part of the classification (Sec. 2.2 (iv)).

Notation: f(n) = n(n^2 - 1) = 12 T(n), alpha = alpha_{B+L}.  Hypercharge modes of the scans:
"integer"  all electric charges Q = T3 + Y integer, i.e. Y + (n-1)/2 in Z for every field (ML included);
"half"     2Y integer (the paper's "integer or semi-integer hypercharge");
"rational" Y^2 the square of a rational (only for the N_Psi = 3 scan, which is finite).
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache
from numbers import Integral
from fractions import Fraction
from typing import Callable

from physics import validate
from physics.model.anomalies import AnomalyReport, anomaly_coefficients, witten_ok
from physics.model.charges import SU3_DYNKIN, ChargeAssignment, Fermion, as_fraction, check_dimension, sm_fermions, su2_dynkin
from physics.model.criteria import CriteriaReport, check_criteria, integer_charges
from physics.model.spectrum import Multiplet, Spectrum

CHARGE_MODES = ("integer", "half", "rational")
_SM_FIELDS = sm_fermions(ChargeAssignment(alpha_B=1))  # SU(2) content only matters for the Witten count


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
def _f(n: int) -> int:
    return n * (n * n - 1)


def _alpha(alpha_BL) -> Fraction:
    a = validate.bounded_rational(as_fraction(alpha_BL, "alpha_BL"), "alpha_BL", validate.CHARGE_MAX_DERIVED)
    if a == 0:
        raise ValueError("alpha_BL must be nonzero (alpha_BL = 0 needs no anomalons)")
    return a


def _int(name: str, value, minimum: int, maximum: int | None = None, extra: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, (Integral, Fraction)) or Fraction(int(value) if isinstance(value, Integral) else value).denominator != 1:
        raise ValueError(f"{name} must be an integer >= {minimum}{extra}, got {validate._show(value)}")
    value = int(value)
    if maximum is None and value > validate.FAMILY_PARAM_MAX:  # the declared domain (physics.validate)
        raise validate.DomainError(f"{name} = {validate._show(value)} is outside its domain [{minimum}, "
                                   f"{validate.FAMILY_PARAM_MAX}] (family parameters and scan ranges, physics.validate)")
    if value < minimum or (maximum is not None and value > maximum):
        rng = f">= {minimum}" if maximum is None else f"in [{minimum}, {maximum}]"
        raise ValueError(f"{name} must be an integer {rng}{extra}, got {value}")
    return value


def rational_sqrt(q) -> Fraction | None:
    """Exact non-negative square root of a rational, or None if q < 0 or q is not a rational square."""
    q = Fraction(q)
    if q < 0:
        return None
    a, b = math.isqrt(q.numerator), math.isqrt(q.denominator)
    if a * a == q.numerator and b * b == q.denominator:
        return Fraction(a, b)
    return None


def _charge_ok(Y: Fraction, n: int, mode: str) -> bool:
    if mode == "integer":
        return integer_charges(n, Y)
    if mode == "half":
        return (2 * Y).denominator == 1
    return True


def _check_mode(mode: str, allowed=CHARGE_MODES):
    if mode not in allowed:
        raise ValueError(f"charges must be one of {allowed}, got {mode!r}")


def ML(name: str, n, X, colour: int = 1) -> Multiplet:
    """An ML field (n, 0, X) as a Multiplet."""
    return Multiplet("ML", (Fermion(name, n, 0, X, "L", colour),))


def DL(names: tuple, n, Y, X1, X2, colour: int = 1) -> Multiplet:
    """A DL pair (n, Y, X1), (n, -Y, X2) as a Multiplet."""
    return Multiplet("DL", (Fermion(names[0], n, Y, X1, "L", colour), Fermion(names[1], n, -Fraction(Y), X2, "L", colour)))


@lru_cache(maxsize=64)
def _sm_part(alpha_BL: Fraction) -> tuple:
    """SM part of Eqs. (2.4)-(2.6) from AnomalyReport (cached: the scans call this thousands of times)."""
    sm = AnomalyReport(ChargeAssignment(alpha_B=alpha_BL)).sm
    return sm["2.4"], sm["2.5"], sm["2.6"]


def ew_anomalies(spectrum: Spectrum) -> dict:
    """Totals of Eqs. (2.4)-(2.6): SM part (AnomalyReport with alpha_B = alpha_{B+L}) + anomalon part."""
    keys = ("2.4", "2.5", "2.6")
    an = anomaly_coefficients(spectrum.fields, keys)
    return {k: s + an[k] for k, s in zip(keys, _sm_part(Fraction(spectrum.alpha_BL)))}


def ew_anomaly_free(spectrum: Spectrum) -> bool:
    """Eqs. (2.4)-(2.6) vanish exactly."""
    return all(v == 0 for v in ew_anomalies(spectrum).values())


def anomalon_witten_ok(spectrum: Spectrum) -> bool:
    """Witten condition with the SM (which has an even number of doublets): AnomalyReport.witten_ok."""
    return witten_ok(_SM_FIELDS + list(spectrum.fields))


# ---------------------------------------------------------------------------------------------
# Families, Eqs. (A.4), (A.5), (A.6), (A.11), (A.15), (A.17)
# ---------------------------------------------------------------------------------------------
def family_A4(m, alpha_BL=1) -> Spectrum:
    """Eq. (A.4): n = 2m+1, m >= 1: Psi_1 (2m+1, 0, -3a/(m(m+1)^2)), Psi_2,3 (m, +-(m+1)/2, 3a/(m(m+1)^2))."""
    m, a = _int("m", m, 1), _alpha(alpha_BL)
    x = 3 * a / (m * (m + 1) ** 2)
    return Spectrum("A.4", (ML("Psi1", 2 * m + 1, -x), DL(("Psi2", "Psi3"), m, Fraction(m + 1, 2), x, x)), a, {"m": m})


def family_A5(m, alpha_BL=1) -> Spectrum:
    """Eq. (A.5): n = 2m, m >= 2 even (Witten): Psi_1 (2m, 0, -3a/m^3), Psi_2,3 (m, +-m/2, 3a/m^3)."""
    m, a = _int("m", m, 2, extra=" and even (Witten anomaly)"), _alpha(alpha_BL)
    if m % 2:
        raise ValueError(f"m must be an even integer >= 2 (Witten anomaly), got {m}")
    x = 3 * a / m**3
    return Spectrum("A.5", (ML("Psi1", 2 * m, -x), DL(("Psi2", "Psi3"), m, Fraction(m, 2), x, x)), a, {"m": m})


def family_A6(m, alpha_BL=1) -> Spectrum:
    """Eq. (A.6): n = 2m-1, m >= 2: Psi_1 (2m-1, 0, -3a/(m(m-1)^2)), Psi_2,3 (m, +-(m-1)/2, 3a/(m(m-1)^2))."""
    m, a = _int("m", m, 2), _alpha(alpha_BL)
    x = 3 * a / (m * (m - 1) ** 2)
    return Spectrum("A.6", (ML("Psi1", 2 * m - 1, -x), DL(("Psi2", "Psi3"), m, Fraction(m - 1, 2), x, x)), a, {"m": m})


def family_A11(m, alpha_BL=1, shift=0) -> Spectrum:
    """Eq. (A.11), m >= 1, common shift X:
    Psi_1,2 (m+1, +-m/2, +-X - 3a/(m(m+1))), Psi_3,4 (m, +-(m+1)/2, +-X + 3a/(m(m+1)))."""
    m, a = _int("m", m, 1), _alpha(alpha_BL)
    X = as_fraction(shift, "shift")
    c = 3 * a / (m * (m + 1))
    return Spectrum("A.11", (DL(("Psi1", "Psi2"), m + 1, Fraction(m, 2), X - c, -X - c),
                             DL(("Psi3", "Psi4"), m, Fraction(m + 1, 2), X + c, -X + c)), a, {"m": m, "shift": X})


def family_A15(m, k, alpha_BL=1) -> Spectrum:
    """Eq. (A.15), 0 < k <= m-2: Psi_1 (m-k, 0, -x), Psi_2 (m+k, 0, -x), Psi_3,4 (m, +-k/2, x), x = 3a/(k^2 m)."""
    m = _int("m", m, 3)
    k = _int("k", k, 1, m - 2, extra=" (0 < k <= m-2)")
    a = _alpha(alpha_BL)
    x = 3 * a / (k * k * m)
    return Spectrum("A.15", (ML("Psi1", m - k, -x), ML("Psi2", m + k, -x), DL(("Psi3", "Psi4"), m, Fraction(k, 2), x, x)),
                    a, {"m": m, "k": k})


def family_A17(m, n1, alpha_BL=1) -> Spectrum:
    """Eq. (A.17), m >= 1, n1 >= 2: Psi_1 (n1, 0, x), Psi_2 (n1+2m, 0, -x), Psi_3,4 (m, +-(m+n1)/2, x),
    x = 3a/(m(m+n1)^2)."""
    m, n1, a = _int("m", m, 1), _int("n1", n1, 2), _alpha(alpha_BL)
    x = 3 * a / (m * (m + n1) ** 2)
    return Spectrum("A.17", (ML("Psi1", n1, x), ML("Psi2", n1 + 2 * m, -x), DL(("Psi3", "Psi4"), m, Fraction(m + n1, 2), x, x)),
                    a, {"m": m, "n1": n1})


FAMILIES = {"A.4": family_A4, "A.5": family_A5, "A.6": family_A6, "A.11": family_A11, "A.15": family_A15, "A.17": family_A17}


def family(name: str, **params) -> Spectrum:
    """Build a family of Appendix A by its equation number, e.g. family("A.6", m=2, alpha_BL=1)."""
    if name not in FAMILIES:
        raise ValueError(f"unknown family {name!r}; known: {sorted(FAMILIES)}")
    try:
        return FAMILIES[name](**params)
    except TypeError as exc:
        raise ValueError(f"bad parameters for family {name}: {exc}") from None


# ---------------------------------------------------------------------------------------------
# N_Psi = 1, 2: no-go statements
# ---------------------------------------------------------------------------------------------
def nPsi1_residual(n, alpha_BL=1, X=0) -> Fraction:
    """N_Psi = 1: a single field must be ML (Y = 0), so Eq. (2.5) reads -3 alpha/2 = 0 whatever n, X.
    Returns the Eq. (2.5) total, nonzero for every alpha != 0."""
    n, a = check_dimension(n), _alpha(alpha_BL)
    s = Spectrum("N=1", (Multiplet("ML", (Fermion("Psi1", n, 0, X),)),), a)
    return ew_anomalies(s)["2.5"]


def nPsi2_residual(n, Y, alpha_BL=1) -> Fraction:
    """N_Psi = 2, one DL pair (n, +-Y, X1, X2), Y != 0.  Eq. (2.6) gives X1 = +-X2; X1 = -X2 leaves
    Eq. (2.4) = 3a/2 != 0 (and is vector-like); X1 = X2 = x fixed by Eq. (2.5), x = 3a/(4 n Y^2), leaves
    Eq. (2.4) = (3a/2)(1 + T(n)/(n Y^2)) != 0.  Returns that Eq. (2.4) residual (built and summed exactly)."""
    n, a, Y = check_dimension(n), _alpha(alpha_BL), as_fraction(Y, "Y")
    if Y == 0:
        raise ValueError("a DL pair needs Y != 0")
    x = 3 * a / (4 * n * Y * Y)
    s = Spectrum("N=2", (DL(("Psi1", "Psi2"), n, Y, x, x),), a)
    r = ew_anomalies(s)
    assert r["2.5"] == 0 and r["2.6"] == 0
    return r["2.4"]


# ---------------------------------------------------------------------------------------------
# Solutions and general solvers
# ---------------------------------------------------------------------------------------------
@dataclass
class Solution:
    """One anomaly-free spectrum found by a scan, with its family label and criteria verdicts."""

    setup: str                   # "1DL+1ML", "2DL", "1DL+2ML"
    key: tuple                   # (n, m, ...) scan coordinates
    spectrum: Spectrum
    family: str | None
    integer_charges: bool
    witten_ok: bool
    criteria: CriteriaReport
    notes: str = ""

    @property
    def passes(self) -> dict:
        return {"i": self.criteria.i.ok, "ii": self.criteria.ii.ok, "iii": self.criteria.iii.ok}


def _solution(setup, key, spectrum, fam, notes="") -> Solution:
    if not ew_anomaly_free(spectrum):  # every scan result is re-checked with the full AnomalyReport
        raise RuntimeError(f"internal error: {spectrum.name} {key} does not solve Eqs. (2.4)-(2.6): {ew_anomalies(spectrum)}")
    ints = all(integer_charges(f.n, f.Y) for f in spectrum.fields)
    return Solution(setup, key, spectrum, fam, ints, anomalon_witten_ok(spectrum), check_criteria(spectrum), notes)


def solve_nPsi3(n, m, alpha_BL=1) -> list[Spectrum]:
    """N_Psi = 3 (Eq. A.1): ML (n, 0, X1) + DL (m, +-Y, X2 = X3), Y > 0, both S sign choices.

    Eq. (2.5): X2 = 3a/(4 m Y^2) (A.2).  Single S: X1 = sigma X2.  Eq. (2.4) then gives
    Y^2 = -(sigma f(n) + 2 f(m))/(24 m): sigma = +1 impossible, sigma = -1 is Eq. (A.3).
    Returns the spectra with rational Y (possibly empty)."""
    n, m, a = check_dimension(n), check_dimension(m), _alpha(alpha_BL)
    out = []
    for sigma in (+1, -1):
        Y = rational_sqrt(Fraction(-(sigma * _f(n) + 2 * _f(m)), 24 * m))
        if not Y:
            continue
        x = 3 * a / (4 * m * Y * Y)
        out.append(Spectrum("N3", (ML("Psi1", n, sigma * x), DL(("Psi2", "Psi3"), m, Y, x, x)), a,
                            {"n": n, "m": m, "sigma": sigma}))
    return out


def twoDL_consistency(n, m, Y1, Y3) -> Fraction:
    """Two DL pairs (A.7) with S = X1+X2 = -(X3+X4): Eqs. (2.4)-(2.6) reduce to
    (T(n)-T(m)) S = -3a/2 (A.10),  (n Y1^2 - m Y3^2) S = 3a/2,  n Y1 (X1-X2) = m Y3 (X3-X4).
    Returns n Y1^2 - m Y3^2 - (T(m) - T(n)), which must vanish (equivalent to A.8, A.9 with
    p = (X1-X2)/(X3-X4) = m Y3/(n Y1))."""
    n, m = check_dimension(n), check_dimension(m)
    Y1, Y3 = as_fraction(Y1, "Y1"), as_fraction(Y3, "Y3")
    return n * Y1**2 - m * Y3**2 - (su2_dynkin(m) - su2_dynkin(n))


def solve_2DL(n, m, Y1, Y3, alpha_BL=1, shift=0) -> Spectrum:
    """Two DL pairs (n, +-Y1), (m, +-Y3) solving Eqs. (2.4)-(2.6), X1+X2 = -(X3+X4) = S (A.10).

    The one free parameter is `shift` = (X3-X4)/2; then (X1-X2)/2 = shift * m Y3/(n Y1) (p = m Y3/(n Y1)).
    ValueError if (n, m, Y1, Y3) violate `twoDL_consistency` or n = m."""
    n, m, a = check_dimension(n), check_dimension(m), _alpha(alpha_BL)
    Y1, Y3, t = as_fraction(Y1, "Y1"), as_fraction(Y3, "Y3"), as_fraction(shift, "shift")
    if n == m:
        raise ValueError("two DL pairs need n != m (else T(n) - T(m) = 0 and Eq. (2.4) cannot vanish)")
    if Y1 == 0 or Y3 == 0:
        raise ValueError("DL pairs need Y1, Y3 != 0")
    if twoDL_consistency(n, m, Y1, Y3) != 0:
        raise ValueError(f"(n, m, Y1, Y3) = ({n}, {m}, {Y1}, {Y3}) violates n Y1^2 - m Y3^2 = T(m) - T(n)")
    S = Fraction(18) * a / (_f(m) - _f(n))
    d12 = t * m * Y3 / (n * Y1)
    return Spectrum("2DL", (DL(("Psi1", "Psi2"), n, Y1, S / 2 + d12, S / 2 - d12),
                            DL(("Psi3", "Psi4"), m, Y3, -S / 2 + t, -S / 2 - t)), a,
                    {"n": n, "m": m, "Y1": Y1, "Y3": Y3, "shift": t})


#: Sign patterns (sigma1, sigma2) of X1 = sigma1 X3, X2 = sigma2 X3 for 1DL + 2ML, Eq. (A.12).
PATTERNS_1DL2ML = {"all-equal": (1, 1), "A.13": (-1, 1), "A.14": (-1, -1), "A.16": (1, -1)}


def solve_1DL2ML(n1, n2, m, pattern: str, alpha_BL=1) -> Spectrum | None:
    """1 DL + 2 ML (A.12): X3 = X4 = 3a/(4 m Y^2), X_i = sigma_i X3, and Eq. (2.4) gives
    Y^2 = -(sigma1 f(n1) + sigma2 f(n2) + 2 f(m))/(24 m)  [(A.13), (A.14), (A.16); 'all-equal' has Y^2 < 0].
    Returns the spectrum if Y is rational and positive, else None."""
    if pattern not in PATTERNS_1DL2ML:
        raise ValueError(f"pattern must be one of {sorted(PATTERNS_1DL2ML)}, got {pattern!r}")
    n1, n2, m, a = check_dimension(n1), check_dimension(n2), check_dimension(m), _alpha(alpha_BL)
    s1, s2 = PATTERNS_1DL2ML[pattern]
    Y = rational_sqrt(Fraction(-(s1 * _f(n1) + s2 * _f(n2) + 2 * _f(m)), 24 * m))
    if not Y:
        return None
    x = 3 * a / (4 * m * Y * Y)
    return Spectrum("1DL+2ML", (ML("Psi1", n1, s1 * x), ML("Psi2", n2, s2 * x), DL(("Psi3", "Psi4"), m, Y, x, x)), a,
                    {"n1": n1, "n2": n2, "m": m, "pattern": pattern})


# ---------------------------------------------------------------------------------------------
# Scans
# ---------------------------------------------------------------------------------------------
def _keep(sol: Solution, filter) -> bool:
    return filter is None or bool(filter(sol.spectrum))


def scan_nPsi3(n_max=10, m_max=10, alpha_BL=1, charges="integer", filter: Callable | None = None) -> list[Solution]:
    """All N_Psi = 3 solutions with 2 <= n <= n_max, 1 <= m <= m_max (App. A, 'n, m <= 10').

    Labels: n = 2m+1 -> A.4, n = 2m -> A.5, n = 2m-1 -> A.6 (checked equal to the family spectra).
    `filter(spectrum) -> bool` optionally drops solutions (e.g. naturalness >= 1 TeV)."""
    _check_mode(charges)
    n_max, m_max, a = _int("n_max", n_max, 2), _int("m_max", m_max, 1), _alpha(alpha_BL)
    validate.work(n_max * m_max, validate.SCAN_WORK_MAX, "scan_nPsi3")
    out = []
    for n in range(2, n_max + 1):
        for m in range(1, m_max + 1):
            for s in solve_nPsi3(n, m, a):
                Y = s.multiplets[1].Y
                if not (_charge_ok(Y, m, charges) and _charge_ok(Fraction(0), n, charges)):
                    continue
                fam = {2 * m + 1: "A.4", 2 * m: "A.5", 2 * m - 1: "A.6"}.get(n)
                if fam is not None:
                    if fam == "A.5" and m % 2:
                        ref = None  # Witten-violating member of the n = 2m ansatz
                    else:
                        ref = FAMILIES[fam](m, a)
                    if ref is not None and [f for f in ref.fields] != [f for f in s.fields]:
                        raise RuntimeError(f"{fam} m={m} differs from the scan solution")
                s.name = fam or "N3"
                sol = _solution("1DL+1ML", (n, m), s, fam)
                if _keep(sol, filter):
                    out.append(sol)
    return out


def _half_values(n: int, y_max: Fraction, mode: str):
    """Positive Y <= y_max with 2Y integer, and Y + (n-1)/2 integer in 'integer' mode."""
    for twoY in range(1, int(2 * y_max) + 1):
        Y = Fraction(twoY, 2)
        if _charge_ok(Y, n, mode):
            yield Y


def _is_A11(n, m, Y1, Y3) -> bool:
    lo = min(n, m)
    return {(n, Y1), (m, Y3)} == {(lo + 1, Fraction(lo, 2)), (lo, Fraction(lo + 1, 2))}


def scan_2DL(n_max=10, m_max=10, alpha_BL=1, charges="integer", y_max=None, filter: Callable | None = None) -> list[Solution]:
    """All two-DL-pair solutions (A.7) with 1 <= n, m <= max, n != m, and 0 < Y1, Y3 <= y_max.

    The solution set at fixed (n, m) is the conic n Y1^2 - m Y3^2 = T(m) - T(n) (`twoDL_consistency`,
    equivalent to A.8-A.9), infinite in general (generalised Pell equation); the scan is therefore
    truncated at y_max, default (max(n, m) + 1)/2.  This bound contains every solution that can satisfy
    (ii): a neutral component needs |Y| <= (n-1)/2, and a Higgs-connected partner has |Y| larger by 1/2.
    Spectra are built at shift = 0, where X1 = X2 and X3 = X4, so every X-condition of a Higgs Yukawa
    between the pairs holds (for p = 1, as in A.11, it holds for every shift: see Solution.notes)."""
    _check_mode(charges, ("integer", "half"))
    n_max, m_max, a = _int("n_max", n_max, 1), _int("m_max", m_max, 1), _alpha(alpha_BL)
    if y_max is not None:
        y_max = validate.charge(y_max, "y_max")
    ywork = 2 * (max(n_max, m_max) + 1) if y_max is None else max(1, int(2 * abs(y_max)))
    validate.work(n_max * m_max * ywork, validate.SCAN_WORK_MAX, "scan_2DL", "lower n_max, m_max or y_max")
    out = []
    for n in range(1, n_max + 1):
        for m in range(1, m_max + 1):
            if n == m:
                continue
            ymax = Fraction(max(n, m) + 1, 2) if y_max is None else as_fraction(y_max, "y_max")
            c = su2_dynkin(m) - su2_dynkin(n)
            for Y1 in _half_values(n, ymax, charges):
                Y3 = rational_sqrt((n * Y1 * Y1 - c) / m)
                if not Y3 or Y3 > ymax or not _charge_ok(Y3, m, charges):
                    continue
                s = solve_2DL(n, m, Y1, Y3, a, 0)
                fam = "A.11" if _is_A11(n, m, Y1, Y3) else None
                s.name = fam or "2DL"
                p = Fraction(m) * Y3 / (n * Y1)
                note = "p = 1: Higgs-Yukawa X-condition holds for every shift" if p == 1 else f"p = {p}"
                sol = _solution("2DL", (n, m, Y1, Y3), s, fam, note)
                if _keep(sol, filter):
                    out.append(sol)
    return out


def scan_1DL2ML(m_max=50, n1_max=50, n2_max=50, alpha_BL=1, patterns=tuple(PATTERNS_1DL2ML), charges="half",
                filter: Callable | None = None) -> list[Solution]:
    """All 1 DL + 2 ML solutions (A.12) with 2 <= n1 <= n2, n1 <= n1_max, n2 <= n2_max, 1 <= m <= m_max,
    for each sign pattern (A.13, A.14, A.16, all-equal).  Integer arithmetic in the loop:
    4 Y^2 = -(s1 f(n1) + s2 f(n2) + 2 f(m))/(6 m) must be a perfect square (charges 'half'/'integer')."""
    _check_mode(charges, ("integer", "half"))
    m_max, n1_max, n2_max, a = _int("m_max", m_max, 1), _int("n1_max", n1_max, 2), _int("n2_max", n2_max, 2), _alpha(alpha_BL)
    for p in patterns:
        if p not in PATTERNS_1DL2ML:
            raise ValueError(f"pattern must be one of {sorted(PATTERNS_1DL2ML)}, got {p!r}")
    validate.work(len(patterns) * m_max * n1_max * n2_max // 2, validate.SCAN_WORK_MAX, "scan_1DL2ML",
                  "lower m_max, n1_max or n2_max")
    f = [_f(k) for k in range(max(m_max, n1_max, n2_max) + 1)]
    out = []
    for p in patterns:
        s1, s2 = PATTERNS_1DL2ML[p]
        for m in range(1, m_max + 1):
            d = 6 * m
            for n1 in range(2, n1_max + 1):
                for n2 in range(n1, n2_max + 1):
                    num = -(s1 * f[n1] + s2 * f[n2] + 2 * f[m])
                    if num <= 0 or num % d:
                        continue
                    k = math.isqrt(num // d)  # k = 2Y
                    if k * k * d != num:
                        continue
                    Y = Fraction(k, 2)
                    if charges == "integer" and not (integer_charges(m, Y) and n1 % 2 and n2 % 2):
                        continue
                    s = solve_1DL2ML(n1, n2, m, p, a)
                    fam = None
                    if p == "A.14" and n1 + n2 == 2 * m and Y == Fraction(n2 - n1, 4):
                        fam = "A.15"
                    if p == "A.16" and n2 == n1 + 2 * m:
                        fam = "A.17"
                    s.name = fam or p
                    sol = _solution("1DL+2ML", (p, n1, n2, m), s, fam)
                    if _keep(sol, filter):
                        out.append(sol)
    return out


def scan_all(filter: Callable | None = None) -> dict:
    """The scans over the ranges stated in Appendix A, with timings (s):
    N_Psi = 3 (n, m <= 10, rational Y), 2DL (n, m <= 10, integer charges), 1DL+2ML (m, n1, n2 <= 50, 2Y integer)."""
    res, times = {}, {}
    for key, fn in (("nPsi3", lambda: scan_nPsi3(10, 10, 1, "rational", filter)),
                    ("2DL", lambda: scan_2DL(10, 10, 1, "integer", None, filter)),
                    ("1DL+2ML", lambda: scan_1DL2ML(50, 50, 50, 1, tuple(PATTERNS_1DL2ML), "half", filter))):
        t0 = time.perf_counter()
        res[key] = fn()
        times[key] = time.perf_counter() - t0
    res["times"] = times
    return res


# ---------------------------------------------------------------------------------------------
# Tables 2 and 3 generated from the scans
# ---------------------------------------------------------------------------------------------
def table2_rows(m_max=6, alpha_BL=1, filter: Callable | None = None) -> list[tuple]:
    """Table 2: rows (n, m, Y, X_S/(3 alpha)) of the N_Psi = 3 solutions passing (i)-(iii) from
    `scan_nPsi3` (integer charges), n, m <= 2 m_max - 1, m_max; sorted by m.  With the paper's
    naturalness filter the integrator passes `filter`; without it rows m = 2..m_max are returned."""
    a = _alpha(alpha_BL)
    sols = scan_nPsi3(2 * m_max - 1, m_max, a, "integer", filter)
    rows = []
    for s in sols:
        if s.criteria.all_ok:
            n, m = s.key
            rows.append((n, m, s.spectrum.multiplets[1].Y, s.spectrum.X_S / (3 * a)))
    return sorted(rows, key=lambda r: r[1])


def table3_rows(m_max=6, alpha_BL=1, convention="paper", filter: Callable | None = None) -> list[tuple]:
    """Table 3: rows (n, m, Y1, Y3, X1/(3a), X2/(3a)) of the 2DL solutions passing (i)-(iii), from `scan_2DL`.

    n < m is the smaller SU(2) dimension.  X entries are pairs (c, k) meaning c*Xhat + k with Xhat the shift
    in units of 3 alpha.  convention="paper": X1, X2 as printed in Table 3, which are the charges of the
    (m, Y3) pair (A.11's Psi_1,2); convention="eq-2.13": X1, X2 of the (n, Y1) pair as Eq. (2.13) labels them.
    """
    if convention not in ("paper", "eq-2.13"):
        raise ValueError(f"convention must be 'paper' or 'eq-2.13', got {convention!r}")
    a = _alpha(alpha_BL)
    rows = []
    for s in scan_2DL(m_max + 1, m_max + 1, a, "integer", None, filter):
        if not s.criteria.all_ok:
            continue
        n, m, Y1, Y3 = s.key
        if n > m:
            continue  # each solution appears twice (pairs swapped); keep n < m
        pairs = s.spectrum.multiplets
        S = pairs[0].fields[0].X + pairs[0].fields[1].X    # X1 + X2 of the (n, Y1) pair
        # with shift Xhat = (X_a - X_b)/2 of the quoted pair, (X_a, X_b) = (+Xhat + S_q/2, -Xhat + S_q/2)
        Sq = -S if convention == "paper" else S
        k = Sq / 2 / (3 * a)
        rows.append((n, m, Y1, Y3, (1, k), (-1, k)))
    return sorted(rows, key=lambda r: r[0])


# ---------------------------------------------------------------------------------------------
# Coloured anomalons, Eqs. (A.18)-(A.23)
# ---------------------------------------------------------------------------------------------
def colour_conditions(fields, alpha_BL) -> dict:
    """Totals of (A.18), (A.19), (A.20) (SM + anomalons, colour multiplicity N included) and (A.21)
    (anomalons only; the SM gives no [SU(3)^2 U(1)_X] anomaly)."""
    a = as_fraction(alpha_BL, "alpha_BL")
    fields = list(fields)
    tot = AnomalyReport(ChargeAssignment(alpha_B=a), fields).total
    a21 = anomaly_coefficients(fields, ("A.21",))["A.21"]
    return {"A.18": tot["2.4"], "A.19": tot["2.5"], "A.20": tot["2.6"], "A.21": a21}


def colour_A22(alpha_BL=1, shift=0, reading="printed") -> list[Fermion]:
    """Eq. (A.22), 2DL with colour: (SU(3), SU(2), Y, X)
    Psi_1 (6, 6, 5/2, (10X - a)/60), Psi_2 (6, 6, 5/2, (-10X - a)/60),
    Psi_3 (8, 5, 3, (10X + a)/80),    Psi_4 (8, 5, 3, (10X - a)/80).
    reading: "printed" = literally; "DL" = Psi_2, Psi_4 with -Y (a DL pair needs opposite Y; the 6-bar is
    not distinguished from the 6 here); "DL-rescaled" = also Psi_4 X = (-10X + a)/80, which is what
    rescaling A.11 (m = 5) by X -> X/N gives."""
    a, X = as_fraction(alpha_BL, "alpha_BL"), as_fraction(shift, "shift")
    if reading not in ("printed", "DL", "DL-rescaled"):
        raise ValueError(f"reading must be 'printed', 'DL' or 'DL-rescaled', got {reading!r}")
    sg = 1 if reading == "printed" else -1
    x4 = (10 * X - a) / 80 if reading != "DL-rescaled" else (-10 * X + a) / 80
    return [Fermion("Psi1", 6, Fraction(5, 2), (10 * X - a) / 60, "L", 6),
            Fermion("Psi2", 6, sg * Fraction(5, 2), (-10 * X - a) / 60, "L", 6),
            Fermion("Psi3", 5, Fraction(3), (10 * X + a) / 80, "L", 8),
            Fermion("Psi4", 5, sg * Fraction(3), x4, "L", 8)]


def colour_A23(alpha_BL=1) -> list[Fermion]:
    """Eq. (A.23), 1DL-1ML with colour: Psi_1 (8, 5, 0, -a/48), Psi_2,3 (10, 2, +-3/2, a/60)."""
    a = as_fraction(alpha_BL, "alpha_BL")
    return [Fermion("Psi1", 5, 0, -a / 48, "L", 8), Fermion("Psi2", 2, Fraction(3, 2), a / 60, "L", 10),
            Fermion("Psi3", 2, -Fraction(3, 2), a / 60, "L", 10)]


def colour_mass_charges(fields) -> dict:
    """|X| carried by each S mass term, assuming the field order ML..., DL pairs as consecutive fields with
    opposite Y: {'Psi1': 2|X| for ML, 'Psi2+Psi3': |X2+X3| for a DL pair}; criterion (i) needs one value."""
    fields, out, i = list(fields), {}, 0
    while i < len(fields):
        f = fields[i]
        if f.Y == 0:
            out[f.name] = abs(2 * f.X)
            i += 1
        else:
            g = fields[i + 1]
            out[f"{f.name}+{g.name}"] = abs(f.X + g.X)
            i += 2
    return out


def scan_colour_nPsi3(n_max=10, m_max=10, alpha_BL=1, charges="integer") -> list[dict]:
    """Coloured 1DL+1ML: ML (N1 real: 1 or 8; n, 0, X1), DL (N2, m, +-Y, x), X1 = sigma x (one S).
    (A.19): x = 3a/(4 m N2 Y^2); (A.18): Y^2 = -(sigma N1 T(n) + 2 N2 T(m))/(2 m N2); (A.21):
    sigma n T(N1) + 2 m T(N2) = 0.  Returns the solutions with at least one coloured field, each re-checked."""
    a = _alpha(alpha_BL)
    n_max, m_max = _int("n_max", n_max, 1), _int("m_max", m_max, 1)
    validate.work(20 * n_max * m_max, validate.SCAN_WORK_MAX, "scan_colour_nPsi3")
    out = []
    for N1 in (1, 8):
        for N2 in SU3_DYNKIN:
            if N1 == 1 and N2 == 1:
                continue
            for n in range(3, n_max + 1, 2):
                for m in range(1, m_max + 1):
                    for sigma in (1, -1):
                        if sigma * n * SU3_DYNKIN[N1] + 2 * m * SU3_DYNKIN[N2] != 0:
                            continue
                        Y = rational_sqrt(-(sigma * N1 * su2_dynkin(n) + 2 * N2 * su2_dynkin(m)) / (2 * m * N2))
                        if not Y or not _charge_ok(Y, m, charges):
                            continue
                        x = 3 * a / (4 * m * N2 * Y * Y)
                        fs = [Fermion("Psi1", n, 0, sigma * x, "L", N1), Fermion("Psi2", m, Y, x, "L", N2),
                              Fermion("Psi3", m, -Y, x, "L", N2)]
                        c = colour_conditions(fs, a)
                        assert all(v == 0 for v in c.values())
                        out.append({"N1": N1, "n": n, "N2": N2, "m": m, "Y": Y, "fields": fs})
    return out


def scan_colour_2DL(n_max=10, m_max=10, alpha_BL=1, charges="integer", y_max=None) -> list[dict]:
    """Coloured 2DL: (N_A, n, +-Y1) and (N_B, m, +-Y3), S_B = sigma S_A (one S).  (A.21):
    n T(N_A) + sigma m T(N_B) = 0 (so sigma = -1 unless both colourless); (A.18): S_A (N_A T(n) - N_B T(m)) = -3a/2;
    (A.19): n N_A Y1^2 - m N_B Y3^2 = N_B T(m) - N_A T(n); (A.20) fixed by the pair differences.
    Returns solutions with at least one coloured pair (n <= m ordering not imposed), each re-checked (shift 0)."""
    a = _alpha(alpha_BL)
    n_max, m_max = _int("n_max", n_max, 1), _int("m_max", m_max, 1)
    if y_max is not None:
        y_max = validate.charge(y_max, "y_max")
    ywork = 2 * (max(n_max, m_max) + 1) if y_max is None else max(1, int(2 * abs(y_max)))
    validate.work(25 * n_max * m_max * ywork, validate.SCAN_WORK_MAX, "scan_colour_2DL")
    out = []
    for NA in SU3_DYNKIN:
        for NB in SU3_DYNKIN:
            if NA == 1 and NB == 1:
                continue
            for n in range(1, n_max + 1):
                for m in range(1, m_max + 1):
                    if n * SU3_DYNKIN[NA] != m * SU3_DYNKIN[NB]:
                        continue
                    den = NA * su2_dynkin(n) - NB * su2_dynkin(m)
                    if den == 0 or (NA, n) > (NB, m):
                        continue
                    SA = -Fraction(3, 2) * a / den
                    c = NB * su2_dynkin(m) - NA * su2_dynkin(n)
                    ymax = Fraction(max(n, m) + 1, 2) if y_max is None else as_fraction(y_max, "y_max")
                    for Y1 in _half_values(n, ymax, charges):
                        Y3 = rational_sqrt((n * NA * Y1 * Y1 - c) / (m * NB))
                        if not Y3 or Y3 > ymax or not _charge_ok(Y3, m, charges):
                            continue
                        fs = [Fermion("Psi1", n, Y1, SA / 2, "L", NA), Fermion("Psi2", n, -Y1, SA / 2, "L", NA),
                              Fermion("Psi3", m, Y3, -SA / 2, "L", NB), Fermion("Psi4", m, -Y3, -SA / 2, "L", NB)]
                        cc = colour_conditions(fs, a)
                        assert all(v == 0 for v in cc.values()), cc
                        out.append({"NA": NA, "n": n, "Y1": Y1, "NB": NB, "m": m, "Y3": Y3, "fields": fs})
    return out


# ---------------------------------------------------------------------------------------------
# Text/markdown summaries (used by the notebook; no physics here)
# ---------------------------------------------------------------------------------------------
def fields_text(spectrum: Spectrum, alpha_unit: bool = True) -> str:
    """'(n, Y, X)' of every field, X in units of alpha_{B+L} (alpha = 1 scans) or with colour if coloured."""
    out = []
    for f in spectrum.fields:
        col = f"{f.colour}, " if f.colour != 1 else ""
        out.append(f"({col}{f.n}, {f.Y}, {f.X})")
    return " ".join(out)


def summary_counts(solutions) -> list[tuple]:
    """Rows (family or pattern, #solutions, #integer charges, #pass (i), #pass (ii), #pass (iii), #pass all)."""
    groups = {}
    for s in solutions:
        groups.setdefault(s.family or s.spectrum.name, []).append(s)
    rows = []
    for key in sorted(groups, key=str):
        g = groups[key]
        rows.append((key, len(g), sum(s.integer_charges for s in g), sum(s.criteria.i.ok for s in g),
                     sum(s.criteria.ii.ok for s in g), sum(s.criteria.iii.ok for s in g), sum(s.criteria.all_ok for s in g)))
    return rows


SUMMARY_HEADERS = ("family / pattern", "solutions", "integer Q", "(i)", "(ii)", "(iii)", "all")

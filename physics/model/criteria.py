"""Phenomenological selection criteria (i)-(iii) of Sec. 2.2 of arXiv:2603.04394.

* (i)   every anomalon gets its mass from the single scalar S: a Majorana-like (ML) field needs Y = 0,
        n odd (footnote 2: the Majorana mass of a pseudoreal, n even, multiplet vanishes), n > 1 and
        X = +-X_S/2; a Dirac-like (DL) pair needs n_1 = n_2, Y_1 = -Y_2 != 0 and X_1 + X_2 = +-X_S.
* (ii)  stable anomalons are electrically neutral.  Without Higgs Yukawas each ML field / DL pair has its
        own stable lightest particle (LP): neutral for an ML field (n odd), neutral for a DL pair iff
        |Y| = (n-1)/2.  The splittings come from Eq. (2.10).
* (iii) perturbativity of SU(2)_L, Eq. (2.11): (T3 g)^2/(4 pi) <~ 1 with |T3| = (n-1)/2.

All anomalons are left-handed Weyl multiplets (`physics.model.charges.Fermion`, chirality "L"); a right-handed
field is converted with `Fermion.as_left_handed()` before any check.  Charges are exact Fractions.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

from physics.model.charges import Fermion, as_fraction, check_dimension

# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------
from physics.inputs import CW_MSBAR, CW_ON_SHELL, G2_MZ, M_W  # PDG 2024, sources in physics.inputs

#: SU(2)_L coupling of the perturbativity criterion (iii), Eq. (2.11): the MS-bar g(m_Z) = 0.6517 of PDG 2024
#: (the paper quotes it rounded; both give the same largest n).
G2_PERTURBATIVITY = G2_MZ


def radiative_splitting_unit(g: float = G2_MZ, mW: float = M_W, cW: float = CW_MSBAR) -> float:
    """The unit of Eq. (2.10) in GeV, computed: alpha_2 m_W sin^2(theta_W/2) (heavy-multiplet limit of the one-loop
    electroweak mass splitting, Cirelli, Fornengo, Strumia, hep-ph/0512090, Eq. (8)).

    Default: MS-bar g(m_Z) and c_W(m_Z) with the W pole mass (PDG 2024) -> 0.1674 GeV.  The paper quotes 166 MeV from
    its Ref. [30]; that printed value lives in `physics.paper.printed` and is passed as `delta` where the book
    reproduces the paper's numbers.
    """
    for name, v in (("g", g), ("mW", mW)):
        if not (isinstance(v, (int, float)) and math.isfinite(v) and v > 0):
            raise ValueError(f"{name} must be positive and finite, got {v!r}")
    if not (isinstance(cW, (int, float)) and math.isfinite(cW) and 0 < cW <= 1):
        raise ValueError(f"cW must be a finite cosine in (0, 1], got {cW!r}")
    return g**2 / (4 * math.pi) * mW * (1 - cW) / 2

#: The SM Higgs doublet H ~ (1, 2, 1/2, X = 0): the U(1)_X generator of Eq. (1.1) leaves H neutral.
HIGGS_QN = {"n": 2, "Y": Fraction(1, 2), "X": Fraction(0)}


# ---------------------------------------------------------------------------------------------
# Single-multiplet properties
# ---------------------------------------------------------------------------------------------
def _n(n) -> int:
    return check_dimension(n)


def _q(value, what="hypercharge") -> Fraction:
    if value is None or isinstance(value, complex):
        raise ValueError(f"{what} must be a rational number, got {value!r}")
    return as_fraction(value, what)


def is_pseudoreal(n) -> bool:
    """An SU(2) n-plet is pseudoreal for n even (footnote 2 of Sec. 2.2)."""
    return _n(n) % 2 == 0


def integer_charges(n, Y) -> bool:
    """True if all components Q = T3 + Y of the (n, Y) multiplet are integers, i.e. Y + (n-1)/2 in Z."""
    return (_q(Y) + Fraction(_n(n) - 1, 2)).denominator == 1


def has_neutral_component(n, Y) -> bool:
    """Sec. 2.2 (ii): the (n, Y) multiplet has a Q = 0 component iff Y + (n-1)/2 is an integer and
    |Y| <= (n-1)/2 (for Y = 0 this is 'n odd')."""
    n, Y = _n(n), _q(Y)
    return integer_charges(n, Y) and abs(Y) <= Fraction(n - 1, 2)


def ml_mass_allowed(n, Y) -> bool:
    """Criterion (i): an ML mass Psi Psi^C <S> needs Y = 0, n odd (footnote 2) and n > 1."""
    n, Y = _n(n), _q(Y)
    return Y == 0 and n % 2 == 1 and n > 1


def ml_mass_reason(n, Y) -> str:
    n, Y = _n(n), _q(Y)
    if Y != 0:
        return f"Y = {Y} != 0"
    if n == 1:
        return "n = 1: SM singlet"
    if n % 2 == 0:
        return f"n = {n} even: pseudoreal, Majorana mass vanishes (footnote 2)"
    return "ok"


def dl_mass_allowed(n1, Y1, n2, Y2) -> bool:
    """Criterion (i): a DL pair needs n1 = n2 and Y1 = -Y2 != 0."""
    n1, n2, Y1, Y2 = _n(n1), _n(n2), _q(Y1), _q(Y2)
    return n1 == n2 and Y1 == -Y2 and Y1 != 0


def ml_charge_ok(X, X_S) -> bool:
    """Criterion (i): X = +-X_S/2 for an ML field (X_S != 0)."""
    X, X_S = _q(X, "X"), _q(X_S, "X_S")
    return X_S != 0 and abs(X) == abs(X_S) / 2


def dl_charge_ok(X1, X2, X_S) -> bool:
    """Criterion (i): X1 + X2 = +-X_S for a DL pair (X_S != 0)."""
    X1, X2, X_S = _q(X1, "X1"), _q(X2, "X2"), _q(X_S, "X_S")
    return X_S != 0 and abs(X1 + X2) == abs(X_S)


def radiative_splitting(Q, Y, cW: float = CW_ON_SHELL, delta: float | None = None) -> float:
    """m_Q - m_0 in GeV from electroweak loops, Eq. (2.10): delta * Q (Q + 2Y/c_W).

    Q is the electric charge of the component (the neutral one has Q = 0), Y the hypercharge of the
    multiplet that contains both.  Symmetric under (Q, Y) -> (-Q, -Y).  Default c_W = m_W/m_Z (on-shell,
    PDG 2024); pass `CW_MSBAR` for the MS-bar value.  `delta` (GeV) is the unit of Eq. (2.10): by default the computed
    `radiative_splitting_unit()`; the paper's printed 166 MeV is passed by `physics.paper`.  Vectorised over Q.
    """
    import numpy as np

    delta = radiative_splitting_unit() if delta is None else delta
    if not (isinstance(delta, (int, float)) and math.isfinite(delta) and delta > 0):
        raise ValueError(f"delta (GeV) must be positive and finite, got {delta!r}")

    if not (isinstance(cW, (int, float)) and math.isfinite(cW) and 0 < cW <= 1):
        raise ValueError(f"cW must be a finite cosine in (0, 1], got {cW!r}")
    Yf = float(_q(Y))
    Qa = np.asarray(Q, dtype=float)
    if not np.all(np.isfinite(Qa)):
        raise ValueError(f"component charge Q must be finite, got {Q!r}")
    out = delta * Qa * (Qa + 2.0 * Yf / cW)
    return float(out) if out.ndim == 0 else out


def component_charges(n, Y) -> list[Fraction]:
    """Q = T3 + Y of the n components, highest first."""
    n, Y = _n(n), _q(Y)
    return [Fraction(n - 1, 2) - k + Y for k in range(n)]


def lightest_is_neutral(n, Y, kind: str = "DL", cW: float = CW_ON_SHELL) -> bool:
    """Sec. 2.2 (ii) without Higgs Yukawas: is the lightest component of an ML field / DL pair neutral?

    Uses the splittings of Eq. (2.10) relative to the neutral component: True iff a neutral component
    exists and every charged component is heavier.  (The paper states the closed form: always for an ML
    field, |Y| = (n-1)/2 for a DL pair; the tests check the two agree.)
    """
    if kind not in ("ML", "DL"):
        raise ValueError(f"kind must be 'ML' or 'DL', got {kind!r}")
    n, Y = _n(n), _q(Y)
    if kind == "ML" and Y != 0:
        raise ValueError(f"an ML field has Y = 0, got Y = {Y}")
    if not has_neutral_component(n, Y):
        return False
    if not (isinstance(cW, (int, float)) and math.isfinite(cW) and 0 < cW <= 1):
        raise ValueError(f"cW must be a finite cosine in (0, 1], got {cW!r}")
    y = 2.0 * float(Y) / cW  # Eq. (2.10) term by term (scalar floats: this runs inside the scans)
    top = Y + Fraction(n - 1, 2)  # integer here: the charges are top, top-1, ..., top-n+1
    return all(q * (q + y) > 0 for q in range(int(top) - n + 1, int(top) + 1) if q != 0)


# ---------------------------------------------------------------------------------------------
# Perturbativity, Eq. (2.11)
# ---------------------------------------------------------------------------------------------
def perturbativity_ratio(n, g: float = G2_PERTURBATIVITY) -> float:
    """(T3 g)^2 / (4 pi) for the largest |T3| = (n-1)/2 of an n-plet, Eq. (2.11)."""
    n = _n(n)
    if not (math.isfinite(g) and g > 0):
        raise ValueError(f"gauge coupling g must be positive and finite, got {g!r}")
    return ((n - 1) / 2 * g) ** 2 / (4 * math.pi)


def max_perturbative_n(g: float = G2_PERTURBATIVITY, bound: float = 1.0) -> int:
    """Largest integer n with (T3 g)^2/(4 pi) <= bound, |T3| = (n-1)/2, Eq. (2.11).

    For g = 0.65 this is n = 11 ((n-1)/2 <= sqrt(4 pi)/g = 5.454, n <= 11.9); the text says 'n <~ 10'.
    """
    if not (math.isfinite(g) and g > 0 and math.isfinite(bound) and bound > 0):
        raise ValueError(f"g and bound must be positive and finite, got g={g!r}, bound={bound!r}")
    nmax = int(math.floor(1 + 2 * math.sqrt(4 * math.pi * bound) / g))
    while perturbativity_ratio(nmax, g) > bound:  # guard against rounding at the edge
        nmax -= 1
    return nmax


# ---------------------------------------------------------------------------------------------
# Renormalisable Yukawas with the SM Higgs, L_PsiH of Eq. (2.1)
# ---------------------------------------------------------------------------------------------
def higgs_yukawa(fa: Fermion, fb: Fermion) -> list[str]:
    """Renormalisable Higgs Yukawas between two anomalon multiplets (list of allowed operators, [] if none).

    With both fields written left-handed (psi_a, psi_b), the only Lorentz-invariant dimension-4 couplings
    to the Higgs are psi_a psi_b H and psi_a psi_b H~ (H~ = i sigma_2 H^*, Y = -1/2) plus h.c.
    (psi^dagger psi H is a Lorentz vector and needs a derivative).  Gauge invariance requires
      SU(2): |n_a - n_b| = 1 (n_a x n_b contains a doublet);
      U(1)_Y: Y_a + Y_b + 1/2 = 0 (for H) or Y_a + Y_b - 1/2 = 0 (for H~);
      U(1)_X: X_a + X_b = 0 (H carries no X charge, Eq. 1.1);
      SU(3): equal colour dimension (the conjugate pairing is assumed; colour conjugation is not tracked).
    """
    a, b = fa.as_left_handed(), fb.as_left_handed()
    if abs(a.n - b.n) != 1 or a.X + b.X != 0 or a.colour != b.colour:
        return []
    ops = []
    if a.Y + b.Y + Fraction(1, 2) == 0:
        ops.append(f"{a.name} {b.name} H")
    if a.Y + b.Y - Fraction(1, 2) == 0:
        ops.append(f"{a.name} {b.name} H~")
    return ops


def higgs_yukawas(fields) -> list[tuple]:
    """All (i, j, operator) with i < j such that `higgs_yukawa(fields[i], fields[j])` is allowed."""
    fields = list(fields)
    return [(i, j, op) for i, j in combinations(range(len(fields)), 2) for op in higgs_yukawa(fields[i], fields[j])]


# ---------------------------------------------------------------------------------------------
# Criteria applied to a Spectrum
# ---------------------------------------------------------------------------------------------
@dataclass
class Verdict:
    ok: bool
    reason: str


@dataclass
class CriteriaReport:
    """Verdicts of criteria (i)-(iii) of Sec. 2.2 for one `physics.model.spectrum.Spectrum`."""

    name: str
    i: Verdict
    ii: Verdict
    iii: Verdict
    X_S: Fraction | None
    higgs_yukawas: list = field(default_factory=list)

    @property
    def all_ok(self) -> bool:
        return self.i.ok and self.ii.ok and self.iii.ok

    def failed(self) -> list[str]:
        return [k for k in ("i", "ii", "iii") if not getattr(self, k).ok]

    def summary(self) -> str:
        return "; ".join(f"({k}) {'ok' if getattr(self, k).ok else 'FAIL'}: {getattr(self, k).reason}" for k in ("i", "ii", "iii"))


def criterion_i(spectrum) -> tuple[Verdict, Fraction | None]:
    """Criterion (i): every multiplet has an S mass term and all need the same |X_S| != 0."""
    problems = []
    for k, m in enumerate(spectrum.multiplets):
        if m.kind == "ML":
            f = m.fields[0]
            if not ml_mass_allowed(f.n, f.Y):
                problems.append(f"ML {f.name}: {ml_mass_reason(f.n, f.Y)}")
        else:
            f1, f2 = m.fields
            if not dl_mass_allowed(f1.n, f1.Y, f2.n, f2.Y):
                problems.append(f"DL ({f1.name}, {f2.name}): needs equal n and Y1 = -Y2 != 0")
            if f1.colour != f2.colour:
                problems.append(f"DL ({f1.name}, {f2.name}): colour reps must be conjugate (equal dimension)")
    charges = {m.mass_charge for m in spectrum.multiplets}
    X_S = None
    if len(charges) != 1:
        problems.append(f"multiplets need different scalar charges |X_S| = {sorted(charges)}")
    else:
        X_S = charges.pop()
        if X_S == 0:
            problems.append("X_S = 0: the mass terms are S-independent (vector-like under the full gauge group)")
            X_S = None
    return Verdict(not problems, "; ".join(problems) or f"all masses from one S with |X_S| = {X_S}"), X_S


def criterion_ii(spectrum, cW: float = CW_ON_SHELL) -> tuple[Verdict, list]:
    """Criterion (ii): stable anomalons neutral.

    Multiplets are grouped by renormalisable Higgs Yukawas (`higgs_yukawas`).  An isolated ML field / DL
    pair must have a neutral lightest particle (`lightest_is_neutral`).  For a group connected by Higgs
    Yukawas the LP depends on the Yukawa couplings (Sec. 2.2 (ii), last paragraph): the verdict is 'can be
    satisfied' iff the group contains a neutral component and all its charges are integers.
    """
    mults = list(spectrum.multiplets)
    fields, owner = [], []
    for k, m in enumerate(mults):
        for f in m.fields:
            fields.append(f)
            owner.append(k)
    yuk = higgs_yukawas(fields)
    parent = list(range(len(mults)))

    def root(a):
        while parent[a] != a:
            a = parent[a]
        return a

    for i, j, _ in yuk:
        ri, rj = root(owner[i]), root(owner[j])
        if ri != rj:
            parent[ri] = rj
    groups = {}
    for k in range(len(mults)):
        groups.setdefault(root(k), []).append(k)
    problems, notes = [], []
    for members in groups.values():
        if len(members) == 1:
            m = mults[members[0]]
            f = m.fields[0]
            if m.kind == "ML" and f.Y != 0:
                problems.append(f"{f.name}: ML field with Y != 0")
            elif not lightest_is_neutral(f.n, f.Y, m.kind, cW):
                why = ("no neutral component" if not has_neutral_component(f.n, f.Y)
                       else f"|Y| = {abs(f.Y)} != (n-1)/2 = {Fraction(f.n - 1, 2)}: charged LP")
                problems.append(f"{m.kind} {f.name} (n={f.n}, Y={f.Y}): {why}")
        else:
            fs = [f for k in members for f in mults[k].fields]
            names = ",".join(f.name for f in fs)
            if not all(integer_charges(f.n, f.Y) for f in fs):
                problems.append(f"Higgs-connected group ({names}): non-integer charges")
            elif not any(has_neutral_component(f.n, f.Y) for f in fs):
                problems.append(f"Higgs-connected group ({names}): no neutral component")
            else:
                notes.append(f"Higgs Yukawas connect ({names}); LP neutral for suitable Yukawas")
    if problems:
        return Verdict(False, "; ".join(problems)), yuk
    return Verdict(True, "; ".join(notes) or "every multiplet has a neutral LP"), yuk


def criterion_iii(spectrum, g: float = G2_PERTURBATIVITY, bound: float = 1.0) -> Verdict:
    """Criterion (iii), Eq. (2.11): every n <= max_perturbative_n(g, bound)."""
    nmax = max_perturbative_n(g, bound)
    bad = sorted({f.n for f in spectrum.fields if f.n > nmax})
    if bad:
        return Verdict(False, f"n = {bad} > {nmax} violates Eq. (2.11) with g = {g}")
    return Verdict(True, f"all n <= {nmax}")


def check_criteria(spectrum, cW: float = CW_ON_SHELL, g: float = G2_PERTURBATIVITY) -> CriteriaReport:
    """Apply criteria (i)-(iii) of Sec. 2.2 to a `physics.model.spectrum.Spectrum`."""
    if not hasattr(spectrum, "multiplets"):
        raise ValueError(f"expected a physics.model.spectrum.Spectrum, got {type(spectrum).__name__}")
    vi, X_S = criterion_i(spectrum)
    vii, yuk = criterion_ii(spectrum, cW)
    viii = criterion_iii(spectrum, g)
    return CriteriaReport(spectrum.name, vi, vii, viii, X_S, yuk)


def allowed_mass_terms(fields, X_S) -> list[tuple]:
    """All S mass terms allowed by criterion (i) among left-handed `fields` for scalar charge X_S.

    Returns tuples ("ML", i) for Psi_i Psi_i S^(dagger) (Y = 0, n odd > 1, X_i = +-X_S/2) and
    ("DL", i, j) for Psi_i Psi_j S^(dagger) (n_i = n_j, Y_i = -Y_j != 0, X_i + X_j = +-X_S).
    """
    X_S = _q(X_S, "X_S")
    if X_S == 0:
        raise ValueError("X_S must be nonzero (X_S = 0 gives S-independent, vector-like masses)")
    fs = [f.as_left_handed() for f in fields]
    out = []
    for i, f in enumerate(fs):
        if ml_mass_allowed(f.n, f.Y) and ml_charge_ok(f.X, X_S):
            out.append(("ML", i))
    for i, j in combinations(range(len(fs)), 2):
        a, b = fs[i], fs[j]
        if dl_mass_allowed(a.n, a.Y, b.n, b.Y) and a.colour == b.colour and dl_charge_ok(a.X, b.X, X_S):
            out.append(("DL", i, j))
    return out

"""UV models of Sec. 4 of arXiv:2603.04394: Tables 5 and 6, Eqs. (4.1)-(4.12).

* `table2_row1_model()`  the 1DL-1ML model of Eq. (4.4): first row of Table 2 = Eq. (A.6) with m = 2
                         (DL doublet A, ML triplet B, X_S = 1 for alpha_{B+L} = 1/3).  The paper lists no
                         SM singlets for it, so only Eqs. (2.4)-(2.6) and Witten are meaningful.
* `table5_model()`       Table 5 = Eq. (A.6) with m = 3 (DL triplet A, ML quintuplet B, X_S = 1/6).
* `table6_model(shift)`  Table 6 = Eq. (A.11) with m = 1 (DL singlet A, DL doublet B, X_S = 1), any shift X.

All use alpha_tau = 1 (alpha_{B+L} = 1/3), the benchmark of Sec. 3.  Right-handed fields are
`Fermion(..., chirality="R")` with the charges printed in the tables; anomalies are summed as L - R.

Also here: the U(1)_X breaking scale (Eqs. 4.2-4.3), the 2DL mass matrices of Eq. (4.9) after EWSB,
radiative splittings (Eq. 2.10) of each multiplet, the order-of-magnitude estimates of Secs. 4.1-4.2
(relic fractions, prompt-decay and BBN thresholds) and `uv_summary` for the CLI.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from physics.model.anomalies import CONDITIONS, AnomalyReport, anomaly_coefficients, witten_ok
from physics.model.charges import ChargeAssignment, Fermion, as_fraction, check_dimension, electric_charges
# Benchmark m_X = 2.1 GeV and the printed best fit g_X = 0.018 (Secs. 3.2.5, 4); sources in physics.inputs
from physics.inputs import MX_BENCHMARK, V_EW
from physics import validate
from physics.model.operators import allowed_operators
from physics.model.unitarity import mass_from_yukawa, yukawa_bound

# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------
V_PAPER = V_EW           # GeV, <H> = v/sqrt(2), Eq. (4.1) (v ~ 246 GeV): v = (sqrt 2 G_F)^(-1/2) = 246.22 GeV, PDG 2024
TAU_BENCHMARK = ChargeAssignment(alpha_tau=1)  # alpha_tau = 1, alpha_{B+L} = 1/3: Tables 5 and 6 captions

# Thermal (freeze-out) masses used for Omega h^2 ∝ m^2 (Sec. 4.1).  Order-of-magnitude inputs.
M_THERMAL_WINO = 2.8e3        # GeV, wino-like Majorana triplet, 2.7-2.9 TeV: Hisano et al., hep-ph/0610249; Cirelli, Strumia, Tamburini, arXiv:0706.4071
M_THERMAL_WINO_RANGE = (2.7e3, 2.9e3)  # GeV, same sources
M_THERMAL_HIGGSINO = 1.1e3    # GeV, Higgsino-like Dirac doublet, 1.0-1.2 TeV: Cirelli, Fornengo, Strumia, hep-ph/0512090 (1.0 TeV); common value 1.1 TeV
M_THERMAL_HIGGSINO_RANGE = (1.0e3, 1.2e3)  # GeV, same sources
CTAU_PROMPT = 1.0e-3          # m, our reading of "prompt compared to the detector resolution" (Sec. 4.2): c tau < 1 mm
TAU_BBN = 1.0                 # s, "conservatively tau_B0 <~ 1 s", arXiv:2603.04394 Sec. 4.2
HBARC_GEV_M = 1.973269804e-16  # GeV m, PDG 2024 Table 1.1 (hbar c = 197.3269804 MeV fm)

MODELS = ("table2_row1", "table5", "table6")


# ---------------------------------------------------------------------------------------------
# Field content
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AnomalonMultiplet:
    """A massive anomalon multiplet of a UV model: name ('A'/'B'), kind, n, |Y|, its Weyl fields' names,
    the Yukawa that gives it mass and the equation of its unitarity bound."""

    name: str
    kind: str
    n: int
    Y: Fraction
    fields: tuple
    yukawa: str
    unitarity_eq: str

    @property
    def label(self) -> str:
        rep = {1: "singlet", 2: "doublet", 3: "triplet", 5: "quintuplet"}.get(self.n, f"{self.n}-plet")
        return f"{self.name} ({self.kind} {rep})"


@dataclass
class UVModel:
    """Field content of a UV model of Sec. 4 (anomalons, SM singlets, the scalar charge X_S)."""

    name: str
    anomalons: list
    singlets: list
    X_S: Fraction
    multiplets: tuple
    alphas: ChargeAssignment = TAU_BENCHMARK
    shift: Fraction = Fraction(0)
    source: str = ""
    params: dict = field(default_factory=dict)

    @property
    def fields(self) -> list:
        return list(self.anomalons) + list(self.singlets)

    def field(self, name: str) -> Fermion:
        for f in self.fields:
            if f.name == name:
                return f
        raise ValueError(f"unknown field {name!r} in {self.name}; fields: {[f.name for f in self.fields]}")

    def anomaly_report(self) -> AnomalyReport:
        """Eqs. (2.2)-(2.6) with the SM (alpha_tau = 1), the anomalons and the SM singlets, plus Witten."""
        return AnomalyReport(self.alphas, list(self.anomalons), list(self.singlets))

    def operators(self, include_sm_leptons: bool = True):
        """Renormalisable bilinears allowed by gauge invariance (physics.model.operators), SM leptons included."""
        return allowed_operators(self.anomalons, self.X_S, self.singlets,
                                 self.alphas if include_sm_leptons else None)


def table2_row1_model() -> UVModel:
    """Eq. (4.4) model: Table 2 row 1 = Eq. (A.6) with m = 2, alpha_{B+L} = 1/3 (X_S/(3 alpha_{B+L}) = 1).

    A_L ~ (2, 1/2, 1/2), A_R ~ (2, 1/2, -1/2) [right-handed], B_L ~ (3, 0, -1/2), S ~ X_S = 1.
    The paper gives no SM singlets for this model.
    """
    h = Fraction(1, 2)
    anomalons = [
        Fermion("A_L", 2, h, h, "L"),
        Fermion("A_R", 2, h, -h, "R"),
        Fermion("B_L", 3, 0, -h, "L"),
    ]
    mult = (
        AnomalonMultiplet("A", "DL", 2, h, ("A_L", "A_R"), "y_AA", "4.5"),
        AnomalonMultiplet("B", "ML", 3, Fraction(0), ("B_L",), "y_BB", "4.5"),
    )
    return UVModel("table2_row1", anomalons, [], Fraction(1), mult,
                   source="Table 2 row 1 / Eq. (A.6) m = 2 / Eq. (4.4), arXiv:2603.04394")


def table5_model() -> UVModel:
    """Table 5 of arXiv:2603.04394 (Eq. (A.6) with m = 3, alpha_{B+L} = 1/3), transcribed row by row."""
    t = Fraction(1, 12)
    anomalons = [
        Fermion("A_L", 3, 1, t, "L"),      # Table 5 row 1
        Fermion("A_R", 3, 1, -t, "R"),     # Table 5 row 2
        Fermion("B_L", 5, 0, -t, "L"),     # Table 5 row 3
    ]
    singlets = [
        Fermion("N_R^1", 1, 0, t, "R"),    # Table 5 row 4
        Fermion("N_R^2", 1, 0, 1, "R"),    # Table 5 row 5
    ]
    mult = (
        AnomalonMultiplet("A", "DL", 3, Fraction(1), ("A_L", "A_R"), "y_AA", "4.7"),
        AnomalonMultiplet("B", "ML", 5, Fraction(0), ("B_L",), "y_BB", "4.7"),
    )
    return UVModel("table5", anomalons, singlets, Fraction(1, 6), mult,   # Table 5 row 6: X_S = 1/6
                   source="Table 5, arXiv:2603.04394")


def table6_fields(shift=0) -> tuple[list, list]:
    """(anomalons, singlets) of Table 6 of arXiv:2603.04394 (Eq. (A.11), m = 1, alpha_{B+L} = 1/3) for shift X."""
    s = as_fraction(shift, "shift X")
    h = Fraction(1, 2)
    anomalons = [
        Fermion("A_L", 1, 1, s + h, "L"),   # Table 6 row 1
        Fermion("A_R", 1, 1, s - h, "R"),   # Table 6 row 2
        Fermion("B_L", 2, h, s - h, "L"),   # Table 6 row 3
        Fermion("B_R", 2, h, s + h, "R"),   # Table 6 row 4
    ]
    singlets = [
        Fermion("N_R^1", 1, 0, s - h, "R"),   # Table 6 row 5
        Fermion("N_R^2", 1, 0, -s - h, "R"),  # Table 6 row 6
        Fermion("N_R^3", 1, 0, 1, "R"),       # Table 6 row 7
    ]
    return anomalons, singlets


def table6_model(shift=0) -> UVModel:
    """Table 6 of arXiv:2603.04394 for a given shift X (S has X_S = 1, Table 6 last row)."""
    s = as_fraction(shift, "shift X")
    anomalons, singlets = table6_fields(s)
    h = Fraction(1, 2)
    mult = (
        AnomalonMultiplet("A", "DL", 1, Fraction(1), ("A_L", "A_R"), "y_AA", "4.10"),
        AnomalonMultiplet("B", "DL", 2, h, ("B_L", "B_R"), "y_BB", "4.10"),
    )
    return UVModel("table6", anomalons, singlets, Fraction(1), mult, shift=s,
                   source="Table 6, arXiv:2603.04394")


def get_model(model: str, shift=0) -> UVModel:
    """The UV model by name: 'table2_row1', 'table5' or 'table6' (with its shift)."""
    if model == "table5":
        if as_fraction(shift, "shift") != 0:
            raise ValueError("Table 5 has no free shift: use shift = 0")
        return table5_model()
    if model == "table6":
        return table6_model(shift)
    if model == "table2_row1":
        if as_fraction(shift, "shift") != 0:
            raise ValueError("the Table 2 row-1 model has no free shift: use shift = 0")
        return table2_row1_model()
    raise ValueError(f"unknown model {model!r}: use one of {MODELS}")


# ---------------------------------------------------------------------------------------------
# Anomalies of Table 6 as polynomials in the shift
# ---------------------------------------------------------------------------------------------
def table6_anomaly_polynomials() -> dict:
    """Coefficients (c0, c1, c2, c3) of each total anomaly (2.2)-(2.6) of Table 6 as a polynomial in the shift X.

    Every charge is affine in X, so each condition is a polynomial of degree <= 3 in X.  The coefficients are
    obtained exactly by Lagrange interpolation through X = 0, 1, 2, 3 and then verified at X = -7/5 (a cubic
    fixed by 4 points cannot also pass a 5th wrong value).  All coefficients zero <=> anomaly free for every X.
    """
    nodes = [Fraction(k) for k in range(4)]
    vals = [table6_model(x).anomaly_report().total for x in nodes]
    out = {}
    for key in CONDITIONS:
        # solve the 4x4 Vandermonde system exactly
        A = [[x**p for p in range(4)] + [v[key]] for x, v in zip(nodes, vals)]
        for col in range(4):
            piv = next(r for r in range(col, 4) if A[r][col] != 0)
            A[col], A[piv] = A[piv], A[col]
            for r in range(4):
                if r != col and A[r][col] != 0:
                    f = A[r][col] / A[col][col]
                    A[r] = [a - f * b for a, b in zip(A[r], A[col])]
        coeffs = tuple(A[p][4] / A[p][p] for p in range(4))
        x5 = Fraction(-7, 5)
        check = table6_model(x5).anomaly_report().total[key]
        if sum(c * x5**p for p, c in enumerate(coeffs)) != check:
            raise ArithmeticError(f"anomaly {key} of Table 6 is not a cubic in the shift")
        out[key] = coeffs
    return out


# ---------------------------------------------------------------------------------------------
# U(1)_X breaking scale, Eqs. (4.2)-(4.3)
# ---------------------------------------------------------------------------------------------
def _positive_scalar(x, what: str) -> float:
    if isinstance(x, bool):
        raise ValueError(f"{what} must be a positive number, got {x!r}")
    try:
        xf = float(x)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a positive number, got {x!r}") from None
    if not math.isfinite(xf) or xf <= 0:
        raise ValueError(f"{what} must be positive and finite, got {x!r}")
    return xf


def _vX_inputs(X_S, mX, gX) -> tuple[float, float, float]:
    """Validated |X_S|, m_X (GeV), g_X for Eqs. (4.2)-(4.3)."""
    mX = _positive_scalar(mX, "m_X (GeV)")
    gX = validate.coupling(_positive_scalar(gX, "g_X"), "g_X", positive=True)  # perturbative (physics.validate)
    XS = abs(float(validate.charge(X_S, "X_S", validate.CHARGE_MAX_DERIVED)))
    if XS == 0:
        raise ValueError("X_S must be non-zero")
    return XS, mX, gX


def vX_GeV(X_S, mX: float, gX: float) -> float:
    """U(1)_X breaking scale v_X = m_X / (X_S g_X) in GeV, from m_X = X_S g_X v_X, Eq. (4.2)."""
    XS, mX, gX = _vX_inputs(X_S, mX, gX)
    den = XS * gX
    if not den > 0:
        raise validate.DomainError(f"X_S g_X = {XS:g} x {gX:g} underflows to 0: v_X = m_X/(X_S g_X) is not finite")
    return validate.finite(mX / den, "v_X (GeV)", f"m_X = {mX:g} GeV over X_S g_X = {den:g} overflows")


def unitarity_mass_limits(model: UVModel, vX: float) -> dict:
    """{multiplet label: m_max = y_max v_X / sqrt(2)} in GeV, Eqs. (4.5), (4.7), (4.10)."""
    vX = _positive_scalar(vX, "v_X (GeV)")
    return {m.label: mass_from_yukawa(yukawa_bound(m.kind, m.n), vX) for m in model.multiplets}


# ---------------------------------------------------------------------------------------------
# Radiative splittings, Eq. (2.10)
# ---------------------------------------------------------------------------------------------
def _radiative_splitting(Q, Y, cW=None, delta=None) -> float:
    from physics.model.criteria import CW_ON_SHELL, radiative_splitting  # the shared implementation of Eq. (2.10)

    return radiative_splitting(Q, Y, CW_ON_SHELL if cW is None else cW, delta)


def multiplet_splittings(n, Y, cW=None, delta=None) -> dict:
    """{Q: m_Q - m_0 (GeV)} from Eq. (2.10) for every charged component Q = T3 + Y of an (n, Y) multiplet
    that has a neutral component (ValueError otherwise).  cW defaults to the on-shell m_W/m_Z."""
    n = check_dimension(n)
    Y = as_fraction(Y, "hypercharge")
    Qs = electric_charges(n, Y)
    if 0 not in Qs:
        raise ValueError(f"the ({n}, Y = {Y}) multiplet has no neutral component; Eq. (2.10) is relative to m_0")
    return {q: _radiative_splitting(float(q), Y, cW, delta) for q in Qs if q != 0}


def model_splittings(model: UVModel, cW=None, delta=None) -> dict:
    """{multiplet label: {Q: m_Q - m_0 in GeV}} (Eq. 2.10); multiplets without a neutral component map to None."""
    out = {}
    for m in model.multiplets:
        try:
            out[m.label] = multiplet_splittings(m.n, m.Y, cW, delta)
        except ValueError:
            out[m.label] = None
    return out


def y_needed_for_splitting(target_GeV: float, Q=1, cW=None, delta=None) -> float:
    """Hypercharge Y that Eq. (2.10) needs to give m_Q - m_0 = target (to see what a printed value implies)."""
    from physics.model.criteria import CW_ON_SHELL

    cW = CW_ON_SHELL if cW is None else cW
    target = _positive_scalar(target_GeV, "target splitting (GeV)")
    Q = float(validate.charge(Q, "electric charge Q"))
    if Q == 0:
        raise validate.DomainError("electric charge Q must be non-zero: Eq. (2.10) gives no splitting for Q = 0")
    cW = validate.real(cW, "cW", 0.0, 1.0, lo_open=True, why="a cosine")
    from physics.model.criteria import radiative_splitting_unit

    delta = radiative_splitting_unit() if delta is None else _positive_scalar(delta, "delta (GeV)")
    return validate.finite((target / delta / Q - Q) * cW / 2.0, "Y", "target/delta overflows")


# ---------------------------------------------------------------------------------------------
# 2DL model: mass matrices of Eq. (4.9) after EWSB
# ---------------------------------------------------------------------------------------------
def twodl_mass_matrices(yAA, yBB, yAB, yBA, vX: float, v: float = V_PAPER) -> dict:
    """Mass matrices of Eq. (4.9) with <H> = (0, v/sqrt 2), <S> = v_X/sqrt 2 (Eq. 4.1).

    Gauge invariance (physics.model.operators) fixes the Higgs entries as bar(A_L) H~^dagger B_R and
    bar(B_L) H~ A_R (the printed H^dagger, H carry the wrong hypercharge, see the chapter); with
    H~ = i sigma_2 H* -> (v/sqrt 2, 0) they connect A^+ to the upper component B^+.  Basis
    rows (A_L, B_L^+), columns (A_R, B_R^+):

        M_+ = [[y_AA v_X, y_AB v], [y_BA v, y_BB v_X]] / sqrt 2,        M_0 = y_BB v_X / sqrt 2,

    B^0 has no partner (A has no neutral component) so it does not mix at tree level (Eq. 4.12 aside).
    Arrays broadcast: the charged matrix has shape (..., 2, 2).
    """
    yAA, yBB = np.asarray(yAA, dtype=float), np.asarray(yBB, dtype=float)
    yAB, yBA = np.asarray(yAB, dtype=complex), np.asarray(yBA, dtype=complex)
    for name, arr in (("y_AA", yAA), ("y_BB", yBB)):
        if not np.all(np.isfinite(arr)) or np.any(arr <= 0):
            raise ValueError(f"{name} must be positive and finite (set real positive by rephasing, Sec. 4.2), got {arr!r}")
    for name, arr in (("y_AB", yAB), ("y_BA", yBA)):
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name} must be finite, got {arr!r}")
    vX = _positive_scalar(vX, "v_X (GeV)")
    v = _positive_scalar(v, "v (GeV)")
    r2 = math.sqrt(2.0)
    a, b, c, d = np.broadcast_arrays(yAA * vX / r2, yBB * vX / r2, yAB * v / r2, yBA * v / r2)
    M = np.empty(a.shape + (2, 2), dtype=complex)
    M[..., 0, 0], M[..., 0, 1], M[..., 1, 0], M[..., 1, 1] = a, c, d, b
    return {"charged": M, "neutral": b.astype(float)}


def twodl_spectrum(yAA, yBB, yAB, yBA, vX: float, v: float = V_PAPER, cW=None, delta=None) -> dict:
    """Masses (GeV) of the 2DL model (Eq. 4.9): the A-like and B-like charged eigenvalues (singular values of
    M_+), m_B0, the tree-level splitting m_B+ - m_B0 and the radiative one of Eq. (2.10) for B (Y = 1/2).

    The B-like charged state is the singular vector with the larger weight on B_L^+.
    """
    mats = twodl_mass_matrices(yAA, yBB, yAB, yBA, vX, v)
    M = mats["charged"]
    U, s, Vh = np.linalg.svd(M)
    wB = np.abs(U[..., 1, :]) ** 2   # weight of B_L^+ in each left singular vector
    iB = np.argmax(wB, axis=-1)
    mB_plus = np.take_along_axis(s, iB[..., None], axis=-1)[..., 0]
    mA_plus = np.take_along_axis(s, (1 - iB)[..., None], axis=-1)[..., 0]
    mB0 = mats["neutral"]
    rad = _radiative_splitting(1.0, Fraction(1, 2), cW, delta)
    tree = mB_plus - mB0
    sq = lambda x: float(x) if np.ndim(x) == 0 else x
    return {"mA_plus": sq(mA_plus), "mB_plus": sq(mB_plus), "mB0": sq(mB0), "splitting_tree": sq(tree),
            "splitting_radiative": rad, "splitting_total": sq(tree + rad)}


def twodl_splitting_perturbative(mA, mB, yAB, yBA, v: float = V_PAPER) -> float:
    """Second-order (small y_AB, y_BA) tree-level m_B+ - m_B0 for |m_A - m_B| >> y v:

        delta m = -[m_B (|c|^2 + |d|^2) + 2 m_A Re(c d)] / [2 (m_A^2 - m_B^2)],   c = y_AB v/sqrt 2, d = y_BA v/sqrt 2,

    from the (B, B) element of M_+ M_+^dagger.  For real opposite couplings (d = -c) it is c^2/(m_A + m_B) > 0.
    """
    mA = _positive_scalar(mA, "m_A (GeV)")
    mB = _positive_scalar(mB, "m_B (GeV)")
    if mA == mB:
        raise ValueError("the perturbative formula needs m_A != m_B")
    c = np.asarray(yAB, dtype=complex) * v / math.sqrt(2.0)
    d = np.asarray(yBA, dtype=complex) * v / math.sqrt(2.0)
    out = -(mB * (np.abs(c) ** 2 + np.abs(d) ** 2) + 2 * mA * np.real(c * d)) / (2 * (mA**2 - mB**2))
    return float(out) if np.ndim(out) == 0 else out


def twodl_splitting_opposite_exact(mA, mB, y, v: float = V_PAPER):
    """Exact tree-level m_B+ - m_B0 for real opposite couplings y_AB = -y_BA = y (Sec. 4.2):

    M_+ = [[m_A, c], [-c, m_B]] has singular values with s1 s2 = m_A m_B + c^2 and s1 - s2 = |m_A - m_B|, so
    delta m = [sqrt((m_A + m_B)^2 + 4 c^2) - (m_A + m_B)] / 2 >= 0 for either mass ordering.
    """
    mA = _positive_scalar(mA, "m_A (GeV)")
    mB = _positive_scalar(mB, "m_B (GeV)")
    c = np.asarray(y, dtype=float) * v / math.sqrt(2.0)
    out = 0.5 * (np.sqrt((mA + mB) ** 2 + 4 * c**2) - (mA + mB))
    return float(out) if np.ndim(out) == 0 else out


def relic_fraction(m, m_thermal):
    """Fraction of the DM density for Omega h^2 ∝ m^2 (Sec. 4.1): (m / m_thermal)^2.  Order of magnitude."""
    m = _positive_scalar(m, "mass (GeV)")
    mt = _positive_scalar(m_thermal, "thermal mass (GeV)")
    return (m / mt) ** 2


def two_body_width(y, m1, m2, m_phi) -> float:
    """Gamma(F1 -> F2 phi) in GeV for -L = y bar(F1) P F2 phi (one chirality):
    y^2 m1 lambda^(1/2)(1, x2, x_phi) (1 + x2 - x_phi) / (32 pi), x = m^2/m1^2; 0 if closed."""
    y = validate.real(y, "Yukawa y")
    m1 = _positive_scalar(m1, "m1 (GeV)")
    m2, m_phi = validate.real(m2, "m2 (GeV)"), validate.real(m_phi, "m_phi (GeV)")
    if m2 < 0 or m_phi < 0:
        raise ValueError(f"daughter masses must be >= 0, got {m2}, {m_phi}")
    if m2 + m_phi >= m1:
        return 0.0
    x2, xp = (m2 / m1) ** 2, (m_phi / m1) ** 2
    lam = (1 - x2 - xp) ** 2 - 4 * x2 * xp
    try:
        out = y**2 * m1 * math.sqrt(lam) * (1 + x2 - xp) / (32 * math.pi)
    except OverflowError:
        out = math.inf
    return validate.finite(out, "two-body width (GeV)", "y^2 m1 overflows")


def prompt_yukawa_threshold(mA: float, mB: float, ctau_max: float = CTAU_PROMPT) -> float:
    """Order-of-magnitude minimal |y_AB| for a prompt A -> V B decay when m_A - m_B >= m_V (Sec. 4.2: O(1e-6)).

    Goldstone equivalence: the Yukawa of Eq. (4.9) couples A^+ to B^0 G^+ (|y|^2) and to B^+ G^0, B^+ h
    (|y|^2/2 each); G^+, G^0 are given the W, Z masses.  Prompt means c tau < ctau_max (default 1 mm).
    """
    from physics.inputs import M_W, M_Z
    from physics.inputs import M_H

    mA = validate.scale(_positive_scalar(mA, "m_A (GeV)"), "m_A (GeV)")  # anomalon masses: physics.validate
    mB = validate.scale(_positive_scalar(mB, "m_B (GeV)"), "m_B (GeV)")
    gamma1 = (two_body_width(1.0, mA, mB, M_W) + 0.5 * two_body_width(1.0, mA, mB, M_Z)
              + 0.5 * two_body_width(1.0, mA, mB, M_H))
    if gamma1 == 0:
        raise ValueError(f"A -> V B is closed for m_A - m_B = {mA - mB:.1f} GeV < m_W; use prompt_yukawa_threshold_3body")
    gamma_min = HBARC_GEV_M / _positive_scalar(ctau_max, "c tau (m)")
    return validate.finite(math.sqrt(gamma_min / gamma1), "|y_AB| threshold", "c tau too small")


def prompt_yukawa_threshold_3body(mA: float, mB: float, ctau_max: float = CTAU_PROMPT,
                                  n_channels: float = 9.0) -> float:
    """Order-of-magnitude minimal |y_AB| for a prompt A -> B f f' decay when m_A - m_B < m_W (Sec. 4.2: O(1e-5)).

    The Yukawa mixes A^+ and B^+ with angle theta ~ (y v/sqrt 2)/(m_A - m_B); the off-shell W then gives
    Gamma ~ n_channels theta^2 G_F^2 Delta m^5 / (15 pi^3) (beta-decay-like, Delta m << m_A; n_channels ~ 3 leptons
    + 2 x 3 quarks).  Neutral-current channels and O(1) factors are ignored.
    """
    from physics.inputs import G_FERMI

    mA = validate.scale(_positive_scalar(mA, "m_A (GeV)"), "m_A (GeV)")  # anomalon masses: physics.validate
    mB = validate.scale(_positive_scalar(mB, "m_B (GeV)"), "m_B (GeV)")
    n_channels = _positive_scalar(n_channels, "n_channels")
    dm = mA - mB
    if dm <= 0:
        raise ValueError(f"needs m_A > m_B (Sec. 4.2: Delta m = m_A - m_B > 0), got {dm}")
    gamma_min = HBARC_GEV_M / _positive_scalar(ctau_max, "c tau (m)")
    g_per_theta2 = n_channels * G_FERMI**2 * dm**5 / (15 * math.pi**3)
    if not g_per_theta2 > 0:
        raise validate.DomainError(f"Delta m = {dm:g} GeV is too small: the width G_F^2 Delta m^5 underflows to 0")
    theta = math.sqrt(gamma_min / g_per_theta2)
    return validate.finite(theta * dm * math.sqrt(2.0) / V_PAPER, "|y_AB| threshold", "c tau or Delta m out of range")


def bbn_ymix_threshold(mB0: float, mN: float = 0.0, tau_max: float = TAU_BBN) -> float:
    """Order-of-magnitude minimal y_mix of Eq. (4.12) for tau(B^0) < 1 s (Sec. 4.2: y_mix >~ 1e-12).

    B^0 -> N h through bar(B_L) H N_R^1 with coupling y_mix/sqrt 2 (H^0 = (v + h)/sqrt 2), two-body width;
    the G^0 channel doubles it.  N_R mass m_N (default 0); the Higgs mass from PDG 2024.
    """
    from physics.inputs import HBAR_GEV_S
    from physics.inputs import M_H

    mB0 = validate.scale(_positive_scalar(mB0, "m_B0 (GeV)"), "m_B0 (GeV)")  # physics.validate
    gamma1 = 2 * 0.5 * two_body_width(1.0, mB0, mN, M_H)
    if gamma1 == 0:
        raise ValueError(f"B0 -> N h is closed for m_B0 = {mB0} GeV, m_N = {mN} GeV")
    gamma_min = HBAR_GEV_S / _positive_scalar(tau_max, "lifetime (s)")
    return validate.finite(math.sqrt(gamma_min / gamma1), "y_mix threshold", "lifetime too short")


# ---------------------------------------------------------------------------------------------
# Link to the classification
# ---------------------------------------------------------------------------------------------
def left_handed_content(fields) -> list[tuple]:
    """Sorted (n, Y, X, colour) of the fields written as left-handed Weyl multiplets."""
    return sorted((g.n, g.Y, g.X, g.colour) for g in (f.as_left_handed() for f in fields))


def classification_spectrum(model: UVModel):
    """The Appendix-A spectrum the model is built on (physics.model.classification): Eq. (A.6) m = 2 or 3, or
    Eq. (A.11) m = 1 with the model's shift, at alpha_{B+L} of the model."""
    from physics.model.classification import family_A6, family_A11  # lazy: written by another module

    aBL = model.alphas.alpha_BL
    if model.name == "table2_row1":
        return family_A6(2, aBL)
    if model.name == "table5":
        return family_A6(3, aBL)
    if model.name == "table6":
        return family_A11(1, aBL, shift=model.shift)
    raise ValueError(f"no classification family for model {model.name!r}")


def matches_classification(model: UVModel) -> bool:
    """Do the table's anomalons (left-handed) coincide with the Appendix-A family and X_S?"""
    spec = classification_spectrum(model)
    return left_handed_content(model.anomalons) == left_handed_content(spec.fields) and spec.X_S == abs(model.X_S)


def naturalness_TeV(model: UVModel, delta: float = 100.0, reading=None) -> float:
    """Finite-naturalness bound (Eq. 2.9, Delta = delta) of the model's spectrum, via physics.model.naturalness
    (`reading`: a `naturalness.Reading` or its name; default: the model layer's default reading)."""
    from physics.model.naturalness import DEFAULT_READING, naturalness_bound_TeV  # lazy: written by another module

    return naturalness_bound_TeV(classification_spectrum(model), delta=delta,
                                 reading=DEFAULT_READING if reading is None else reading)

"""Gauge-anomaly coefficients, Eqs. (2.2)-(2.6), the Witten condition, and the SM anomalous traces of Eq. (3.2).

Every coefficient is an exact `Fraction`, summed as (left-handed) - (right-handed) Weyl multiplets
and weighted by the colour dimension, which is how Eqs. (2.2)-(2.6) are written:

* (2.2) [U(1)_X]          : sum N n X
* (2.3) [U(1)_X^3]        : sum N n X^3
* (2.4) [SU(2)_L^2 U(1)_X]: sum N T(n) X,  T(n) = n(n^2-1)/12
* (2.5) [U(1)_Y^2 U(1)_X] : sum N n Y^2 X
* (2.6) [U(1)_Y U(1)_X^2] : sum N n Y X^2

With the SM fields alone these equal alpha_e+alpha_mu+alpha_tau, sum alpha_i^3, (3/2) alpha_{B+L},
-(3/2) alpha_{B+L} and 0, the SM terms printed in Eqs. (2.2)-(2.6).  The colour anomaly (A.21) and
the pure-SM anomalies (which anomalons built from ML fields and DL pairs never spoil) are also given.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Iterable, Sequence

from physics.model.charges import SU3_DYNKIN, ChargeAssignment, Fermion, sm_fermions, su2_dynkin

#: The five conditions of Eqs. (2.2)-(2.6), by equation number.
CONDITIONS = {
    "2.2": "[U(1)_X] (gravitational)",
    "2.3": "[U(1)_X^3]",
    "2.4": "[SU(2)_L^2 U(1)_X]",
    "2.5": "[U(1)_Y^2 U(1)_X]",
    "2.6": "[U(1)_Y U(1)_X^2]",
}

#: Anomalies that involve U(1)_X and colour, or only SM gauge groups.
EXTRA_CONDITIONS = {
    "A.21": "[SU(3)_C^2 U(1)_X]",
    "Y^3": "[U(1)_Y^3]",
    "Y": "[U(1)_Y] (gravitational)",
    "SU2^2 Y": "[SU(2)_L^2 U(1)_Y]",
    "SU3^2 Y": "[SU(3)_C^2 U(1)_Y]",
}


def _terms(f: Fermion) -> dict:
    s, N, n, Y, X = f.sign, f.colour, f.n, f.Y, f.X
    return {
        "2.2": s * N * n * X,
        "2.3": s * N * n * X**3,
        "2.4": s * N * su2_dynkin(n) * X,
        "2.5": s * N * n * Y**2 * X,
        "2.6": s * N * n * Y * X**2,
        "A.21": s * n * SU3_DYNKIN[N] * X,
        "Y^3": s * N * n * Y**3,
        "Y": s * N * n * Y,
        "SU2^2 Y": s * N * su2_dynkin(n) * Y,
        "SU3^2 Y": s * n * SU3_DYNKIN[N] * Y,
    }


def anomaly_coefficients(fields: Iterable[Fermion], which: Sequence[str] = tuple(CONDITIONS)) -> dict:
    """Sum of the anomaly coefficients of `fields` for the conditions `which` (default Eqs. 2.2-2.6)."""
    known = set(CONDITIONS) | set(EXTRA_CONDITIONS)
    unknown = [k for k in which if k not in known]
    if unknown:
        raise ValueError(f"unknown anomaly condition {unknown[0]!r}; known: {sorted(known)}")
    total = {k: Fraction(0) for k in which}
    for f in fields:
        t = _terms(f)
        for k in which:
            total[k] += t[k]
    return total


def witten_count(fields: Iterable[Fermion]) -> int:
    """Number of Weyl SU(2) multiplets with n = 4l+2 (colour components counted separately)."""
    return sum(f.colour for f in fields if f.n % 4 == 2)


def witten_ok(fields: Iterable[Fermion]) -> bool:
    """Witten's SU(2) anomaly is absent iff the number of Weyl fermions in n = 4l+2 reps is even [26, 27]."""
    return witten_count(fields) % 2 == 0


def anomalous_trace(fields: Iterable[Fermion], kind: str) -> Fraction:
    """A_{X V V} = Tr[T_X {T_V, T_V}]_R - Tr[T_X {T_V, T_V}]_L, Eq. (3.2), for V = Y or one W^a generator.

    Tr[X {Y, Y}] = 2 sum N n Y^2 X and Tr[X {T^a, T^a}] = 2 sum N T(n) X (no sum over a).
    Note the sign: (3.2) is right minus left, the opposite of Eqs. (2.2)-(2.6).
    """
    if kind == "XYY":
        key = "2.5"
    elif kind == "XWW":
        key = "2.4"
    else:
        raise ValueError(f"anomalous trace kind must be 'XYY' or 'XWW', got {kind!r}")
    return -2 * anomaly_coefficients(fields, (key,))[key]


@lru_cache(maxsize=512)
def _sm_traces(alphas: ChargeAssignment) -> tuple:
    sm = sm_fermions(alphas)
    return anomalous_trace(sm, "XWW"), anomalous_trace(sm, "XYY")


def sm_traces(alphas: ChargeAssignment) -> dict:
    """(A_XWW^SM, A_XYY^SM) computed from the SM field content; Eq. (3.2) says -3 alpha_{B+L} and +3 alpha_{B+L}.

    Cached per charge assignment (a frozen dataclass): rates and scans call it for every channel and mass.
    """
    if not isinstance(alphas, ChargeAssignment):
        raise ValueError(f"alphas must be a ChargeAssignment, got {type(alphas).__name__}")
    xww, xyy = _sm_traces(alphas)
    return {"XWW": xww, "XYY": xyy}


@dataclass
class AnomalyReport:
    """SM, anomalon and SM-singlet parts of Eqs. (2.2)-(2.6), their total and the Witten condition."""

    alphas: ChargeAssignment
    anomalons: list = field(default_factory=list)
    singlets: list = field(default_factory=list)

    def __post_init__(self):
        self.anomalons = [a if isinstance(a, Fermion) else Fermion(*a) for a in self.anomalons]
        self.singlets = list(self.singlets)

    @property
    def sm(self) -> dict:
        return anomaly_coefficients(sm_fermions(self.alphas))

    @property
    def anomalon_part(self) -> dict:
        return anomaly_coefficients(self.anomalons)

    @property
    def singlet_part(self) -> dict:
        return anomaly_coefficients(self.singlets)

    @property
    def total(self) -> dict:
        sm, an, si = self.sm, self.anomalon_part, self.singlet_part
        return {k: sm[k] + an[k] + si[k] for k in CONDITIONS}

    @property
    def witten_ok(self) -> bool:
        return witten_ok(sm_fermions(self.alphas) + self.anomalons + self.singlets)

    @property
    def anomaly_free(self) -> bool:
        return all(v == 0 for v in self.total.values()) and self.witten_ok

    @property
    def electroweak_free(self) -> bool:
        """Eqs. (2.4)-(2.6) only: the conditions the anomalon classification solves."""
        t = self.total
        return t["2.4"] == 0 and t["2.5"] == 0 and t["2.6"] == 0


def singlets(charges: Iterable) -> list[Fermion]:
    """Right-handed SM singlets N_beta with U(1)_X charges X_beta (Table 1)."""
    return [Fermion(f"N_R^{i}", 1, 0, x, "R") for i, x in enumerate(charges, start=1)]


def required_new_fermions(alphas: ChargeAssignment) -> str:
    """What gauging X needs beyond the SM (Sec. 1 and Sec. 2.2 (iv)).

    'none'                    all of Eqs. (2.2)-(2.6) vanish with the SM alone (e.g. L_i - L_j);
    'SM singlets'             only (2.2), (2.3) are anomalous (alpha_{B+L} = 0, e.g. B - L, B/3 - L_i):
                              right-handed singlets N_beta can cancel them;
    'electroweak anomalons'   alpha_{B+L} != 0: Eqs. (2.4), (2.5) need new SU(2)_L x U(1)_Y charged fermions.
    """
    sm = anomaly_coefficients(sm_fermions(alphas))
    if alphas.alpha_BL != 0:
        return "electroweak anomalons"
    if sm["2.2"] != 0 or sm["2.3"] != 0:
        return "SM singlets"
    return "none"

"""How the book computes each ledger entry (see physics.ledger and data/paper_values.yaml).

A function decorated with `@computes("id1", "id2", ...)` returns the computed value of one entry, or a dict
{id: value} for several.  It must compute from the physics modules only: it never reads the printed value.
"""
from __future__ import annotations

from fractions import Fraction

from .charges import ChargeAssignment, TAU_MODEL, sm_fermions
from .anomalies import anomaly_coefficients, sm_traces

#: id -> (function, short description of how it is computed)
REGISTRY: dict = {}


def computes(*ids: str, how: str = ""):
    def register(fn):
        for i in ids:
            if i in REGISTRY:
                raise ValueError(f"ledger id {i!r} registered twice")
            REGISTRY[i] = (fn, how)
        return fn

    return register


def compute_all() -> dict:
    """{id: computed value} for every registered entry (functions returning dicts are called once)."""
    out, done = {}, {}
    for i, (fn, _) in REGISTRY.items():
        if fn not in done:
            done[fn] = fn()
        result = done[fn]
        out[i] = result[i] if isinstance(result, dict) else result
    return out


# ---------------------------------------------------------------- Sec. 2 and 3.1: anomalies of the SM
@computes("eq-2-2-sm", "eq-2-3-sm", how="SM fields of Table 1 at alpha = (1, 2, 3, 5)")
def _sm_gravitational_and_cubic():
    a = ChargeAssignment(alpha_B=1, alpha_e=2, alpha_mu=3, alpha_tau=5)
    c = anomaly_coefficients(sm_fermions(a))
    return {"eq-2-2-sm": c["2.2"], "eq-2-3-sm": c["2.3"]}


@computes("eq-2-4-sm", "eq-2-5-sm", "eq-2-6-sm",
          how="SM fields of Table 1 at alpha = (1, 2, 3, 5), divided by alpha_{B+L} = 13/3")
def _sm_electroweak_per_alpha():
    a = ChargeAssignment(alpha_B=1, alpha_e=2, alpha_mu=3, alpha_tau=5)
    c = anomaly_coefficients(sm_fermions(a))
    return {"eq-2-4-sm": c["2.4"] / a.alpha_BL, "eq-2-5-sm": c["2.5"] / a.alpha_BL, "eq-2-6-sm": c["2.6"]}


@computes("eq-2-7-tau", how="Eq. (2.7) for alpha_tau = 1")
def _alpha_BL_tau():
    return TAU_MODEL.alpha_BL


@computes("sec3-1-AXYY", "sec3-1-AXWW", how="Eq. (3.2) traces over the SM fields at alpha = (1, 2, 3, 5), per alpha_{B+L}")
def _traces_per_alpha():
    a = ChargeAssignment(alpha_B=1, alpha_e=2, alpha_mu=3, alpha_tau=5)
    t = sm_traces(a)
    return {"sec3-1-AXYY": t["XYY"] / a.alpha_BL, "sec3-1-AXWW": t["XWW"] / a.alpha_BL}


@computes("sec3-3-AXYY-tau", how="Eq. (3.2) traces for alpha_tau = 1; returns A_XYY if A_XYY = -A_XWW else a mismatch")
def _traces_tau():
    t = sm_traces(TAU_MODEL)
    return t["XYY"] if t["XYY"] == -t["XWW"] else Fraction(0)

"""Sec. 4 as printed: Eq. (4.3) with its rounded prefactor, and the chain v_X -> unitarity mass limits computed
side by side from the paper's printed inputs and from the book's own Belle II fit.

Eq. (4.2) itself (v_X = m_X / (X_S g_X)) is `physics.model.uv_models.vX_GeV`; this module only supplies the
printed inputs (g_X = 0.018, the rounded 120 GeV and 720 GeV) and says which is which.
"""
from __future__ import annotations

from fractions import Fraction

from physics.inputs import MX_BENCHMARK
from physics.model.anomalies import CONDITIONS
from physics.model.unitarity import mass_limit
from physics.model.uv_models import (MODELS, _positive_scalar, _vX_inputs, get_model, model_splittings,
                                     unitarity_mass_limits, vX_GeV)
from physics.paper.printed import DELTA_M_RAD_GEV, GX_BEST_FIT, VX_EQ43, VX_TABLE5


def vX_eq43_GeV(X_S, mX: float = MX_BENCHMARK, gX: float = GX_BEST_FIT) -> float:
    """v_X with the rounded prefactor of Eq. (4.3): (120 GeV / X_S) (m_X / 2.1 GeV) (0.018 / g_X)."""
    XS, mX, gX = _vX_inputs(X_S, mX, gX)
    return VX_EQ43 / XS * (mX / MX_BENCHMARK) * (GX_BEST_FIT / gX)


def uv_summary(model: str, shift=0, mX: float = MX_BENCHMARK, gX: float = GX_BEST_FIT) -> dict:
    """Summary of a UV model for the CLI: model in {"table5", "table6"} (also "table2_row1").

    Keys: `anomalies` ({"2.2".."2.6": total as a string, "all_zero", "witten_ok"}), `allowed_operators`
    (paper-notation strings with their Weyl form and category), `vX_GeV` (Eq. 4.2 from m_X, g_X),
    `vX_eq43_GeV` (the rounded Eq. 4.3), `mass_limits_GeV` (unitarity, at vX_GeV) and
    `mass_limits_eq43_GeV` (at vX_eq43_GeV), `splittings_MeV` (Eq. 2.10 with the printed 166 MeV, charged components).
    Defaults: m_X = 2.1 GeV (Belle II two-body fit, `physics.inputs`) and the printed g_X = 0.018.
    """
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}: use 'table5' or 'table6' (or 'table2_row1')")
    mX = _positive_scalar(mX, "m_X (GeV)")
    gX = _positive_scalar(gX, "g_X")
    uv = get_model(model, shift)
    rep = uv.anomaly_report()
    tot = rep.total
    anomalies = {k: str(tot[k]) for k in CONDITIONS}
    anomalies["all_zero"] = all(v == 0 for v in tot.values())
    anomalies["witten_ok"] = rep.witten_ok
    vX = vX_GeV(uv.X_S, mX, gX)
    vX43 = vX_eq43_GeV(uv.X_S, mX, gX)
    splits = {}
    for lab, d in model_splittings(uv, delta=DELTA_M_RAD_GEV).items():
        splits[lab] = None if d is None else {str(q): round(1e3 * dm, 1) for q, dm in d.items()}
    return {
        "model": model,
        "shift": str(uv.shift),
        "X_S": str(uv.X_S),
        "anomalies": anomalies,
        "allowed_operators": [str(op) for op in uv.operators()],
        "vX_GeV": vX,
        "vX_eq43_GeV": vX43,
        "mass_limits_GeV": unitarity_mass_limits(uv, vX),
        "mass_limits_eq43_GeV": unitarity_mass_limits(uv, vX43),
        "splittings_MeV": splits,
    }


# ---------------------------------------------------------------------------------------------
# Links to the classification (Appendix A) and the naturalness bound (Eq. 2.9)
# ---------------------------------------------------------------------------------------------


def sec4_chain(gX_own: float | None = None) -> dict:
    """The Sec. 4 numbers three ways: (a) from the printed, rounded v_X (120 and 720 GeV, what the paper's text
    uses), (b) exactly from Eq. (4.2) with the printed m_X = 2.1 GeV and g_X = 0.018, (c) from Eq. (4.2) with the
    book's own best fit g_X (default: `physics.pheno.fit.fit_summary()`).  Masses in GeV."""
    if gX_own is None:
        from physics.pheno.fit import fit_summary

        gX_own = fit_summary()["gX_best"]
    rows = {}
    for label, vx1, vx6 in (("printed v_X", VX_EQ43, VX_TABLE5),
                            ("Eq. (4.2), printed g_X", vX_GeV(1, MX_BENCHMARK, GX_BEST_FIT),
                             vX_GeV(Fraction(1, 6), MX_BENCHMARK, GX_BEST_FIT)),
                            ("Eq. (4.2), book's fit g_X", vX_GeV(1, MX_BENCHMARK, gX_own),
                             vX_GeV(Fraction(1, 6), MX_BENCHMARK, gX_own))):
        rows[label] = {"vX_XS1": vx1, "vX_table5": vx6,
                       "mB_triplet": mass_limit("ML", 3, vx1), "mA_table5": mass_limit("DL", 3, vx6),
                       "mB_table5": mass_limit("ML", 5, vx6), "mB0_2DL": mass_limit("DL", 2, vx1)}
    rows["gX_own"] = gX_own
    return rows

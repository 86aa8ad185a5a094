"""Explore your own U(1)_X: every output of Secs. 1-3 and App. A for one charge assignment, from one code path.

`explore(alphas, family=..., params=..., fields=..., singlets=..., mX=..., gX=...)` evaluates, for the generator
X = alpha_B B + sum_i alpha_i L_i of Eq. (1.1):

* alpha_{B+L}, Eq. (2.7), and the SM anomalous traces A_XWW^SM = -3 alpha_{B+L}, A_XYY^SM = +3 alpha_{B+L}, Eq. (3.2)
  (`physics.model.anomalies.sm_traces`);
* every anomaly coefficient of Eqs. (2.2)-(2.6) split into SM, anomalon and SM-singlet parts
  (`physics.model.anomalies.AnomalyReport`), the Witten condition, what is left to cancel and what kind of field would
  cancel it: right-handed singlets N_R for (2.2)/(2.3) (an explicit rational solution with at most three singlets is
  searched), an Appendix-A family scaled to this alpha_{B+L} for (2.4)/(2.5) (Eq. (A.6) m = 2, 3 -- Table 2 --
  and Eq. (A.11) m = 1 -- Table 6);
* the criteria (i)-(iii) of Sec. 2.2 (`physics.model.criteria.check_criteria`) and the finite-naturalness bound of
  Eq. (2.9) with Delta = 100 (`physics.model.naturalness.naturalness_bound_TeV`) for the anomalon spectrum;
* at (m_X, g_X): the branching ratio of every kinematically open channel of `physics.pheno.rates.CHANNELS`
  (Eqs. (3.9)-(3.14)), B(X -> E_miss) of Eq. (3.28) (with X -> hadrons for alpha_B != 0, `physics.pheno.hadrons`)
  and the decay fractions of X, and the 90% CL (95% for L3) upper limit on g_X of every channel
  with a dataset at m_X (`physics.pheno.limits.coupling_limit`; channels without one are listed with the reason);
* the summary plane of Sec. 3.3 (`physics.pheno.plane.summary_plane`) and its viable region: below the strongest current
  limit and the direct-search line (y_Psi = sqrt(4 pi)), above the percent-tuning naturalness line.

Nothing here re-implements physics: every number comes from the modules the chapters use.
Exact quantities are `fractions.Fraction`; `to_json` gives the JSON form used by ``python -m physics explore``.
"""
from __future__ import annotations

import math
from fractions import Fraction
from numbers import Real

import numpy as np

from physics.pheno import hadrons, limits, plane, rates
from physics import validate

from physics.model import naturalness
from physics.model.anomalies import CONDITIONS, AnomalyReport, sm_traces, singlets as make_singlets, witten_count
from physics.model.charges import ChargeAssignment, Fermion, as_fraction, check_dimension
from physics.model.classification import FAMILIES, family as build_family, rational_sqrt
from physics.model.criteria import check_criteria
from physics.model.spectrum import Multiplet, Spectrum

#: Appendix-A families offered when (2.4)/(2.5) are left over: (name, params, where the paper uses it).
FAMILY_SUGGESTIONS = (
    ("A.6", {"m": 2}, "Eq. (A.6) m = 2, Table 2 row 1"),
    ("A.6", {"m": 3}, "Eq. (A.6) m = 3, Table 2 row 2 and Table 5"),
    ("A.11", {"m": 1}, "Eq. (A.11) m = 1, Table 3 row 1 and Table 6"),
)

#: Default plane grid of the explorer (GeV, log-spaced): the Fig. 3 range on fewer points than the chapter (500).
PLANE_GRID = {"mX_min": 0.01, "mX_max": 10.0, "n": 300}

#: Fig. 3 lines used for the viable region (Sec. 3.3): the weaker direct line (y = sqrt(4 pi)) and percent tuning.
VIABLE_DIRECT = "y=sqrt(4pi)"
VIABLE_NATURALNESS = "Delta=100"


# ------------------------------------------------------------------------------------------------
# Input validation
# ------------------------------------------------------------------------------------------------
def _alphas(alphas) -> ChargeAssignment:
    if alphas is None:
        raise ValueError("alphas is required: a ChargeAssignment or a mapping such as {'tau': 1} (keys B, e, mu, tau)")
    return ChargeAssignment.coerce(alphas)


def _mass(value, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{what} must be a positive finite number (GeV for m_X), got {validate._show(value)}")
    if what == "mX":  # the declared domains (physics.validate)
        return validate.mass(value, "mX (GeV)")
    if what == "gX":
        return validate.coupling(value, "gX", positive=True)
    return float(value)


def _custom_fields(fields) -> list[Fermion]:
    """Left-handed anomalons from (n, Y, X) tuples (or Fermion objects, written left-handed)."""
    out = []
    for k, item in enumerate(fields or (), start=1):
        if isinstance(item, Fermion):
            out.append(item.as_left_handed())
            continue
        try:
            n, Y, X = item
        except (TypeError, ValueError):
            raise ValueError(f"custom anomalon #{k} must be an (n, Y, X) triple of a left-handed SU(2) n-plet "
                             f"with hypercharge Y and U(1)_X charge X, got {item!r}") from None
        n = check_dimension(n, f"SU(2) dimension n of custom anomalon #{k}")
        out.append(Fermion(f"Psi_c{k}", n, validate.charge(Y, f"hypercharge Y of custom anomalon #{k}"),
                           validate.charge(X, f"U(1)_X charge of custom anomalon #{k}"), "L"))
    return out


def pair_multiplets(fields) -> list[Multiplet]:
    """Group left-handed anomalons into massive multiplets (criterion (i) of Sec. 2.2): a Y = 0 field is an ML field,
    a field (n, Y) pairs with an unused (n, -Y) into a DL pair.  A field left without partner is returned as a
    one-field multiplet of kind ML, which `physics.model.criteria.criterion_i` then rejects with the reason."""
    fs = [f.as_left_handed() for f in fields]
    used = [False] * len(fs)
    out = []
    for i, f in enumerate(fs):
        if used[i]:
            continue
        used[i] = True
        if f.Y == 0:
            out.append(Multiplet("ML", (f,)))
            continue
        j = next((j for j in range(i + 1, len(fs)) if not used[j] and fs[j].n == f.n and fs[j].Y == -f.Y
                  and fs[j].colour == f.colour), None)
        if j is None:
            out.append(Multiplet("ML", (f,)))
        else:
            used[j] = True
            out.append(Multiplet("DL", (f, fs[j])))
    return out


# ------------------------------------------------------------------------------------------------
# What is left to cancel, and with what
# ------------------------------------------------------------------------------------------------
def _two_singlets(s: Fraction, c: Fraction):
    """Rational X1 <= X2 with X1 + X2 = s, X1^3 + X2^3 = c, or None."""
    if s == 0:
        return None
    p = (s**3 - c) / (3 * s)
    r = rational_sqrt(s * s - 4 * p)
    if r is None:
        return None
    return sorted([(s - r) / 2, (s + r) / 2])


def singlet_solution(sum_X, sum_X3, max_singlets: int = 3, max_denominator: int = 6):
    """Charges X_beta of at most `max_singlets` right-handed SM singlets N_R with sum X = sum_X, sum X^3 = sum_X3.

    Right-handed singlets enter Eqs. (2.2), (2.3) with a minus sign (Sec. 2, Table 1), so they cancel a left-over
    (2.2) = sum_X and (2.3) = sum_X3.  Exact search: one singlet if sum_X^3 = sum_X3; two from the quadratic
    X^2 - s X + (s^3 - c)/(3 s) = 0 with a rational discriminant; three by scanning X_3 = k/q (q <= max_denominator).
    Returns a sorted list of Fractions ([] if nothing is left) or None if no such solution was found.
    """
    s, c = as_fraction(sum_X, "sum_X"), as_fraction(sum_X3, "sum_X3")
    if isinstance(max_singlets, bool) or not isinstance(max_singlets, int) or not 0 <= max_singlets <= 3:
        raise ValueError(f"max_singlets must be an integer in [0, 3], got {max_singlets!r}")
    if s == 0 and c == 0:
        return []
    if max_singlets >= 1 and s**3 == c:
        return [s]
    if max_singlets >= 2:
        two = _two_singlets(s, c)
        if two is not None:
            return two
    if max_singlets >= 3:
        span = max(2, 2 * math.ceil(abs(s)))
        q_max = validate.integer(max_denominator, "max_denominator", 1, 1000)
        validate.work(q_max * (q_max + 1) * span + q_max, validate.SINGLET_CANDIDATES_MAX,
                      f"the three-singlet search for sum X = {validate._show(s)}",
                      "the trial charges X_3 = k/q span |k/q| <= 2 |sum X|")
        cands = sorted({Fraction(k, q) for q in range(1, max_denominator + 1) for k in range(-span * q, span * q + 1)},
                       key=lambda t: (t.denominator, abs(t), t < 0))
        for t in cands:
            two = _two_singlets(s - t, c - t**3)
            if two is not None:
                return sorted(two + [t])
    return None


def _family_option(name, params, where, alphas, anomalons_extra, singlets_X, reading=None):
    spec = build_family(name, alpha_BL=alphas.alpha_BL, **params)
    report = AnomalyReport(alphas, list(spec.fields) + list(anomalons_extra), make_singlets(singlets_X))
    t = report.total
    crit = check_criteria(spec)
    try:
        bound = float(naturalness.naturalness_bound_TeV(spec, reading=naturalness.DEFAULT_READING if reading is None else reading))
    except ValueError:
        bound = None
    return {"family": name, "params": dict(params), "where": where, "X_S": crit.X_S,
            "fields": [(f.n, f.Y, f.X) for f in spec.fields], "criteria_ok": crit.all_ok,
            "naturalness_bound_TeV": bound, "ew_cancelled": t["2.4"] == 0 and t["2.5"] == 0 and t["2.6"] == 0,
            "singlets_needed": _bounded_singlet_solution(t["2.2"], t["2.3"])[0]}


def _bounded_singlet_solution(sum_X, sum_X3):
    """(singlet_solution, None), or (None, why) when the search is beyond its work bound (physics.validate)."""
    try:
        return singlet_solution(sum_X, sum_X3), None
    except validate.DomainError as exc:
        return None, str(exc)


def suggestions(report: AnomalyReport, has_anomalons: bool, singlets_X=(), naturalness_reading=None) -> dict:
    """What is left in Eqs. (2.2)-(2.6) after SM + anomalons + singlets, and what kind of field would cancel it.

    Returns {"left": {eq: value != 0}, "text": [sentences], "singlets_needed": list | None (for (2.2)/(2.3)),
    "families": [options of FAMILY_SUGGESTIONS scaled to alpha_{B+L}, each with criteria, naturalness bound and the
    singlets it then needs]}.
    """
    a = report.alphas
    total = report.total
    left = {k: v for k, v in total.items() if v != 0}
    text, families, need = [], [], None
    ew = {k: total[k] for k in ("2.4", "2.5") if total[k] != 0}
    if ew:
        if not has_anomalons:
            text.append(f"(2.4) = {total['2.4']}, (2.5) = {total['2.5']} are the SM terms +/-(3/2) alpha_B+L with "
                        f"alpha_B+L = {a.alpha_BL}: they need electroweak anomalons (Sec. 2.2 (iv)), e.g. an "
                        "Appendix A family scaled to this alpha_B+L: Eq. (A.6) m = 2, 3, ... (one ML + one DL pair, "
                        "Table 2) or Eq. (A.11) (two DL pairs, Table 3); see 'families'.")
            for name, params, where in FAMILY_SUGGESTIONS:
                families.append(_family_option(name, params, where, a, (), singlets_X, naturalness_reading))
        else:
            sm = report.sm
            text.append(f"(2.4) = {total['2.4']}, (2.5) = {total['2.5']}: the anomalons do not cancel the SM terms "
                        f"{sm['2.4']}, {sm['2.5']} (= +/-(3/2) alpha_B+L). Their own part must be {-sm['2.4']} in "
                        f"(2.4) and {-sm['2.5']} in (2.5): rescale their charges, or use an Appendix A family built "
                        "for this alpha_B+L (Eq. (A.6), Eq. (A.11)).")
    if total["2.6"] != 0:
        text.append(f"(2.6) = {total['2.6']}: sum n Y X^2 over the anomalons must vanish (the SM part is 0); fields of "
                    "opposite Y need equal |X|, as in the DL pairs of Eq. (A.6).")
    if total["2.2"] != 0 or total["2.3"] != 0:
        need, refused = _bounded_singlet_solution(total["2.2"], total["2.3"])
        if refused:
            sol = f"the search for an explicit solution was not run: {refused}"
        elif need is None:
            sol = "no solution with at most three rational charges of denominator <= 6 was found"
        else:
            sol = "e.g. " + ", ".join(f"X = {x}" for x in need)
        text.append(f"(2.2) = {total['2.2']}, (2.3) = {total['2.3']}: add right-handed SM singlets N_R with "
                    f"sum X = {total['2.2']} and sum X^3 = {total['2.3']} (Sec. 2.2 (iv)); {sol}.")
    if not report.witten_ok:
        text.append("Witten: the number of Weyl SU(2) multiplets with n = 4l+2 is odd; add one more (e.g. a doublet) "
                    "or choose a family with an even count.")
    if not text:
        text.append("anomaly free: Eqs. (2.2)-(2.6) vanish and the Witten condition holds.")
    return {"left": left, "text": text, "singlets_needed": need, "families": families}


# ------------------------------------------------------------------------------------------------
# The explorer
# ------------------------------------------------------------------------------------------------
def _gx_max_at(channel, mX, a, b_invisible):
    """gX_max of one channel at mX (as the plane does: physics.pheno.limits.coupling_limit), or (None, reason)."""
    lo, hi = rates.mass_range(channel)
    if not lo < mX < hi:
        return None, f"kinematically closed: m_X must lie in ({lo:g}, {hi:.4g}) GeV"
    if not limits.DATASETS[channel]:
        return None, "no limit dataset (only BaBar best-fit bands in the shared data)"
    if a.alpha_BL == 0:
        return None, "alpha_B+L = 0: A_XWW^SM = A_XYY^SM = 0 (Eq. 3.2), no WZ-induced rate"
    if not isinstance(b_invisible, str) and b_invisible == 0:
        return None, "B(X -> E_miss) = 0 at this m_X: X decays only to visible final states"
    try:
        if isinstance(b_invisible, str):
            r = limits.coupling_limit(channel, mX, a)
            if r["gX_max"] is None:  # no signal: the reason says why (physics.pheno.limits)
                return None, r["reason"]
            g = float(r["gX_max"])
        else:
            r = limits.coupling_limit(channel, mX, a, include_invisible=False)
            g = float(r["gX_max"]) / math.sqrt(b_invisible)
    except ValueError as exc:
        return None, str(exc)
    return {"gX_max": g, "dataset": r["dataset"], "cl": r["cl"]}, None


def viable_region(pl: dict) -> dict:
    """Viable band of the plane (Sec. 3.3): naturalness (Delta = 100) < g_X < min(strongest current limit, direct
    line y = sqrt(4 pi)).  Returns mX_GeV, gX_min, gX_max (NaN where empty), the mask and its m_X intervals."""
    m = pl["mX_GeV"]
    if not pl["naturalness"]:
        return {"mX_GeV": m, "gX_min": np.full(m.shape, np.nan), "gX_max": np.full(m.shape, np.nan),
                "mask": np.zeros(m.shape, bool), "intervals_GeV": [],
                "note": "no anomalons needed (alpha_B+L = 0): no naturalness or direct-search lines"}
    env = plane.strongest_channel(pl)["gX_max"]
    top = pl["direct"][VIABLE_DIRECT]["gX"]
    top = np.where(np.isnan(env), top, np.fmin(env, top))
    low = pl["naturalness"][VIABLE_NATURALNESS]["gX"]
    mask = low < top
    return {"mX_GeV": m, "gX_min": np.where(mask, low, np.nan), "gX_max": np.where(mask, top, np.nan), "mask": mask,
            "intervals_GeV": plane.intervals(mask, m),
            "note": "naturalness Delta = 100 (y = sqrt(4 pi)) < g_X < min(current limits, direct m_Psi > 100 GeV with "
                    "y = sqrt(4 pi))"}


def explore(alphas, family=None, params=None, fields=None, singlets=(), mX=None, gX=None, *,
            b_invisible="model", plane_grid=None, naturalness_reading=None) -> dict:
    """All outputs of the book for the U(1)_X `alphas` (ChargeAssignment or {"B": .., "e": .., "mu": .., "tau": ..}).

    family/params: an Appendix-A family (`physics.model.classification.FAMILIES`, e.g. "A.6", {"m": 3}) built for this
    alpha_{B+L}; fields: extra left-handed anomalons as (n, Y, X) triples; singlets: U(1)_X charges of right-handed SM
    singlets N_R (Table 1); mX (GeV) and gX: the point where rates, limits and the viability are evaluated (optional).
    b_invisible: "model" (Eq. 3.28 generalised; X -> hadrons for alpha_B != 0) or a constant B(X -> E_miss) in (0, 1].
    plane_grid: {"mX_min", "mX_max", "n"} for the summary plane (default PLANE_GRID).
    naturalness_reading: a `physics.model.naturalness.Reading` for Eq. (2.9) (default: that module's default).

    Keys (the CLI contract): alpha_BL, anomalies, witten_ok, criteria, naturalness_bound_TeV, BR, gX_max; and model,
    alphas, traces, fields, suggestions, B_invisible, BR_Emiss, BR_closed, gX_max_skipped, gX_max_dataset, point,
    plane, viable, notes; BR_unphysical ({channel: reason}: a branching ratio above 1 is flagged there and left out of
    BR and BR_Emiss); X_decays (fractions of X -> invisible / charged leptons / hadrons at m_X, b_invisible="model").  Raises ValueError for bad input, naming what was wrong.
    """
    reading = naturalness.DEFAULT_READING if naturalness_reading is None else naturalness_reading
    a = _alphas(alphas)
    mX, gX = _mass(mX, "mX"), _mass(gX, "gX")
    if gX is not None and mX is None:
        raise ValueError("gX needs mX (the point (m_X, g_X) where the rates are evaluated)")
    if params is not None and family is None:
        raise ValueError("params given without family: pass family='A.6' (or another of "
                         f"{sorted(FAMILIES)}) together with params")
    if params is not None and not isinstance(params, dict):
        raise ValueError(f"params must be a dict such as {{'m': 3}}, got {params!r}")
    if isinstance(b_invisible, str):
        if b_invisible != "model":
            raise ValueError(f"b_invisible must be 'model' or a number in (0, 1], got {b_invisible!r}")
    else:
        b = _mass(b_invisible, "b_invisible")
        if b > 1:
            raise ValueError(f"b_invisible must lie in (0, 1], got {b}")
        b_invisible = b
    grid = {**PLANE_GRID, **(plane_grid or {})}
    if set(grid) != set(PLANE_GRID):
        raise ValueError(f"plane_grid keys must be among {sorted(PLANE_GRID)}, got {sorted(plane_grid)}")

    # anomalons: an Appendix-A family (scaled to alpha_B+L) and/or custom left-handed fields
    multiplets, spec_name, spec_params = [], [], {}
    if family is not None:
        if family not in FAMILIES:
            raise ValueError(f"unknown family {family!r}; known: {sorted(FAMILIES)}")
        p = dict(params or {})
        if "alpha_BL" in p and as_fraction(p["alpha_BL"], "alpha_BL") != a.alpha_BL:
            raise ValueError(f"params alpha_BL = {p['alpha_BL']} differs from the charges' alpha_B+L = {a.alpha_BL}")
        p.pop("alpha_BL", None)
        if a.alpha_BL == 0:
            raise ValueError(f"family {family} needs alpha_B+L != 0; these charges ({a.label()}) have alpha_B+L = 0 "
                             "and need no electroweak anomalons")
        spec = build_family(family, alpha_BL=a.alpha_BL, **p)
        multiplets += list(spec.multiplets)
        spec_name.append(family)
        spec_params = dict(spec.params)
    custom = _custom_fields(fields)
    if custom:
        multiplets += pair_multiplets(custom)
        spec_name.append("custom")
    singlet_X = [validate.charge(x, "singlet charge") for x in (singlets or ())]
    anomalon_fields = [f for mlt in multiplets for f in mlt.fields]
    report = AnomalyReport(a, anomalon_fields, make_singlets(singlet_X))
    tr = sm_traces(a)
    total = report.total
    out = {
        "model": a.label(), "alphas": a, "alpha_BL": a.alpha_BL,
        "traces": {"A_XWW_SM": tr["XWW"], "A_XYY_SM": tr["XYY"]},
        "fields": [{"name": f.name, "n": f.n, "Y": f.Y, "X": f.X, "chirality": f.chirality}
                   for f in report.anomalons + report.singlets],
        "anomalies": {"sm": report.sm, "anomalons": report.anomalon_part, "singlets": report.singlet_part,
                      "total": total, "anomaly_free": report.anomaly_free,
                      "witten_count": witten_count(report.anomalons + report.singlets)},
        "witten_ok": report.witten_ok, "notes": [],
    }
    out["suggestions"] = suggestions(report, bool(anomalon_fields), singlet_X, reading)
    out["anomalies"]["left"] = out["suggestions"]["left"]

    # Sec. 2.2 criteria and the naturalness bound of Eq. (2.9)
    if multiplets:
        spectrum = Spectrum("+".join(spec_name), tuple(multiplets), a.alpha_BL, spec_params)
        c = check_criteria(spectrum)
        out["criteria"] = {"i": {"ok": c.i.ok, "reason": c.i.reason}, "ii": {"ok": c.ii.ok, "reason": c.ii.reason},
                           "iii": {"ok": c.iii.ok, "reason": c.iii.reason}, "X_S": c.X_S, "all_ok": c.all_ok}
        try:
            out["naturalness_bound_TeV"] = float(naturalness.naturalness_bound_TeV(spectrum, reading=reading))
        except ValueError as exc:
            out["naturalness_bound_TeV"] = None
            out["notes"].append(f"naturalness bound not computed: {exc}")
    else:
        out["criteria"] = None
        out["naturalness_bound_TeV"] = None
        out["notes"].append("no anomalons given: criteria (i)-(iii) and the naturalness bound of Eq. (2.9) apply to "
                            "anomalons" + ("; see suggestions['families']" if a.alpha_BL != 0 else
                                           " and alpha_B+L = 0 needs none"))

    # B(X -> E_miss), rates and limits at (m_X, g_X)
    out["BR"], out["BR_closed"], out["BR_Emiss"], out["B_invisible"] = {}, {}, {}, None
    out["gX_max"], out["gX_max_skipped"], out["gX_max_dataset"], out["point"] = {}, {}, {}, None
    out["X_decays"] = None
    out["BR_unphysical"] = {}
    if mX is not None:
        if isinstance(b_invisible, str):
            try:
                out["B_invisible"] = float(plane.invisible_fraction(mX, a))
                w = hadrons.widths(mX, a)
                tot = float(w["total"])
                out["X_decays"] = ({"invisible": float(w["invisible"]) / tot,
                                    "charged_leptons": float(w["charged_leptons"]) / tot,
                                    "hadrons": float(w["hadrons"]) / tot} if tot > 0 else None)
            except ValueError as exc:
                out["notes"].append(f"B(X -> E_miss) not computed: {exc}")
        else:
            out["B_invisible"] = b_invisible
            out["notes"].append(f"B(X -> E_miss) = {b_invisible:g} assumed (b_invisible), not computed")
        for ch in rates.CHANNELS:
            lo, hi = rates.mass_range(ch)
            if not lo < mX < hi:
                out["BR_closed"][ch] = f"kinematically closed: m_X must lie in ({lo:g}, {hi:.4g}) GeV"
            elif gX is not None:
                br = float(rates.branching_ratio(ch, mX, gX=gX, alphas=a)["BR"])
                if not br <= 1:  # flagged, not printed as a result (issue #16)
                    out["BR_unphysical"][ch] = (
                        f"BR = {br:.3g} > 1: the rate of Eqs. (3.9)-(3.14) exceeds the total width of the decaying "
                        f"particle at g_X = {gX:g}, m_X = {mX:g} GeV; this (m_X, g_X) is far outside the region where "
                        "X is a small perturbation (and excluded by every search)")
                else:
                    out["BR"][ch] = br
                    if out["B_invisible"] is not None:
                        out["BR_Emiss"][ch] = br * out["B_invisible"]
            binv = b_invisible if out["B_invisible"] is not None else "model"
            if isinstance(binv, str) and out["B_invisible"] == 0:
                binv = 0.0
            g, why = _gx_max_at(ch, mX, a, binv)
            if g is None:
                out["gX_max_skipped"][ch] = why
            else:
                out["gX_max"][ch] = g["gX_max"]
                out["gX_max_dataset"][ch] = g["dataset"]

    # the plane of Sec. 3.3 and its viable region
    try:
        pl = plane.summary_plane(a, grid["mX_min"], grid["mX_max"], grid["n"], b_invisible=b_invisible)
    except ValueError as exc:
        pl = None
        out["notes"].append(f"summary plane not computed: {exc}")
    out["plane"] = pl
    out["viable"] = viable_region(pl) if pl is not None else None
    if mX is not None and gX is not None:
        excluded = sorted(ch for ch, g in out["gX_max"].items() if gX > g)
        pt = {"mX_GeV": mX, "gX": gX, "excluded_by": excluded,
              "m_Psi_per_unit_y_GeV": validate.finite(mX / gX, "m_X/g_X", f"g_X = {gX:g} is too small")}
        if a.alpha_BL != 0:
            pt["below_naturalness"] = bool(gX < float(plane.naturalness_line(mX, 100)))
            pt["above_direct"] = bool(gX > float(plane.direct_search_line(mX, plane.Y_PERTURBATIVE)))
            pt["viable"] = not excluded and not pt["below_naturalness"] and not pt["above_direct"]
        else:
            pt["viable"] = not excluded
        out["point"] = pt
    return out


def to_json(result: dict, include_plane: bool = False) -> dict:
    """JSON form of an `explore` result (Fractions -> "p/q", arrays -> lists with NaN -> None), the CLI's output.

    The plane arrays are left out unless include_plane (use ``python -m physics plane`` for them); the viable
    intervals are always kept."""
    r = dict(result)
    pl = r.pop("plane")
    v = r.pop("viable")
    out = plane.plane_to_json(r)
    out["viable_intervals_GeV"] = None if v is None else [list(iv) for iv in v["intervals_GeV"]]
    if include_plane:
        out["plane"] = None if pl is None else plane.plane_to_json(pl)
    return out


# ------------------------------------------------------------------------------------------------
# Benchmark models of the book's explorer page (notebooks/11_explorer.md)
# ------------------------------------------------------------------------------------------------
#: Common point where the benchmarks' rates and limits are tabulated: m_X = 1 GeV, g_X = 1e-3 -- inside the L_tau
#: viable band of Sec. 3.3 (naturalness 3.5e-4 < g_X < Belle II recast 2.8e-3).  A display choice, not from the paper.
BENCHMARK_POINT = {"mX": 1.0, "gX": 1.0e-3}

#: name -> explore() keyword arguments.  Anomalons: Eq. (A.6) m = 3 scaled to alpha_{B+L} (the Table 5 structure),
#: singlets from `singlet_solution` (checked anomaly free in tests/test_explorer.py).  For alpha_B != 0 the invisible
#: fraction of X is not modelled (hadronic decays): B(X -> E_miss) = 1 is ASSUMED, which makes the limits the
#: strongest possible (optimistic); below m_pi0 the B-coupled X has no tree-level decay, where 1 is exact at tree level.
BENCHMARKS = {
    "L_tau": {"alphas": {"tau": 1}, "family": "A.6", "params": {"m": 3}, "singlets": ("1/12", "1"),
              "label": "L<sub>τ</sub> + (A.6) m=3 (Table 5)"},
    "L_mu": {"alphas": {"mu": 1}, "family": "A.6", "params": {"m": 3}, "singlets": ("1/12", "1"),
             "label": "L<sub>μ</sub> + (A.6) m=3"},
    "B": {"alphas": {"B": 1}, "family": "A.6", "params": {"m": 3}, "singlets": ("1/4",), "b_invisible": 1.0,
          "label": "B + (A.6) m=3, B(X→inv)=1 assumed"},
    "B-3L_tau": {"alphas": {"B": 1, "tau": -3}, "singlets": ("-3",), "b_invisible": 1.0,
                 "label": "B − 3L<sub>τ</sub> (α<sub>B+L</sub> = 0)"},
    "L_mu-L_tau": {"alphas": {"mu": 1, "tau": -1}, "label": "L<sub>μ</sub> − L<sub>τ</sub> (α<sub>B+L</sub> = 0)"},
}


def explore_benchmark(name: str, mX=None, gX=None, plane_grid=None, naturalness_reading=None) -> dict:
    """`explore` for one of BENCHMARKS at (mX, gX) (default BENCHMARK_POINT)."""
    if name not in BENCHMARKS:
        raise ValueError(f"unknown benchmark {name!r}; known: {list(BENCHMARKS)}")
    kw = {k: v for k, v in BENCHMARKS[name].items() if k != "label"}
    mX = BENCHMARK_POINT["mX"] if mX is None else mX
    gX = BENCHMARK_POINT["gX"] if gX is None else gX
    return explore(**kw, mX=mX, gX=gX, plane_grid=plane_grid, naturalness_reading=naturalness_reading)

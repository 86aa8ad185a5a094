"""The text's statements checked: Sec. 3.3 (what the (m_X, g_X) plane of Fig. 3 shows) and Sec. 3.2.5 (what would have
to change to obtain each printed number of the Belle II fit).

Paper layer: the only code here that knows the printed values (g_X ≃ 0.018, 5.6e-7, 1.1e-5, 4.3 sigma) takes them from
`physics.paper.printed`.
"""
from __future__ import annotations

import math

import numpy as np

from physics import inputs as I
from physics.pheno import limits, rates
from physics.paper.printed import BR_KSTAR, BR_Z_GAMMA_X, GX_BEST_FIT, SIGMA_PREFERENCE

#: The Belle II best fit as printed (Sec. 3.2.5): m_X from the two-body fit it quotes (physics.inputs), g_X printed.
BEST_FIT_PRINTED = {"mX_GeV": I.MX_BENCHMARK, "gX": GX_BEST_FIT, "mX_err_GeV": I.MX_BENCHMARK_ERR}


def fig3_statements(plane: dict | None = None, best_fit: dict | None = None) -> dict:
    """The quantitative statements of Sec. 3.3 evaluated on `plane` (default: tau model, 0.01-10 GeV, n = 500).

    Returns:
      threshold: `invisible_threshold` (2 m_tau, B above threshold, B -> 1/3);
      dominance: `dominance(plane)`;
      na62_percent: m_X intervals where NA62's gX_max < the Delta = 100 line (NA62 excludes every UV completion
        tuned at 1% or better), NA62's covered range, and the largest Delta NA62 reaches (and where);
      tuning_reach: largest Delta reached by each current channel and by the FCC-ee projections, and the FCC-ee
        Delta on the flat part (m_X < 2 m_tau, where both lines scale like m_X);
      direct_vs_indirect: per meson channel, max of gX_max / g_direct over its range for y = 1 and sqrt(4 pi), and
        where the direct line is stronger;
      fcc_vs_current: FCC-ee g_X reach / strongest current limit (max and min over the grid);
      best_fit: the Belle II best fit (`best_fit` or `best_fit_point()`) against each current limit at its mass;
      fcc_improvement: L3/FCC BR ratio and its square root (the g_X ratio), in orders of magnitude.
    """
    # imported here, not at the top: the Sec. 3.2.5 checks below (chapter 05) do not need the plane
    from physics.pheno.plane import (FIG3_CHANNELS, direct_search_line, dominance, intervals, invisible_threshold,
                                     naturalness_line, strongest_channel, summary_plane, tuning_reach)

    p = summary_plane() if plane is None else plane
    if not p["channels"]:
        raise ValueError(f"no channel limits for {p['model']}: {' '.join(p['notes'])}")
    m = p["mX_GeV"]
    a = p["alphas"]
    y = next(iter(p["naturalness"].values()))["y"]
    res = {"model": p["model"], "threshold": invisible_threshold(a), "dominance": dominance(p)}
    # NA62 vs the percent line
    na = p["channels"]["NA62"]["gX_max"]
    nat100 = naturalness_line(m, 100, y)
    cov = ~np.isnan(na)
    below = cov & (na < nat100)
    reach = np.where(cov, tuning_reach(np.where(cov, na, 1.0), m, y), np.nan)
    i = int(np.nanargmax(reach))
    res["na62_percent"] = {"intervals_GeV": intervals(below, m), "covered_GeV": intervals(cov, m),
                           "fraction_of_covered": float(below.sum() / cov.sum()),
                           "max_delta": float(reach[i]), "max_delta_at_GeV": float(m[i]),
                           "min_delta": float(np.nanmin(reach)), "min_delta_at_GeV": float(m[int(np.nanargmin(reach))])}
    # tuning reach of every curve
    tr = {}
    for group in ("channels", "projections"):
        for k, c in p[group].items():
            ok = ~np.isnan(c["gX_max"])
            if not np.any(ok):
                continue
            r = tuning_reach(c["gX_max"][ok], m[ok], y)
            j = int(np.argmax(r))
            tr[k] = {"max_delta": float(r[j]), "at_GeV": float(m[ok][j])}
    thr = res["threshold"]["threshold_GeV"]
    for k, c in p["projections"].items():
        flat = (m < thr) & ~np.isnan(c["gX_max"])
        r = tuning_reach(c["gX_max"][flat], m[flat], y)
        tr[k].update({"delta_below_threshold": (float(r.min()), float(r.max()))})
    res["tuning_reach"] = tr
    # indirect vs direct
    dvi = {}
    for k in ("NA62", "KOTO", "Belle II", "Belle", "L3"):
        g = p["channels"][k]["gX_max"]
        ok = ~np.isnan(g)
        d = {}
        for key, line in p["direct"].items():
            ratio = g[ok] / line["gX"][ok]
            d[key] = {"max_ratio": float(ratio.max()), "at_GeV": float(m[ok][int(np.argmax(ratio))]),
                      "direct_stronger_GeV": intervals(ratio > 1, m[ok])}
        dvi[k] = d
    res["direct_vs_indirect"] = dvi
    # FCC-ee projection against the strongest current limit
    cur = strongest_channel(p)
    res["fcc_vs_current"] = {}
    for k, c in p["projections"].items():
        ok = ~np.isnan(c["gX_max"]) & ~np.isnan(cur["gX_max"])
        ratio = c["gX_max"][ok] / cur["gX_max"][ok]
        j = int(np.argmax(ratio))
        res["fcc_vs_current"][k] = {"max_ratio": float(ratio[j]), "at_GeV": float(m[ok][j]),
                                    "min_ratio": float(ratio.min())}
    # the Belle II best fit against the current limits at its mass
    bf = best_fit_point() if best_fit is None else best_fit
    at = {}
    for k, spec in FIG3_CHANNELS.items():
        vals = []
        for ch, ds in zip(spec["channels"], spec["datasets"]):
            lo_, hi_ = rates.mass_range(ch)
            if lo_ < bf["mX_GeV"] < hi_:
                v = limits.coupling_limit(ch, bf["mX_GeV"], a, ds, out_of_range="nan")["gX_max"]
                if np.isfinite(v):
                    vals.append(float(v))
        if vals:
            at[k] = {"gX_max": min(vals), "best_fit_over_limit": bf["gX"] / min(vals)}
    alt = limits.coupling_limit("B+->K+X", bf["mX_GeV"], a, "belle2_recast_band_high")["gX_max"]
    at["Belle II (band_high reading)"] = {"gX_max": float(alt), "best_fit_over_limit": bf["gX"] / float(alt)}
    res["best_fit"] = {"point": bf, "limits_at_mX": at,
                       "direct": {k: float(direct_search_line(bf["mX_GeV"], d["y"], d["m_psi_min_GeV"]))
                                  for k, d in p["direct"].items()},
                       "m_psi_GeV_per_unit_y": bf["mX_GeV"] / bf["gX"]}
    c = limits.constant_limits()
    l3 = c["L3_Z"]["br"]
    res["fcc_improvement"] = {}
    for key, name in (("fcc_ee", "FCC-ee"), ("fcc_ee_naive", "FCC-ee (Eq. 3.16)")):
        rb = l3 / c[key]["br"]
        res["fcc_improvement"][name] = {"BR_ratio": rb, "BR_orders": math.log10(rb), "gX_ratio": math.sqrt(rb),
                                        "gX_orders": 0.5 * math.log10(rb)}
    return res


def best_fit_point(mX: float = I.MX_BENCHMARK) -> dict:
    """The Belle II best fit of the tau model (Sec. 3.2.5).

    Computed by `physics.pheno.fit`: g_X of `fit_summary(model="tau", mX=mX)` and the 1 sigma interval
    Delta chi^2 <= 1 of `profile_1d` (scanned on 2001 points of [0, 2 g_best]); "printed" holds the paper's value.
    """
    from physics.pheno import fit

    printed = dict(BEST_FIT_PRINTED)
    summary, profile = fit.fit_summary, fit.profile_1d
    s = summary(model="tau", mX=mX)
    g0 = float(s["gX_best"])
    grid = np.linspace(0.0, 2 * g0, 2001)
    chi = np.asarray(profile(grid, model="tau", mX=mX)["chi2"], float)
    inside = grid[chi - chi.min() <= 1.0]
    return {"mX_GeV": mX, "gX": g0, "gX_1sigma": (float(inside.min()), float(inside.max())),
            "mX_err_GeV": printed["mX_err_GeV"], "printed": printed,
            "source": "physics.pheno.fit (computed: fit_summary, 1 sigma from profile_1d)"}


def fit_targets() -> dict:
    """What would have to change to obtain each printed number of Sec. 3.2.5 (default options, tau model).

    gS_scale_for_gX: factor on |g_S| per unit g_X (Eq. 3.25 x Eq. 3.6) that would move the best fit to 0.018;
    gX_for_BRZ / gX_for_BRKstar: g_X at which our B(Z -> gamma X) = 5.6e-7 / B(B+ -> K*+ X) = 1.1e-5;
    chi2_SM_needed: chi^2_SM - chi^2_min = 4.3^2 (1 dof), vs chi^2_SM of the g_S^2 Gaussian = (mu/2 sigma)^2.
    """
    from physics.pheno.fit import MODELS, Chi2, fit_summary

    X2 = Chi2()
    s = fit_summary()
    aw = float(MODELS["tau"]["traces"][0])
    # B(Z), B(K*) scale as g_X^2
    gZ = s["gX_best"] * math.sqrt(BR_Z_GAMMA_X / s["BR_Z_gammaX"])
    gK = s["gX_best"] * math.sqrt(BR_KSTAR / s["BR_B+_K*+X"])
    # the data fix |g_S| = aS |A_XWW| g_X, so g_X_best scales as 1/aS: 0.018 needs aS x (g_X_best/0.018)
    return {"gS_scale_for_gX": s["gX_best"] / GX_BEST_FIT,
            "mb_for_gX": X2.c["ms"] + (X2.c["mb"] - X2.c["ms"]) * s["gX_best"] / GX_BEST_FIT,
            "gX_for_BRZ": gZ, "gX_for_BRKstar": gK,
            "chi2_SM": s["chi2_SM"], "delta_chi2_needed": SIGMA_PREFERENCE**2, "gS_per_gX": X2.c["aS"] * abs(aw)}

"""The (m_X, g_X) plane of Sec. 3.3 ("IR-UV interplay") and Fig. 3 of arXiv:2603.04394.

For a U(1)_X of Eq. (1.1) (default benchmark: gauged tau flavour, alpha_tau = 1, A_XYY^SM = -A_XWW^SM = 1) this
module collects, on one m_X grid:

* upper limits on g_X from every missing-energy channel of Fig. 3 (L3 Z -> gamma X, NA62 K+ -> pi+ X,
  KOTO K_L -> pi0 X, CLEO D -> pi X for m_X <~ 0.1 GeV, Belle B -> pi/rho X, Belle II B+ -> K+ X recast), each
  computed by `physics.limits.coupling_limit` with B(X -> E_miss) of Eq. (3.28) (`physics.rates.invisible_branching`);
* the direct anomalon-search line m_Psi = y_Psi m_X/g_X > 100 GeV (Sec. 3.3), i.e. the UPPER limit
  g_X < y_Psi m_X / (100 GeV), for y_Psi = 1 and sqrt(4 pi);
* the finite-naturalness line m_Psi <~ sqrt(Delta) TeV (Secs. 2.1 and 3.3), i.e. the LOWER limit
  g_X >~ y_Psi m_X / (sqrt(Delta) TeV), for y_Psi = sqrt(4 pi) and Delta = 100 (percent) and 1000 (per mille);
* projections: FCC-ee Z -> gamma X (2e-11, Ref. [42]; 2.5e-11, Eq. 3.16).  The rare-meson projections that the paper
  takes from its Ref. [55] are not available here (data README, gap 5) and are listed in ``missing_projections``.

The Fig. 3 caption calls the experimental curves "lower limits on g_X"; they are upper limits (a branching-ratio
bound excludes couplings ABOVE the curve).  Only the naturalness line is a lower limit on g_X.

X decays (general lepton-number model, alpha_B = 0): X -> nu_i nubar_i (invisible, left-handed neutrinos only,
always open) and X -> l_i+ l_i- (visible, for m_X >= 2 m_i), widths proportional to alpha_i^2 (`decay_channels`).
Models with alpha_B != 0 also decay to hadrons, which is not modelled: `summary_plane` then raises ValueError unless
an explicit ``b_invisible`` (a number in (0, 1]) is given.  Models with alpha_{B+L} = 0 (L_mu - L_tau, B - L) have
A_XWW^SM = A_XYY^SM = 0 (Eq. 3.2): no WZ-induced signal, no EW anomaly to cancel, hence no channels and no anomalon
lines; the result says so in ``notes``.
"""
from __future__ import annotations

import math
from fractions import Fraction
from numbers import Real

import numpy as np

from . import inputs as I
from . import limits, rates
from .anomalies import sm_traces
from .charges import LEPTON_FLAVOURS, ChargeAssignment, TAU_MODEL

TEV = 1.0e3                    # GeV
M_PSI_DIRECT = 100.0           # GeV, conservative direct anomalon bound imposed in Sec. 3.3 of arXiv:2603.04394
Y_PERTURBATIVE = math.sqrt(4 * math.pi)  # y_Psi = sqrt(4 pi), "perturbative upper benchmark", Sec. 3.3
Y_DIRECT = (1.0, Y_PERTURBATIVE)         # Sec. 3.3: yellow dotted (y = 1) and full (y = sqrt(4 pi)) lines of Fig. 3
DELTAS = (100, 1000)                     # Sec. 3.3: percent tuning (Eq. 2.8) and the per-mille level (lower panel text)
BEST_FIT_PRINTED = {"mX_GeV": I.MX_BENCHMARK, "gX": I.GX_BENCHMARK_PRINTED,  # Sec. 3.2.5 (physics.inputs)
                    "mX_err_GeV": I.MX_BENCHMARK_ERR}

#: The curves of Fig. 3: our channel names (physics.rates), default datasets (physics.limits), paper colour.
#: "Belle" is the strongest of the four B -> pi/rho limits at each m_X (the paper draws one purple line).
FIG3_CHANNELS = {
    "L3": {"channels": ("Z->gammaX",), "datasets": ("L3_Z",), "colour": "#e377c2",
           "label": "L3 Z→γX [41]", "paper_colour": "pink"},
    "NA62": {"channels": ("K+->pi+X",), "datasets": ("na62_combined",), "colour": "#d62728",
             "label": "NA62 K⁺→π⁺X [20]", "paper_colour": "red"},
    "KOTO": {"channels": ("KL->pi0X",), "datasets": ("koto_2015",), "colour": "#1f4fd6",
             "label": "KOTO K_L→π⁰X (2015 data)", "paper_colour": "blue"},
    "CLEO": {"channels": ("D+->pi+X",), "datasets": ("cleo_D",), "colour": "#ff8c00",
             "label": "CLEO D→πX [38,51]", "paper_colour": "orange"},
    "Belle": {"channels": ("B+->pi+X", "B0->pi0X", "B+->rho+X", "B0->rho0X"),
              "datasets": ("belle_pi+", "belle_pi0_printed", "belle_rho+", "belle_rho0"), "colour": "#7b2fa0",
              "label": "Belle B→π/ρ X [39]", "paper_colour": "purple"},
    "Belle II": {"channels": ("B+->K+X",), "datasets": ("belle2_recast",), "colour": "#2ca02c",
                 "label": "Belle II B⁺→K⁺X (recast) [22,60]", "paper_colour": "green"},
}

#: Lower panel of Fig. 3: projections available here (Z -> gamma X at FCC-ee) ...
PROJECTIONS = {
    "FCC-ee": {"channel": "Z->gammaX", "dataset": "fcc_ee", "colour": "#e377c2",
               "label": "FCC-ee Z→γX, 2×10⁻¹¹ [42]"},
    "FCC-ee (Eq. 3.16)": {"channel": "Z->gammaX", "dataset": "fcc_ee_naive", "colour": "#e377c2",
                          "label": "FCC-ee Z→γX, Eq. (3.16) 2.5×10⁻¹¹"},
}
#: ... and the ones the paper draws but which are not available (shared/data/limits/README.md, gap 5).
MISSING_PROJECTIONS = (
    "K+ -> pi+ X, K_L -> pi0 X, D -> pi X, B -> pi/rho X and B+ -> K+ X projections at flavour factories "
    "(the paper's Ref. [55], not identified: the reference list is missing; no numbers available, none invented)",
)

_LEPTON_MASS = {"e": I.M_E, "mu": I.M_MU, "tau": I.M_TAU}


# ------------------------------------------------------------------------------------------------
# Validation
# ------------------------------------------------------------------------------------------------
def as_alphas(alphas) -> ChargeAssignment:
    """A ChargeAssignment from a ChargeAssignment or a mapping {"B": .., "e": .., "mu": .., "tau": ..}."""
    if isinstance(alphas, ChargeAssignment):
        return alphas
    if isinstance(alphas, dict):
        return ChargeAssignment.from_mapping(alphas)
    raise ValueError(f"alphas must be a physics.charges.ChargeAssignment or a mapping like {{'tau': 1}}, "
                     f"got {type(alphas).__name__}")


def _positive(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{what} must be a positive finite number, got {value!r}")
    return float(value)


def _mass_grid(mX_min, mX_max, n) -> np.ndarray:
    lo, hi = _positive(mX_min, "mX_min (GeV)"), _positive(mX_max, "mX_max (GeV)")
    if not lo < hi:
        raise ValueError(f"need mX_min < mX_max, got {lo} and {hi} GeV")
    if hi >= I.M_Z:
        raise ValueError(f"mX_max must be below m_Z = {I.M_Z} GeV (Z -> gamma X), got {hi}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    return np.geomspace(lo, hi, int(n))


# ------------------------------------------------------------------------------------------------
# X decays and B(X -> E_miss), Eq. (3.28)
# ------------------------------------------------------------------------------------------------
def decay_channels(alphas=TAU_MODEL) -> list[dict]:
    """Tree-level decays of X in a lepton-number model (alpha_B = 0): final state, invisible?, threshold (GeV).

    Partial widths (used by `physics.rates.invisible_branching`, Eq. (3.28) for the tau model):
    Gamma(nu_i nubar_i) = alpha_i^2 g_X^2 m_X/(24 pi);
    Gamma(l_i+ l_i-) = alpha_i^2 g_X^2 m_X/(12 pi) beta (1 + 2 m_i^2/m_X^2).
    alpha_B != 0 adds hadronic decays, not modelled here: ValueError.
    """
    a = as_alphas(alphas)
    if a.alpha_B != 0:
        raise ValueError(f"alpha_B = {a.alpha_B} != 0: X also decays to hadrons, which is not modelled; "
                         "only lepton-number models (alpha_B = 0) are covered")
    out = []
    for f in LEPTON_FLAVOURS:
        if a.lepton[f] != 0:
            out.append({"final_state": f"nu_{f} nubar_{f}", "invisible": True, "threshold_GeV": 0.0,
                        "alpha": a.lepton[f]})
            out.append({"final_state": f"{f}+ {f}-", "invisible": False, "threshold_GeV": 2 * _LEPTON_MASS[f],
                        "alpha": a.lepton[f]})
    return out


def invisible_fraction(mX, alphas=TAU_MODEL, b_invisible="model"):
    """B(X -> E_miss) at mX (GeV): Eq. (3.28) generalised (b_invisible="model") or the given constant in (0, 1].

    "model" needs alpha_B = 0 (hadronic decays not modelled) and at least one lepton charge.
    """
    a = as_alphas(alphas)
    m = np.asarray(mX, dtype=float)
    if not np.all(np.isfinite(m)) or np.any(m <= 0):
        raise ValueError(f"m_X must be finite and > 0 GeV, got {mX}")
    if isinstance(b_invisible, str):
        if b_invisible != "model":
            raise ValueError(f"b_invisible must be 'model' or a number in (0, 1], got {b_invisible!r}")
        if a.alpha_B != 0:
            raise ValueError(f"B(X -> E_miss) is not modelled for alpha_B = {a.alpha_B} != 0 (hadronic X decays); "
                             "pass an explicit b_invisible in (0, 1] to assume a value")
        return rates.invisible_branching(m, a)
    b = _positive(b_invisible, "b_invisible")
    if b > 1:
        raise ValueError(f"b_invisible must lie in (0, 1], got {b}")
    return np.full(m.shape, b) if m.ndim else b


def invisible_threshold(alphas=TAU_MODEL) -> dict:
    """The first visible threshold of Eq. (3.28) and the large-m_X limit of B(X -> E_miss) (Sec. 3.3).

    For the tau model: 2 m_tau = 3.554 GeV (the paper prints 3.55 GeV) and B -> 1/3 for m_X >> m_tau.  Returned:
    threshold_GeV, B just below/above it, B at 10 and 100 TeV (numerical), and the exact asymptote sum/3sum = 1/3.
    """
    a = as_alphas(alphas)
    vis = [d["threshold_GeV"] for d in decay_channels(a) if not d["invisible"]]
    if not vis:
        raise ValueError("all lepton charges vanish: X has no tree-level decays in this model")
    thr = min(vis)
    b = rates.invisible_branching(np.array([thr * (1 - 1e-9), thr * (1 + 1e-9), 1e4, 1e5]), a)
    return {"threshold_GeV": thr, "B_below": float(b[0]), "B_above": float(b[1]), "B_10TeV": float(b[2]),
            "B_100TeV": float(b[3]), "B_asymptote": Fraction(1, 3)}


# ------------------------------------------------------------------------------------------------
# The lines of Sec. 3.3
# ------------------------------------------------------------------------------------------------
def direct_search_line(mX, y=1.0, m_psi_min=M_PSI_DIRECT):
    """Upper limit g_X < y m_X / m_Psi_min from m_Psi = y v_X = y m_X/g_X > m_Psi_min (Sec. 3.3; GeV)."""
    m = np.asarray(mX, dtype=float)
    if not np.all(np.isfinite(m)) or np.any(m <= 0):
        raise ValueError(f"m_X must be finite and > 0 GeV, got {mX}")
    return _positive(y, "y_Psi") * m / _positive(m_psi_min, "m_psi_min (GeV)")


def naturalness_line(mX, delta=100, y=Y_PERTURBATIVE):
    """Lower limit g_X >~ y m_X / (sqrt(Delta) TeV) from m_Psi = y m_X/g_X <~ sqrt(Delta) TeV (Secs. 2.1, 3.3)."""
    m = np.asarray(mX, dtype=float)
    if not np.all(np.isfinite(m)) or np.any(m <= 0):
        raise ValueError(f"m_X must be finite and > 0 GeV, got {mX}")
    d = _positive(delta, "Delta")
    if d < 1:
        raise ValueError(f"Delta (tuning 1/Delta) must be >= 1, got {d}")
    return _positive(y, "y_Psi") * m / (math.sqrt(d) * TEV)


def tuning_reach(gX, mX, y=Y_PERTURBATIVE):
    """The Delta at which the naturalness line meets the coupling gX at mX: Delta = (y m_X / (g_X TeV))^2.

    A limit gX_max excludes every UV completion with tuning milder than 1/Delta at that m_X.
    """
    g, m = np.asarray(gX, dtype=float), np.asarray(mX, dtype=float)
    if np.any(g <= 0) or np.any(m <= 0):
        raise ValueError("gX and mX must be > 0")
    return (_positive(y, "y_Psi") * m / (g * TEV)) ** 2


# ------------------------------------------------------------------------------------------------
# The plane
# ------------------------------------------------------------------------------------------------
def _curve(channel, dataset, m, alphas, b_inv, options):
    """gX_max of one (channel, dataset) on grid m; NaN outside the kinematic or data range."""
    lo, hi = rates.mass_range(channel)
    out = np.full(m.shape, np.nan)
    brl = np.full(m.shape, np.nan)
    inside = (m > lo) & (m < hi)
    if not np.any(inside):
        return out, brl, None, None
    mi = m[inside]
    if isinstance(b_inv, str):  # "model": exactly physics.limits.coupling_limit with Eq. (3.28)
        r = limits.coupling_limit(channel, mi, alphas, dataset, out_of_range="nan", **options)
        g = r["gX_max"]
    else:
        r = limits.coupling_limit(channel, mi, alphas, dataset, out_of_range="nan", include_invisible=False,
                                  **options)
        g = r["gX_max"] / np.sqrt(b_inv)
    out[inside], brl[inside] = g, r["BR_limit"]
    return out, brl, r["dataset"], r["cl"]


def summary_plane(alphas=TAU_MODEL, mX_min: float = 0.01, mX_max: float = 10.0, n: int = 500, *,
                  datasets: dict | None = None, b_invisible="model", y_direct=Y_DIRECT,
                  m_psi_min: float = M_PSI_DIRECT, deltas=DELTAS, y_naturalness: float = Y_PERTURBATIVE,
                  **options) -> dict:
    """All curves of Fig. 3 for the U(1)_X `alphas` on n log-spaced masses in [mX_min, mX_max] (GeV).

    datasets: {channel: dataset} overrides of `physics.limits.DATASETS` (e.g. {"KL->pi0X": "koto_2021_rescaled"}).
    b_invisible: "model" (Eq. 3.28 generalised; alpha_B must be 0) or a constant B(X -> E_miss) in (0, 1].
    options: passed to `physics.rates.branching_ratio` (g_scheme, mt_scheme, ff_fit, ckm, kl_form_factor).

    Returns a dict with
      "mX_GeV" (grid), "model", "traces" {"XWW", "XYY"} (Fractions, Eq. 3.2), "B_invisible" (array or None),
      "channels": {name: {"mX_GeV", "gX_max" (NaN outside range), "BR_limit", "direction": "upper", "label",
                          "colour", "datasets", "cl", "members" (per sub-channel gX_max, Belle only)}},
      "projections": {name: same layout}, "missing_projections": [text],
      "direct": {"y=1", "y=sqrt(4pi)": {"mX_GeV", "gX", "y", "m_psi_min_GeV", "direction": "upper"}},
      "naturalness": {"Delta=100", "Delta=1000": {"mX_GeV", "gX", "y", "delta", "direction": "lower"}},
      "notes": [text].
    Raises ValueError for bad masses, n, alphas, datasets or options.
    """
    a = as_alphas(alphas)
    m = _mass_grid(mX_min, mX_max, n)
    ds_over = dict(datasets or {})
    known = {c for spec in FIG3_CHANNELS.values() for c in spec["channels"]}
    bad = set(ds_over) - known
    if bad:
        raise ValueError(f"datasets given for unknown channel(s) {sorted(bad)}; Fig. 3 channels: {sorted(known)}")
    for ch, ds in ds_over.items():
        if ds not in limits.DATASETS[ch]:
            raise ValueError(f"dataset {ds!r} not available for {ch}; allowed: {limits.DATASETS[ch]}")
    bad = set(options) - rates._OPTIONS
    if bad:
        raise ValueError(f"unknown option(s) {sorted(bad)}; allowed: {sorted(rates._OPTIONS)}")
    ys = [_positive(y, "y_direct") for y in y_direct]
    ds_list = [_positive(d, "Delta") for d in deltas]
    tr = sm_traces(a)
    out = {"mX_GeV": m, "model": a.label(), "alphas": a, "traces": tr, "B_invisible": None, "channels": {},
           "projections": {}, "missing_projections": list(MISSING_PROJECTIONS), "direct": {}, "naturalness": {},
           "notes": []}
    if tr["XWW"] == 0 and tr["XYY"] == 0:
        out["notes"].append(
            f"{a.label()}: alpha_B+L = {a.alpha_BL}, so A_XWW^SM = A_XYY^SM = 0 (Eq. 3.2): no Wess-Zumino coupling, "
            "hence no WZ-induced Z -> gamma X or flavour-changing meson decays (Eqs. 3.6, 3.13): no channel limits.")
        out["notes"].append("No EW anomaly to cancel, so no anomalons: the direct-search and naturalness lines of "
                            "Sec. 3.3 do not apply.")
        out["missing_projections"] = []
        return out
    b_inv = b_invisible
    if isinstance(b_invisible, str):
        invisible_fraction(m, a, b_invisible)  # validates: alpha_B = 0 (then alpha_B+L != 0 implies a lepton charge)
        out["B_invisible"] = rates.invisible_branching(m, a)
        out["notes"].append("B(X -> E_miss) from Eq. (3.28), generalised to the lepton charges of the model "
                            "(X -> nu nubar invisible, X -> l+ l- visible above 2 m_l).")
    else:
        b_inv = invisible_fraction(1.0, a, b_invisible)
        out["B_invisible"] = np.full(m.shape, b_inv)
        out["notes"].append(f"B(X -> E_miss) = {b_inv} assumed (explicit b_invisible), not computed.")
    if a.alpha_B != 0 or any(a.lepton[f] != 0 for f in ("e", "mu")):
        out["notes"].append("X couples to light leptons or quarks at tree level: visible-decay and other "
                            "tree-level bounds (not part of Fig. 3) are not included.")
    for name, spec in FIG3_CHANNELS.items():
        members, brls, descs, cls = {}, {}, [], []
        for ch, ds0 in zip(spec["channels"], spec["datasets"]):
            ds = ds_over.get(ch, ds0)
            g, brl, desc, cl = _curve(ch, ds, m, a, b_inv, options)
            members[ch], brls[ch] = g, brl
            if desc:
                descs.append(desc)
                cls.append(cl)
        stack = np.vstack(list(members.values()))
        with np.errstate(invalid="ignore"):
            g = np.where(np.all(np.isnan(stack), axis=0), np.nan, np.nanmin(np.where(np.isnan(stack), np.inf, stack),
                                                                               axis=0))
        out["channels"][name] = {"mX_GeV": m, "gX_max": g, "direction": "upper", "label": spec["label"],
                                 "colour": spec["colour"], "channel": list(spec["channels"]),
                                 "datasets": descs, "cl": cls, "members": members if len(members) > 1 else {},
                                 "BR_limit": brls if len(brls) > 1 else brls[spec["channels"][0]]}
    for name, spec in PROJECTIONS.items():
        g, brl, desc, cl = _curve(spec["channel"], spec["dataset"], m, a, b_inv, options)
        out["projections"][name] = {"mX_GeV": m, "gX_max": g, "BR_limit": brl, "direction": "upper",
                                    "label": spec["label"], "colour": spec["colour"], "channel": [spec["channel"]],
                                    "datasets": [desc], "cl": [cl]}
    for y in ys:
        key = "y=1" if y == 1 else ("y=sqrt(4pi)" if y == Y_PERTURBATIVE else f"y={y:g}")
        out["direct"][key] = {"mX_GeV": m, "gX": direct_search_line(m, y, m_psi_min), "y": y,
                              "m_psi_min_GeV": m_psi_min, "direction": "upper",
                              "meaning": f"m_Psi = y m_X/g_X > {m_psi_min:g} GeV  =>  g_X < y m_X/{m_psi_min:g} GeV"}
    for d in ds_list:
        out["naturalness"][f"Delta={d:g}"] = {
            "mX_GeV": m, "gX": naturalness_line(m, d, y_naturalness), "y": y_naturalness, "delta": d,
            "direction": "lower",
            "meaning": f"m_Psi = y m_X/g_X <~ sqrt({d:g}) TeV  =>  g_X >~ y m_X/({math.sqrt(d):.4g} TeV)"}
    return out


def plane_to_json(plane: dict) -> dict:
    """A JSON-serialisable copy of a `summary_plane` result (for the CLI): arrays -> lists with NaN -> None,
    Fractions -> "p/q" strings, the ChargeAssignment -> {"B", "e", "mu", "tau"} strings."""
    def conv(v):
        if isinstance(v, ChargeAssignment):
            return {"B": str(v.alpha_B), "e": str(v.alpha_e), "mu": str(v.alpha_mu), "tau": str(v.alpha_tau)}
        if isinstance(v, Fraction):
            return str(v)
        if isinstance(v, dict):
            return {str(k): conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        if isinstance(v, np.ndarray):
            return [None if not np.isfinite(x) else float(x) for x in v.astype(float).ravel()]
        if isinstance(v, (np.floating, float)):
            return float(v) if math.isfinite(v) else None
        if isinstance(v, np.integer):
            return int(v)
        return v
    return conv(plane)


# ------------------------------------------------------------------------------------------------
# Statements of Sec. 3.3, checked by computation
# ------------------------------------------------------------------------------------------------
def intervals(mask, mX) -> list[tuple[float, float]]:
    """Contiguous [m_lo, m_hi] (GeV, grid points) where the boolean mask holds."""
    mask = np.asarray(mask, bool)
    m = np.asarray(mX, float)
    out, start = [], None
    for i, v in enumerate(mask):
        if v and start is None:
            start = i
        if start is not None and (not v or i == mask.size - 1):
            end = i if v else i - 1
            out.append((float(m[start]), float(m[end])))
            start = None
    return out


def strongest_channel(plane: dict, which: str = "channels") -> dict:
    """Per m_X, the channel with the smallest gX_max ("" where none applies) and that value."""
    names = list(plane[which])
    if not names:
        return {"mX_GeV": plane["mX_GeV"], "channel": np.full(plane["mX_GeV"].shape, ""),
                "gX_max": np.full(plane["mX_GeV"].shape, np.nan)}
    stack = np.vstack([np.where(np.isnan(plane[which][k]["gX_max"]), np.inf, plane[which][k]["gX_max"])
                       for k in names])
    idx = np.argmin(stack, axis=0)
    best = stack[idx, np.arange(stack.shape[1])]
    ch = np.array(names, dtype=object)[idx]
    ch[~np.isfinite(best)] = ""
    return {"mX_GeV": plane["mX_GeV"], "channel": ch.astype(str), "gX_max": np.where(np.isfinite(best), best, np.nan)}


def dominance(plane: dict) -> list[dict]:
    """Segments [m_lo, m_hi] (grid points, GeV) over which one channel gives the strongest limit on g_X."""
    s = strongest_channel(plane)
    out = []
    for name in dict.fromkeys(s["channel"]):
        if name:
            for lo, hi in intervals(s["channel"] == name, s["mX_GeV"]):
                out.append({"channel": str(name), "mX_lo_GeV": lo, "mX_hi_GeV": hi})
    return sorted(out, key=lambda d: d["mX_lo_GeV"])


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

    From `physics.fit` when that module is importable: g_X of `fit_summary(model="tau", mX=mX)` and the 1 sigma
    interval Delta chi^2 <= 1 of `profile_1d` (scanned on 2001 points of [0, 2 g_best]).  Otherwise the paper's printed
    g_X ~ 0.018 at m_X = 2.1 GeV.  "source" says which; "printed" always holds the paper's value.
    """
    printed = dict(BEST_FIT_PRINTED)
    try:
        from . import fit  # noqa: PLC0415  (optional module, written separately)
        summary, profile = fit.fit_summary, fit.profile_1d
    except (ImportError, AttributeError):
        return {**printed, "gX_1sigma": None, "printed": printed,
                "source": "printed value (Sec. 3.2.5: g_X ~ 0.018 at m_X = 2.1 GeV), not computed here"}
    s = summary(model="tau", mX=mX)
    g0 = float(s["gX_best"])
    grid = np.linspace(0.0, 2 * g0, 2001)
    chi = np.asarray(profile(grid, model="tau", mX=mX)["chi2"], float)
    inside = grid[chi - chi.min() <= 1.0]
    return {"mX_GeV": mX, "gX": g0, "gX_1sigma": (float(inside.min()), float(inside.max())),
            "mX_err_GeV": printed["mX_err_GeV"], "printed": printed,
            "source": "physics.fit (computed: fit_summary, 1 sigma from profile_1d)"}


# ------------------------------------------------------------------------------------------------
# Figures (presentation only; matplotlib / plotly imported lazily)
# ------------------------------------------------------------------------------------------------
YELLOW, GRAY = "#e6b800", "#808080"


def _mpl_label(text: str) -> str:
    """Plot labels: subscripts of the plain-text labels in matplotlib mathtext."""
    for plain, tex in (("K_L", "$K_L$"), ("g_X", "$g_X$"), ("m_X", "$m_X$"), ("y_Ψ", "$y_\\Psi$"), ("m_Ψ", "$m_\\Psi$")):
        text = text.replace(plain, tex)
    return text


def plot_fig3(ax, plane: dict, panel: str = "upper", best_fit: dict | None = None, ylim=(1e-7, 1e3)):
    """Draw one panel of Fig. 3 on a matplotlib Axes: 'upper' (current limits) or 'lower' (+ projections).

    Region above the strongest current limit: light gray (excluded); below the naturalness lines: gray bands.
    """
    if panel not in ("upper", "lower"):
        raise ValueError(f"panel must be 'upper' or 'lower', got {panel!r}")
    m = plane["mX_GeV"]
    ax.set_xscale("log")
    ax.set_yscale("log")
    top = ylim[1]
    # naturalness: gray bands BELOW the lines (tuning worse than 1/Delta)
    nat = sorted(plane["naturalness"].values(), key=lambda d: d["delta"])
    for k, d in enumerate(nat):
        ax.fill_between(m, ylim[0], d["gX"], color=GRAY, alpha=0.16, lw=0)
        ax.plot(m, d["gX"], color="0.45", lw=1.0, ls="-" if k == 0 else "--",
                label=f"naturalness Δ = {d['delta']:g}: g_X ≳ line")
    # the union of the current exclusions
    env = strongest_channel(plane)["gX_max"]
    ok = ~np.isnan(env)
    ax.fill_between(m, np.where(ok, env, top), top, where=ok, color="#c8c8d8", alpha=0.35, lw=0,
                    label="excluded by current limits" if panel == "upper" else None)
    # direct anomalon searches: region ABOVE the lines excluded
    for d in plane["direct"].values():
        ax.plot(m, d["gX"], color=YELLOW, lw=1.8, ls=":" if d["y"] == 1 else "-",
                label=(f"LHC direct m_Ψ > {d['m_psi_min_GeV']:g} GeV, "
                       f"y_Ψ = {'1' if d['y'] == 1 else '√4π'}: g_X < line"))
    solid_alpha = 1.0 if panel == "upper" else 0.45
    for c in plane["channels"].values():
        ax.plot(m, c["gX_max"], color=c["colour"], lw=1.8, alpha=solid_alpha,
                label=c["label"] if panel == "upper" else None)
    if panel == "lower":
        for name, c in plane["projections"].items():
            ax.plot(m, c["gX_max"], color=c["colour"], lw=1.8, ls="--" if "Eq." not in name else "-.",
                    label=c["label"] + " (projection)")
        if plane["missing_projections"]:
            ax.plot([], [], color="0.5", alpha=0.45, lw=1.8, label="current limits (faded; colours as upper panel)")
            ax.text(0.98, 0.97, "Meson-decay projections (paper Ref. [55]):\nnot available here, not drawn",
                    transform=ax.transAxes, va="top", ha="right", fontsize=8,
                    bbox={"fc": "white", "ec": "0.6", "alpha": 0.9})
    if best_fit is not None:
        computed = "computed" in best_fit["source"]
        x0, dx = best_fit["mX_GeV"], best_fit["mX_err_GeV"]
        if best_fit.get("gX_1sigma"):
            lo, hi = best_fit["gX_1sigma"]
            ax.fill_between([x0 - dx, x0 + dx], lo, hi, color="gold", alpha=0.7, ec="black", lw=0.6, zorder=9,
                            label="Belle II best-fit region (1σ in g_X, m_X = 2.1 ± 0.1 GeV)")
        ax.plot([x0], [best_fit["gX"]], "*", ms=10, color="black", mfc="gold", zorder=10,
                label=f"best fit g_X = {best_fit['gX']:.3f} ({'computed' if computed else 'printed'})")
        if computed:
            pr = best_fit["printed"]
            ax.plot([pr["mX_GeV"]], [pr["gX"]], "D", ms=5, mfc="none", color="black", zorder=10,
                    label=f"paper's printed g_X ≈ {pr['gX']}")
    thr = 2 * I.M_TAU
    if m[0] < thr < m[-1]:
        ax.axvline(thr, color="0.4", lw=0.7, ls=(0, (2, 3)))
        ax.text(thr * 1.04, ylim[0] * 3, r"$2m_\tau$", fontsize=9, color="0.3")
    for line in ax.get_lines():
        lab = line.get_label()
        if not lab.startswith("_"):
            line.set_label(_mpl_label(lab))
    for coll in ax.collections:
        lab = coll.get_label()
        if not lab.startswith("_"):
            coll.set_label(_mpl_label(lab))
    ax.set_xlim(m[0], m[-1])
    ax.set_ylim(*ylim)
    ax.set_xlabel(r"$m_X$ [GeV]")
    ax.set_ylabel(r"$g_X$")
    return ax


def plotly_fig3(plane: dict, best_fit: dict | None = None, ylim=(1e-7, 1e3)):
    """Interactive Fig. 3 (plotly): all current limits, projections (dashed, hidden at first), lines of Sec. 3.3.

    Hover shows the curve, m_X and g_X; log axes with zoom.  Needs plotly (imported here only).
    """
    import plotly.graph_objects as go  # noqa: PLC0415

    m = plane["mX_GeV"]
    hover = "%{fullData.name}<br>m<sub>X</sub> = %{x:.3g} GeV<br>g<sub>X</sub> = %{y:.3e}<extra></extra>"
    fig = go.Figure()

    def line(x, yv, name, colour, dash="solid", visible=True, group=None):
        keep = ~np.isnan(yv)
        name = name.replace("K_L", "K<sub>L</sub>")
        fig.add_trace(go.Scatter(x=np.round(x[keep], 6), y=[float(f"{v:.5g}") for v in yv[keep]], name=name,
                                 mode="lines", line={"color": colour, "dash": dash, "width": 2},
                                 hovertemplate=hover, visible=visible, legendgroup=group))

    for d in sorted(plane["naturalness"].values(), key=lambda d: d["delta"]):
        line(m, d["gX"], f"naturalness Δ={d['delta']:g} (g<sub>X</sub> ≳ line)", GRAY,
             "solid" if d["delta"] == 100 else "dash")
    for d in plane["direct"].values():
        line(m, d["gX"], f"LHC direct y<sub>Ψ</sub>={'1' if d['y'] == 1 else '√4π'} (g<sub>X</sub> < line)", YELLOW,
             "dot" if d["y"] == 1 else "solid")
    for c in plane["channels"].values():
        line(m, c["gX_max"], c["label"] + " (g<sub>X</sub> < line)", c["colour"])
    for name, c in plane["projections"].items():
        line(m, c["gX_max"], c["label"] + " projection", c["colour"], "dash" if "Eq." not in name else "dashdot",
             visible="legendonly")
    if best_fit is not None:
        computed = "computed" in best_fit["source"]
        pts = [(best_fit["mX_GeV"], best_fit["gX"], "star", "gold",
                f"Belle II best fit ({'computed' if computed else 'printed'})", best_fit.get("gX_1sigma"))]
        if computed:
            pr = best_fit["printed"]
            pts.append((pr["mX_GeV"], pr["gX"], "diamond-open", "black", "best fit as printed (g<sub>X</sub>≈0.018)",
                        None))
        for x0, g0, sym, col, name, sig in pts:
            err = ({"type": "data", "symmetric": False, "array": [sig[1] - g0], "arrayminus": [g0 - sig[0]]}
                   if sig else None)
            fig.add_trace(go.Scatter(x=[x0], y=[float(f"{g0:.5g}")], mode="markers", name=name, error_y=err,
                                     marker={"symbol": sym, "size": 13, "color": col, "line": {"color": "black",
                                                                                               "width": 1}},
                                     hovertemplate=hover))
    fig.update_xaxes(type="log", title="m<sub>X</sub> [GeV]", exponentformat="power",
                     range=[math.log10(m[0]), math.log10(m[-1])])
    fig.update_yaxes(type="log", title="g<sub>X</sub>", exponentformat="power",
                     range=[math.log10(ylim[0]), math.log10(ylim[1])])
    fig.update_layout(template="none", height=760, margin={"l": 60, "r": 10, "t": 30, "b": 40},
                      legend={"font": {"size": 10}, "orientation": "h", "x": 0, "xanchor": "left", "y": -0.12,
                              "yanchor": "top"}, hovermode="closest")
    return fig

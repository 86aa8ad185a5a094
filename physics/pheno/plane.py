"""The (m_X, g_X) plane of Sec. 3.3 ("IR-UV interplay") and Fig. 3 of arXiv:2603.04394.

For a U(1)_X of Eq. (1.1) (default benchmark: gauged tau flavour, alpha_tau = 1, A_XYY^SM = -A_XWW^SM = 1) this
module collects, on one m_X grid:

* upper limits on g_X from every missing-energy channel of Fig. 3 (L3 Z -> gamma X, NA62 K+ -> pi+ X,
  KOTO K_L -> pi0 X, CLEO D -> pi X for m_X <~ 0.1 GeV, Belle B -> pi/rho X, Belle II B+ -> K+ X recast), each
  computed by `physics.pheno.limits.coupling_limit` with B(X -> E_miss) of Eq. (3.28) (`physics.pheno.rates.invisible_branching`);
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
Models with alpha_B != 0 also decay to hadrons (x_q = alpha_B/3 for every quark): `physics.pheno.hadrons`, the
data-driven vector-meson-dominance model of arXiv:1801.04847 below 2 GeV and perturbative quarks above; hadronic final
states are visible, so they lower B(X -> E_miss).  Models with alpha_{B+L} = 0 (L_mu - L_tau, B - L) have
A_XWW^SM = A_XYY^SM = 0 (Eq. 3.2): no WZ-induced signal, no EW anomaly to cancel, hence no channels and no anomalon
lines; the result says so in ``notes``.
"""
from __future__ import annotations

import math
from fractions import Fraction
from numbers import Real

import numpy as np

from physics import inputs as I
from physics import validate
from physics.pheno import hadrons, limits, rates
from physics.model.anomalies import sm_traces
from physics.model.charges import LEPTON_FLAVOURS, ChargeAssignment, TAU_MODEL

TEV = 1.0e3                    # GeV
M_PSI_DIRECT = 100.0           # GeV, conservative direct anomalon bound imposed in Sec. 3.3 of arXiv:2603.04394
Y_PERTURBATIVE = math.sqrt(4 * math.pi)  # y_Psi = sqrt(4 pi), "perturbative upper benchmark", Sec. 3.3
Y_DIRECT = (1.0, Y_PERTURBATIVE)         # Sec. 3.3: yellow dotted (y = 1) and full (y = sqrt(4 pi)) lines of Fig. 3
DELTAS = (100, 1000)                     # Sec. 3.3: percent tuning (Eq. 2.8) and the per-mille level (lower panel text)

#: The curves of Fig. 3: our channel names (physics.pheno.rates), default datasets (physics.pheno.limits), paper colour.
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
#: A ChargeAssignment from a ChargeAssignment or a mapping (one parser: `ChargeAssignment.coerce`).
as_alphas = ChargeAssignment.coerce


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
    validate.mass(lo, "mX_min (GeV)", I.M_Z, where="m_Z")  # the declared domain (physics.validate)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {validate._show(n)}")
    return np.geomspace(lo, hi, validate.grid_size(n, "n (number of masses)"))


# ------------------------------------------------------------------------------------------------
# X decays and B(X -> E_miss), Eq. (3.28)
# ------------------------------------------------------------------------------------------------
def decay_channels(alphas=TAU_MODEL) -> list[dict]:
    """Tree-level decays of X in a lepton-number model (alpha_B = 0): final state, invisible?, threshold (GeV).

    Partial widths (used by `physics.pheno.rates.invisible_branching`, Eq. (3.28) for the tau model):
    Gamma(nu_i nubar_i) = alpha_i^2 g_X^2 m_X/(24 pi);
    Gamma(l_i+ l_i-) = alpha_i^2 g_X^2 m_X/(12 pi) beta (1 + 2 m_i^2/m_X^2).
    alpha_B != 0 adds "hadrons" (visible; threshold: the pi0 gamma channel of the VMD tables, `physics.pheno.hadrons`).
    """
    a = as_alphas(alphas)
    out = []
    for f in LEPTON_FLAVOURS:
        if a.lepton[f] != 0:
            out.append({"final_state": f"nu_{f} nubar_{f}", "invisible": True, "threshold_GeV": 0.0,
                        "alpha": a.lepton[f]})
            out.append({"final_state": f"{f}+ {f}-", "invisible": False, "threshold_GeV": 2 * _LEPTON_MASS[f],
                        "alpha": a.lepton[f]})
    if a.alpha_B != 0:
        out.append({"final_state": "hadrons", "invisible": False,
                    "threshold_GeV": float(hadrons.table("pi0_gamma", "omega")[0][0]), "alpha": a.alpha_B})
    return out


def invisible_fraction(mX, alphas=TAU_MODEL, b_invisible="model"):
    """B(X -> E_miss) at mX (GeV): Eq. (3.28) generalised (b_invisible="model") or the given constant in (0, 1].

    "model": invisible widths over all widths, with X -> hadrons for alpha_B != 0 (`physics.pheno.hadrons`).
    """
    a = as_alphas(alphas)
    m = np.asarray(mX, dtype=float)
    if not np.all(np.isfinite(m)) or np.any(m <= 0):
        raise ValueError(f"m_X must be finite and > 0 GeV, got {mX}")
    if isinstance(b_invisible, str):
        if b_invisible != "model":
            raise ValueError(f"b_invisible must be 'model' or a number in (0, 1], got {b_invisible!r}")
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
    g = validate.real_array(gX, "gX", 0.0, lo_open=True)
    m = validate.real_array(mX, "mX (GeV)", 0.0, lo_open=True)
    with np.errstate(over="ignore"):
        out = (_positive(y, "y_Psi") * m / (g * TEV)) ** 2
    return validate.finite(out, "Delta", "g_X too small or m_X too large for a finite tuning")


# ------------------------------------------------------------------------------------------------
# The plane
# ------------------------------------------------------------------------------------------------
def _curve(channel, dataset, m, alphas, b_inv, options, cov_scale=1.0):
    """gX_max of one (channel, dataset) on grid m; NaN outside the kinematic or data range.

    Also its 68% form-factor band (`physics.pheno.limits.limit_band`): returns (gX_max, BR_limit, dataset, cl, band)
    with band = {"lo", "hi" (NaN outside the range, and everywhere without a covariance), "available", "note"}.
    """
    lo, hi = rates.mass_range(channel)
    out = np.full(m.shape, np.nan)
    brl = np.full(m.shape, np.nan)
    band = {"lo": np.full(m.shape, np.nan), "hi": np.full(m.shape, np.nan), "available": False, "note": "",
            "fit": None}
    inside = (m > lo) & (m < hi)
    if not np.any(inside):
        return out, brl, None, None, band
    mi = m[inside]
    if isinstance(b_inv, str):  # "model": exactly physics.pheno.limits.coupling_limit with Eq. (3.28)
        r = limits.coupling_limit(channel, mi, alphas, dataset, out_of_range="nan", **options)
        g = r["gX_max"]
    else:
        r = limits.coupling_limit(channel, mi, alphas, dataset, out_of_range="nan", include_invisible=False,
                                  **options)
        g = r["gX_max"] / np.sqrt(b_inv)
    out[inside], brl[inside] = g, r["BR_limit"]
    if g is not None:
        b = limits.limit_band(channel, mi, g, cov_scale, options.get("ff_fit"))
        band["lo"][inside], band["hi"][inside] = b["lo"], b["hi"]
        band["available"], band["note"], band["fit"] = b["available"], b["note"], b["fit"]
    return out, brl, r["dataset"], r["cl"], band


def _envelope(curves) -> np.ndarray:
    """Pointwise minimum of several curves, NaN where all are NaN (the strongest limit)."""
    stack = np.vstack(curves)
    with np.errstate(invalid="ignore"):
        return np.where(np.all(np.isnan(stack), axis=0), np.nan,
                        np.nanmin(np.where(np.isnan(stack), np.inf, stack), axis=0))


def _band_note(bands: dict) -> str:
    """One text for the band of a curve: its form-factor fits, or why there is none."""
    notes = list(dict.fromkeys(b["note"] for b in bands.values() if b["note"]))
    if not notes:
        return "no band (channel closed on this grid)"
    if not any(b["fit"] for b in bands.values()):
        return " | ".join(notes) + " (band = curve)"
    return ("68% band from the form-factor covariance, other inputs fixed: " if any(b["available"] for b in bands.values())
            else "no band: ") + " | ".join(notes)


def summary_plane(alphas=TAU_MODEL, mX_min: float = 0.01, mX_max: float = 10.0, n: int = 500, *,
                  datasets: dict | None = None, b_invisible="model", y_direct=Y_DIRECT,
                  m_psi_min: float = M_PSI_DIRECT, deltas=DELTAS, y_naturalness: float = Y_PERTURBATIVE,
                  cov_scale: float = 1.0, **options) -> dict:
    """All curves of Fig. 3 for the U(1)_X `alphas` on n log-spaced masses in [mX_min, mX_max] (GeV).

    datasets: {channel: dataset} overrides of `physics.pheno.limits.DATASETS` (e.g. {"KL->pi0X": "koto_2021_rescaled"}).
    b_invisible: "model" (Eq. 3.28 generalised, with X -> hadrons for alpha_B != 0) or a constant B(X -> E_miss) in (0, 1].
    options: passed to `physics.pheno.rates.branching_ratio` (g_scheme, mt_scheme, ff_fit, ckm, kl_form_factor).

    Returns a dict with
      "mX_GeV" (grid), "model", "traces" {"XWW", "XYY"} (Fractions, Eq. 3.2), "B_invisible" (array or None),
      "channels": {name: {"mX_GeV", "gX_max" (NaN outside range), "BR_limit", "direction": "upper", "label",
                          "colour", "datasets", "cl", "members" (per sub-channel gX_max, Belle only),
                          "gX_max_lo", "gX_max_hi" (68% band from the form-factor covariance, other inputs fixed,
                          `physics.pheno.limits.limit_band`; cov_scale multiplies the covariance; NaN where the fit
                          has no covariance, e.g. CLEO D -> pi; equal to gX_max for L3, which has no form factor),
                          "band_available", "band_note"}},
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
        out["B_invisible"] = invisible_fraction(m, a, b_invisible)
        out["notes"].append("B(X -> E_miss) from Eq. (3.28), generalised to the lepton charges of the model "
                            "(X -> nu nubar invisible, X -> l+ l- visible above 2 m_l)"
                            + (" and to X -> hadrons (visible; VMD fit of arXiv:1801.04847 below 2 GeV, perturbative "
                               "quarks above)." if a.alpha_B != 0 else "."))
    else:
        b_inv = invisible_fraction(1.0, a, b_invisible)
        out["B_invisible"] = np.full(m.shape, b_inv)
        out["notes"].append(f"B(X -> E_miss) = {b_inv} assumed (explicit b_invisible), not computed.")
    if a.alpha_B != 0 or any(a.lepton[f] != 0 for f in ("e", "mu")):
        out["notes"].append("X couples to light leptons or quarks at tree level: visible-decay and other "
                            "tree-level bounds (not part of Fig. 3) are not included.")
    for name, spec in FIG3_CHANNELS.items():
        members, brls, descs, cls, bands = {}, {}, [], [], {}
        for ch, ds0 in zip(spec["channels"], spec["datasets"]):
            ds = ds_over.get(ch, ds0)
            g, brl, desc, cl, band = _curve(ch, ds, m, a, b_inv, options, cov_scale)
            members[ch], brls[ch], bands[ch] = g, brl, band
            if desc:
                descs.append(desc)
                cls.append(cl)
        g = _envelope(list(members.values()))
        # the band of the strongest-of-several curve (Belle): the strongest of the members' band edges, i.e. all
        # member rates moved to their 68% edges together
        lo = _envelope([b["lo"] for b in bands.values()])
        hi = _envelope([b["hi"] for b in bands.values()])
        avail = [b["available"] for ch, b in bands.items() if b["note"]]
        out["channels"][name] = {"mX_GeV": m, "gX_max": g, "direction": "upper", "label": spec["label"],
                                 "colour": spec["colour"], "channel": list(spec["channels"]),
                                 "datasets": descs, "cl": cls, "members": members if len(members) > 1 else {},
                                 "BR_limit": brls if len(brls) > 1 else brls[spec["channels"][0]],
                                 "gX_max_lo": lo, "gX_max_hi": hi, "band_available": bool(avail) and all(avail),
                                 "band_note": _band_note(bands)}
    for name, spec in PROJECTIONS.items():
        g, brl, desc, cl, band = _curve(spec["channel"], spec["dataset"], m, a, b_inv, options, cov_scale)
        out["projections"][name] = {"mX_GeV": m, "gX_max": g, "BR_limit": brl, "direction": "upper",
                                    "label": spec["label"], "colour": spec["colour"], "channel": [spec["channel"]],
                                    "datasets": [desc], "cl": [cl], "gX_max_lo": band["lo"], "gX_max_hi": band["hi"],
                                    "band_available": band["available"], "band_note": _band_note({0: band})}
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

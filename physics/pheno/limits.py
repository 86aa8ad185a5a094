"""Experimental limits of Secs. 3.2.1-3.2.4 (Table 4, Fig. 1, Eqs. 3.15-3.20) and their conversion into
upper limits on g_X A_XWW^SM (model independent) or on g_X (for a model, including B(X -> E_miss)).

Data: CSV files in <repo>/data/limits/ (copied verbatim, headers kept, from the project's shared limits
folder; see data/limits/README.md).  BR curves are interpolated linearly in log(BR) within each
contiguous segment of a file (a gap wider than 10 times the median spacing is not bridged).

Because every rate of `physics.pheno.rates` is proportional to (g_X A_XWW^SM)^2 (or g_X^2 in a model),
    gA_max(m_X) = sqrt(BR_lim(m_X) / BR(m_X; gA = 1)),
    gX_max(m_X) = sqrt(BR_lim(m_X) / [BR(m_X; g_X = 1, alphas) B(X -> E_miss)]).
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

from physics.pheno import form_factors as FF
from physics.pheno import rates
from physics.resources import data_path

# ------------------------------------------------------------------------------------------------
# Files
# ------------------------------------------------------------------------------------------------


def data_dir() -> Path:
    """The folder of the limit files, ``physics/data/limits`` (package data; ``data/limits`` in the repository)."""
    return data_path("limits")


@lru_cache(maxsize=None)
def read_table(filename: str) -> tuple[str, list[dict]]:
    """(header comment block, rows as dicts of strings) of a CSV file in data/limits/."""
    path = data_dir() / filename
    if not path.is_file():
        raise FileNotFoundError(f"limits file {filename!r} missing from {path.parent}")
    header, body = [], []
    with path.open(newline="") as fh:
        for line in fh:
            (header if line.startswith("#") else body).append(line)
    rows = list(csv.DictReader(body))
    return "".join(header), rows


@lru_cache(maxsize=None)
def _curve_arrays(filename: str, column: str) -> tuple[np.ndarray, np.ndarray]:
    _, rows = read_table(filename)
    m = np.array([float(r["m_X_GeV"]) for r in rows])
    br = np.array([float(r[column]) for r in rows])
    order = np.argsort(m, kind="stable")
    return m[order], br[order]


#: m_X-dependent BR limits (90% CL): name -> file, column, label.
CURVES = {
    "na62_2016_2022": {"file": "na62_kpi_x_2016_2022.csv", "column": "br_upper_limit", "cl": 0.90,
                       "label": "NA62 2016-2022, JHEP 11 (2025) 143, arXiv:2507.17286 (paper Ref. [20])"},
    "na62_pi0inv": {"file": "na62_kpi_x_pi0inv_recast.csv", "column": "br_upper_limit", "cl": 0.90,
                    "label": "NA62 pi0 -> invisible (2017 data), arXiv:2010.07644 (paper Ref. [47]), 110-150 MeV window"},
    "na62_recast_v1": {"file": "na62_kpi_x_2016_2022_recast_guadagnoli.csv", "column": "br_upper_limit", "cl": 0.90,
                       "label": "recast of NA62 2016-2022 data, arXiv:2503.05865 v1 (cross-check; NOT the 2016-2024 recast of Ref. [48])"},
    "koto_2015": {"file": "koto_klpi0_x_2015.csv", "column": "br_upper_limit", "cl": 0.90,
                  "label": "KOTO 2015 data, PRL 122 (2019) 021802, arXiv:1810.09655 (older than the paper's Ref. [37])"},
    "koto_2015_alt": {"file": "koto_klpi0_x_2015_alt_digitisation.csv", "column": "br_upper_limit", "cl": 0.90,
                      "label": "KOTO 2015 data, independent digitisation (arXiv:2201.06580 code)"},
    "belle2_recast": {"file": "belle2_bk_x_recast.csv", "column": "br_upper_limit", "cl": 0.90,
                      "label": "Belle II 362/fb B+ -> K+ nu nu recast as B+ -> K+ X, arXiv:2510.18953 (approximate 90% CL UL)"},
    "belle2_recast_band_high": {"file": "belle2_bk_x_recast_band.csv", "column": "br_band_high", "cl": 0.90,
                                "label": "same recast, upper band edge read as the limit (alternative reading)"},
}

@lru_cache(maxsize=None)
def constant_limits() -> dict:
    """Single-number limits from constant_limits.csv, d_pi_x_limits.csv and projections.csv, by short name."""
    _, rows = read_table("constant_limits.csv")
    by_obs = {r["observable"]: r for r in rows}
    names = {
        "L3_Z": "Z -> gamma X (X invisible)",
        "belle_rho+": "B+ -> rho+ E_miss",
        "belle_pi+": "B+ -> pi+ E_miss",
        "belle_rho0": "B0 -> rho0 E_miss",
        "belle_pi0_printed": "B0 -> pi0 E_miss",
        "belle_pi0": "B0 -> pi0 E_miss (Belle value)",
        "koto_inclusive": "K_L -> pi0 nu nubar (inclusive)",
        "koto_2021_anchor": "K_L -> pi0 X0 at m_X = 0.135 GeV",
        "koto_2015_anchor": "K_L -> pi0 X0 at m_X = 0.135 GeV (2015 data)",
        "pi0_invisible": "pi0 -> invisible",
    }
    out = {}
    for key, obs in names.items():
        r = by_obs[obs]
        out[key] = {"br": float(r["br_upper_limit"]), "cl": float(r["cl"]),
                    "m_min": float(r["m_X_min_GeV"]) if r["m_X_min_GeV"] else 0.0,
                    "m_max": float(r["m_X_max_GeV"]) if r["m_X_max_GeV"] else math.inf,
                    "file": "constant_limits.csv", "label": f"{obs}: {r['publication']} [{r['paper_eq']}]"}
    _, rows = read_table("d_pi_x_limits.csv")
    r = rows[0]
    out["cleo_D"] = {"br": float(r["br_upper_limit"]), "cl": float(r["cl"]), "m_min": 0.0,
                     "m_max": 0.1,  # paper Sec. 3.2.4: valid for m_X below the CLEO mass resolution, ~100 MeV
                     "file": "d_pi_x_limits.csv",
                     "label": "CLEO D+ -> tau nu data recast to massless X, arXiv:2002.04623 (paper Refs. [38], [51]); m_X <= 0.1 GeV"}
    _, rows = read_table("projections.csv")
    for r, key in zip(rows, ("fcc_ee", "fcc_ee_naive")):
        out[key] = {"br": float(r["br_sensitivity"]), "cl": None, "m_min": 0.0, "m_max": math.inf,
                    "file": "projections.csv", "label": f"{r['facility']} projection ({r['paper_ref']}; {r['source']})"}
    return out


#: Datasets available for each channel (first = default).
DATASETS = {
    "K+->pi+X": ["na62_combined", "na62_2016_2022", "na62_pi0inv", "na62_recast_v1"],
    "KL->pi0X": ["koto_2015", "koto_2015_alt", "koto_2021_rescaled"],
    "B+->K+X": ["belle2_recast", "belle2_recast_band_high"],
    "B+->pi+X": ["belle_pi+"],
    "B0->pi0X": ["belle_pi0_printed", "belle_pi0"],
    "B+->rho+X": ["belle_rho+"],
    "B0->rho0X": ["belle_rho0"],
    "D+->pi+X": ["cleo_D"],
    "Z->gammaX": ["L3_Z", "fcc_ee", "fcc_ee_naive"],
    "B0->K0X": [], "B+->K*+X": [], "B0->K*0X": [],
}


def _segments(m: np.ndarray) -> list[slice]:
    d = np.diff(m)
    if d.size == 0:
        return [slice(0, m.size)]
    cut = np.nonzero(d > 10 * np.median(d[d > 0]))[0]
    edges = [0, *(cut + 1), m.size]
    return [slice(a, b) for a, b in zip(edges[:-1], edges[1:])]


def _interp_curve(name: str, mX: np.ndarray) -> np.ndarray:
    """log-BR interpolation of CURVES[name] at mX; NaN outside the file's segments."""
    spec = CURVES[name]
    m, br = _curve_arrays(spec["file"], spec["column"])
    out = np.full(mX.shape, np.nan)
    for s in _segments(m):
        ms, ls = m[s], np.log(br[s])
        inside = (mX >= ms[0]) & (mX <= ms[-1])
        if np.any(inside):
            out[inside] = np.exp(np.interp(mX[inside], ms, ls))
    return out


def curve_range(name: str) -> list[tuple[float, float]]:
    """Mass segments (GeV) covered by curve `name`."""
    spec = CURVES[name]
    m, _ = _curve_arrays(spec["file"], spec["column"])
    return [(float(m[s][0]), float(m[s][-1])) for s in _segments(m)]


def koto_2021_rescale_factor() -> float:
    """1.6e-9 / B_2015(135 MeV): rescales the KOTO 2015-data shape to the 2021 anchor (APPROXIMATION)."""
    anchor = constant_limits()["koto_2021_anchor"]
    return anchor["br"] / float(_interp_curve("koto_2015", np.array([anchor["m_min"]]))[0])


def br_limit(channel: str, mX, dataset: str | None = None, out_of_range: str = "raise") -> tuple[np.ndarray, str]:
    """Upper limit on BR(channel) at mX (GeV) from `dataset` (default: first of DATASETS[channel]).

    Returns (BR_limit array, description of the dataset/file).  Outside the dataset's mass range:
    ValueError (out_of_range='raise') or NaN ('nan').
    """
    rates._check_channel(channel)
    if out_of_range not in ("raise", "nan"):
        raise ValueError(f"out_of_range must be 'raise' or 'nan', got {out_of_range!r}")
    avail = DATASETS[channel]
    if not avail:
        raise ValueError(f"no limit dataset for {channel}: the BaBar results of Table 4 are available only as "
                         "best-fit bands (not limits) in the shared data; channels with limits: "
                         f"{[c for c, d in DATASETS.items() if d]}")
    dataset = avail[0] if dataset is None else dataset
    if dataset not in avail:
        raise ValueError(f"dataset {dataset!r} not available for {channel}; allowed: {avail}")
    m = np.asarray(mX, dtype=float)
    if not np.all(np.isfinite(m)):
        raise ValueError(f"m_X must be finite, got {mX}")
    m1 = np.atleast_1d(m)
    if dataset == "na62_combined":
        a, b = _interp_curve("na62_2016_2022", m1), _interp_curve("na62_pi0inv", m1)
        out = np.fmin(a, b)
        desc = f"{CURVES['na62_2016_2022']['file']} + {CURVES['na62_pi0inv']['file']} (stronger where both apply)"
        ranges = curve_range("na62_2016_2022") + curve_range("na62_pi0inv")
    elif dataset == "koto_2021_rescaled":
        out = _interp_curve("koto_2015", m1) * koto_2021_rescale_factor()
        desc = (f"APPROXIMATION: {CURVES['koto_2015']['file']} x {koto_2021_rescale_factor():.3f} "
                "(2015 shape scaled to the KOTO 2021 anchor 1.6e-9 at 135 MeV, arXiv:2411.11237)")
        ranges = curve_range("koto_2015")
    elif dataset in CURVES:
        out = _interp_curve(dataset, m1)
        desc = f"{CURVES[dataset]['file']}: {CURVES[dataset]['label']}"
        ranges = curve_range(dataset)
    else:
        c = constant_limits()[dataset]
        inside = (m1 >= c["m_min"]) & (m1 <= c["m_max"])
        out = np.where(inside, c["br"], np.nan)
        desc = f"{c['file']}: {c['label']}"
        ranges = [(c["m_min"], c["m_max"])]
    if out_of_range == "raise" and np.any(np.isnan(out)):
        rng = " U ".join(f"[{a:.4g}, {b:.4g}]" for a, b in ranges)
        raise ValueError(f"m_X = {mX} outside the mass range of dataset {dataset!r} for {channel}: {rng} GeV")
    return (out if m.ndim else out[0]), desc


def coupling_limit(channel: str, mX, alphas=None, dataset: str | None = None, out_of_range: str = "raise",
                   include_invisible: bool = True, **options) -> dict:
    """Upper limit on g_X A_XWW^SM ("gA_max", alphas=None) or on g_X ("gX_max", for the model `alphas`).

    For a model, the BR limit applies to BR(channel) x B(X -> E_miss) (Eq. 3.28, `rates.invisible_branching`)
    unless include_invisible=False.  Z -> gamma X without alphas assumes A_XYY = -A_XWW.
    Vectorised over mX; returns also "BR_limit", "dataset" and "cl".  options go to `rates.branching_ratio`.

    No bound (issue #16): where the predicted signal vanishes -- alpha_{B+L} = 0 (A_XWW^SM = A_XYY^SM = 0, Eq. 3.2:
    no Wess-Zumino coupling, e.g. L_mu - L_tau), or B(X -> E_miss) = 0 -- there is no limit on the coupling.  Then
    the limit is None (scalar m_X; for alpha_{B+L} = 0 also for an array) or NaN at those masses (array), and the
    result has a "reason".  It is never +inf.
    """
    rates._check_channel(channel)
    m = rates._check_mass(channel, mX)  # the declared domain of m_X (physics.validate)
    lim, desc = br_limit(channel, m, dataset, out_of_range)
    name = dataset or DATASETS[channel][0]
    cl = CURVES[name]["cl"] if name in CURVES else (0.90 if name in ("na62_combined", "koto_2021_rescaled")
                                                    else constant_limits()[name]["cl"])
    if alphas is None:
        br1 = rates.branching_ratio(channel, m, gA=1.0, **options)["BR"]
        if np.all(br1 > 0):
            with np.errstate(divide="ignore"):
                val = np.sqrt(lim / br1)
            return {"gA_max": val, "BR_limit": lim, "dataset": desc, "cl": cl}
        return _no_bound("gA_max", br1, lim, desc, cl, f"the predicted rate of {channel} vanishes at g_X A_XWW^SM = 1 "
                         "(e.g. Im g_xi = 0 for K_L -> pi0 X with this CKM matrix)")
    br1 = rates.branching_ratio(channel, m, gX=1.0, alphas=alphas, **options)["BR"]
    if alphas.alpha_BL == 0:
        return {"gX_max": None, "BR_limit": lim, "dataset": desc, "cl": cl,
                "reason": f"no bound from {channel}, because alpha_B+L = 0 for {alphas.label()}: A_XWW^SM = A_XYY^SM = 0 "
                          "(Eq. 3.2), so X has no Wess-Zumino coupling and no flavour-changing or Z -> gamma X rate "
                          "(Eqs. 3.6, 3.13)"}
    if include_invisible:
        br1 = br1 * rates.invisible_branching(m, alphas)
    if np.all(br1 > 0):
        with np.errstate(divide="ignore"):
            val = np.where(br1 > 0, np.sqrt(lim / np.where(br1 > 0, br1, 1.0)), np.inf)
        return {"gX_max": val if np.ndim(val) else float(val), "BR_limit": lim, "dataset": desc, "cl": cl}
    return _no_bound("gX_max", br1, lim, desc, cl, "B(X -> E_miss) = 0 there: X decays only to visible final "
                     "states, so a missing-energy search does not constrain it" if include_invisible else
                     f"the predicted rate of {channel} vanishes there")


def _no_bound(key, br1, lim, desc, cl, why) -> dict:
    """coupling_limit where the signal vanishes: None (scalar) or NaN at those masses (array), with the reason."""
    if np.ndim(br1) == 0:
        return {key: None, "BR_limit": lim, "dataset": desc, "cl": cl, "reason": f"no bound, because {why}"}
    pos = br1 > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        val = np.where(pos, np.sqrt(lim / np.where(pos, br1, 1.0)), np.nan)
    return {key: val, "BR_limit": lim, "dataset": desc, "cl": cl,
            "reason": f"NaN where there is no bound, because {why}"}


# ------------------------------------------------------------------------------------------------
# Form-factor (theory) band of a coupling limit (issue 13; beyond the paper)
# ------------------------------------------------------------------------------------------------
def band_fit(channel: str, ff_fit: str | None = None) -> str | None:
    """'<form factor> <fit>' behind the band of `channel` (e.g. 'B->K f0 GRvDV2023'); None for Z -> gamma X."""
    c = rates._check_channel(channel)
    if c["kind"] == "Z":
        return None
    return f"{c['ff']} {FF.DEFAULT_FIT[c['ff']] if ff_fit is None else ff_fit}"


def limit_band(channel: str, mX, value, cov_scale: float = 1.0, ff_fit: str | None = None) -> dict:
    """68% band of a coupling limit `value` (array over mX, GeV) from the form-factor covariance, other inputs fixed.

    Every limit on g_X (or g_X A_XWW^SM) scales as 1/sqrt(rate) and the rate as F^2 (F = f_0 or A_0 at q^2 = m_X^2),
    so with r = sqrt(cov_scale) sigma_F/F (`physics.pheno.rates.form_factor_band`) the limit at the 68% high rate
    BR (1 + r)^2 is value/(1 + r) ("lo") and at the 68% low rate BR (1 - r)^2 it is value/(1 - r) ("hi"; +inf if
    r >= 1, never reached by the fits here): exactly sqrt(BR_limit/BR_high), sqrt(BR_limit/BR_low) of
    `rates.branching_ratio_interval`.  The factor B(X -> E_miss) and the BR limit are unchanged.  A fit without a
    published covariance (form_factors.NO_COVARIANCE, e.g. D -> pi ETM 2017) gives NaN edges and available = False;
    Z -> gamma X has no form factor: lo = hi = value.  Returns {"lo", "hi", "available", "fit", "note"}.
    """
    if isinstance(cov_scale, bool) or not (isinstance(cov_scale, (int, float)) and math.isfinite(cov_scale)
                                           and cov_scale >= 0):
        raise ValueError(f"cov_scale must be a finite number >= 0, got {cov_scale!r}")
    v = np.asarray(value, dtype=float)
    b = rates.form_factor_band(channel, mX, ff_fit)
    fit = band_fit(channel, ff_fit)
    if not b["available"]:
        nan = np.full(v.shape, np.nan)
        return {"lo": nan, "hi": nan.copy(), "available": False, "fit": fit, "note": f"{fit}: {b['note']}"}
    r = math.sqrt(cov_scale) * np.asarray(b["sigma"], float) / np.asarray(b["value"], float)
    with np.errstate(divide="ignore", invalid="ignore"):
        lo = v / (1 + r)
        hi = np.where(r < 1, v / np.where(r < 1, 1 - r, 1.0), np.inf)
    note = b["note"] if fit is None else f"{fit}: {b['note']}"
    return {"lo": lo, "hi": np.where(np.isnan(v), np.nan, hi), "available": True, "fit": fit, "note": note}


def coupling_limit_band(channel: str, mX, alphas=None, dataset: str | None = None, out_of_range: str = "raise",
                        include_invisible: bool = True, cov_scale: float = 1.0, **options) -> dict:
    """`coupling_limit` plus its 68% form-factor band (`limit_band`): adds "<key>_lo", "<key>_hi" (key = gA_max or
    gX_max; None where the limit is None), "band_available" and "band_note".  Nothing of coupling_limit is renamed."""
    out = coupling_limit(channel, mX, alphas, dataset, out_of_range, include_invisible, **options)
    key = "gX_max" if "gX_max" in out else "gA_max"
    if out[key] is None:
        out.update({f"{key}_lo": None, f"{key}_hi": None, "band_available": False,
                    "band_note": "no limit, hence no band"})
        return out
    b = limit_band(channel, mX, out[key], cov_scale, options.get("ff_fit"))
    scalar = np.ndim(out[key]) == 0
    out.update({f"{key}_lo": float(b["lo"]) if scalar else b["lo"], f"{key}_hi": float(b["hi"]) if scalar else b["hi"],
                "band_available": b["available"], "band_note": b["note"]})
    return out


# ------------------------------------------------------------------------------------------------
# Eq. (3.16) and Table 4
# ------------------------------------------------------------------------------------------------
PB_INV_PER_AB_INV = 1.0e6  # 1 ab^-1 = 1e6 pb^-1


def fcc_ee_naive_projection(br_sm: float = 7.2e-10, lumi_lep_pb: float = 137.0, lumi_fcc_ab: float = 150.0,
                            br_lep: float = 1.0e-6) -> float:
    """Eq. (3.16): B_FCC ~ B_SM sqrt[(L_LEP/L_FCC) (B_LEP/B_SM)] (background-dominated 1/sqrt(L) scaling).

    Defaults are the paper's inputs: B_SM(Z -> gamma nu nubar) = 7.2e-10 [Ref. 43], L_LEP = 137 pb^-1,
    L_FCC-ee = 150 ab^-1, B_LEP = 1e-6 (Eq. 3.15).
    """
    for name, v in (("br_sm", br_sm), ("lumi_lep_pb", lumi_lep_pb), ("lumi_fcc_ab", lumi_fcc_ab), ("br_lep", br_lep)):
        if not (math.isfinite(v) and v > 0):
            raise ValueError(f"{name} must be finite and > 0, got {v}")
    return br_sm * math.sqrt(lumi_lep_pb / (lumi_fcc_ab * PB_INV_PER_AB_INV) * br_lep / br_sm)


#: Table 4 of arXiv:2603.04394: flavour transition, meson decay, experiment(s) with the paper's reference
#: numbers, our channel name and the default dataset used here (None: no limit data available).
TABLE4 = [
    {"transition": "s -> d", "decay": "K+ -> pi+ E_miss", "experiment": "NA62", "reference": "[19]", "channel": "K+->pi+X"},
    {"transition": "s -> d", "decay": "K_L -> pi0 E_miss", "experiment": "KOTO", "reference": "[37]", "channel": "KL->pi0X"},
    {"transition": "c -> u", "decay": "D+ -> pi+ E_miss", "experiment": "CLEO", "reference": "[38]", "channel": "D+->pi+X"},
    {"transition": "b -> d", "decay": "B+ -> pi+ E_miss", "experiment": "Belle", "reference": "[39]", "channel": "B+->pi+X"},
    {"transition": "b -> d", "decay": "B0 -> pi0 E_miss", "experiment": "Belle", "reference": "[39]", "channel": "B0->pi0X"},
    {"transition": "b -> d", "decay": "B+ -> rho+ E_miss", "experiment": "Belle", "reference": "[39]", "channel": "B+->rho+X"},
    {"transition": "b -> d", "decay": "B0 -> rho0 E_miss", "experiment": "Belle", "reference": "[39]", "channel": "B0->rho0X"},
    {"transition": "b -> s", "decay": "B+ -> K+ E_miss", "experiment": "Belle II, BaBar", "reference": "[22], [40]", "channel": "B+->K+X"},
    {"transition": "b -> s", "decay": "B0 -> K0 E_miss", "experiment": "BaBar", "reference": "[40]", "channel": "B0->K0X"},
    {"transition": "b -> s", "decay": "B+ -> K*+ E_miss", "experiment": "BaBar", "reference": "[40]", "channel": "B+->K*+X"},
    {"transition": "b -> s", "decay": "B0 -> K*0 E_miss", "experiment": "BaBar", "reference": "[40]", "channel": "B0->K*0X"},
]
for _row in TABLE4:
    _row["dataset"] = DATASETS[_row["channel"]][0] if DATASETS[_row["channel"]] else None
del _row


# ------------------------------------------------------------------------------------------------
# Fig. 1
# ------------------------------------------------------------------------------------------------
def fig1_curves(n: int = 500, include_cross_checks: bool = True, cov_scale: float = 1.0, **options) -> dict:
    """Curves of Fig. 1: upper limits on g_X A_XWW^SM vs m_X from K+ -> pi+ X (left) and K_L -> pi0 X (right).

    Returns {"left": [curve, ...], "right": [...]}, each curve a dict with "label", "dataset", "status"
    ('data' or 'approximation' or 'cross-check'), "mX" (GeV) and "gA_max" (NaN where the dataset has no
    coverage).  The paper's red line (NA62 2016-2024 recast, Ref. [48]) and its KOTO 2021 curve (Ref. [37])
    are NOT available; the KOTO 2015-data curve is shown instead, and optionally its shape rescaled to the
    2021 anchor (labelled as an approximation).  n points per curve, m_X from 1 MeV to the data's end.

    Beyond the paper: each curve also has "gA_max_lo", "gA_max_hi", the 68% band from the covariance of the K -> pi
    form factor (`limit_band`; f_+(0) of FLAG 2021 and ln C of arXiv:1602.04113, other inputs fixed; cov_scale
    multiplies that covariance), with "band_available" and "band_note".
    """
    if not (isinstance(n, (int, np.integer)) and n >= 2):
        raise ValueError(f"n must be an integer >= 2, got {n}")
    mK = np.linspace(1e-3, 0.26, n)
    left = [
        ("na62_2016_2022", "NA62 2016-2022 (paper Ref. [20])", "data"),
        ("na62_pi0inv", "NA62 pi0 -> inv. recast, 110-155 MeV (Ref. [47])", "data"),
    ]
    if include_cross_checks:
        left.append(("na62_recast_v1", "recast of 2016-2022 data, arXiv:2503.05865v1 (not Ref. [48]'s 2016-2024)",
                     "cross-check"))
    right = [("koto_2015", "KOTO 2015 data (arXiv:1810.09655), not Ref. [37]", "data")]
    if include_cross_checks:
        right.append(("koto_2021_rescaled", "KOTO 2015 shape x 1.6e-9/B(135 MeV): approximation to 2021 data",
                      "approximation"))
    out = {}
    for panel, channel, specs in (("left", "K+->pi+X", left), ("right", "KL->pi0X", right)):
        curves = []
        br1 = rates.branching_ratio(channel, mK, gA=1.0, **options)["BR"]
        for ds, label, status in specs:
            lim, desc = br_limit(channel, mK, ds, out_of_range="nan")
            g = np.sqrt(lim / br1)
            band = limit_band(channel, mK, g, cov_scale, options.get("ff_fit"))
            curves.append({"label": label, "dataset": desc, "status": status, "mX": mK, "gA_max": g,
                           "gA_max_lo": band["lo"], "gA_max_hi": band["hi"], "band_available": band["available"],
                           "band_note": band["note"]})
        out[panel] = curves
    return out

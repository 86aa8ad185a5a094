"""Readings of Sec. 3.2.5: every choice the paper leaves open for the Belle II fit, and the full product of them.

A *reading* is a complete assignment {choice: value} of the open choices of Sec. 3.2.5 (issue 13):

=================  ====================================================================================================
alpha              definition of e (or g) in Eqs. (3.6), (3.13)-(3.14): alpha(0), alpha-hat(m_Z) (MS-bar), G_F (g from
                   G_F and m_W) or 'round' (g = MS-bar g(m_Z) to two digits, the value quoted below Eq. (2.11))
sW                 s_W^2: on-shell 1 - m_W^2/m_Z^2 or MS-bar sin^2 theta-hat(m_Z)
mt                 top mass in F(x_t) of Eq. (3.6): MS-bar m_t(m_t) or pole
mb                 m_b in Eq. (3.25): m_b(m_b), 1S, pole
ff_bs, ff_bd       form-factor references of the b -> s pair and of the b -> d pair (footnote 4, Refs. [33], [34]);
                   keys of physics.pheno.form_factors.REFERENCE_SETS_BS / _BD
gS                 Eq. (3.26) term: Gaussian in |g_S|^2 with the error propagated (2 mu sigma) or mapped exactly
                   ('squared_asymmetric'), or a Gaussian in |g_S| ('linear')
gP, Z              Eq. (3.27) and Eq. (3.15) terms: Gaussian in the square (|g_P|^2, B(Z)) or in the amplitude
sidedness          how a CL limit fixes the width of a Gaussian centred at 0 (two- or one-sided z), for g_P, Z, B -> pi, rho
b_pi_rho           the Belle B -> pi, rho limits of Eqs. (3.17)-(3.20) in the chi^2 (footnote 6) or not
=================  ====================================================================================================

`scan()` evaluates the fit of the tau model for every reading at once (numpy, no per-reading fit_summary call): every
term of the chi^2 is a function of x = g_X^2 built from per-option coefficients (|g_xi_sb| per unit coupling,
B(Z) per g_X^2, B(B -> K*, pi, rho X) per g_X^2), the chi^2 is convex in x for every reading, and a vectorised
golden-section search finds each minimum.  `options(reading)` turns a reading into `physics.pheno.fit.FitOptions`,
so `fit_summary(option=options(r))` (and `python -m physics fit --reading NAME`) recomputes any row exactly.

This module knows nothing of the paper's printed numbers: the comparison (which reading reproduces what, which
statement of the paper it contradicts) is `physics.paper.readings`.
"""
from __future__ import annotations

import itertools
import math

import numpy as np

from physics import inputs as I
from physics.pheno import eft, fit, rates
from physics.pheno import form_factors as FF
from physics.pheno.limits import constant_limits

#: The open choices of Sec. 3.2.5 and their values (the first value of each is NOT necessarily the default).
CHOICES: dict = {
    "alpha": ("alphaMZ", "alpha0", "GF", "round"),
    "sW": ("MSbar", "onshell"),
    "mt": ("MSbar", "pole"),
    "mb": ("MSbar_mb", "1S", "pole"),
    "ff_bs": tuple(FF.REFERENCE_SETS_BS),
    "ff_bd": tuple(FF.REFERENCE_SETS_BD),
    "gS": ("squared", "squared_asymmetric", "linear"),
    "gP": ("squared", "linear"),
    "Z": ("squared", "linear"),
    "sidedness": ("two_sided", "one_sided"),
    "b_pi_rho": (True, False),
}
#: What each choice means (for tables and the CLI).
CHOICE_DOC = {
    "alpha": "e from alpha-hat(m_Z) | alpha(0) | g from G_F, m_W | g = MS-bar g(m_Z) rounded to 2 digits",
    "sW": "MS-bar sin^2 theta-hat(m_Z) | on-shell 1 - m_W^2/m_Z^2",
    "mt": "m_t in F(x_t), Eq. (3.6): MS-bar m_t(m_t) | pole",
    "mb": "m_b in Eq. (3.25): m_b(m_b) | 1S | pole",
    "ff_bs": "B->K f0 and B->K* A0 reference (footnote 4, Ref. [33])",
    "ff_bd": "B->pi f0 and B->rho A0 reference (footnote 4, Ref. [34])",
    "gS": "Eq. (3.26) term: Gaussian in g_S^2 (2 mu sigma) | in g_S^2, interval mapped exactly | in |g_S|",
    "gP": "Eq. (3.27) term: Gaussian in g_P^2 | in |g_P|",
    "Z": "Eq. (3.15) term: Gaussian in B(Z->gamma X) | in sqrt(B)",
    "sidedness": "CL limit -> Gaussian width: two-sided z (1.645 at 90%) | one-sided (1.282 at 90%)",
    "b_pi_rho": "Belle B->pi,rho limits (Eqs. 3.17-3.20) included | not",
}
#: The book's default reading (argued from the paper's text in notebooks/05_belle2_fit.md, "The readings map").
DEFAULT = {"alpha": "alphaMZ", "sW": "MSbar", "mt": "MSbar", "mb": "MSbar_mb", "ff_bs": "GRvDV2023",
           "ff_bd": "GKvD2018", "gS": "squared", "gP": "squared", "Z": "squared", "sidedness": "two_sided",
           "b_pi_rho": True}


def all_readings() -> list[dict]:
    """The full product of CHOICES, in a fixed order (row-major over CHOICES)."""
    keys = list(CHOICES)
    return [dict(zip(keys, vals)) for vals in itertools.product(*CHOICES.values())]


def n_readings() -> int:
    return math.prod(len(v) for v in CHOICES.values())


def check_reading(reading: dict) -> dict:
    """A complete reading: missing choices are taken from DEFAULT; unknown choices or values raise ValueError."""
    if not isinstance(reading, dict):
        raise ValueError(f"a reading is a dict of choice -> value, got {reading!r}")
    bad = set(reading) - set(CHOICES)
    if bad:
        raise ValueError(f"unknown choice(s) {sorted(bad)}; allowed: {list(CHOICES)}")
    r = {**DEFAULT, **reading}
    for k, v in r.items():
        if v not in CHOICES[k]:
            raise ValueError(f"reading choice {k} = {v!r}; allowed: {CHOICES[k]}")
    return r


def name(reading: dict) -> str:
    """Compact name, e.g. 'alpha=alpha0,sW=onshell' listing only the choices that differ from DEFAULT."""
    r = check_reading(reading)
    diff = [f"{k}={v}" for k, v in r.items() if v != DEFAULT[k]]
    return ",".join(diff) if diff else "default"


def parse(text: str) -> dict:
    """Inverse of `name`: 'default' or 'k=v,k=v' (booleans as True/False) -> complete reading."""
    text = (text or "").strip()
    if text in ("", "default"):
        return dict(DEFAULT)
    out = {}
    for part in text.split(","):
        if "=" not in part:
            raise ValueError(f"reading {text!r}: expected 'default' or choice=value pairs separated by commas")
        k, v = (x.strip() for x in part.split("=", 1))
        if k not in CHOICES:
            raise ValueError(f"unknown choice {k!r}; allowed: {list(CHOICES)}")
        vals = {str(c): c for c in CHOICES[k]}
        if v not in vals:
            raise ValueError(f"reading choice {k} = {v!r}; allowed: {[str(c) for c in CHOICES[k]]}")
        out[k] = vals[v]
    return check_reading(out)


def options(reading: dict) -> fit.FitOptions:
    """The `physics.pheno.fit.FitOptions` of a reading (so fit_summary reproduces the scan row)."""
    r = check_reading(reading)
    return fit.FitOptions(
        gS_form="linear" if r["gS"] == "linear" else "squared",
        gS_sq_errors="asymmetric" if r["gS"] == "squared_asymmetric" else "propagated",
        gP_form=r["gP"], gP_sidedness=r["sidedness"], z_form=r["Z"], z_sidedness=r["sidedness"],
        include_b_pi_rho=r["b_pi_rho"], mb_scheme=r["mb"], g_scheme=eft.ew_scheme_name(r["alpha"], r["sW"]),
        mt_scheme=r["mt"], ff_bs=r["ff_bs"], ff_bd=r["ff_bd"])


def from_variant(variant: str) -> dict:
    """The reading of a named one-at-a-time variant of `physics.pheno.fit.VARIANTS` (all variants are readings)."""
    o = fit.get_options(variant)
    a, s = eft.EW_SCHEME_PARTS[o.g_scheme]
    if o.gP_sidedness != o.z_sidedness:
        raise ValueError(f"variant {variant!r} has different sidedness for g_P and Z: not a reading of the map")
    gs = "linear" if o.gS_form == "linear" else ("squared_asymmetric" if o.gS_sq_errors == "asymmetric" else "squared")
    return check_reading({"alpha": a, "sW": s, "mt": o.mt_scheme, "mb": o.mb_scheme, "ff_bs": o.ff_bs,
                          "ff_bd": o.ff_bd, "gS": gs, "gP": o.gP_form, "Z": o.z_form, "sidedness": o.gP_sidedness,
                          "b_pi_rho": o.include_b_pi_rho})


# ------------------------------------------------------------------------------------------------
# The vectorised scan
# ------------------------------------------------------------------------------------------------
_GOLD = (math.sqrt(5) - 1) / 2


def _golden(f, lo, hi, iters: int = 90):
    """Vectorised golden-section minimisation of a convex f on [lo, hi] (arrays); returns the argmin array.

    One new evaluation of f per iteration for every element; 90 iterations shrink the bracket by 0.618^90 ~ 1e-19.
    """
    a, b = lo.astype(float).copy(), hi.astype(float).copy()
    c = b - _GOLD * (b - a)
    d = a + _GOLD * (b - a)
    fc, fd = f(c), f(d)
    for _ in range(iters):
        left = fc < fd  # the minimum lies in [a, d]
        a = np.where(left, a, c)
        b = np.where(left, d, b)
        new_c = np.where(left, b - _GOLD * (b - a), d)
        new_d = np.where(left, c, a + _GOLD * (b - a))
        fp = f(np.where(left, new_c, new_d))
        fc, fd = np.where(left, fp, fd), np.where(left, fc, fp)
        c, d = new_c, new_d
    return 0.5 * (a + b)


def _z_width(cl: float, sided: str) -> float:
    return fit._z_of(cl, sided)


def _coefficients(mX: float, model: str) -> dict:
    """Per-option pieces: arrays indexed by the option values of the choices they depend on."""
    aw, ay = (float(t) for t in fit.MODELS[model]["traces"])
    ew_names = [[eft.ew_scheme_name(a, s) for s in CHOICES["sW"]] for a in CHOICES["alpha"]]
    nA, nS, nT = len(CHOICES["alpha"]), len(CHOICES["sW"]), len(CHOICES["mt"])
    gxi = np.zeros((nA, nS, nT))
    bz = np.zeros((nA, nS))
    for i, row in enumerate(ew_names):
        for j, sch in enumerate(row):
            ew = eft.ew_couplings(sch)
            w1 = ew["cw2"] * aw - ew["sw2"] * ay  # c_W^2 u - s_W^2 v per unit g_X
            bz[i, j] = float(rates.width_z_gamma_x(mX, 1.0 / ew["cw2"], 0.0, sch)) / I.GAMMA_Z * w1**2
            for k, mt in enumerate(CHOICES["mt"]):
                gxi[i, j, k] = abs(eft.g_xi("bs", 1.0, sch, mt))
    mb = np.array([fit.MB_SCHEMES[m] for m in CHOICES["mb"]])
    ms = I.M_S_2GEV
    # B -> K*+ X and B -> pi, rho X per g_X^2 (rate per u^2 times aw^2): |g_xi|^2 x form factor^2 x kinematics
    kst = np.zeros((nA, nS, nT, len(CHOICES["ff_bs"])))
    kp = np.zeros_like(kst)
    lims = constant_limits()
    open_bpr = [ch for ch in fit.B_PI_RHO if mX < rates.mass_range(ch)[1]]
    bpr = np.zeros((nA, nS, nT, len(CHOICES["ff_bd"]), len(open_bpr)))
    for i, row in enumerate(ew_names):
        for j, sch in enumerate(row):
            for k, mt in enumerate(CHOICES["mt"]):
                kin = {"g_scheme": sch, "mt_scheme": mt}
                for f, ref in enumerate(CHOICES["ff_bs"]):
                    if mX < rates.mass_range("B+->K*+X")[1]:
                        kst[i, j, k, f] = float(rates.branching_ratio(
                            "B+->K*+X", mX, gA=1.0, ff_fit=FF.reference_fit("B->K* A0", ref), **kin)["BR"]) * aw**2
                    kp[i, j, k, f] = float(rates.branching_ratio(
                        "B+->K+X", mX, gA=1.0, ff_fit=FF.reference_fit("B->K f0", ref), **kin)["BR"]) * aw**2
                for f, ref in enumerate(CHOICES["ff_bd"]):
                    for c, ch in enumerate(open_bpr):
                        bpr[i, j, k, f, c] = float(rates.branching_ratio(
                            ch, mX, gA=1.0, ff_fit=FF.reference_fit(rates.CHANNELS[ch]["ff"], ref_bd=ref),
                            **kin)["BR"]) * aw**2
    bpr_lim = np.array([[lims[fit.B_PI_RHO[ch]]["br"] / _z_width(lims[fit.B_PI_RHO[ch]]["cl"], sd) for ch in open_bpr]
                        for sd in CHOICES["sidedness"]])  # (sidedness, channel) widths
    return {"aw": aw, "ay": ay, "gxi": gxi, "bz": bz, "mb": mb, "ms": ms, "kst": kst, "kp": kp, "bpr": bpr,
            "bpr_width": bpr_lim, "bpr_channels": open_bpr}


def scan(mX: float = fit.MX_BELLE2, model: str = "tau", readings: list | None = None) -> dict:
    """Fit every reading (default: the full product of CHOICES) at once.

    Returns a dict of arrays (one entry per reading, in the order of `readings`): gX_best, chi2_min, chi2_SM,
    significance_sigma (1 dof), BR_Z_gammaX, BR_Z_per_gX2 (B(Z -> gamma X)/g_X^2), 'BR_B+_K*+X', 'BR_B+_K+X',
    'BR_B+_K*+X_per_gX2', gX_best_noZ, significance_sigma_noZ, delta_chi2_plane (tau best fit vs the 2-D minimum),
    gX_best_no_b_pi_rho (the same reading without the B -> pi, rho terms), g (SU(2) coupling), plus 'readings'.
    """
    mX = fit._check_mx(mX)
    fit._check_model(model)
    rs = all_readings() if readings is None else [check_reading(r) for r in readings]
    idx = {k: np.array([CHOICES[k].index(r[k]) for r in rs]) for k in CHOICES}
    c = _coefficients(mX, model)
    aw2 = c["aw"] ** 2
    gxi = c["gxi"][idx["alpha"], idx["sW"], idx["mt"]]
    mb = c["mb"][idx["mb"]]
    aS2 = ((mb - c["ms"]) / 2 * gxi / mX) ** 2 * aw2   # |g_S|^2 per g_X^2
    aP2 = ((mb + c["ms"]) / 2 * gxi / mX) ** 2 * aw2   # |g_P|^2 per g_X^2
    bz = c["bz"][idx["alpha"], idx["sW"]]               # B(Z -> gamma X) per g_X^2
    o = fit.FitOptions()
    mu, sg = o.gS_central, o.gS_sigma
    gs = idx["gS"]
    sq_up = np.where(gs == 1, (mu + sg) ** 2 - mu**2, 2 * mu * sg)
    sq_lo = np.where(gs == 1, mu**2 - (mu - sg) ** 2, 2 * mu * sg)
    lin_S = gs == 2
    two = np.array([_z_width(o.gP_cl, s) for s in CHOICES["sidedness"]])[idx["sidedness"]]
    zz = np.array([_z_width(o.z_cl, s) for s in CHOICES["sidedness"]])[idx["sidedness"]]
    lin_P = idx["gP"] == 1
    lin_Z = idx["Z"] == 1
    sP, sP2 = o.gP_limit / two, o.gP_limit**2 / two
    sZ, sZa = o.z_limit / zz, math.sqrt(o.z_limit) / zz
    inc = np.array(CHOICES["b_pi_rho"])[idx["b_pi_rho"]].astype(bool)
    bpr = c["bpr"][idx["alpha"], idx["sW"], idx["mt"], idx["ff_bd"]]          # (N, channels)
    width = c["bpr_width"][idx["sidedness"]]                                 # (N, channels)
    kbpr = np.sum((bpr / width) ** 2, axis=-1) * inc                         # chi2_bpr = kbpr x^2

    def chi2(x, with_z=True, with_bpr=True):
        gS2 = aS2 * x
        d = gS2 - mu**2
        cS = np.where(lin_S, (np.sqrt(gS2) - mu) ** 2 / sg**2, (d / np.where(d > 0, sq_up, sq_lo)) ** 2)
        gP2 = aP2 * x
        cP = np.where(lin_P, gP2 / sP**2, (gP2 / sP2) ** 2)
        out = cS + cP
        if with_bpr:
            out = out + kbpr * x * x
        if with_z:
            b = bz * x
            out = out + np.where(lin_Z, b / sZa**2, (b / sZ) ** 2)
        return out

    x0 = np.zeros(len(rs))
    xhi = 9 * mu**2 / aS2
    x_best = _golden(lambda x: chi2(x), x0, xhi)
    x_noz = _golden(lambda x: chi2(x, with_z=False), x0, xhi)
    x_nob = _golden(lambda x: chi2(x, with_bpr=False), x0, xhi)
    cmin, csm = chi2(x_best), chi2(x0)
    cmin_noz, csm_noz = chi2(x_noz, with_z=False), chi2(x0, with_z=False)
    g = np.sqrt(x_best)
    ew_g = np.array([[eft.ew_couplings(eft.ew_scheme_name(a, s))["g"] for s in CHOICES["sW"]] for a in CHOICES["alpha"]])
    kst = c["kst"][idx["alpha"], idx["sW"], idx["mt"], idx["ff_bs"]]
    kp = c["kp"][idx["alpha"], idx["sW"], idx["mt"], idx["ff_bs"]]
    return {
        "readings": rs, "mX": mX, "model": model,
        "gX_best": g, "chi2_min": cmin, "chi2_SM": csm,
        "significance_sigma": np.sqrt(np.clip(csm - cmin, 0, None)),
        "BR_Z_gammaX": bz * x_best, "BR_Z_per_gX2": bz,
        "BR_B+_K*+X": kst * x_best, "BR_B+_K*+X_per_gX2": kst, "BR_B+_K+X": kp * x_best,
        "gX_best_noZ": np.sqrt(x_noz), "significance_sigma_noZ": np.sqrt(np.clip(csm_noz - cmin_noz, 0, None)),
        "delta_chi2_plane": cmin - cmin_noz, "inside_1sigma_plane": (cmin - cmin_noz) < fit.delta_chi2_threshold(1, 2),
        "gX_best_no_b_pi_rho": np.sqrt(x_nob), "g": ew_g[idx["alpha"], idx["sW"]],
        "gS": np.sqrt(aS2 * x_best), "gP": np.sqrt(aP2 * x_best),
    }


def row(result: dict, i: int) -> dict:
    """One reading of a `scan` result as plain Python numbers."""
    out = {"reading": dict(result["readings"][i]), "name": name(result["readings"][i])}
    for k, v in result.items():
        if isinstance(v, np.ndarray) and v.shape[:1] == (len(result["readings"]),):
            out[k] = v[i].item()
    return out

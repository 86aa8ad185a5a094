"""Decay rates of Sec. 3.1-3.3: P -> P' X (Eq. 3.9), P -> V X (Eq. 3.10), K_L -> pi0 X (footnote 4),
Z -> gamma X (Eqs. 3.13-3.14) and the invisible branching ratio of X (Eq. 3.28).

Coupling input, either
* model-independent: ``gA`` = g_X A_XWW^SM (for Z -> gamma X we then assume A_XYY^SM = -A_XWW^SM, as in
  every model of Eq. (1.1), Eq. (3.2)), or
* a model: ``gX`` >= 0 together with ``alphas`` (a `physics.model.charges.ChargeAssignment`); the traces come from
  `physics.model.anomalies.sm_traces`.

Options (keyword arguments): ``g_scheme``, ``mt_scheme`` (see `physics.pheno.eft`), ``ff_fit`` (see
`physics.pheno.form_factors.FITS`), ``ckm`` (3x3 matrix), ``kl_form_factor`` ('isospin' (default): f_0 of
K0 -> pi0 = f_0^{K0 pi-}/sqrt(2); 'unscaled': f_0^{K0 pi-} as printed, which doubles the K_L rate).

Isospin: pi0 and rho0 final states from B0 carry a factor 1/2 in the rate relative to the charged modes
(|pi0> = (u ubar - d dbar)/sqrt(2)); K+ -> pi+, D+ -> pi+, B -> K(*) have factor 1 (footnote 4).
"""
from __future__ import annotations

import math

import numpy as np

from physics.pheno import eft
from physics.pheno import form_factors as FF
from physics.pheno import hadrons
from physics import inputs as I
from physics import validate
from physics.model.charges import ChargeAssignment

#: The channels by name: decaying particle, final meson, form factor, transition, isospin factor (rate).
CHANNELS = {
    "K+->pi+X": {"kind": "P", "P": "K+", "F": "pi+", "ff": "K->pi f0", "tr": "sd", "iso": 1.0},
    "KL->pi0X": {"kind": "KL", "P": "KL", "F": "pi0", "ff": "K->pi f0", "tr": "sd", "iso": 0.5},
    "B+->K+X": {"kind": "P", "P": "B+", "F": "K+", "ff": "B->K f0", "tr": "bs", "iso": 1.0},
    "B0->K0X": {"kind": "P", "P": "B0", "F": "K0", "ff": "B->K f0", "tr": "bs", "iso": 1.0},
    "B+->K*+X": {"kind": "V", "P": "B+", "F": "K*+", "ff": "B->K* A0", "tr": "bs", "iso": 1.0},
    "B0->K*0X": {"kind": "V", "P": "B0", "F": "K*0", "ff": "B->K* A0", "tr": "bs", "iso": 1.0},
    "B+->pi+X": {"kind": "P", "P": "B+", "F": "pi+", "ff": "B->pi f0", "tr": "bd", "iso": 1.0},
    "B0->pi0X": {"kind": "P", "P": "B0", "F": "pi0", "ff": "B->pi f0", "tr": "bd", "iso": 0.5},
    "B+->rho+X": {"kind": "V", "P": "B+", "F": "rho+", "ff": "B->rho A0", "tr": "bd", "iso": 1.0},
    "B0->rho0X": {"kind": "V", "P": "B0", "F": "rho0", "ff": "B->rho A0", "tr": "bd", "iso": 0.5},
    "D+->pi+X": {"kind": "P", "P": "D+", "F": "pi+", "ff": "D->pi f0", "tr": "cu", "iso": 1.0},
    "Z->gammaX": {"kind": "Z"},
}

_OPTIONS = {"g_scheme", "mt_scheme", "ff_fit", "ckm", "kl_form_factor"}
KL_FORM_FACTOR = {"isospin": 0.5, "unscaled": 1.0}


def _check_channel(channel: str) -> dict:
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; allowed: {', '.join(CHANNELS)}")
    return CHANNELS[channel]


def _check_options(options: dict) -> None:
    bad = set(options) - _OPTIONS
    if bad:
        raise ValueError(f"unknown option(s) {sorted(bad)}; allowed: {sorted(_OPTIONS)}")


def mass_range(channel: str) -> tuple[float, float]:
    """Open interval (0, m_P - m_P') of m_X (GeV) for `channel` ((0, m_Z) for Z -> gamma X)."""
    c = _check_channel(channel)
    if c["kind"] == "Z":
        return 0.0, I.M_Z
    return 0.0, I.MESON_MASS[c["P"]] - I.MESON_MASS[c["F"]]


def _check_mass(channel: str, mX):
    """m_X in [physics.validate.MX_MIN_GEV, endpoint) GeV: the declared domain (ValueError naming the range)."""
    lo, hi = mass_range(channel)
    end = "m_Z" if channel == "Z->gammaX" else "m_P - m_P'"
    return validate.mass(mX, f"m_X for {channel} (GeV)", hi, where=f"{hi:.6g} GeV = {end}, the kinematic endpoint",
                         array=True)


def kallen(a, b, c):
    """Kallen function lambda(a, b, c) = a^2 + b^2 + c^2 - 2ab - 2ac - 2bc (below Eq. 3.10)."""
    return a * a + b * b + c * c - 2 * a * b - 2 * a * c - 2 * b * c


def momentum(mP: float, mF: float, mX):
    """|k| = lambda^{1/2}(m_P^2, m_F^2, m_X^2) / (2 m_P) (below Eq. 3.10; the paper's m_B means m_P)."""
    lam = kallen(mP**2, mF**2, np.asarray(mX, float) ** 2)
    return np.sqrt(np.clip(lam, 0.0, None)) / (2 * mP)


def _couplings(gX, alphas, gA):
    """Return (gA_WW, gA_YY) arrays from either gA or (gX, alphas)."""
    if gA is not None:
        if gX is not None or alphas is not None:
            raise ValueError("give either gA (= g_X A_XWW^SM, model independent) or gX with alphas, not both")
        a = validate.coupling_product(gA, "gA = g_X A_XWW^SM", array=True)
        return a, -a  # A_XYY = -A_XWW assumed (Eq. 3.2)
    if gX is None or alphas is None:
        raise ValueError("need gA, or gX together with alphas (a ChargeAssignment)")
    if not isinstance(alphas, ChargeAssignment):
        raise ValueError(f"alphas must be a physics.model.charges.ChargeAssignment, got {type(alphas).__name__}")
    g = validate.coupling(gX, "gX", array=True)  # 0 <= g_X <= sqrt(4 pi)
    t = eft.traces(alphas)
    return g * float(t["XWW"]), g * float(t["XYY"])


def width_z_gamma_x(mX, gA_WW, gA_YY, g_scheme: str = eft.DEFAULT_G_SCHEME):
    """Gamma(Z -> gamma X) in GeV, Eq. (3.14): |c|^2/(96 pi) (m_Z^2 - m_X^2)^2/(m_Z m_X^2) (1 - m_X^4/m_Z^4)."""
    m = _check_mass("Z->gammaX", mX)
    c = eft.c_xzgamma(gA_WW, gA_YY, g_scheme)
    mz = I.M_Z
    return np.abs(c) ** 2 / (96 * math.pi) * (mz**2 - m**2) ** 2 / (mz * m**2) * (1 - m**4 / mz**4)


def width_meson(channel: str, mX, gA=1.0, **options):
    """Gamma(P -> P' X) (Eq. 3.9) or Gamma(P -> V X) (Eq. 3.10) in GeV for gA = g_X A_XWW^SM.

    K_L -> pi0 X: Eq. (3.9) with |g_xi|^2 -> 2 (Im g_xi_ds)^2 (footnote 4) and the K0 -> pi0 form factor
    f_0/sqrt(2) (option kl_form_factor='isospin'); Im g_xi refers to the PDG CKM phase convention.
    """
    _check_options(options)
    c = _check_channel(channel)
    if c["kind"] == "Z":
        raise ValueError("use width_z_gamma_x for Z->gammaX")
    m = _check_mass(channel, mX)
    mP, mF = I.MESON_MASS[c["P"]], I.MESON_MASS[c["F"]]
    gxi = eft.g_xi(c["tr"], gA, options.get("g_scheme", eft.DEFAULT_G_SCHEME),
                   options.get("mt_scheme", eft.DEFAULT_MT_SCHEME), options.get("ckm"))
    ff = FF.form_factor(c["ff"], m**2, options.get("ff_fit"))
    k = momentum(mP, mF, m)
    if c["kind"] == "V":  # Eq. (3.10)
        return c["iso"] * np.abs(gxi) ** 2 * k**3 * ff**2 / (8 * math.pi * m**2)
    if c["kind"] == "KL":  # footnote 4
        mode = options.get("kl_form_factor", "isospin")
        if mode not in KL_FORM_FACTOR:
            raise ValueError(f"kl_form_factor must be one of {sorted(KL_FORM_FACTOR)}, got {mode!r}")
        g2 = 2 * np.imag(gxi) ** 2
        iso = KL_FORM_FACTOR[mode]
    else:
        g2, iso = np.abs(gxi) ** 2, c["iso"]
    # Eq. (3.9): (1/32 pi) |g|^2 |k| (m_P^2/m_X^2) (1 - m_P'^2/m_P^2)^2 f_0^2
    return iso * g2 * k * (mP**2 / m**2) * (1 - mF**2 / mP**2) ** 2 * ff**2 / (32 * math.pi)


def branching_ratio(channel: str, mX, gX=None, alphas=None, gA=None, **options) -> dict:
    """BR(channel) and its width for a light vector X, vectorised over mX (GeV) and the coupling.

    channel: one of CHANNELS.  Couplings: gA = g_X A_XWW^SM, or gX with alphas (see module docstring).
    Returns {"BR": array, "width_GeV": array}; BR = Gamma tau_P / hbar for mesons, Gamma / Gamma_Z for Z.
    Raises ValueError for unknown channels/options, m_X outside (0, m_P - m_P'), negative gX.
    """
    _check_options(options)
    c = _check_channel(channel)
    gWW, gYY = _couplings(gX, alphas, gA)
    if c["kind"] == "Z":
        w = width_z_gamma_x(mX, gWW, gYY, options.get("g_scheme", eft.DEFAULT_G_SCHEME))
        br = w / I.GAMMA_Z
    else:
        w = width_meson(channel, mX, gWW, **options)
        br = w * I.MESON_LIFETIME[c["P"]] / I.HBAR_GEV_S
    validate.finite(br, f"BR({channel})")  # never a silent NaN or inf (issue #16)
    return {"BR": br, "width_GeV": w}


# ------------------------------------------------------------------------------------------------
# X -> E_miss, Eq. (3.28)
# ------------------------------------------------------------------------------------------------
_LEPTON_MASS = {"e": I.M_E, "mu": I.M_MU, "tau": I.M_TAU}


def _check_positive_mass(mX):
    return validate.real_array(mX, "m_X (GeV)", 0.0, lo_open=True)


def _scalar(out):
    return out if np.ndim(out) else float(out)


def invisible_branching(mX, alphas: ChargeAssignment):
    """B(X -> E_miss) for a vector coupled to lepton numbers, Eq. (3.28) generalised to several flavours.

    Gamma(X -> nu_i nubar_i) = a_i^2 g_X^2 m_X/(24 pi) (left-handed nu only) and Gamma(X -> l_i l_i) =
    a_i^2 g_X^2 m_X/(12 pi) beta_i (1 + 2 m_i^2/m_X^2) for m_X >= 2 m_i; for the tau model this is Eq. (3.28):
    1 below 2 m_tau, -> 1/3 for m_X >> m_tau.

    Models with alpha_B != 0 also decay to hadrons: Gamma(X -> hadrons) = alpha_B^2 g_X^2 m_X/(12 pi) R_B(m_X), the
    baryon-number current in the data-driven VMD model of arXiv:1801.04847 below 2 GeV and perturbative quarks
    above (`physics.pheno.hadrons`); hadronic final states are visible.  Where no decay is open at tree level (a
    quark-only X below the pi0 gamma threshold) X escapes: B = 1.  For alpha_B = 0 the code path is the lepton-only
    Eq. (3.28) above, unchanged.
    """
    if not isinstance(alphas, ChargeAssignment):
        raise ValueError(f"alphas must be a ChargeAssignment, got {type(alphas).__name__}")
    if alphas.alpha_B != 0:
        return _scalar(hadrons.widths(_check_positive_mass(mX), alphas)["B_invisible"])
    a2 = {f: float(a) ** 2 for f, a in alphas.lepton.items()}
    if sum(a2.values()) == 0:
        raise ValueError("all lepton charges vanish: X has no tree-level decays in this model")
    m = np.asarray(mX, dtype=float)
    if not np.all(np.isfinite(m)) or np.any(m <= 0):
        raise ValueError(f"m_X must be finite and > 0 GeV, got {mX}")
    inv = sum(a2.values())
    tot = np.full(m.shape, inv)
    for f, w in a2.items():
        if w == 0:
            continue
        r = np.where(m >= 2 * _LEPTON_MASS[f], (_LEPTON_MASS[f] / m) ** 2, 0.25)
        open_ = m >= 2 * _LEPTON_MASS[f]
        tot = tot + np.where(open_, 2 * w * np.sqrt(np.clip(1 - 4 * r, 0, None)) * (1 + 2 * r), 0.0)
    out = inv / tot
    return out if out.ndim else float(out)


# ------------------------------------------------------------------------------------------------
# Form-factor (theory) uncertainty of the rates (issue 13)
# ------------------------------------------------------------------------------------------------
def form_factor_band(channel: str, mX, ff_fit: str | None = None) -> dict:
    """The channel's form factor at q^2 = m_X^2 with its 1-sigma error from the fit's covariance
    (`physics.pheno.form_factors.form_factor_uncertainty`); Z -> gamma X has no hadronic input (sigma = 0)."""
    c = _check_channel(channel)
    m = _check_mass(channel, mX)
    if c["kind"] == "Z":
        return {"value": np.ones_like(m), "sigma": np.zeros_like(m), "available": True,
                "note": "no form factor (Eqs. 3.13-3.14): no hadronic uncertainty"}
    return FF.form_factor_uncertainty(c["ff"], m**2, ff_fit)


def branching_ratio_interval(channel: str, mX, gX=None, alphas=None, gA=None, cov_scale: float = 1.0,
                             **options) -> dict:
    """BR and its 68% form-factor interval [BR (1 - s/F)^2, BR (1 + s/F)^2] (BR is proportional to F^2, F Gaussian).

    cov_scale multiplies the covariance (s -> s sqrt(cov_scale)); a fit without a published covariance
    (form_factors.NO_COVARIANCE) gives NaN bounds and available = False.  Returns BR, BR_low, BR_high, available, note.
    """
    if not (isinstance(cov_scale, (int, float)) and math.isfinite(cov_scale) and cov_scale >= 0):
        raise ValueError(f"cov_scale must be a finite number >= 0, got {cov_scale!r}")
    out = branching_ratio(channel, mX, gX=gX, alphas=alphas, gA=gA, **options)
    band = form_factor_band(channel, mX, options.get("ff_fit"))
    r = math.sqrt(cov_scale) * band["sigma"] / band["value"]
    lo = out["BR"] * np.clip(1 - r, 0, None) ** 2
    hi = out["BR"] * (1 + r) ** 2
    return {"BR": out["BR"], "BR_low": lo, "BR_high": hi, "available": bool(band["available"]), "note": band["note"]}


def equivalence_theorem_check(channel: str, mX, ff_fit: str | None = None) -> dict:
    """Size of the terms the Goldstone-equivalence rate (Eq. 3.10) neglects, for P -> V X (issue 13).

    Stated effective vertex: g_xi X_mu (s-bar gamma^mu P_L b), i.e. Eq. (3.5) with d_mu xi/m_X -> X_mu.  With the
    helicity amplitudes of B -> V (BSZ arXiv:1503.05534 Eq. (13) conventions; q^2 = m_X^2)
        H_t = 2 m_B |k| A_0 / m_X,  H_0 = 8 m_B m_V A_12 / m_X,  H_+- = (m_B + m_V) A_1 -+ 2 m_B |k| V / (m_B + m_V),
    Gamma = |g_xi|^2 |k| / (32 pi m_B^2) sum_lambda |H_lambda|^2; H_t alone gives Eq. (3.10) exactly (the Goldstone
    mode), the physical vector has lambda = 0, +, -.  Returns the ratios to the Eq. (3.10) rate: 'longitudinal'
    (|H_0|^2/|H_t|^2), 'transverse' ((|H_+|^2 + |H_-|^2)/|H_t|^2), 'total' (their sum) and m_X^2/m_B^2.
    """
    c = _check_channel(channel)
    if c["kind"] != "V":
        raise ValueError(f"equivalence_theorem_check is for the vector-meson channels, got {channel!r}")
    m = _check_mass(channel, mX)
    fit = FF.DEFAULT_FIT[c["ff"]] if ff_fit is None else ff_fit
    f = FF.vector_form_factors(c["ff"], m**2, fit)
    mB, mV = I.MESON_MASS[c["P"]], I.MESON_MASS[c["F"]]
    k = momentum(mB, mV, m)
    Ht = 2 * mB * k * f["A0"] / m
    H0 = 8 * mB * mV * f["A12"] / m
    Hp = (mB + mV) * f["A1"] - 2 * mB * k * f["V"] / (mB + mV)
    Hm = (mB + mV) * f["A1"] + 2 * mB * k * f["V"] / (mB + mV)
    lon, tra = H0**2 / Ht**2, (Hp**2 + Hm**2) / Ht**2
    return {"longitudinal": lon, "transverse": tra, "total": lon + tra, "mX2_over_mB2": m**2 / mB**2, "fit": fit}

"""EFT of Sec. 3.1: Wess-Zumino couplings, the Goldstone-equivalence operators and the one-loop
flavour-changing couplings g_xi of Eqs. (3.5)-(3.8), plus the Z-gamma-X coefficient of Eq. (3.13).

Model independence: every coupling is linear in g_X * A_XWW^SM ("gA") for the meson decays; the
Z -> gamma X coefficient needs both traces, g_X A_XWW^SM and g_X A_XYY^SM.

Choices the paper leaves open (named options; see `EW_SCHEMES`, `physics.inputs.TOP_MASS_SCHEMES`):

* the SU(2)_L and U(1)_Y couplings g, g' (Eqs. 3.6, 3.7, 3.13): ``g_scheme``
    - 'MSbar_mZ' (default): e = sqrt(4 pi alpha-hat(m_Z)), sin^2 theta-hat(m_Z) (PDG 2024 EW review);
    - 'GF_onshell': g = 2 m_W (sqrt(2) G_F)^(1/2), s_W^2 = 1 - m_W^2/m_Z^2;
    - 'alpha0_onshell': e from alpha(0), s_W^2 = 1 - m_W^2/m_Z^2;
    - 'round': g = 0.65 and g' = g tan theta-hat(m_Z);
* the top mass in F(m_t^2/m_W^2): ``mt_scheme`` 'MSbar' (default, m_t(m_t) = 162.5 GeV, the scheme in which
  the QCD corrections to Inami-Lim-type functions such as X(x_t) of B -> K nu nubar are small) or 'pole' (172.57 GeV).
Light-quark masses: MS-bar at 2 GeV (u, d, s) and at their own scale (c, b), `physics.inputs`.
"""
from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import numpy as np

from physics import inputs
from physics.model.anomalies import sm_traces

#: Allowed values of the option g_scheme.  The first four are the original named schemes; the last four complete the
#: product "which alpha (or g)" x "which s_W" used by the readings map (physics.pheno.readings, issue 13).
EW_SCHEMES = ("MSbar_mZ", "GF_onshell", "alpha0_onshell", "round",
              "alphaMZ_onshell", "alpha0_MSbar", "GF_MSbar", "round_onshell")
#: g_scheme -> (definition of e or g, definition of s_W): 'alpha0' e from alpha(0); 'alphaMZ' e from the MS-bar
#: alpha-hat(m_Z); 'GF' g = 2 m_W (sqrt 2 G_F)^(1/2); 'round' g = MS-bar g(m_Z) rounded to two digits.  s_W: 'MSbar'
#: sin^2 theta-hat(m_Z), 'onshell' 1 - m_W^2/m_Z^2.  With 'alpha*' g = e/s_W, g' = e/c_W; with 'GF', 'round' g' = g t_W.
EW_SCHEME_PARTS = {"MSbar_mZ": ("alphaMZ", "MSbar"), "GF_onshell": ("GF", "onshell"),
                   "alpha0_onshell": ("alpha0", "onshell"), "round": ("round", "MSbar"),
                   "alphaMZ_onshell": ("alphaMZ", "onshell"), "alpha0_MSbar": ("alpha0", "MSbar"),
                   "GF_MSbar": ("GF", "MSbar"), "round_onshell": ("round", "onshell")}


def ew_scheme_name(alpha_def: str, sw_def: str) -> str:
    """The g_scheme name of the combination (alpha_def, sw_def), e.g. ('alpha0', 'MSbar') -> 'alpha0_MSbar'."""
    for name, parts in EW_SCHEME_PARTS.items():
        if parts == (alpha_def, sw_def):
            return name
    raise ValueError(f"unknown electroweak combination ({alpha_def!r}, {sw_def!r}); allowed: "
                     f"{sorted(set(EW_SCHEME_PARTS.values()))}")
DEFAULT_G_SCHEME = "MSbar_mZ"
DEFAULT_MT_SCHEME = "MSbar"

#: Flavour transitions q_i -> q_j of Table 4 and the couplings that mediate them.
TRANSITIONS = {"sd": ("s", "d"), "bs": ("b", "s"), "bd": ("b", "d"), "cu": ("c", "u")}


# ------------------------------------------------------------------------------------------------
# Loop function, Eq. (3.8)
# ------------------------------------------------------------------------------------------------
def loop_function(x):
    """F(x) = x (1 + x (ln x - 1)) / (1 - x)^2, Eq. (3.8); vectorised, numerically stable.

    Limits: F(x) -> x for x -> 0 (F(0) = 0); the singularity at x = 1 is removable, F(1) = 1/2 (series
    F(1+e) = (1+e) sum_k (-e)^k / ((k+1)(k+2)) for |e| < 0.05); F(x) -> ln x - 1 for x -> infinity
    (evaluated as (1/x + ln x - 1)/(1 - 1/x)^2 for x > 2 so that x^2 never overflows).
    """
    x = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x)) or np.any(x < 0):
        raise ValueError(f"loop function F(x) needs finite x >= 0 (x = m_q^2/m_W^2), got {x}")
    out = np.zeros_like(x)
    eps = x - 1.0
    near = np.abs(eps) < 0.05
    big = (x > 2.0) & ~near
    small = (x > 0) & ~near & ~big
    if np.any(small):
        xs = x[small]
        out[small] = xs * (1.0 + xs * (np.log(xs) - 1.0)) / (1.0 - xs) ** 2
    if np.any(big):
        xb = x[big]
        out[big] = (1.0 / xb + np.log(xb) - 1.0) / (1.0 - 1.0 / xb) ** 2
    if np.any(near):
        e = eps[near]
        series = np.zeros_like(e)
        for k in range(30):  # |e| < 0.05: terms fall like 0.05^k, 30 terms is exact to double precision
            series += (-e) ** k / ((k + 1) * (k + 2))
        out[near] = (1.0 + e) * series
    return out if out.ndim else float(out)


# ------------------------------------------------------------------------------------------------
# Electroweak couplings
# ------------------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def ew_couplings(g_scheme: str = DEFAULT_G_SCHEME) -> dict:
    """SU(2)_L coupling g, U(1)_Y coupling g', e, s_W^2 = g'^2/(g^2+g'^2) (as below Eq. 3.13) for `g_scheme`."""
    if g_scheme in ("alphaMZ_onshell", "alpha0_MSbar", "GF_MSbar", "round_onshell"):  # the readings-map combinations
        a_def, s_def = EW_SCHEME_PARTS[g_scheme]
        sw2 = inputs.SIN2_THETA_HAT_MZ if s_def == "MSbar" else 1 - inputs.M_W**2 / inputs.M_Z**2
        if a_def in ("alphaMZ", "alpha0"):
            e = math.sqrt(4 * math.pi / (inputs.ALPHA_HAT_MZ_INV if a_def == "alphaMZ" else inputs.ALPHA_0_INV))
            g, gp = e / math.sqrt(sw2), e / math.sqrt(1 - sw2)
        else:
            g = 2 * inputs.M_W * math.sqrt(math.sqrt(2) * inputs.G_FERMI) if a_def == "GF" else round(inputs.G2_MZ, 2)
            gp = g * math.sqrt(sw2 / (1 - sw2))
    elif g_scheme == "MSbar_mZ":
        e = math.sqrt(4 * math.pi / inputs.ALPHA_HAT_MZ_INV)
        sw2 = inputs.SIN2_THETA_HAT_MZ
        g, gp = e / math.sqrt(sw2), e / math.sqrt(1 - sw2)
    elif g_scheme == "GF_onshell":
        g = 2 * inputs.M_W * math.sqrt(math.sqrt(2) * inputs.G_FERMI)
        sw2 = 1 - inputs.M_W**2 / inputs.M_Z**2
        gp = g * math.sqrt(sw2 / (1 - sw2))
    elif g_scheme == "alpha0_onshell":
        e = math.sqrt(4 * math.pi / inputs.ALPHA_0_INV)
        sw2 = 1 - inputs.M_W**2 / inputs.M_Z**2
        g, gp = e / math.sqrt(sw2), e / math.sqrt(1 - sw2)
    elif g_scheme == "round":
        g = round(inputs.G2_MZ, 2)  # the MS-bar g(m_Z) = 0.6517 rounded to two digits, as quoted in Sec. 2.2
        gp = g * math.sqrt(inputs.SIN2_THETA_HAT_MZ / (1 - inputs.SIN2_THETA_HAT_MZ))
    else:
        raise ValueError(f"unknown g_scheme {g_scheme!r}; allowed: {', '.join(EW_SCHEMES)}")
    sw2 = gp**2 / (g**2 + gp**2)
    return {"g": g, "gp": gp, "e": g * gp / math.sqrt(g**2 + gp**2), "sw2": sw2, "cw2": 1 - sw2,
            "scheme": g_scheme}


# ------------------------------------------------------------------------------------------------
# Anomalous traces and WZ coefficients, Eqs. (3.1)-(3.4)
# ------------------------------------------------------------------------------------------------
def traces(alphas) -> dict:
    """(A_XWW^SM, A_XYY^SM) as Fractions from `physics.model.anomalies.sm_traces` (Eq. 3.2: -3a_{B+L}, +3a_{B+L})."""
    return sm_traces(alphas)


#: Eq. (3.4) coefficient 1/(16 pi^2) = 1/(48 pi^2) [anomalous divergence, Eq. (3.3), after integrating
#: -g_X J.X by parts] + 1/(24 pi^2) [WZ term of Eq. (3.1) after X -> d xi/m_X and integration by parts].
GOLDSTONE_PIECES = {"divergence_3_3": Fraction(1, 48), "wz_3_1": Fraction(1, 24), "total_3_4": Fraction(1, 16)}


def goldstone_wz_coefficient(gA: float, g_scheme: str = DEFAULT_G_SCHEME) -> float:
    """Coefficient of (xi/m_X) eps (dW)(dW) in Eq. (3.4): g_X g^2 A_XWW^SM / (16 pi^2), with gA = g_X A_XWW^SM."""
    g = ew_couplings(g_scheme)["g"]
    return gA * g**2 / (16 * math.pi**2)


def c_xzgamma(gA_WW, gA_YY, g_scheme: str = DEFAULT_G_SCHEME):
    """c_XZgamma = g_X g g' (c_W^2 A_XWW - s_W^2 A_XYY) / (8 pi^2), Eq. (3.13), from gA_WW = g_X A_XWW, gA_YY = g_X A_XYY."""
    c = ew_couplings(g_scheme)
    return c["g"] * c["gp"] * (c["cw2"] * np.asarray(gA_WW, float) - c["sw2"] * np.asarray(gA_YY, float)) / (8 * math.pi**2)


# ------------------------------------------------------------------------------------------------
# One-loop flavour-changing couplings, Eqs. (3.6)-(3.7)
# ------------------------------------------------------------------------------------------------
@lru_cache(maxsize=64)
def _ckm_sum(transition: str, mt_scheme: str, ckm_key: tuple | None) -> complex:
    if transition not in TRANSITIONS:
        raise ValueError(f"unknown transition {transition!r}; allowed: {sorted(TRANSITIONS)}")
    V = inputs.ckm_matrix() if ckm_key is None else np.array(ckm_key, dtype=complex).reshape(3, 3)
    i, j = TRANSITIONS[transition]
    mw2 = inputs.M_W**2
    if i in inputs.DOWN_INDEX:  # Eq. (3.6): sum_{alpha=u,c,t} V_{alpha i} V*_{alpha j} F(m_alpha^2/m_W^2)
        a, b = inputs.DOWN_INDEX[i], inputs.DOWN_INDEX[j]
        return complex(sum(V[k, a] * np.conj(V[k, b]) * loop_function(inputs.quark_mass(q, mt_scheme) ** 2 / mw2)
                           for q, k in inputs.UP_INDEX.items()))
    # Eq. (3.7): sum_{beta=d,s,b} V*_{i beta} V_{j beta} F(m_beta^2/m_W^2)
    a, b = inputs.UP_INDEX[i], inputs.UP_INDEX[j]
    return complex(sum(np.conj(V[a, k]) * V[b, k] * loop_function(inputs.quark_mass(q) ** 2 / mw2)
                       for q, k in inputs.DOWN_INDEX.items()))


def ckm_loop_sum(transition: str, mt_scheme: str = DEFAULT_MT_SCHEME, ckm=None) -> complex:
    """The CKM-weighted sum of loop functions in Eq. (3.6) (down-type) or Eq. (3.7) (c -> u)."""
    key = None if ckm is None else tuple(np.asarray(ckm, dtype=complex).ravel())
    return _ckm_sum(transition, mt_scheme, key)


def g_xi(transition: str, gA=1.0, g_scheme: str = DEFAULT_G_SCHEME, mt_scheme: str = DEFAULT_MT_SCHEME, ckm=None):
    """Effective coupling g_{xi q_i q_j} of Eq. (3.5) for `transition` in 'sd', 'bs', 'bd' (Eq. 3.6), 'cu' (Eq. 3.7).

    g_xi = -3 g_X g^4 / (4 pi)^4 * A_XWW^SM * sum_alpha V V* F(x_alpha), with gA = g_X A_XWW^SM (may be an array).
    Complex; its modulus does not depend on the CKM phase convention, its phase does.
    """
    gA = np.asarray(gA, dtype=float)
    if not np.all(np.isfinite(gA)):
        raise ValueError(f"gA = g_X A_XWW^SM must be finite, got {gA}")
    g = ew_couplings(g_scheme)["g"]
    val = -3.0 * gA * g**4 / (4 * math.pi) ** 4 * ckm_loop_sum(transition, mt_scheme, ckm)
    return val if val.ndim else complex(val)


def scheme_effects(transition: str = "bs") -> dict:
    """|g_xi|^2 (rate) ratios for every g_scheme and mt_scheme, relative to the defaults (Sec. 3.1 choices)."""
    ref = abs(g_xi(transition)) ** 2
    out = {f"g_scheme={s}": abs(g_xi(transition, g_scheme=s)) ** 2 / ref for s in EW_SCHEMES}
    out.update({f"mt_scheme={s}": abs(g_xi(transition, mt_scheme=s)) ** 2 / ref for s in inputs.TOP_MASS_SCHEMES})
    return out

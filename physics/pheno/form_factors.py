"""Hadronic form factors f_0(q^2) and A_0(q^2) of Eqs. (3.9)-(3.12) (footnote 4 of arXiv:2603.04394).

The paper takes them from its Refs. [33]-[36]; its reference list was not available to us, so the
fits below are well-known published ones chosen by us (a difference from the paper, stated in the book):

=============  =========================================================================================
B -> K   f_0   Gubernari, Kokulu, van Dyk, JHEP 02 (2019) 150, arXiv:1811.00983 (GKvD), combined
               LCSR + lattice fit, BSZ z-expansion (K = 2); f_0 has a_0 = a_0^{f+} (f_0(0) = f_+(0)).
B -> K*  A_0   Bharucha, Straub, Zwicky, JHEP 08 (2016) 098, arXiv:1503.05534 (BSZ), combined LCSR +
               lattice fit (ancillary file BKstar_LCSR-Lattice.json of v2/v3). Option fit='GKvD2018'.
B -> pi  f_0   Leljak, Melic, van Dyk, JHEP 07 (2021) 036, arXiv:2102.07233 (LMVD), LCSR + lattice,
               modified BCL expansion with K = 4 (f_0 has four b_0^k).
B -> rho A_0   BSZ arXiv:1503.05534, LCSR-only fit (ancillary Brho_LCSR.json of v2/v3). Option 'GKvD2018'.
K -> pi  f_0   dispersive representation of Bernard, Oertel, Passemar, Stern, arXiv:0903.1654 (Eq. A.1,
               Table 1: D, d, k), with ln C from arXiv:1602.04113 and f_+(0) = 0.9698(17), FLAG 2021
               (arXiv:2111.09849, N_f = 2+1+1 average).  Normalisation: K0 -> pi- (f_0(0) = f_+(0)).
D -> pi  f_0   ETM, Lubicz et al., PRD 96 (2017) 054514, arXiv:1706.03017, f_+(0) = 0.612(35), re-expressed
               in the BSZ z-expansion (pole at m_{D0*} = 2.318 GeV) as in flavio's parameters_correlated.yml.
=============  =========================================================================================

The coefficients were transcribed (numbers only) from the data files of the flavio package
(github.com/flav-io/flavio, commit 2591f8c, files flavio/physics/data/arXiv-*/...json|yaml and
flavio/data/parameters_*.yml), which reproduce the original papers' ancillary files; the original fit is
the citation.  Each form factor is evaluated only on the physical semileptonic range of the channels that
use it, [0, max (m_P - m_P')^2]; outside that range a ValueError is raised.
"""
from __future__ import annotations

import math

import numpy as np

from physics import inputs as I

# ------------------------------------------------------------------------------------------------
# z-expansions
# ------------------------------------------------------------------------------------------------


def _z(q2, mP, mF, t0=None):
    """z(q^2) with t_+ = (m_P + m_F)^2 and t_0 = t_+ (1 - sqrt(1 - t_-/t_+)) unless given (BSZ Eq. 11)."""
    tp, tm = (mP + mF) ** 2, (mP - mF) ** 2
    if t0 is None:
        t0 = tp * (1 - math.sqrt(1 - tm / tp))
    s, s0 = np.sqrt(tp - q2), math.sqrt(tp - t0)
    return (s - s0) / (s + s0)


def _bsz(q2, mP, mF, m_res, a):
    """BSZ series F(q^2) = [1/(1 - q^2/m_R^2)] sum_k a_k (z(q^2) - z(0))^k, arXiv:1503.05534 Eq. (10)."""
    dz = _z(q2, mP, mF) - _z(0.0, mP, mF)
    return sum(ak * dz**k for k, ak in enumerate(a)) / (1 - q2 / m_res**2)


def _lmvd_f0(q2, p):
    """LMVD modified BCL f_0, arXiv:2102.07233: f_0 = f_+(0) [1 + sum_k b_0^k (z^k - z_0^k)] / (1 - q^2/m_0^2)."""
    z, z0 = _z(q2, p["mB"], p["mP"]), _z(0.0, p["mB"], p["mP"])
    s = 1.0 + sum(b * (z**k - z0**k) for k, b in enumerate(p["b0"], start=1))
    return p["fp0"] * s / (1 - q2 / p["m0"] ** 2)


def _kpi_dispersive_f0(q2, p):
    """f_0(t) = f_+(0) exp[t/Delta_Kpi (ln C - G(t))], G = x D + (1-x) d + x(1-x) k, x = t/(m_K - m_pi)^2.

    Bernard, Oertel, Passemar, Stern arXiv:0903.1654, Eq. (A.1) with Table 1; Delta_Kpi = m_K0^2 - m_pi+^2.
    """
    mK, mpi = p["mK"], p["mpi"]
    x = q2 / (mK - mpi) ** 2
    G = x * p["D"] + (1 - x) * p["d"] + x * (1 - x) * p["k"]
    return p["fp0"] * np.exp(q2 / (mK**2 - mpi**2) * (p["lnC"] - G))


# ------------------------------------------------------------------------------------------------
# The fits (coefficients with provenance)
# ------------------------------------------------------------------------------------------------
FITS = {
    "B->K f0": {
        "GKvD2018": {
            "arxiv": "1811.00983", "table": "GKvD combined LCSR+lattice fit, ancillary BK_LCSR-Lattice.json (Tab. 4/App.)",
            "kind": "bsz", "mP": I.M_B0, "mF": I.M_K0,
            "m_res": 5.630,                          # GeV, B_s0* (0+) pole used by GKvD (flavio resonance_masses_gkvd)
            "a": (0.3290899285463681,                # a_0^{f0} = a_0^{f+} (f0(0) = f+(0)), GKvD fit
                  0.195117199570376,                 # a_1^{f0} +- 0.168, GKvD fit
                  -0.4461264576740431),              # a_2^{f0} +- 0.409, GKvD fit
            "f0_published": (0.329, 0.028),          # f_+(0) = a_0^{f+} +- 1 sigma of the GKvD combined fit
        },
    },
    "B->K* A0": {
        "BSZ2015": {
            "arxiv": "1503.05534", "table": "BSZ combined LCSR+lattice fit, ancillary BKstar_LCSR-Lattice.json (v2/v3)",
            "kind": "bsz", "mP": I.M_B0, "mF": I.M_KSTAR0,
            "m_res": 5.367,                          # GeV, B_s (0-) pole, BSZ Table 3 (b -> s)
            "a": (0.369196, -1.36584, 0.128191),     # a_0, a_1, a_2 of A_0 (+- 0.029, 0.257, 1.634)
            "f0_published": (0.356, 0.046),          # A_0(0) of the BSZ LCSR-only fit (BKstar_LCSR.json a_0 = 0.355851 +- 0.0462)
        },
        "GKvD2018": {
            "arxiv": "1811.00983", "table": "GKvD combined LCSR+lattice fit, ancillary BKstar_LCSR-Lattice.json",
            "kind": "bsz", "mP": I.M_B0, "mF": I.M_KSTAR0,
            "m_res": 5.336,                          # GeV, 0- pole used by GKvD for B -> K* (flavio resonance_masses_gkvd)
            "a": (0.3433920997134539, -1.129631202254993, 2.326291948822512),
            "f0_published": (0.343, 0.029),
        },
    },
    "B->pi f0": {
        "LMVD2021": {
            "arxiv": "2102.07233", "table": "LMVD LCSR+LQCD fit, BCL K=4 (ancillary LCSR-LQCD_mod_BCL_params_K=4.yaml, medians)",
            "kind": "lmvd",
            "mB": 5.279, "mP": 0.135,                # GeV, masses used by LMVD (flavio parameters_uncorrelated.yml)
            "m0": 5.540,                             # GeV, 0+ pole used by LMVD
            "fp0": 0.23467601855748074,              # f_+(0) = f_0(0), LMVD median (+- 0.019)
            "b0": (0.3990885830618598, 0.06973913203456783, 3.667435268564153, 1.4724931330072968),  # b_0^1..4
            "f0_published": (0.235, 0.019),
        },
    },
    "B->rho A0": {
        "BSZ2015": {
            "arxiv": "1503.05534", "table": "BSZ LCSR-only fit, ancillary Brho_LCSR.json (v2/v3)",
            "kind": "bsz", "mP": I.M_B0, "mF": I.M_RHO0,
            "m_res": 5.279,                          # GeV, B (0-) pole, BSZ Table 3 (b -> d)
            "a": (0.356161, -0.833013, 1.33088),     # a_0, a_1, a_2 of A_0 (+- 0.042, 0.204, 1.050)
            "f0_published": (0.356, 0.042),
        },
        "GKvD2018": {
            "arxiv": "1811.00983", "table": "GKvD LCSR-only fit, ancillary Brho_LCSR.json",
            "kind": "bsz", "mP": I.M_B0, "mF": I.M_RHO0,
            "m_res": 5.279,                          # GeV, 0- pole used by GKvD for B -> rho
            "a": (0.2925336490766787, -0.7432269609691062, -0.01364822290213352),
            "f0_published": (0.293, 0.081),
        },
    },
    "K->pi f0": {
        "dispersive": {
            "arxiv": "0903.1654 + 1602.04113 + FLAG 2021 (2111.09849)",
            "table": "0903.1654 Table 1 (D, d, k); ln C from 1602.04113; f+(0) FLAG 2021 Nf=2+1+1",
            "kind": "kpi",
            "mK": I.M_K0, "mpi": I.M_PI_PLUS,        # K0 -> pi- normalisation (footnote 4)
            "fp0": 0.9698,                           # f_+(0), FLAG 2021 Nf=2+1+1 average, +- 0.0017
            "lnC": 0.1998,                           # ln C (Callan-Treiman), arXiv:1602.04113, +- 0.0138
            "D": 0.0209, "d": 0.0398, "k": 0.0045,   # arXiv:0903.1654 Table 1
            "f0_published": (0.9698, 0.0017),
        },
    },
    "D->pi f0": {
        "ETM2017": {
            "arxiv": "1706.03017", "table": "ETM f_+(0) = 0.612(35); BSZ-form coefficients from flavio parameters_correlated.yml",
            "kind": "bsz", "mP": I.M_D0, "mF": I.M_PI_PLUS,   # D0bar -> pi+ (footnote 4)
            "m_res": 2.318,                          # GeV, D0* (0+) pole (flavio 'D->pi BCL m0')
            "a": (0.612, 0.2498, -0.2269),           # a_0 = f_+(0), a_1^{f0}, a_2^{f0}
            "f0_published": (0.612, 0.035),
        },
    },
}

DEFAULT_FIT = {"B->K f0": "GKvD2018", "B->K* A0": "BSZ2015", "B->pi f0": "LMVD2021",
               "B->rho A0": "BSZ2015", "K->pi f0": "dispersive", "D->pi f0": "ETM2017"}

#: Decays that use each form factor (initial, final meson); the allowed q^2 range is the union of their
#: physical ranges [0, (m_P - m_P')^2].
USERS = {
    "K->pi f0": [("K+", "pi+"), ("KL", "pi0")],
    "B->K f0": [("B+", "K+"), ("B0", "K0")],
    "B->K* A0": [("B+", "K*+"), ("B0", "K*0")],
    "B->pi f0": [("B+", "pi+"), ("B0", "pi0")],
    "B->rho A0": [("B+", "rho+"), ("B0", "rho0")],
    "D->pi f0": [("D+", "pi+")],
}


def q2_range(name: str) -> tuple[float, float]:
    """Allowed q^2 range (GeV^2) of form factor `name`: [0, max over its decays of (m_P - m_P')^2]."""
    if name not in USERS:
        raise ValueError(f"unknown form factor {name!r}; allowed: {sorted(USERS)}")
    return 0.0, max((I.MESON_MASS[a] - I.MESON_MASS[b]) ** 2 for a, b in USERS[name])


def form_factor(name: str, q2, fit: str | None = None):
    """f_0(q^2) or A_0(q^2) (dimensionless) of `name` in FITS, vectorised over q2 (GeV^2).

    Raises ValueError for an unknown name/fit, non-finite q2, or q2 outside `q2_range(name)`.
    """
    if name not in FITS:
        raise ValueError(f"unknown form factor {name!r}; allowed: {sorted(FITS)}")
    fit = DEFAULT_FIT[name] if fit is None else fit
    if fit not in FITS[name]:
        raise ValueError(f"unknown fit {fit!r} for {name}; allowed: {sorted(FITS[name])}")
    q2a = np.asarray(q2, dtype=float)
    lo, hi = q2_range(name)
    if not np.all(np.isfinite(q2a)) or np.any(q2a < lo) or np.any(q2a > hi * (1 + 1e-12)):
        raise ValueError(f"q^2 for {name} must lie in [{lo}, {hi:.6g}] GeV^2 (physical range), got {q2}")
    p = FITS[name][fit]
    if p["kind"] == "bsz":
        out = _bsz(q2a, p["mP"], p["mF"], p["m_res"], p["a"])
    elif p["kind"] == "lmvd":
        out = _lmvd_f0(q2a, p)
    else:
        out = _kpi_dispersive_f0(q2a, p)
    return out if np.ndim(out) else float(out)


def form_factor_at_zero(name: str, fit: str | None = None) -> float:
    """Value at q^2 = 0 (for comparison with the published normalisation)."""
    return form_factor(name, 0.0, fit)

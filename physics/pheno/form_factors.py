"""Hadronic form factors f_0(q^2) and A_0(q^2) of Eqs. (3.9)-(3.12) (footnote 4 of arXiv:2603.04394).

The paper takes them from its Refs. [33]-[36]; its reference list was not available to us, so the
fits below are well-known published ones chosen by us (a difference from the paper, stated in the book).
Defaults (DEFAULT_FIT): footnote 4 takes B -> K and B -> K* from one reference [33] and B -> pi and B -> rho from
another [34]; the only pair of available fits consistent with that is GRvDV 2023 for b -> s and GKvD 2018 for b -> d
(the argument: notebooks/05_belle2_fit.md, "The readings map").

=============  =========================================================================================
B -> K   f_0   default: Gubernari, Reboud, van Dyk, Virto, JHEP 09 (2023) 133, arXiv:2305.06301 (GRvDV), BSZ
               z-expansion, file BK_GRvDV2023.yaml.  Also: Gubernari, Kokulu, van Dyk, JHEP 02 (2019) 150,
               arXiv:1811.00983 (GKvD), combined LCSR + lattice fit, BSZ z-expansion (K = 2); f_0 has
               a_0 = a_0^{f+} (f_0(0) = f_+(0)); fit='GKvD2018' (the book's earlier default).
B -> K*  A_0   default: GRvDV 2023 (file BKstar_GRvDV2023.yaml).  Also: Bharucha, Straub, Zwicky, JHEP 08 (2016)
               098, arXiv:1503.05534 (BSZ), combined LCSR + lattice fit (ancillary file BKstar_LCSR-Lattice.json
               of v2/v3), fit='BSZ2015' (earlier default); fit='GKvD2018'.
B -> pi  f_0   default: GKvD 2018 combined LCSR + lattice fit (file Bpi_GKvD2018.yaml).  Also: Leljak, Melic,
               van Dyk, JHEP 07 (2021) 036, arXiv:2102.07233 (LMVD), LCSR + lattice, modified BCL expansion with
               K = 4 (f_0 has four b_0^k), fit='LMVD2021' (earlier default).
B -> rho A_0   default: GKvD 2018 LCSR-only fit (ancillary Brho_LCSR.json).  Also: BSZ arXiv:1503.05534, LCSR-only
               fit (ancillary Brho_LCSR.json of v2/v3), fit='BSZ2015' (earlier default).
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

#: The default fit of each form factor (used whenever ff_fit / fit is None).  The B channels follow footnote 4 as the
#: readings map of the Belle II chapter argues (notebooks/05_belle2_fit.md, "The readings map"): one reference for the
#: b -> s pair ([33]: GRvDV 2023, arXiv:2305.06301, for B -> K and B -> K*) and another for the b -> d pair ([34]:
#: GKvD 2018, arXiv:1811.00983, for B -> pi and B -> rho), i.e. REFERENCE_SETS_BS["GRvDV2023"] and
#: REFERENCE_SETS_BD["GKvD2018"].  The book's earlier mix (GKvD 2018 B -> K, BSZ 2015 B -> K* and B -> rho, LMVD 2021
#: B -> pi) stays available by name (EARLIER_DEFAULT_FIT, or 'book_mix' in the reference sets).
DEFAULT_FIT = {"B->K f0": "GRvDV2023", "B->K* A0": "GRvDV2023", "B->pi f0": "GKvD2018",
               "B->rho A0": "GKvD2018", "K->pi f0": "dispersive", "D->pi f0": "ETM2017"}
#: The defaults before the switch to footnote 4's pairs (kept by name, e.g. for comparisons with external codes).
EARLIER_DEFAULT_FIT = {"B->K f0": "GKvD2018", "B->K* A0": "BSZ2015", "B->pi f0": "LMVD2021",
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


# ------------------------------------------------------------------------------------------------
# Fits with their published covariance matrices (physics/data/formfactors/*.yaml, issue 13)
# ------------------------------------------------------------------------------------------------
#: Form factor -> file prefix in physics/data/formfactors/ and the meson masses used in z(q^2) (PDG 2024, as above).
_FILE_PREFIX = {"B->K f0": "BK", "B->K* A0": "BKstar", "B->pi f0": "Bpi", "B->rho A0": "Brho"}
_FILE_MASSES = {"B->K f0": (I.M_B0, I.M_K0), "B->K* A0": (I.M_B0, I.M_KSTAR0), "B->pi f0": (I.M_B_PLUS, I.M_PI0),
                "B->rho A0": (I.M_B0, I.M_RHO0)}
#: The fits with a data file (and hence a covariance), by form factor.
FILE_FITS = {
    "B->K f0": ("GKvD2018", "GKvD2018_LCSR", "GRvDV2023"),
    "B->K* A0": ("BSZ2015", "BSZ2015_LCSR", "GKvD2018", "GKvD2018_LCSR", "GRvDV2023"),
    "B->pi f0": ("GKvD2018", "GKvD2018_LCSR", "LMVD2021"),
    "B->rho A0": ("BSZ2015", "GKvD2018"),
}
#: Why a fit has no band: no published covariance of its coefficients was available to us (said, not invented).
NO_COVARIANCE = {
    ("D->pi f0", "ETM2017"): "only f+(0) = 0.612(35) is quoted with an error; the covariance of the z-expansion "
                             "coefficients a_1, a_2 is not available offline, so no band is drawn",
}


def fit_data(name: str, fit: str) -> dict:
    """The data file of fit `fit` of form factor `name`: central values, covariance, poles, provenance (cached)."""
    return _fit_data(name, fit)


from functools import lru_cache as _lru_cache  # noqa: E402  (kept with the additions of issue 13)


@_lru_cache(maxsize=None)
def _fit_data(name: str, fit: str) -> dict:
    import yaml

    from physics.resources import data_path

    if fit not in FILE_FITS.get(name, ()):
        raise ValueError(f"no data file (covariance) for {name} fit {fit!r}; available: {FILE_FITS.get(name, ())}")
    with open(data_path("formfactors", f"{_FILE_PREFIX[name]}_{fit}.yaml"), encoding="utf-8") as fh:
        d = yaml.safe_load(fh)
    d["central"] = np.asarray(d["central"], float)
    d["covariance"] = np.asarray(d["covariance"], float)
    return d


def _register_file_fits() -> None:
    """Add the fits that exist only as data files to FITS (BSZ z-expansion of f_0 or A_0, poles from the file)."""
    for name, fits in FILE_FITS.items():
        for fit in fits:
            if fit in FITS[name]:
                continue
            d = fit_data(name, fit)
            mP, mF = _FILE_MASSES[name]
            key = "f0" if name.endswith("f0") else "A0"
            FITS[name][fit] = {"arxiv": d["arxiv"], "table": d["reference"], "kind": "bsz", "mP": mP, "mF": mF,
                               "m_res": d["poles"][key], "a": tuple(float(x) for x in d["central"][:3]),
                               "f0_published": None, "file": f"physics/data/formfactors/{_FILE_PREFIX[name]}_{fit}.yaml"}


_register_file_fits()

#: Reference-level choices for the b -> s pair (B -> K f0, B -> K* A0) and the b -> d pair (B -> pi f0, B -> rho A0).
#: Footnote 4 of the paper takes each pair from ONE reference ([33] and [34]); 'book_mix' is the book's earlier
#: choice (two different papers per pair), kept to show its effect.  Which paper is [33]/[34] is not known (the
#: reference list is missing from our copy of the paper): the candidates are the fits covering both transitions.
REFERENCE_SETS_BS = {
    "GRvDV2023": {"B->K f0": "GRvDV2023", "B->K* A0": "GRvDV2023"},
    "GKvD2018": {"B->K f0": "GKvD2018", "B->K* A0": "GKvD2018"},
    "GKvD2018_LCSR": {"B->K f0": "GKvD2018_LCSR", "B->K* A0": "GKvD2018_LCSR"},
    "book_mix": {"B->K f0": "GKvD2018", "B->K* A0": "BSZ2015"},
}
REFERENCE_SETS_BD = {
    "GKvD2018": {"B->pi f0": "GKvD2018", "B->rho A0": "GKvD2018"},
    "GKvD2018_LCSR": {"B->pi f0": "GKvD2018_LCSR", "B->rho A0": "GKvD2018"},
    "book_mix": {"B->pi f0": "LMVD2021", "B->rho A0": "BSZ2015"},
}
#: The paper (arXiv id) behind each reference set: two sets from the same paper cannot be both [33] and [34].
REFERENCE_PAPER = {"GRvDV2023": "2305.06301", "GKvD2018": "1811.00983", "GKvD2018_LCSR": "1811.00983",
                   "book_mix": "several"}


def reference_fit(name: str, ref_bs: str | None = None, ref_bd: str | None = None) -> str | None:
    """The fit of form factor `name` under the reference choices (None: the rates default DEFAULT_FIT)."""
    if name in ("B->K f0", "B->K* A0") and ref_bs is not None:
        if ref_bs not in REFERENCE_SETS_BS:
            raise ValueError(f"unknown b -> s reference set {ref_bs!r}; allowed: {sorted(REFERENCE_SETS_BS)}")
        return REFERENCE_SETS_BS[ref_bs][name]
    if name in ("B->pi f0", "B->rho A0") and ref_bd is not None:
        if ref_bd not in REFERENCE_SETS_BD:
            raise ValueError(f"unknown b -> d reference set {ref_bd!r}; allowed: {sorted(REFERENCE_SETS_BD)}")
        return REFERENCE_SETS_BD[ref_bd][name]
    return None


def _bsz_basis(q2, mP, mF, m_res, n):
    dz = _z(np.asarray(q2, float), mP, mF) - _z(0.0, mP, mF)
    pole = 1 / (1 - np.asarray(q2, float) / m_res**2)
    return np.stack([pole * dz**k for k in range(n)], axis=-1)


def form_factor_uncertainty(name: str, q2, fit: str | None = None) -> dict:
    """Central value and 1-sigma error of f_0/A_0 at q2 from the fit's published covariance (linear propagation).

    BSZ z-expansions are linear in their coefficients, so the propagation is exact; for LMVD (f_0 = f_+(0) x
    series) and the K -> pi dispersive form it is first order.  K -> pi: f_+(0) (FLAG 2021) and ln C
    (arXiv:1602.04113) are independent determinations, D, d, k held fixed.  Returns {'value', 'sigma',
    'available', 'note'}; for a fit without covariance (NO_COVARIANCE) sigma is NaN and available False.
    """
    fit = DEFAULT_FIT[name] if fit is None else fit
    val = np.asarray(form_factor(name, q2, fit), float)
    q = np.asarray(q2, float)
    if (name, fit) in NO_COVARIANCE:
        return {"value": val, "sigma": np.full_like(val, np.nan), "available": False, "note": NO_COVARIANCE[(name, fit)]}
    p = FITS[name][fit]
    if p["kind"] == "kpi":
        var = (val / p["fp0"] * 0.0017) ** 2 + (val * q / (p["mK"] ** 2 - p["mpi"] ** 2) * 0.0138) ** 2
        return {"value": val, "sigma": np.sqrt(var), "available": True,
                "note": "f+(0) +- 0.0017 (FLAG 2021) and ln C +- 0.0138 (arXiv:1602.04113), independent; D, d, k fixed"}
    d = fit_data(name, fit)
    C = d["covariance"]
    if p["kind"] == "lmvd":
        z, z0 = _z(q, p["mB"], p["mP"]), _z(0.0, p["mB"], p["mP"])
        pole = 1 / (1 - q / p["m0"] ** 2)
        S = 1.0 + sum(b * (z**k - z0**k) for k, b in enumerate(p["b0"], start=1))
        J = np.stack([S * pole] + [p["fp0"] * (z**k - z0**k) * pole for k in range(1, 5)], axis=-1)
    else:
        J = _bsz_basis(q, p["mP"], p["mF"], p["m_res"], 3)
        C = C[:3, :3]
    var = np.einsum("...i,ij,...j->...", J, C, J)
    return {"value": val, "sigma": np.sqrt(var), "available": True, "note": d["reference"]}


def vector_form_factors(name: str, q2, fit: str, params=None) -> dict:
    """A_0, A_1, A_12, V and A_2 of a B -> V fit with a data file (BSZ z-expansion, arXiv:1503.05534 Eqs. (10), (15)).

    params: optional coefficient vector(s) (..., 11) in the file's order, e.g. samples from the covariance.
    A_12(0) is fixed by A_0(0): a_0^{A12} = (m_B^2 - m_V^2)/(8 m_B m_V) a_0^{A0}; A_2 from the definition of A_12
    (BSZ Eq. (13)): 16 m_B m_V^2 (m_B + m_V) A_12 = (m_B + m_V)^2 (m_B^2 - m_V^2 - q^2) A_1 - lambda A_2.
    """
    if name not in ("B->K* A0", "B->rho A0"):
        raise ValueError(f"vector form factors exist for B->K* A0 and B->rho A0, got {name!r}")
    d = fit_data(name, fit)
    a = np.asarray(d["central"] if params is None else params, float)
    mB, mV = _FILE_MASSES[name]
    q = np.asarray(q2, float)
    P = d["poles"]

    def series(m_res, coeffs):
        return np.einsum("...k,...k->...", _bsz_basis(q, mB, mV, m_res, 3), coeffs)

    a0_12 = (mB**2 - mV**2) / (8 * mB * mV) * a[..., 0]
    A0 = series(P["A0"], a[..., 0:3])
    A1 = series(P["A1"], a[..., 3:6])
    A12 = series(P["A12"], np.stack([a0_12, a[..., 6], a[..., 7]], axis=-1))
    V = series(P["V"], a[..., 8:11])
    lam = (mB**2 - mV**2 - q) ** 2 - 4 * mV**2 * q
    A2 = ((mB + mV) ** 2 * (mB**2 - mV**2 - q) * A1 - 16 * mB * mV**2 * (mB + mV) * A12) / lam
    return {"A0": A0, "A1": A1, "A12": A12, "V": V, "A2": A2, "mB": mB, "mV": mV}

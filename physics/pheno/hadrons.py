"""X -> hadrons for a light vector with arbitrary quark charges: the data-driven vector-meson-dominance (VMD) model of
Ilten, Soreq, Williams, Xue, "Serendipity in dark photon searches", JHEP 06 (2018) 004, arXiv:1801.04847 ("darkcast").

Below M_MATCH = 2 GeV (the end of the published fits), Eqs. (2.17)-(2.18) of arXiv:1801.04847:

    Gamma(X -> F) = g^2 m/(12 pi) [ sum_{V = rho, omega, phi} c_V^2 R_F^V(m) + 2 c_omega c_phi R_F^{omega phi}(m) ],
    c_V = r_V tr(T_V Q_X),   Q_X = diag(x_u, x_d, x_s),

where R_F^V(m) is the contribution of the meson V to R_mu^F = sigma(e+e- -> F)/sigma(e+e- -> mu+mu-) in the authors'
fit of the e+e- -> hadrons data (tabulated per final state F and per component, interference included), T_V the
diagonal U(3) generators of App. A (rho: diag(1,-1,0)/2, omega: diag(1,1,0)/2, phi: diag(0,0,1)/sqrt 2) and r_V the
normalisations of Eq. (2.18) (rho: 2, omega: 6, phi: 3 sqrt 2), chosen so that the photon, Q = diag(2/3,-1/3,-1/3),
has c_rho = c_omega = 1, c_phi = -1 and reproduces R(s).  The tables are in physics/data/vmd/ (provenance in each
header) and are read as the authors read them: linear interpolation, the last row wins for a repeated mass, nearest
edge value outside the tabulated range.  All hadronic final states are counted as VISIBLE (none is E_miss).

At and above M_MATCH the VMD tables stop; we use perturbative quarks with N_c = 3 at leading order,
    Gamma(X -> q qbar) = N_c x_q^2 g^2 m/(12 pi) beta_q (1 + 2 m_q^2/m^2),  beta_q = sqrt(1 - 4 m_q^2/m^2),
for u, d, s (massless) and for c, b, t with threshold masses m_D0, m_B0 (open-flavour meson pairs, so the narrow
charmonium/bottomonium resonances below 2 m_D, 2 m_B are ignored) and m_t (pole).  For a baryon-number current
(x_q = 1/3) the VMD sum at 2 GeV is within 1% of the perturbative value (tests/test_hadrons.py); for the photon the
VMD value is ~9% above the leading-order 2 (no alpha_s/pi correction here).  darkcast itself keeps the 2 GeV VMD
values above 2 GeV and adds c, b perturbatively; the two treatments differ only by these O(10%) matching effects.

In the paper's framework (Eq. 1.1) every quark carries the same charge alpha_B/3 (the baryon-number current), so
X -> hadrons scales as alpha_B^2 and only the omega and phi components contribute (c_rho = 0 by isospin).  The
functions here accept any (x_u, x_d, x_s, x_c, x_b, x_t).
"""
from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import numpy as np

from physics import inputs as I
from physics.resources import data_path

#: Upper end of the published VMD tables (GeV): perturbative quarks at and above this mass.
M_MATCH = 2.0
N_C = 3

#: Final states F and the VMD components tabulated for each (arXiv:1801.04847, darkcast data files rf.<F>.<V>.dat).
FINAL_STATES = {
    "pi+_pi-": ("rho0",),
    "pi+_pi-_pi+_pi-": ("rho0",),
    "pi+_pi-_pi0_pi0": ("rho0",),
    "pi+_pi-_pi0": ("omega", "phi", "omega_phi"),
    "pi0_gamma": ("omega",),
    "K_K": ("phi",),
    "K_K_pi": ("phi",),
    "other": ("rho0", "omega", "phi"),
}

#: Diagonal of the U(3) meson generators T_V over (u, d, s), arXiv:1801.04847 App. A (Eq. A.1).
GENERATORS = {
    "rho0": (0.5, -0.5, 0.0),
    "omega": (0.5, 0.5, 0.0),
    "phi": (0.0, 0.0, 1 / math.sqrt(2)),
}
#: Normalisations r_V of Eq. (2.18) of arXiv:1801.04847.
R_V = {"rho0": 2.0, "omega": 6.0, "phi": 3 * math.sqrt(2)}

#: Perturbative quarks above M_MATCH: threshold mass (GeV) per flavour (see module docstring).
QUARK_THRESHOLD_MASS = {"u": 0.0, "d": 0.0, "s": 0.0, "c": I.M_D0, "b": I.M_B0, "t": I.M_T_POLE}
QUARKS = tuple(QUARK_THRESHOLD_MASS)


@lru_cache(maxsize=None)
def table(final_state: str, component: str) -> tuple[np.ndarray, np.ndarray]:
    """(m, R) of one tabulated VMD component, sorted, with a repeated mass resolved as the authors' reader does
    (the last row with that mass wins)."""
    if final_state not in FINAL_STATES or component not in FINAL_STATES[final_state]:
        raise ValueError(f"no VMD table for final state {final_state!r}, component {component!r}; "
                         f"known: {FINAL_STATES}")
    path = data_path("vmd", f"rf.{final_state}.{component}.dat")
    last = {}
    with path.open() as fh:
        for line in fh:
            line = line.split("#")[0].split()
            if line:
                last[float(line[0])] = float(line[1])
    m = np.array(sorted(last))
    return m, np.array([last[x] for x in m])


def _interp(final_state, component, m):
    x, y = table(final_state, component)
    return np.interp(m, x, y)  # linear; constant (edge value) outside the table, as the authors' reader


def quark_couplings(quark_charges) -> dict:
    """{q: float} for q in u, d, s, c, b, t from a mapping (missing flavours: 0) or one number for all quarks."""
    if isinstance(quark_charges, dict):
        bad = set(quark_charges) - set(QUARKS)
        if bad:
            raise ValueError(f"unknown quark flavour(s) {sorted(bad)}; use {QUARKS}")
        out = {q: float(quark_charges.get(q, 0)) for q in QUARKS}
    else:
        out = {q: float(quark_charges) for q in QUARKS}
    if not all(math.isfinite(v) for v in out.values()):
        raise ValueError(f"quark charges must be finite, got {quark_charges!r}")
    return out


def vmd_coefficients(quark_charges) -> dict:
    """c_V = r_V tr(T_V Q_X) of Eq. (2.18) for V = rho0, omega, phi (Q_X = diag(x_u, x_d, x_s))."""
    x = quark_couplings(quark_charges)
    q = (x["u"], x["d"], x["s"])
    return {v: R_V[v] * sum(t * c for t, c in zip(GENERATORS[v], q)) for v in GENERATORS}


def _mass(mX) -> np.ndarray:
    m = np.asarray(mX, dtype=float)
    if m.size == 0 or not np.all(np.isfinite(m)) or np.any(m <= 0):
        raise ValueError(f"m_X must be finite and > 0 GeV, got {mX}")
    return m


def ratio_vmd(mX, quark_charges, final_state: str | None = None):
    """Gamma(X -> hadrons) / (g^2 m/(12 pi)) from the VMD tables (Eqs. 2.17-2.18 of arXiv:1801.04847), for one final
    state or summed over all; evaluated at any m > 0 (the tables are only used below M_MATCH by `ratio_hadrons`)."""
    m = _mass(mX)
    c = vmd_coefficients(quark_charges)
    states = FINAL_STATES if final_state is None else {final_state: FINAL_STATES.get(final_state)}
    if final_state is not None and final_state not in FINAL_STATES:
        raise ValueError(f"unknown final state {final_state!r}; known: {list(FINAL_STATES)}")
    out = np.zeros(m.shape)
    for fs, comps in states.items():
        for comp in comps:
            w = 2 * c["omega"] * c["phi"] if comp == "omega_phi" else c[comp] ** 2
            if w != 0:
                out = out + w * _interp(fs, comp, m)
    return out if out.ndim else float(out)


def fermion_pair_factor(mX, mass: float):
    """beta (1 + 2 m_f^2/m^2) with beta = sqrt(1 - 4 m_f^2/m^2) for m >= 2 m_f, 0 below (the lepton factor of Eq. 3.28)."""
    m = _mass(mX)
    if mass == 0:
        return np.ones(m.shape) if m.ndim else 1.0
    r = np.where(m >= 2 * mass, (mass / m) ** 2, 0.25)
    out = np.where(m >= 2 * mass, np.sqrt(np.clip(1 - 4 * r, 0, None)) * (1 + 2 * r), 0.0)
    return out if out.ndim else float(out)


def ratio_perturbative(mX, quark_charges):
    """Gamma(X -> q qbar, all open q) / (g^2 m/(12 pi)) = N_c sum_q x_q^2 beta_q (1 + 2 m_q^2/m^2), leading order."""
    m = _mass(mX)
    x = quark_couplings(quark_charges)
    out = np.zeros(m.shape)
    for q, mq in QUARK_THRESHOLD_MASS.items():
        if x[q] != 0:
            out = out + N_C * x[q] ** 2 * fermion_pair_factor(m, mq)
    return out if out.ndim else float(out)


def ratio_hadrons(mX, quark_charges):
    """R_X(m) = Gamma(X -> hadrons) / (g^2 m/(12 pi)): VMD below M_MATCH (u, d, s; c, b, t are closed there),
    perturbative quarks (N_c = 3) at and above it.  For the photon this is R(s) = sigma(e+e- -> hadrons)/sigma(mu mu)."""
    m = _mass(mX)
    low = m < M_MATCH
    out = np.where(low, ratio_vmd(np.where(low, m, 1.0), quark_charges), ratio_perturbative(m, quark_charges))
    return out if out.ndim else float(out)


def baryon_ratio(mX):
    """R_B(m): `ratio_hadrons` for the baryon-number current, x_q = 1/3 for every quark (X = B of Eq. 1.1)."""
    return ratio_hadrons(mX, Fraction(1, 3))


def widths(mX, alphas, gX: float = 1.0) -> dict:
    """Partial widths (GeV) of X for the charges `alphas` (a ChargeAssignment): invisible (nu_i nubar_i, left-handed
    only), charged leptons, hadrons; plus the total and B(X -> E_miss).  Gamma(nu nubar) = a_i^2 g^2 m/(24 pi),
    Gamma(l l) = a_i^2 g^2 m/(12 pi) beta (1 + 2 m_l^2/m^2) (Eq. 3.28's ingredients), Gamma(hadrons) =
    g^2 m/(12 pi) R_X(m) with x_q = alpha_B/3."""
    m = _mass(mX)
    unit = gX**2 * m / (12 * math.pi)
    lep_mass = {"e": I.M_E, "mu": I.M_MU, "tau": I.M_TAU}
    inv = sum(float(a) ** 2 for a in alphas.lepton.values()) * unit / 2
    lep = {f: float(a) ** 2 * unit * fermion_pair_factor(m, lep_mass[f]) for f, a in alphas.lepton.items()}
    had = float(alphas.alpha_B) ** 2 * unit * baryon_ratio(m) if alphas.alpha_B != 0 else np.zeros(m.shape)
    inv = np.broadcast_to(inv, m.shape) * 1.0
    total = inv + sum(lep.values()) + had
    with np.errstate(invalid="ignore", divide="ignore"):
        b = np.where(total > 0, inv / np.where(total > 0, total, 1.0), 1.0)
    return {"invisible": inv, "leptons": lep, "charged_leptons": sum(lep.values()), "hadrons": had, "total": total,
            "B_invisible": b}

"""Numerical inputs of Sec. 3 (masses, lifetimes, widths, couplings, CKM, quark masses).

Units: GeV for masses and widths, seconds for lifetimes.  Every number is hard-coded from the
Review of Particle Physics 2024 (S. Navas et al. [Particle Data Group], Phys. Rev. D 110 (2024)
030001), with the summary table or review named on the same line.  The paper (arXiv:2603.04394)
does not list its inputs; where it is silent on a scheme (SU(2) coupling g, U(1)_Y coupling g',
top-quark mass scheme) the choice is an explicit, named option of `physics.pheno.eft` and documented there.

`tests/test_inputs.py` cross-checks the masses against the RPP 2026 table shipped by the PyPI
package `particle` 1.1.0 (when it is installed); it is not used at run time.
"""
from __future__ import annotations

import math

# --- physical constants --------------------------------------------------------------------------
HBAR_GEV_S = 6.582119569e-25     # GeV s, PDG 2024 Table 1.1 (Physical constants; exact in SI)
ALPHA_0_INV = 137.035999084      # 1/alpha(q^2=0), PDG 2024 Table 1.1 (CODATA 2018)
G_FERMI = 1.1663788e-5           # GeV^-2, PDG 2024 Table 1.1 (from the muon lifetime, MuLan)
ALPHA_HAT_MZ_INV = 127.930       # 1/alpha-hat^(5)(m_Z) MS-bar, PDG 2024 Electroweak review (Sec. 10), +-0.008
SIN2_THETA_HAT_MZ = 0.23129      # sin^2 theta-hat_W(m_Z) MS-bar, PDG 2024 Electroweak review (Sec. 10), +-0.00004

# --- gauge bosons --------------------------------------------------------------------------------
M_Z = 91.1880                    # GeV, PDG 2024 Z summary table, +-0.0020
GAMMA_Z = 2.4955                 # GeV, PDG 2024 Z summary table (total width), +-0.0023
M_W = 80.3692                    # GeV, PDG 2024 W summary table (world average), +-0.0133

# --- leptons -------------------------------------------------------------------------------------
M_TAU = 1.77693                  # GeV, PDG 2024 tau summary table, +-0.00009
M_MU = 0.1056583755              # GeV, PDG 2024 muon summary table
M_E = 0.51099895e-3              # GeV, PDG 2024 electron summary table

# --- quark masses (scheme and scale stated) ------------------------------------------------------
M_U_2GEV = 2.16e-3               # GeV, m_u(2 GeV) MS-bar, PDG 2024 quark summary table, +-0.07e-3
M_D_2GEV = 4.70e-3               # GeV, m_d(2 GeV) MS-bar, PDG 2024 quark summary table, +-0.07e-3
M_S_2GEV = 93.5e-3               # GeV, m_s(2 GeV) MS-bar, PDG 2024 quark summary table, +-0.8e-3
M_C_MC = 1.2730                  # GeV, m_c(m_c) MS-bar, PDG 2024 quark summary table, +-0.0046
M_B_MB = 4.183                   # GeV, m_b(m_b) MS-bar, PDG 2024 quark summary table, +-0.007
M_T_POLE = 172.57                # GeV, top mass from direct measurements (~pole), PDG 2024 top summary table, +-0.29
M_T_MSBAR = 162.5                # GeV, m_t(m_t) MS-bar from cross sections, PDG 2024 top summary table, +2.1 -1.5

# --- mesons: masses (GeV) ------------------------------------------------------------------------
M_PI_PLUS = 0.13957039           # GeV, PDG 2024 pi+- summary table
M_PI0 = 0.1349768                # GeV, PDG 2024 pi0 summary table
M_K_PLUS = 0.493677              # GeV, PDG 2024 K+- summary table, +-0.000016
M_K0 = 0.497611                  # GeV, PDG 2024 K0 summary table, +-0.000013
M_KL = 0.497611                  # GeV, PDG 2024 K_L summary table (= m_K0)
M_KSTAR_PLUS = 0.89167           # GeV, PDG 2024 K*(892)+- summary table (hadroproduced), +-0.00026
M_KSTAR0 = 0.89555               # GeV, PDG 2024 K*(892)0 summary table, +-0.00020
M_RHO_PLUS = 0.77511             # GeV, PDG 2024 rho(770) summary table (charged), +-0.00034
M_RHO0 = 0.77526                 # GeV, PDG 2024 rho(770) summary table (neutral), +-0.00023
M_D_PLUS = 1.86966               # GeV, PDG 2024 D+- summary table, +-0.00005
M_D0 = 1.86484                   # GeV, PDG 2024 D0 summary table, +-0.00005
M_B_PLUS = 5.27941               # GeV, PDG 2024 B+- summary table, +-0.00007
M_B0 = 5.27972                   # GeV, PDG 2024 B0 summary table, +-0.00008

# --- lifetimes (s) -------------------------------------------------------------------------------
TAU_K_PLUS = 1.2380e-8           # s, PDG 2024 K+- summary table (mean life), +-0.0020e-8
TAU_KL = 5.116e-8                # s, PDG 2024 K_L summary table (mean life), +-0.021e-8
TAU_B_PLUS = 1.638e-12           # s, PDG 2024 B+- summary table (mean life), +-0.004e-12
TAU_B0 = 1.517e-12               # s, PDG 2024 B0 summary table (mean life), +-0.004e-12
TAU_D_PLUS = 1.033e-12           # s, PDG 2024 D+- summary table (mean life), +-0.005e-12

# --- branching ratios used in the limits' notes ---------------------------------------------------
BR_KPLUS_PIPLUS_PI0 = 0.2067     # PDG 2024 K+- summary table, B(K+ -> pi+ pi0), +-0.0008

# --- CKM: Wolfenstein parameters of the global fit -----------------------------------------------
CKM_LAMBDA = 0.22501             # PDG 2024 CKM review (Sec. 12), Eq. (12.27), +-0.00068
CKM_A = 0.826                    # PDG 2024 CKM review (Sec. 12), Eq. (12.27), +0.016 -0.015
CKM_RHOBAR = 0.1591              # PDG 2024 CKM review (Sec. 12), Eq. (12.27), +-0.0094
CKM_ETABAR = 0.3523              # PDG 2024 CKM review (Sec. 12), Eq. (12.27), +0.0073 -0.0071

#: Meson masses by the names used in `physics.pheno.rates` (GeV).
MESON_MASS = {
    "pi+": M_PI_PLUS, "pi0": M_PI0, "K+": M_K_PLUS, "K0": M_K0, "KL": M_KL,
    "K*+": M_KSTAR_PLUS, "K*0": M_KSTAR0, "rho+": M_RHO_PLUS, "rho0": M_RHO0,
    "D+": M_D_PLUS, "D0": M_D0, "B+": M_B_PLUS, "B0": M_B0,
}

#: Mean lives of the decaying mesons (s).
MESON_LIFETIME = {"K+": TAU_K_PLUS, "KL": TAU_KL, "B+": TAU_B_PLUS, "B0": TAU_B0, "D+": TAU_D_PLUS}

#: Quark masses entering the loop function F(m_q^2/m_W^2) of Eqs. (3.6)-(3.7), light quarks at 2 GeV,
#: c and b at their own scale (MS-bar); the top mass depends on the scheme (see `top_mass`).
LIGHT_QUARK_MASS = {"u": M_U_2GEV, "d": M_D_2GEV, "s": M_S_2GEV, "c": M_C_MC, "b": M_B_MB}

TOP_MASS_SCHEMES = {"pole": M_T_POLE, "MSbar": M_T_MSBAR}


def top_mass(scheme: str = "MSbar") -> float:
    """Top-quark mass in GeV for `scheme` 'pole' (172.57) or 'MSbar' (m_t(m_t) = 162.5), PDG 2024."""
    try:
        return TOP_MASS_SCHEMES[scheme]
    except KeyError:
        raise ValueError(f"unknown top-mass scheme {scheme!r}; allowed: {sorted(TOP_MASS_SCHEMES)}") from None


def quark_mass(q: str, mt_scheme: str = "MSbar") -> float:
    """Mass (GeV) of quark `q` in 'u','d','s','c','b','t' as used in Eqs. (3.6)-(3.7)."""
    if q == "t":
        return top_mass(mt_scheme)
    try:
        return LIGHT_QUARK_MASS[q]
    except KeyError:
        raise ValueError(f"unknown quark {q!r}; allowed: u, d, s, c, b, t") from None


def ckm_matrix(lam: float = CKM_LAMBDA, A: float = CKM_A, rhobar: float = CKM_RHOBAR,
               etabar: float = CKM_ETABAR):
    """Exactly unitary CKM matrix V[i, j] (rows u, c, t; columns d, s, b) in the PDG standard parametrisation.

    The Wolfenstein inputs are converted with PDG 2024 CKM review Eqs. (12.4)-(12.5):
    s12 = lambda, s23 = A lambda^2, s13 e^{i delta} = A lambda^3 (rhobar + i etabar) sqrt(1 - A^2 lambda^4)
    / (sqrt(1 - lambda^2) [1 - A^2 lambda^4 (rhobar + i etabar)]).  The phase convention is the PDG one
    (V_ud, V_us, V_cb, V_tb real and positive).
    """
    import numpy as np

    for name, v in (("lambda", lam), ("A", A), ("rhobar", rhobar), ("etabar", etabar)):
        if not math.isfinite(v):
            raise ValueError(f"CKM parameter {name} must be finite, got {v}")
    if not 0 < lam < 1 or not 0 < A * lam**2 < 1:
        raise ValueError(f"need 0 < lambda < 1 and 0 < A lambda^2 < 1, got lambda={lam}, A={A}")
    rb = complex(rhobar, etabar)
    if 1 - A**2 * lam**4 * rb == 0:  # the denominator of PDG Eq. (12.5) (issue #16: no ZeroDivisionError)
        raise ValueError(f"1 - A^2 lambda^4 (rhobar + i etabar) vanishes for lambda={lam}, A={A}, rhobar={rhobar}")
    s12 = lam
    s23 = A * lam**2
    s13e = A * lam**3 * rb * math.sqrt(1 - A**2 * lam**4) / (math.sqrt(1 - lam**2) * (1 - A**2 * lam**4 * rb))
    s13 = abs(s13e)
    if not s13 < 1:
        raise ValueError(f"|s13| = {s13} >= 1 from the given Wolfenstein parameters")
    ed = s13e / s13 if s13 > 0 else 1.0  # e^{i delta}
    c12, c23, c13 = math.sqrt(1 - s12**2), math.sqrt(1 - s23**2), math.sqrt(1 - s13**2)
    em = ed.conjugate()  # e^{-i delta}
    return np.array([
        [c12 * c13, s12 * c13, s13 * em],
        [-s12 * c23 - c12 * s23 * s13 * ed, c12 * c23 - s12 * s23 * s13 * ed, s23 * c13],
        [s12 * s23 - c12 * c23 * s13 * ed, -c12 * s23 - s12 * c23 * s13 * ed, c23 * c13],
    ], dtype=complex)


UP_INDEX = {"u": 0, "c": 1, "t": 2}
DOWN_INDEX = {"d": 0, "s": 1, "b": 2}


# --- electroweak inputs of Sec. 2 (finite naturalness, criteria) -----------------------------------
M_TOP = M_T_POLE                 # GeV, the top mass used as a renormalisation-scale option of Eq. (2.9)
M_H = 125.20                     # GeV, pole Higgs mass, PDG 2024 H0 summary table, +-0.11
V_EW = (math.sqrt(2) * G_FERMI) ** -0.5  # GeV, v = (sqrt(2) G_F)^(-1/2) = 246.22 GeV with G_F of PDG 2024
M_PLANCK = 1.220890e19           # GeV, Planck mass sqrt(hbar c / G_N), PDG 2024 Table 1.1 (physical constants)
M_PLANCK_REDUCED = 2.435e18      # GeV, M_Pl / sqrt(8 pi), PDG 2024 Table 1.1 (physical constants)

#: MS-bar SU(2)_L coupling at M_Z, e/sin(theta_W) from the two PDG 2024 inputs above (= 0.6517).
G2_MZ = math.sqrt(4 * math.pi / ALPHA_HAT_MZ_INV) / math.sqrt(SIN2_THETA_HAT_MZ)
#: MS-bar hypercharge coupling (non-GUT normalisation, Q = T3 + Y) at M_Z, e/cos(theta_W), PDG 2024 inputs (= 0.3575).
GY_MZ = math.sqrt(4 * math.pi / ALPHA_HAT_MZ_INV) / math.sqrt(1 - SIN2_THETA_HAT_MZ)
#: On-shell cosine of the weak angle, c_W = m_W/m_Z (PDG 2024 masses above) = 0.88136.
CW_ON_SHELL = M_W / M_Z
#: MS-bar cosine of the weak angle at m_Z, sqrt(1 - sin^2 theta-hat_W(m_Z)) = 0.87676.
CW_MSBAR = math.sqrt(1.0 - SIN2_THETA_HAT_MZ)

#: One-loop SM beta coefficients b_i in d(alpha_i^-1)/d ln Q = -b_i / (2 pi): b_2 = -19/6, b_Y = 41/6
#: (hypercharge with Q = T3 + Y); the standard one-loop SM values (b_1 = 41/10 in GUT normalisation, b_Y = 5/3 b_1),
#: e.g. PDG 2024 review "Grand Unified Theories".  Used only by the alternative reading with running couplings.
B2_SM = -19 / 6
BY_SM = 41 / 6

# --- the Belle II B+ -> K+ E_miss two-body interpretation (experimental inputs of Sec. 3.2.5) ------
# These are results of other works that the paper quotes as inputs of its fit; they are not the paper's own results.
MX_BENCHMARK = 2.1               # GeV, invisible-state mass (2.1 +- 0.1) GeV of the two-body fit of the Belle II excess,
MX_BENCHMARK_ERR = 0.1           # GeV   Refs. [58, 24, 59] of arXiv:2603.04394 (quoted in Sec. 3.2.5)
GS_CENTRAL = 1.6e-8              # |g_S| best fit, Refs. [24, 59] of arXiv:2603.04394 as quoted in its Eq. (3.26) (m_X = 2.1 GeV)
GS_SIGMA = 0.2e-8                # its 1 sigma error, same place (symmetric as quoted)
GP_LIMIT = 2.5e-8                # |g_P| upper limit at 90% CL, Refs. [24, 59] as quoted in Eq. (3.27)
GP_CL = 0.90                     # confidence level of Eq. (3.27)
SIGMA_NU = 2.7                   # Belle II B+ -> K+ E_miss excess over the SM read as neutrinos, Refs. [22, 56, 57] (Sec. 3.2.5)
M_B_POLE = 4.78                  # GeV, b-quark pole mass, PDG 2024 quark summary table (b quark), +-0.06
M_B_1S = 4.65                    # GeV, b-quark 1S mass, PDG 2024 quark summary table (b quark), +0.03 -0.03

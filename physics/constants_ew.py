"""Electroweak inputs of the finite-naturalness estimate, Eqs. (2.8)-(2.9) of arXiv:2603.04394.

Units: GeV.  Only what Eq. (2.9) and the choice of its renormalisation scale need; flavour inputs live elsewhere.
"""
from __future__ import annotations

import math

M_H = 125.20  # GeV, pole Higgs mass, PDG 2024 (Review of Particle Physics, H0 summary table: 125.20 +- 0.11)
M_Z = 91.1880  # GeV, PDG 2024 (Z summary table: 91.1880 +- 0.0020)
M_TOP = 172.57  # GeV, PDG 2024 (top-quark summary table, direct measurements: 172.57 +- 0.29)
V_EW = 246.22  # GeV, v = (sqrt(2) G_F)^(-1/2) with G_F = 1.1663788e-5 GeV^-2, PDG 2024 (physical constants table)
M_PLANCK = 1.220890e19  # GeV, Planck mass sqrt(hbar c / G_N), PDG 2024 (physical constants table)
M_PLANCK_REDUCED = 2.435e18  # GeV, M_Pl / sqrt(8 pi), PDG 2024 (physical constants table)

ALPHA_HAT_MZ_INV = 127.930  # MS-bar 1/alpha(M_Z), PDG 2024 (Electroweak model and constraints on new physics review: 127.930 +- 0.008)
SIN2_THETA_HAT_MZ = 0.23129  # MS-bar sin^2 theta_W(M_Z), PDG 2024 (same review: 0.23129 +- 0.00004)

#: SU(2)_L coupling "g ~ 0.65" quoted in the paper, arXiv:2603.04394 Sec. 2.2, criterion (iii) below Eq. (2.11).
G2_PAPER = 0.65
#: MS-bar SU(2)_L coupling at M_Z, e/sin(theta_W) from the two PDG 2024 inputs above (= 0.6517).
G2_MZ = math.sqrt(4 * math.pi / ALPHA_HAT_MZ_INV) / math.sqrt(SIN2_THETA_HAT_MZ)
#: MS-bar hypercharge coupling (non-GUT normalisation, Q = T3 + Y) at M_Z, e/cos(theta_W), PDG 2024 inputs (= 0.3575).
GY_MZ = math.sqrt(4 * math.pi / ALPHA_HAT_MZ_INV) / math.sqrt(1 - SIN2_THETA_HAT_MZ)

#: One-loop SM beta coefficients b_i in d(alpha_i^-1)/d ln Q = -b_i / (2 pi): b_2 = -19/6, b_Y = 41/6
#: (hypercharge with Q = T3 + Y); the standard one-loop SM values (b_1 = 41/10 in GUT normalisation, b_Y = 5/3 b_1),
#: e.g. PDG 2024 review "Grand Unified Theories".  Used only by the alternative reading with running couplings.
B2_SM = -19 / 6
BY_SM = 41 / 6

"""Electroweak inputs of the finite-naturalness estimate, Eqs. (2.8)-(2.9) of arXiv:2603.04394.

Units: GeV.  Only what Eq. (2.9) and the choice of its renormalisation scale need; flavour inputs live elsewhere.
"""
from __future__ import annotations

import math

# PDG 2024 inputs shared with Sec. 3 live once, in physics.inputs (sources on their lines there).
from .inputs import ALPHA_HAT_MZ_INV, G2_PAPER, G_FERMI, M_T_POLE as M_TOP, M_Z, SIN2_THETA_HAT_MZ

M_H = 125.20  # GeV, pole Higgs mass, PDG 2024 (Review of Particle Physics, H0 summary table: 125.20 +- 0.11)
V_EW = (math.sqrt(2) * G_FERMI) ** -0.5  # GeV, v = (sqrt(2) G_F)^(-1/2) = 246.22 GeV with G_F of PDG 2024
M_PLANCK = 1.220890e19  # GeV, Planck mass sqrt(hbar c / G_N), PDG 2024 (physical constants table)
M_PLANCK_REDUCED = 2.435e18  # GeV, M_Pl / sqrt(8 pi), PDG 2024 (physical constants table)


#: MS-bar SU(2)_L coupling at M_Z, e/sin(theta_W) from the two PDG 2024 inputs above (= 0.6517).
G2_MZ = math.sqrt(4 * math.pi / ALPHA_HAT_MZ_INV) / math.sqrt(SIN2_THETA_HAT_MZ)
#: MS-bar hypercharge coupling (non-GUT normalisation, Q = T3 + Y) at M_Z, e/cos(theta_W), PDG 2024 inputs (= 0.3575).
GY_MZ = math.sqrt(4 * math.pi / ALPHA_HAT_MZ_INV) / math.sqrt(1 - SIN2_THETA_HAT_MZ)

#: One-loop SM beta coefficients b_i in d(alpha_i^-1)/d ln Q = -b_i / (2 pi): b_2 = -19/6, b_Y = 41/6
#: (hypercharge with Q = T3 + Y); the standard one-loop SM values (b_1 = 41/10 in GUT normalisation, b_Y = 5/3 b_1),
#: e.g. PDG 2024 review "Grand Unified Theories".  Used only by the alternative reading with running couplings.
B2_SM = -19 / 6
BY_SM = 41 / 6

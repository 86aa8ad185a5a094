"""Perturbative-unitarity limits on the anomalon Yukawas and masses, Eqs. (4.5), (4.7), (4.10) of arXiv:2603.04394.

The paper quotes (from its Ref. [66]) for the Yukawa of a multiplet to S:

    Eq. (4.5)  (Table 2, row 1):  y_AA <~ sqrt(4 pi)      (DL doublet),   y_BB <~ sqrt(16 pi/3)  (ML triplet)
    Eq. (4.7)  (Table 5):         y_AA <~ sqrt(8 pi/3)    (DL triplet),   y_BB <~ sqrt(16 pi/5)  (ML quintuplet)
    Eq. (4.10) (Table 6):         y_AA <~ sqrt(8 pi)      (DL singlet),   y_BB <~ sqrt(4 pi)     (DL doublet)

All six are one rule, y^2 <~ 8 pi C / n with C = 1 (DL pair) or 2 (ML field) and n the SU(2) dimension;
`yukawa_bound` implements that rule (our reading of the printed cases, which it reproduces exactly);
`physics.paper.printed.YUKAWA_BOUNDS` keeps the printed expressions so the tests can compare the two.

The masses follow from m = y v_X / sqrt(2) (text after Eqs. 4.4 and 4.10, with <S> = v_X/sqrt(2), Eq. 4.1).
For an ML field this is the mass of the term (1/2) y_BB bar(B_L) (B_L)^c S* of Eq. (4.4) (standard Majorana
normalisation); Eq. (4.6) prints the same term without the 1/2, which read literally gives m = sqrt(2) y v_X
(see `ml_mass_from_yukawa`).
"""
from __future__ import annotations

import math

import numpy as np

def _check_n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        if isinstance(n, float) and n.is_integer() and n >= 1:
            return int(n)
        raise ValueError(f"SU(2) dimension n must be a positive integer, got {n!r}")
    return int(n)


def yukawa_bound(kind: str, n) -> float:
    """Largest perturbative Yukawa y_max = sqrt(8 pi C / n), C = 2 (ML) or 1 (DL), reproducing Eqs. (4.5), (4.7), (4.10)."""
    if kind not in ("ML", "DL"):
        raise ValueError(f"kind must be 'ML' or 'DL', got {kind!r}")
    n = _check_n(n)
    if kind == "ML" and n % 2 == 0:
        raise ValueError(f"an ML field needs n odd (footnote 2 of Sec. 2.2), got n = {n}")
    C = 2 if kind == "ML" else 1
    return math.sqrt(8.0 * math.pi * C / n)


def _positive(x, what):
    a = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(a)) or np.any(a <= 0):
        raise ValueError(f"{what} must be positive and finite (GeV or dimensionless), got {x!r}")
    return a


def mass_from_yukawa(y, vX):
    """m = y v_X / sqrt(2) (Secs. 4.1, 4.2; <S> = v_X/sqrt(2), Eq. 4.1). GeV; vectorised."""
    y = _positive(y, "Yukawa y")
    vX = _positive(vX, "v_X")
    out = y * vX / math.sqrt(2.0)
    return float(out) if out.ndim == 0 else out


def yukawa_from_mass(m, vX):
    """y = sqrt(2) m / v_X, the inverse of `mass_from_yukawa` (GeV inputs; vectorised)."""
    m = _positive(m, "mass m")
    vX = _positive(vX, "v_X")
    out = math.sqrt(2.0) * m / vX
    return float(out) if out.ndim == 0 else out


def ml_mass_from_yukawa(y, vX, normalisation: str = "eq4.4"):
    """Mass of an ML field from its S Yukawa.

    "eq4.4": the term (1/2) y bar(B_L) (B_L)^c S* + h.c. of Eq. (4.4) -> m = y v_X/sqrt(2) (the paper's text).
    "eq4.6": the term y bar(B_L) S* (B_L)^c + h.c. of Eq. (4.6) read literally -> m = 2 y v_X/sqrt(2) = sqrt(2) y v_X.
    """
    if normalisation == "eq4.4":
        return mass_from_yukawa(y, vX)
    if normalisation == "eq4.6":
        return 2.0 * mass_from_yukawa(y, vX)
    raise ValueError(f"normalisation must be 'eq4.4' or 'eq4.6', got {normalisation!r}")


def mass_limit(kind: str, n, vX) -> float:
    """Unitarity limit on the multiplet mass, m_max = y_max v_X / sqrt(2), GeV (Secs. 4.1 and 4.2)."""
    return mass_from_yukawa(yukawa_bound(kind, n), vX)

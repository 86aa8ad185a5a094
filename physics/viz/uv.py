"""Figure of Sec. 4.2: the B+ - B0 splitting of the 2DL model (Eq. 4.9) against the Higgs-mixing Yukawa.

Drawing only; the physics (mass matrices, Eq. (2.10)) is in `physics.model.uv_models`.
"""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from physics.model.uv_models import _positive_scalar, _radiative_splitting, twodl_spectrum


def plot_twodl_splitting(ax, vX: float, mA: float = 400.0, mB: float = 250.0, y_range=(1e-3, 0.5), npts: int = 200,
                         delta: float | None = None):
    """Figure: m_B+ - m_B0 (tree + radiative Eq. 2.10) vs y_AB for y_BA = -y_AB, 0, +y_AB (Eq. 4.9).

    y_AA, y_BB are fixed by m_A, m_B at v_X (GeV); `delta` is the unit of Eq. (2.10) (default: computed, see
    `physics.model.criteria.radiative_splitting_unit`).  Returns the data plotted.
    """
    mA = _positive_scalar(mA, "m_A (GeV)")
    mB = _positive_scalar(mB, "m_B (GeV)")
    y = np.geomspace(*y_range, npts)
    yAA, yBB = mA * math.sqrt(2) / vX, mB * math.sqrt(2) / vX
    data = {}
    for lab, sign, style in (("$y_{BA}=-y_{AB}$ (real, opposite)", -1.0, "-"),
                             ("$y_{BA}=0$", 0.0, "--"), ("$y_{BA}=+y_{AB}$", 1.0, ":")):
        sp = twodl_spectrum(yAA, yBB, y, sign * y, vX, delta=delta)
        data[lab] = sp["splitting_total"]
        ax.plot(y, sp["splitting_total"], style, label=lab)
    rad = _radiative_splitting(1.0, Fraction(1, 2), None, delta)
    ax.axhline(rad, color="grey", lw=0.8, label=f"Eq. (2.10): {1e3 * rad:.0f} MeV")
    ax.axhspan(0.5, 2.0, color="C2", alpha=0.12, label="0.5–2 GeV (Sec. 4.2: unconstrained)")
    ax.set_xscale("log")
    ax.set_yscale("symlog", linthresh=0.1)
    ax.set_xlabel(r"$|y_{AB}|$")
    ax.set_ylabel(r"$m_{B^+}-m_{B^0}$ [GeV]")
    ax.set_title(rf"$m_A={mA:.0f}$ GeV, $m_B={mB:.0f}$ GeV, $v_X={vX:.0f}$ GeV", fontsize=11)
    ax.legend(fontsize=10, loc="lower left")
    return {"y": y, **data}


# ---------------------------------------------------------------------------------------------
# Order-of-magnitude estimates of Secs. 4.1-4.2
# ---------------------------------------------------------------------------------------------

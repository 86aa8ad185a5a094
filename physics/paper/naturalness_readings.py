"""Readings of Eqs. (2.8)-(2.9) that use the paper's printed numbers: the scale mu fitted to Tables 2-3.

Eq. (2.9) does not say at which scale mu it is evaluated.  The printed naturalness columns of Tables 2 and 3 need
|6 log(M^2/mu^2) - 1| ~ 450, i.e. mu ~ 1e20 GeV (see `physics.model.naturalness`).  The reading "table_fit" fixes
mu = MU_TABLE_FIT, the minimax fit of the 11 printed bounds, with the printed g ≃ 0.65: a one-parameter fit to 11
numbers, so the ledger entries computed with it carry provenance "fitted" (and "printed-input" for g).
"""
from __future__ import annotations

from dataclasses import replace

from physics import inputs
from physics.model import naturalness
from physics.model.naturalness import Reading
from physics.paper.printed import G2

#: mu (GeV) of the reading "table_fit": minimax fit of the 11 printed bounds of Tables 2 and 3 (Delta = 100,
#: g2 = 0.65, gY = MS-bar gY(M_Z), M_h = 125.20 GeV) with `naturalness.fit_reference_scale`: 1.447e20 GeV, worst
#: residual 0.058 TeV; rounded to three digits (tests/test_naturalness.py re-runs the fit).  A fitted parameter, not a
#: value the paper gives: about 12 M_Pl.
MU_TABLE_FIT = 1.45e20
#: What the fitted readings use from the paper (for the ledger's provenance).
USES = ["mu fitted to the 11 printed naturalness bounds of Tables 2-3", "g = 0.65 as printed below Eq. (2.11)"]


def _readings() -> dict:
    base = Reading("table_fit", "fixed mu = MU_TABLE_FIT (~1e20 GeV) fitted to Tables 2-3; g2 = 0.65, gY(M_Z)",
                   mu_value=MU_TABLE_FIT, g2=G2)
    return {
        "table_fit": base,
        "table_fit_running": replace(base, name="table_fit_running",
                                     description="as table_fit, couplings run (1-loop SM) from M_Z to M",
                                     g2=inputs.G2_MZ, running=True),
        "table_fit_lagrangian": replace(base, name="table_fit_lagrangian",
                                        description="as table_fit, Delta with m_h^2 = M_h^2/2", mh2="lagrangian"),
        "table_fit_log10": replace(base, name="table_fit_log10", description="as table_fit, decimal log", log="log10"),
        "table_fit_weyl": replace(base, name="table_fit_weyl",
                                  description="as table_fit, C = 2 for each Weyl multiplet of a DL pair",
                                  counting="weyl"),
        # the PDG-only readings again, but with the printed g = 0.65 (to separate the effect of mu from that of g)
        "planck_g065": replace(naturalness.READINGS["planck"], name="planck_g065",
                               description="fixed mu = M_Pl with the printed g2 = 0.65", g2=G2),
    }


#: The readings fitted to (or using) printed numbers.
PAPER_READINGS: dict = _readings()
#: Every named reading: the model layer's (PDG inputs only) and these.
ALL_READINGS: dict = {**naturalness.READINGS, **PAPER_READINGS}
#: The reading the book uses to regenerate the naturalness columns of Tables 2-3 (and the CLI default).
TABLE_READING = "table_fit"


def get_reading(reading) -> Reading:
    """A `Reading` from itself or from its name in ALL_READINGS (the model layer's lookup, extended by PAPER_READINGS)."""
    if isinstance(reading, str) and reading in PAPER_READINGS:
        return PAPER_READINGS[reading]
    try:
        return naturalness.get_reading(reading)
    except ValueError:
        raise ValueError(f"unknown reading {reading!r}: use a Reading or one of {sorted(ALL_READINGS)}") from None

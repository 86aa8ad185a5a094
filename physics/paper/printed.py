"""What the paper printed: the one module that reads `paper_values.yaml` and holds the paper's printed numbers.

Nothing outside `physics.paper` may import this module or contain one of these numbers (`tests/test_layers.py`
fences it).  Two kinds of printed numbers live here:

* **results** the book tries to reproduce: every entry of ``physics/data/paper_values.yaml`` (the ledger), read by
  `load_paper_values` and `printed_value`;
* **printed inputs**: numbers the paper prints and that the book may *use* (never silently): each named constant
  below says where it is printed.  A ledger entry computed from one of them says so in its provenance
  (``printed-input`` or ``input``), so a reader can tell a reproduction from a restatement.
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import yaml

from physics.resources import data_path

PAPER = "arXiv:2603.04394v1 (L. Di Luzio, M. Nardecchia, S. Scacco, C. Toni), CC BY 4.0"


@lru_cache(maxsize=1)
def _entries() -> tuple:
    with open(data_path("paper_values.yaml"), encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)
    ids = [e["id"] for e in entries]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ValueError(f"duplicate ledger ids: {dup}")
    return tuple(entries)


def load_paper_values() -> list[dict]:
    """The printed values, as transcribed in paper_values.yaml (a fresh list of dicts)."""
    return [dict(e) for e in _entries()]


def printed_value(entry_id: str):
    """The printed value of ledger entry `entry_id`: a float, or a Fraction for exact entries ("1/3")."""
    for e in _entries():
        if e["id"] == entry_id:
            v = e["value"]
            if isinstance(v, str):
                try:
                    return Fraction(v)
                except ValueError:
                    return v
            return float(v)
    raise KeyError(f"no ledger entry {entry_id!r} in paper_values.yaml")


# ------------------------------------------------------------------------------------------------
# Printed inputs: numbers the paper prints that the book can use as inputs (each says where it is printed)
# ------------------------------------------------------------------------------------------------
#: SU(2)_L coupling "g ≃ 0.65", Sec. 2.2 below Eq. (2.11) (PDG 2024 MS-bar g(m_Z) = 0.6517, `physics.inputs.G2_MZ`).
G2 = 0.65
#: Unit of the radiative splitting of Eq. (2.10), "166 MeV", quoted from the paper's Ref. [30] (GeV).
DELTA_M_RAD_GEV = printed_value("eq-2-10-triplet") / 1e3
#: Best-fit g_X of the tau-flavour model, "g_X ≃ 0.018", Sec. 3.2.5 (used by Eq. (4.3) and Sec. 4).
GX_BEST_FIT = printed_value("sec3-2-5-gX")
#: The printed outputs of the Belle II fit, Sec. 3.2.5: B(Z -> gamma X), preference over the SM, B(B+ -> K*+ X).
BR_Z_GAMMA_X = printed_value("sec3-2-5-BRZ")
SIGMA_PREFERENCE = printed_value("sec3-2-5-sigma")
BR_KSTAR = printed_value("sec3-2-5-BRKstar")
#: v_X of Eq. (4.3) ("120 GeV", X_S = 1) and of the Table 5 model ("720 GeV", X_S = 1/6), Sec. 4.1 (GeV).
VX_EQ43 = printed_value("eq-4-3-vX")
VX_TABLE5 = printed_value("sec4-1-vX-table5")
#: Thermal mass of the ML quintuplet, "m_B0 ≈ 15 TeV [72]", Sec. 4.1 (GeV).
M_THERMAL_QUINTUPLET_GEV = 15.0e3
#: The anomalon mass at which Sec. 4.1 evaluates the quintuplet's DM fraction, "for m_B0 ≈ 300 GeV" (GeV).
M_B0_SEC41 = 300.0
#: The radiative splitting of the 2DL doublet quoted in Sec. 4.2, "≈ 350 MeV" (GeV).
SPLITTING_2DL_GEV = printed_value("sec4-2-splitting") / 1e3
#: The Higgs VEV "v ≈ 246 GeV" of Eq. (4.1) (GeV).
V_HIGGS = 246.0

#: Tables 2 and 3 as printed: (n, m, Y, X_S/(3 alpha_{B+L})) and (n, m, Y1, Y3, X1/(3a), X2/(3a)), the charges of
#: Table 3 as (coefficient of the shift X, constant).
TABLE2 = [(3, 2, Fraction(1, 2), Fraction(1)), (5, 3, Fraction(1), Fraction(1, 6)), (7, 4, Fraction(3, 2), Fraction(1, 18)),
          (9, 5, Fraction(2), Fraction(1, 40)), (11, 6, Fraction(5, 2), Fraction(1, 75))]
TABLE3 = [(n, n + 1, Fraction(n + 1, 2), Fraction(n, 2), (1, -Fraction(1, 2 * c)), (-1, -Fraction(1, 2 * c)))
          for n, c in ((1, 1), (2, 3), (3, 6), (4, 10), (5, 15), (6, 21))]  # X/(3a) = +-X - 1/2, 1/6, 1/12, 1/20, 1/30, 1/42
#: The naturalness columns of Tables 2 and 3 (TeV at Delta = 100), from the ledger entries.
TABLE2_NATURALNESS = [printed_value(f"tab2-r{i}-naturalness") for i in range(1, 6)]
TABLE3_NATURALNESS = [printed_value(f"tab3-r{i}-naturalness") for i in range(1, 7)]

#: Printed perturbative-unitarity bounds y_max^2 / pi by (equation, model, multiplet): Eqs. (4.5), (4.7), (4.10).
YUKAWA_BOUNDS = {
    ("4.5", "table2_row1", "A"): ("DL", 2, 4.0),        # y_AA <~ sqrt(4 pi)
    ("4.5", "table2_row1", "B"): ("ML", 3, 16.0 / 3),   # y_BB <~ sqrt(16 pi / 3)
    ("4.7", "table5", "A"): ("DL", 3, 8.0 / 3),         # y_AA <~ sqrt(8 pi / 3)
    ("4.7", "table5", "B"): ("ML", 5, 16.0 / 5),        # y_BB <~ sqrt(16 pi / 5)
    ("4.10", "table6", "A"): ("DL", 1, 8.0),            # y_AA <~ sqrt(8 pi)
    ("4.10", "table6", "B"): ("DL", 2, 4.0),            # y_BB <~ sqrt(4 pi)
}


def compare_table(generated: list, printed: list) -> list[str]:
    """Row-by-row comparison of a generated table with a printed one; human-readable differences (empty if equal)."""
    diffs = []
    for i in range(max(len(generated), len(printed))):
        g = generated[i] if i < len(generated) else None
        p = printed[i] if i < len(printed) else None
        if g != p:
            diffs.append(f"row {i + 1}: generated {g} vs printed {p}")
    return diffs

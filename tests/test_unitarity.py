"""Tests of physics.model.unitarity: the perturbative-unitarity limits of Eqs. (4.5), (4.7), (4.10) of arXiv:2603.04394
and the anomalon mass limits printed in Secs. 4.1 and 4.2."""
import math

import numpy as np
import pytest

from physics.model.unitarity import mass_from_yukawa, mass_limit, ml_mass_from_yukawa, yukawa_bound
from physics.model.uv_models import vX_GeV
from physics.paper.printed import YUKAWA_BOUNDS as PRINTED_BOUNDS
from physics.paper.uv_chain import vX_eq43_GeV

V120 = 120.0   # GeV, v_X printed in Sec. 4.1 / 4.2 and Eq. (4.3)
V720 = 720.0   # GeV, v_X printed in Sec. 4.1 for Table 5


def test_rule_reproduces_every_printed_bound():
    """Eqs. (4.5), (4.7), (4.10): y_max^2 = 8 pi C / n (C = 2 ML, 1 DL) equals each printed expression (rel. 1e-12)."""
    for (eq, model, mult), (kind, n, y2_over_pi) in PRINTED_BOUNDS.items():
        assert yukawa_bound(kind, n) == pytest.approx(math.sqrt(y2_over_pi * math.pi), rel=1e-12), (eq, model, mult)


def test_sec_4_1_ml_triplet_350():
    """Sec. 4.1 after Eq. (4.5): m_B <~ 350 GeV (printed to 2 s.f., tolerance 5 GeV) with y_BB = sqrt(16 pi/3) and
    the printed v_X = 120 GeV; the exact v_X = 116.67 GeV gives 338 GeV, which does NOT round to 350."""
    assert mass_limit("ML", 3, V120) == pytest.approx(350, abs=5)
    assert abs(mass_limit("ML", 3, vX_GeV(1, 2.1, 0.018)) - 350) > 5


def test_sec_4_1_table5_limits():
    """Sec. 4.1 after Eq. (4.7): 1.47 TeV (DL triplet, tolerance 0.005 TeV) needs the printed v_X = 720 GeV
    (the exact 700 GeV gives 1.43 TeV); 1.6 TeV (ML quintuplet, tolerance 0.05 TeV) holds with either."""
    assert mass_limit("DL", 3, V720) / 1e3 == pytest.approx(1.47, abs=0.005)
    assert abs(mass_limit("DL", 3, vX_GeV(1 / 6, 2.1, 0.018)) / 1e3 - 1.47) > 0.005
    assert mass_limit("ML", 5, V720) / 1e3 == pytest.approx(1.6, abs=0.05)
    assert mass_limit("ML", 5, vX_GeV(1 / 6, 2.1, 0.018)) / 1e3 == pytest.approx(1.6, abs=0.05)


def test_sec_4_2_mB0_300():
    """Sec. 4.2: m_B0 <~ 300 GeV from y_BB <= sqrt(4 pi) (Eq. 4.10) with v_X = 120 GeV (tolerance 5 GeV, 2 s.f.)."""
    assert mass_limit("DL", 2, V120) == pytest.approx(300, abs=5)
    assert mass_limit("DL", 2, vX_eq43_GeV(1)) == pytest.approx(300, abs=5)


def test_ml_normalisation_eq_4_6():
    """Eq. (4.6) read literally (no 1/2 on the Majorana term) doubles the ML mass: the 1.6 TeV of Sec. 4.1 needs the
    (1/2)-normalised term of Eq. (4.4), m = y v_X/sqrt 2 (Eq. 4.6 literal gives 3.2 TeV). Relative tolerance 1e-12."""
    y = yukawa_bound("ML", 5)
    assert ml_mass_from_yukawa(y, V720, "eq4.4") == pytest.approx(mass_from_yukawa(y, V720), rel=1e-12)
    assert ml_mass_from_yukawa(y, V720, "eq4.6") / 1e3 == pytest.approx(3.2, abs=0.05)


def test_vectorised():
    """mass_from_yukawa broadcasts over arrays (m = y v_X / sqrt 2, rel. 1e-12)."""
    out = mass_from_yukawa(np.array([1.0, 2.0]), 100.0)
    assert out == pytest.approx([100 / math.sqrt(2), 200 / math.sqrt(2)], rel=1e-12)


def test_bad_input():
    """ValueError for unknown kind, even ML n, non-integer n, non-positive y or v_X, unknown normalisation."""
    for args in (("XL", 3), ("ML", 4), ("DL", 2.5), ("DL", 0), ("DL", "3")):
        with pytest.raises(ValueError):
            yukawa_bound(*args)
    for y, v in ((0, 100), (-1, 100), (1, 0), (1, float("nan"))):
        with pytest.raises(ValueError):
            mass_from_yukawa(y, v)
    with pytest.raises(ValueError):
        ml_mass_from_yukawa(1.0, 100.0, "eq4.5")

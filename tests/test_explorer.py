"""Tests of physics.explorer: one U(1)_X through every module of Secs. 1-3 and App. A of arXiv:2603.04394."""
import json
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from physics.model import classification, naturalness, uv_models

from physics.pheno import limits, plane, rates
from physics.model.anomalies import AnomalyReport, sm_traces, singlets
from physics.model.charges import TAU_MODEL, ChargeAssignment
from physics.model.criteria import check_criteria
from physics.paper.naturalness_readings import get_reading
from physics.explorer import explore, pair_multiplets, singlet_solution, suggestions, to_json

FR = st.fractions(min_value=-3, max_value=3, max_denominator=7)


@pytest.fixture(scope="module")
def table5():
    """The paper's benchmark: alpha_tau = 1, Eq. (A.6) m = 3 and the singlets of Table 5, at the Sec. 3.2.5 point."""
    return explore(TAU_MODEL, "A.6", {"m": 3}, singlets=(Fraction(1, 12), 1), mX=2.1, gX=0.018)


@settings(max_examples=12)
@given(FR, FR, FR, FR)
def test_ew_anomalies_linear_in_alpha_BL(aB, ae, amu, atau):
    """Eqs. (2.4)-(2.6): the SM terms are (3/2, -3/2, 0) x alpha_{B+L} for any rational alphas (exact), and the
    (A.6) m = 2 family scaled to alpha_{B+L} cancels them exactly (Sec. 2.2, App. A)."""
    a = ChargeAssignment(aB, ae, amu, atau)
    r = explore(a, plane_grid={"n": 2})
    sm = r["anomalies"]["sm"]
    assert (sm["2.4"], sm["2.5"], sm["2.6"]) == (Fraction(3, 2) * a.alpha_BL, -Fraction(3, 2) * a.alpha_BL, 0)
    assert r["alpha_BL"] == aB + (ae + amu + atau) / 3
    assert r["traces"] == {"A_XWW_SM": -3 * a.alpha_BL, "A_XYY_SM": 3 * a.alpha_BL}  # Eq. (3.2)
    if a.alpha_BL != 0:
        t = explore(a, "A.6", {"m": 2}, plane_grid={"n": 2})["anomalies"]["total"]
        assert (t["2.4"], t["2.5"], t["2.6"]) == (0, 0, 0)


@settings(max_examples=5)
@given(st.tuples(FR, FR, FR, FR, FR, FR, FR, FR))
def test_ew_anomalies_additive(x):
    """Eqs. (2.4), (2.5) are linear maps of the charges: coefficient(a1 + a2) = coefficient(a1) + coefficient(a2)."""
    a1, a2 = ChargeAssignment(*x[:4]), ChargeAssignment(*x[4:])
    s = ChargeAssignment(*(p + q for p, q in zip(x[:4], x[4:])))
    r1, r2, rs = (explore(a, plane_grid={"n": 2})["anomalies"]["sm"] for a in (a1, a2, s))
    for k in ("2.4", "2.5"):
        assert rs[k] == r1[k] + r2[k]


def test_table5_benchmark_one_code_path(table5):
    """Table 5 (alpha_tau = 1, Eq. (A.6) m = 3, singlets X = 1/12, 1): the explorer's outputs equal the direct calls
    of the chapters' modules exactly (same code path; float equality, no tolerance)."""
    spec = classification.family("A.6", m=3, alpha_BL=TAU_MODEL.alpha_BL)
    rep = AnomalyReport(TAU_MODEL, spec.fields, singlets([Fraction(1, 12), 1]))
    assert table5["anomalies"]["total"] == rep.total
    assert table5["anomalies"]["sm"] == rep.sm and table5["anomalies"]["anomalons"] == rep.anomalon_part
    assert table5["witten_ok"] is rep.witten_ok is True
    uv = uv_models.table5_model().anomaly_report()
    assert table5["anomalies"]["total"] == uv.total  # Table 5 transcribed row by row: anomaly free
    crit = check_criteria(spec)
    assert table5["criteria"]["all_ok"] == crit.all_ok and table5["criteria"]["X_S"] == crit.X_S == Fraction(1, 6)
    TF = get_reading("table_fit")
    assert table5["naturalness_bound_TeV"] == naturalness.naturalness_bound_TeV(spec, reading=TF)
    assert table5["naturalness_bound_TeV"] == uv_models.naturalness_TeV(uv_models.table5_model(), reading=TF)
    assert table5["traces"] == {"A_XWW_SM": sm_traces(TAU_MODEL)["XWW"], "A_XYY_SM": sm_traces(TAU_MODEL)["XYY"]}
    for ch, br in table5["BR"].items():
        assert br == float(rates.branching_ratio(ch, 2.1, gX=0.018, alphas=TAU_MODEL)["BR"])
    for ch, g in table5["gX_max"].items():
        assert g == float(limits.coupling_limit(ch, 2.1, TAU_MODEL)["gX_max"])
    ref = plane.summary_plane(TAU_MODEL, 0.01, 10.0, 300)
    for k, c in ref["channels"].items():
        np.testing.assert_array_equal(table5["plane"]["channels"][k]["gX_max"], c["gX_max"])


def test_table5_printed_numbers(table5):
    """Table 5 as printed (exact): X_S = 1/6 (row 6); the anomalons (rows 1-3, written left-handed) and the singlet
    charges 1/12, 1 (rows 4-5) are the explorer's fields.  (The naturalness bound, 3.342 TeV, is the ledger's
    'not reproduced' row tab2-r2-naturalness against the printed 3.4 TeV; not re-tested here.)"""
    assert table5["criteria"]["X_S"] == Fraction(1, 6)
    t5 = uv_models.table5_model()
    mine = sorted((f["n"], f["Y"], f["X"]) for f in table5["fields"] if f["chirality"] == "L")
    assert mine == sorted((n, Y, X) for n, Y, X, _ in uv_models.left_handed_content(t5.anomalons))
    assert sorted(f["X"] for f in table5["fields"] if f["chirality"] == "R") == sorted(f.X for f in t5.singlets)


def test_singlets_of_table5_found_from_scratch():
    """Table 5 rows 4-5: with (A.6) m = 3 and no singlets, (2.2) = 13/12 and (2.3) = 1729/1728 are left, and the
    two-singlet solution is exactly X = 1/12, 1 (the paper's N_R^1, N_R^2)."""
    r = explore(TAU_MODEL, "A.6", {"m": 3}, plane_grid={"n": 2})
    left = r["anomalies"]["left"]
    assert left == {"2.2": Fraction(13, 12), "2.3": Fraction(1729, 1728)}
    assert r["suggestions"]["singlets_needed"] == [Fraction(1, 12), Fraction(1)]


def test_suggest_family_when_ew_left():
    """No anomalons, alpha_tau = 1: (2.4)/(2.5) left -> the A.6 m = 2, 3 and A.11 m = 1 options, each cancelling
    (2.4)-(2.6) exactly and passing criteria (i)-(iii) (Table 2 rows 1-2, Table 3 row 1); naturalness 7.3 TeV for
    A.6 m = 2 (Table 2 row 1, printed to 0.1 TeV, ledger tab2-r1-naturalness)."""
    r = explore(TAU_MODEL, plane_grid={"n": 2})
    assert r["criteria"] is None and r["naturalness_bound_TeV"] is None
    fams = r["suggestions"]["families"]
    assert [(f["family"], f["params"]) for f in fams] == [("A.6", {"m": 2}), ("A.6", {"m": 3}), ("A.11", {"m": 1})]
    assert all(f["ew_cancelled"] and f["criteria_ok"] for f in fams)
    assert fams[0]["naturalness_bound_TeV"] == pytest.approx(7.3, abs=0.05)
    assert any("A.6" in t for t in r["suggestions"]["text"])


def test_alpha_BL_zero_models():
    """L_mu - L_tau and B - 3 L_tau have alpha_{B+L} = 0: A_XWW = A_XYY = 0 (Eq. 3.2), every BR vanishes, every
    channel limit is skipped with the reason, the plane has no channels (Sec. 3.3 notes)."""
    for a in ({"mu": 1, "tau": -1}, {"B": 1, "tau": -3}):
        r = explore(a, mX=0.1, gX=1e-3, b_invisible=1.0)
        assert r["alpha_BL"] == 0 and r["traces"] == {"A_XWW_SM": 0, "A_XYY_SM": 0}
        assert r["gX_max"] == {} and all(v == 0.0 for v in r["BR"].values())
        assert "alpha_B+L = 0" in r["gX_max_skipped"]["K+->pi+X"]
        assert r["plane"]["channels"] == {} and r["viable"]["intervals_GeV"] == []
    r = explore({"B": 1, "tau": -3}, plane_grid={"n": 2})
    assert r["suggestions"]["singlets_needed"] == [Fraction(-3)]  # (2.2) = -3, (2.3) = -27: one N_R with X = -3


def test_custom_fields_equal_family():
    """Custom (n, Y, X) anomalons identical to (A.6) m = 3 give the same anomalies, criteria and bound (Eq. 2.9)."""
    spec = classification.family("A.6", m=3, alpha_BL=Fraction(1, 3))
    fields = [(f.n, f.Y, f.X) for f in spec.fields]
    a = explore(TAU_MODEL, fields=fields, plane_grid={"n": 2})
    b = explore(TAU_MODEL, "A.6", {"m": 3}, plane_grid={"n": 2})
    assert a["anomalies"]["total"] == b["anomalies"]["total"]
    assert a["criteria"]["all_ok"] and a["naturalness_bound_TeV"] == b["naturalness_bound_TeV"]
    assert [m.kind for m in pair_multiplets(spec.fields)] == ["ML", "DL"]
    bad = explore(TAU_MODEL, fields=[(2, Fraction(1, 2), 1)], plane_grid={"n": 2})
    assert not bad["criteria"]["i"]["ok"] and not bad["witten_ok"]  # unpaired doublet: no mass, odd Witten count


def test_singlet_solution_exact():
    """(2.2)/(2.3) solver: every returned solution satisfies sum X = s, sum X^3 = c exactly."""
    for s, c in [(1, 1), (Fraction(13, 12), Fraction(1729, 1728)), (2, 2), (0, 0), (3, 9), (1, 7)]:
        sol = singlet_solution(s, c)
        if sol is not None:
            assert sum(sol) == s and sum(x**3 for x in sol) == c
    assert singlet_solution(0, 0) == []
    assert singlet_solution(2, 8) == [2]


def test_viable_region_and_point(table5):
    """Sec. 3.3: the viable band lies between the Delta = 100 line and min(limits, direct y = sqrt(4 pi)); the printed
    best fit g_X = 0.018 at 2.1 GeV is excluded by the Belle II recast limit here (the book's curve, Sec. 3.3 notes)."""
    v = table5["viable"]
    ok = v["mask"]
    assert np.all(v["gX_min"][ok] < v["gX_max"][ok])
    pt = table5["point"]
    assert ("B+->K+X" in pt["excluded_by"]) == (0.018 > table5["gX_max"]["B+->K+X"])
    assert pt["viable"] == (not pt["excluded_by"] and not pt["below_naturalness"] and not pt["above_direct"])


def test_json_round_trip(table5):
    """to_json gives strict JSON with the CLI keys; Fractions as 'p/q' strings."""
    j = json.loads(json.dumps(to_json(table5), allow_nan=False))
    for key in ("alpha_BL", "anomalies", "witten_ok", "criteria", "naturalness_bound_TeV", "BR", "gX_max"):
        assert key in j
    assert j["alpha_BL"] == "1/3" and j["criteria"]["X_S"] == "1/6"


@pytest.mark.parametrize("kwargs, match", [
    ({"alphas": None}, "alphas is required"),
    ({"alphas": {"x": 1}}, "unknown charge"),
    ({"alphas": {"tau": 1}, "family": "A.99"}, "unknown family"),
    ({"alphas": {"mu": 1, "tau": -1}, "family": "A.6", "params": {"m": 2}}, "alpha_B\\+L != 0"),
    ({"alphas": {"tau": 1}, "params": {"m": 2}}, "params given without family"),
    ({"alphas": {"tau": 1}, "family": "A.6", "params": {"m": 1}}, "m must be an integer"),
    ({"alphas": {"tau": 1}, "mX": -1.0}, "mX must be a positive"),
    ({"alphas": {"tau": 1}, "mX": float("nan")}, "mX must be a positive"),
    ({"alphas": {"tau": 1}, "gX": 0.1}, "gX needs mX"),
    ({"alphas": {"tau": 1}, "fields": [(2.5, 0, 1)]}, "positive integer"),
    ({"alphas": {"tau": 1}, "fields": [(3, 0)]}, "\\(n, Y, X\\) triple"),
    ({"alphas": {"tau": 1}, "b_invisible": 2.0}, "b_invisible must lie"),
    ({"alphas": {"tau": 1}, "singlets": ["x"]}, "singlet charge"),
])
def test_bad_input(kwargs, match):
    """Bad input -> ValueError naming what was wrong."""
    with pytest.raises(ValueError, match=match):
        explore(**kwargs)


def test_widget_builds_and_reports_bad_input(capsys):
    """The live widget (notebooks/11_explorer.md) builds, re-runs explore on a change, and prints the ValueError
    message for bad input instead of raising (no kernel here: its Output area prints to stdout)."""
    pytest.importorskip("ipywidgets")
    import matplotlib

    matplotlib.use("Agg")
    from physics.explorer import widget

    w = widget("L_mu-L_tau")
    boxes = w.children[0].children  # alpha_B, alpha_e, alpha_mu, alpha_tau
    boxes[3].value = "x"
    assert "error: alpha_tau must be a rational number" in capsys.readouterr().out

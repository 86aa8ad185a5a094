"""The declared domains of physics.validate, and the issue #16 examples in the library (each: a ValueError naming
the argument and the range, or a finite number; never NaN, inf, an obscure ArithmeticError or a hang)."""
from __future__ import annotations

import json
import math
import time
from fractions import Fraction

import pytest

from physics import validate as V


def test_domain_error_is_a_value_error_naming_argument_value_and_range():
    with pytest.raises(ValueError) as e:
        V.real(5.0, "m_X (GeV)", V.MX_MIN_GEV, 4.78, hi_open=True)
    msg = str(e.value)
    assert isinstance(e.value, V.DomainError) and "m_X (GeV)" in msg and "5" in msg and "[1e-09, 4.78)" in msg


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e309", "", "abc", "1" * 400, "9" * 5000])
def test_parse_real_refuses_non_numbers_and_non_finite(text):
    with pytest.raises(V.DomainError):
        V.parse_real(text, "--mX")


@pytest.mark.parametrize("text, value", [("-1/3", -1 / 3), ("-1e-5", -1e-5), (" 2.1 ", 2.1), ("1/4", 0.25)])
def test_parse_real_accepts_negative_fractions(text, value):
    assert V.parse_real(text, "--gA") == value


def test_charges_are_bounded_exact_rationals():
    assert V.charge("-1/3", "x") == Fraction(-1, 3)
    assert V.charge(0.1, "x") == Fraction(1, 10)
    assert V.charge(10**6, "x") == 10**6
    for bad in ["1e1500", "1e-160", "1000001", "3/1000001", 10**400, float("nan"), "1e999999999", "1/0", True]:
        with pytest.raises(V.DomainError):
            V.charge(bad, "alpha_tau")


def test_huge_exponent_is_refused_before_any_work():
    t0 = time.perf_counter()
    with pytest.raises(V.DomainError):
        V.parse_rational("1e999999999", "x")
    assert time.perf_counter() - t0 < 0.1


def test_integers_and_work_bounds():
    assert V.integer("12", "n", 1, 100) == 12
    for bad in ["1" * 250, "1.5", "nan", 0, 101]:
        with pytest.raises(V.DomainError):
            V.integer(bad, "n", 1, 100)
    with pytest.raises(V.DomainError, match="work bound"):
        V.work(10**7, V.SCAN_WORK_MAX, "a scan")


def test_finite_refuses_nan_and_inf():
    assert V.finite(1.0, "x") == 1.0
    for bad in (math.nan, math.inf, [1.0, math.inf], complex(0, math.inf)):
        with pytest.raises(V.DomainError):
            V.finite(bad, "x")


# ------------------------------------------------------------------------------------------------ the library cases
def test_rates_refuse_out_of_domain_mass_and_coupling():
    from physics.model.charges import TAU_MODEL
    from physics.pheno import rates

    with pytest.raises(ValueError, match=r"m_X for B\+->K\+X .*\[1e-09, 4\.78"):
        rates.branching_ratio("B+->K+X", 1e-160, gA=1e-160)
    with pytest.raises(ValueError, match=r"gX = 10 .*sqrt\(4 pi\)"):
        rates.branching_ratio("B+->K+X", 2.1, gX=10, alphas=TAU_MODEL)


def test_limit_without_wz_signal_is_none_with_a_reason():
    """L_tau - L_mu (alpha_B+L = 0): no bound from any channel, stated, never Infinity."""
    from physics.model.charges import ChargeAssignment
    from physics.pheno import limits

    for ch in ("K+->pi+X", "B+->K+X", "Z->gammaX"):
        out = limits.coupling_limit(ch, 0.1, ChargeAssignment(alpha_tau=1, alpha_mu=-1))
        assert out["gX_max"] is None and "alpha_B+L = 0" in out["reason"]


def test_fit_statistics():
    from physics.pheno import fit

    assert fit.delta_chi2_threshold(9, 2) == pytest.approx(85.87, abs=0.01)  # was inf (ppf(cdf) saturated)
    assert fit.delta_chi2_threshold([1, 2, 3], 2) == pytest.approx([2.2957, 6.1801, 11.8292], abs=1e-4)
    with pytest.raises(ValueError, match="dof"):
        fit.significance(4.0, 0)  # was NaN
    with pytest.raises(ValueError):
        fit.significance(1e308, 2)  # was inf (p-value underflow)


def test_naturalness_and_uv_models_extremes():
    from physics.model import naturalness, uv_models

    with pytest.raises(ValueError, match="anomalon mass M"):
        naturalness.higgs_mass_shift(3, 0, 1, 1e308, 1e308)  # was NaN
    with pytest.raises(ValueError, match="g2_MZ"):
        naturalness.running_couplings(1e3, 0.0)  # was ZeroDivisionError
    with pytest.raises(ValueError, match="v_X"):
        uv_models.vX_GeV(Fraction(1, 6), 2.1, 5e-324)  # was ZeroDivisionError
    with pytest.raises(ValueError, match="Q must be non-zero"):
        uv_models.y_needed_for_splitting(0.5, 0)  # was ZeroDivisionError
    with pytest.raises(ValueError, match="m_A"):
        uv_models.prompt_yukawa_threshold_3body(1e308, 1.0)  # was OverflowError


@pytest.mark.parametrize("call", ["singlet", "splittings"])
def test_searches_beyond_their_work_bound_are_refused_at_once(call):
    from physics.model import uv_models
    from physics.pheno import explorer

    t0 = time.perf_counter()
    with pytest.raises(ValueError):
        if call == "singlet":
            explorer.singlet_solution(10**6, 0)  # hung
        else:
            uv_models.multiplet_splittings(10**9, 0)  # hung
    assert time.perf_counter() - t0 < 1.0


def test_explore_flags_branching_ratios_above_one_and_big_singlets():
    from physics.pheno import explorer

    r = explorer.explore({"tau": 1}, mX=1e-6, gX=1.0, plane_grid={"n": 10})
    assert r["BR_unphysical"] and all(0 <= v <= 1 for v in r["BR"].values())
    t0 = time.perf_counter()
    r = explorer.explore({"tau": 1}, singlets=["1000", "1/7"], plane_grid={"n": 10})  # took 5-10 s
    assert time.perf_counter() - t0 < 5 and any("work bound" in t for t in r["suggestions"]["text"])


def test_scans_refuse_requests_beyond_the_work_bound():
    from physics.model import classification

    with pytest.raises(ValueError, match="work bound"):
        classification.scan_1DL2ML(300, 300, 300)


# ------------------------------------------------------------------------------------------------ the CLI
def _cli(argv, capsys):
    from physics.cli import main

    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_negative_fractions_are_values(capsys):
    code, out, err = _cli(["anomalies", "--alpha", "tau=1", "--singlet", "-1/3", "--json"], capsys)
    assert code == 0 and json.loads(out)["singlets"]["2.2"] == "1/3"
    code, out, err = _cli(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gA", "-1e-5", "--json"], capsys)
    assert code == 0 and json.loads(out)["BR"] > 0
    with pytest.raises(SystemExit) as e:  # -h still prints the help
        _cli(["rate", "-h"], capsys)
    assert e.value.code == 0


def test_cli_repeated_options_are_errors(capsys):
    for argv in (["anomalies", "--alpha", "tau=1", "--alpha", "alpha_tau=5", "--json"],
                 ["plane", "--n", "10", "--n", "20", "--json"], ["ledger", "--json", "--json"]):
        code, out, err = _cli(argv, capsys)
        assert code == 2 and out == "" and err.count("\n") == 1, (argv, err)


def test_cli_limit_of_l_tau_minus_l_mu_is_null_with_reason(capsys):
    code, out, err = _cli(["limit", "--channel", "K+->pi+X", "--mX", "0.1", "--alpha", "tau=1", "--alpha", "mu=-1",
                           "--json"], capsys)
    data = json.loads(out, parse_constant=lambda c: pytest.fail(f"non-finite {c} in the JSON"))
    assert code == 0 and data["gX_max"] is None and "alpha_B+L = 0" in data["reason"]


def test_cli_branching_ratio_above_one_is_refused(capsys):
    code, out, err = _cli(["rate", "--channel", "B+->K+X", "--mX", "1e-9", "--gX", "1", "--alpha", "tau=1", "--json"],
                          capsys)
    assert code == 2 and "> 1" in err and err.count("\n") == 1


def test_cli_numpy_warnings_never_reach_the_terminal(capsys):
    code, out, err = _cli(["naturalness", "--family", "A.6", "--m", "3", "--mu", "1e200", "--json"], capsys)
    assert code == 2 and err.count("\n") == 1 and "mu" in err
    code, out, err = _cli(["fit", "--mX", "1e-320", "--json"], capsys)
    assert code == 2 and err.count("\n") == 1 and "m_X" in err


def test_cli_ledger_json_array_by_default_object_on_request(capsys, monkeypatch):
    """`ledger --json` keeps the array scripts read; `--json --object` gives one object (README, issue #16)."""
    from physics.paper import ledger

    monkeypatch.setattr(ledger, "ledger", lambda: [])
    monkeypatch.setattr(ledger, "headline", lambda: "0 printed numbers")
    code, out, err = _cli(["ledger", "--json"], capsys)
    assert code == 0 and json.loads(out) == []
    code, out, err = _cli(["ledger", "--json", "--object"], capsys)
    assert code == 0 and json.loads(out) == {"rows": [], "headline": "0 printed numbers"}

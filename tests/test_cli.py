"""The `python -m physics` contract: subcommands, JSON keys, and one-line errors with exit code 2."""
import json
import subprocess
import sys

import pytest

from physics.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_anomalies_json_keys(capsys):
    """`anomalies --alpha B=1 --alpha tau=-1 --json`: keys alpha_BL, sm, anomalons, total, witten_ok; exact strings."""
    code, out, _ = run(capsys, "anomalies", "--alpha", "B=1", "--alpha", "tau=-1", "--json")
    assert code == 0
    d = json.loads(out)
    for key in ("alpha_BL", "sm", "anomalons", "total", "witten_ok"):
        assert key in d
    assert d["alpha_BL"] == "2/3"
    assert set(d["total"]) == {"2.2", "2.3", "2.4", "2.5", "2.6"}
    assert d["sm"]["2.4"] == "1"  # (3/2) * (2/3), Eq. (2.4)
    assert d["witten_ok"] is True


@pytest.mark.slow  # computes the whole ledger (tests/conftest.py: this module runs first)
def test_ledger_json(capsys):
    code, out, _ = run(capsys, "ledger", "--json")
    assert code == 0
    rows = json.loads(out)
    old = {"id", "where", "paper", "computed", "status", "note"}  # the contract: keys are only ever added
    assert rows and old <= set(rows[0])
    assert {"provenance", "uses", "reading", "alternatives"} <= set(rows[0])
    assert {r["provenance"] for r in rows} <= {"independent", "printed-input", "fitted", "input", "unavailable"}


@pytest.mark.parametrize("argv, word", [
    (["anomalies", "--alpha", "tau=abc"], "alpha_tau"),
    (["anomalies", "--alpha", "nu=1"], "unknown charge"),
    (["anomalies", "--alpha", "tau"], "NAME=VALUE"),
    (["naturalness", "--family", "A.6", "--m", "0"], "--m"),
    (["naturalness", "--family", "A.6", "--m", "3", "--delta", "0"], "--delta"),
    (["naturalness", "--family", "A.6", "--m", "3", "--delta", "-5"], "--delta"),
    (["naturalness", "--family", "A.6", "--m", "3", "--mu", "0"], "--mu"),
    (["naturalness", "--family", "A.9", "--m", "3"], "family"),
    (["frobnicate"], "invalid choice"),
    ([], "subcommand"),
])
def test_bad_input_one_line_exit_2(capsys, argv, word):
    """Bad input: exit code 2 and exactly one line on stderr that names what was wrong."""
    code, out, err = run(capsys, *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and word in lines[0], err


def test_module_entry_point_no_traceback():
    """`python -m physics` itself: one error line, exit 2, no traceback."""
    p = subprocess.run([sys.executable, "-m", "physics", "anomalies", "--alpha", "B=x"], capture_output=True, text=True)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_naturalness_json(capsys):
    """`naturalness --family A.6 --m 3 --json` -> bound_TeV near the printed 3.4 TeV of Table 2 (row 2) and the
    conventions used (ledger entry tab2-r2-naturalness records the 0.06 TeV gap)."""
    code, out, _ = run(capsys, "naturalness", "--family", "A.6", "--m", "3", "--json")
    assert code == 0
    d = json.loads(out)
    assert abs(d["bound_TeV"] - 3.4) < 0.1 and "conventions" in d


def test_naturalness_scales_with_delta(capsys):
    """The bound grows with Delta (approximately as sqrt(Delta), Sec. 2.1)."""
    code, out, _ = run(capsys, "naturalness", "--family", "A.11", "--m", "1", "--delta", "400", "--json")
    d400 = json.loads(out)["bound_TeV"]
    code, out, _ = run(capsys, "naturalness", "--family", "A.11", "--m", "1", "--json")
    d100 = json.loads(out)["bound_TeV"]
    assert 1.9 < d400 / d100 < 2.1


def test_anomalies_family_with_singlets_table5(capsys):
    """Table 5 content = (A.6) m = 3 with alpha_tau = 1 plus singlets 1/12 and 1: all of (2.2)-(2.6) vanish."""
    code, out, _ = run(capsys, "anomalies", "--alpha", "tau=1", "--family", "A.6", "--m", "3",
                       "--singlet", "1/12", "--singlet", "1", "--json")
    d = json.loads(out)
    assert code == 0 and set(d["total"].values()) == {"0"} and d["witten_ok"] is True


def test_rate_and_limit_keys(capsys):
    """`rate` -> BR, width_GeV; `limit` -> gX_max with a model, gA_max without, plus the dataset."""
    code, out, _ = run(capsys, "rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "0.018", "--alpha", "tau=1", "--json")
    d = json.loads(out)
    assert code == 0 and d["BR"] > 0 and d["width_GeV"] > 0
    code, out, _ = run(capsys, "limit", "--channel", "K+->pi+X", "--mX", "0.1", "--alpha", "tau=1", "--json")
    d = json.loads(out)
    assert code == 0 and d["gX_max"] > 0 and "dataset" in d
    code, out, _ = run(capsys, "limit", "--channel", "K+->pi+X", "--mX", "0.1", "--json")
    assert "gA_max" in json.loads(out)


def test_uv_keys(capsys):
    """`uv --model table6 --shift 1/6` -> anomalies (all zero), allowed_operators, vX_GeV, mass_limits_GeV."""
    code, out, _ = run(capsys, "uv", "--model", "table6", "--shift", "1/6", "--json")
    d = json.loads(out)
    assert code == 0
    assert d["anomalies"]["all_zero"] is True
    for key in ("allowed_operators", "vX_GeV", "mass_limits_GeV"):
        assert key in d


@pytest.mark.parametrize("argv, word", [
    (["rate", "--channel", "K+->pi+X", "--mX", "0.4", "--gA", "1"], "0.354"),
    (["rate", "--channel", "foo", "--mX", "1", "--gA", "1"], "unknown channel"),
    (["rate", "--channel", "B+->K+X", "--mX", "1", "--gX", "-1", "--alpha", "tau=1"], "--gX"),
    (["rate", "--channel", "B+->K+X", "--mX", "-1", "--gA", "1"], "--mX"),
    (["rate", "--channel", "B+->K+X", "--mX", "1"], "--gA"),
    (["limit", "--channel", "K+->pi+X", "--mX", "0.3"], "range"),
    (["uv", "--model", "table7"], "table5"),
    (["uv", "--model", "table6", "--gX", "0"], "--gX"),
    (["uv", "--model", "table5", "--shift", "1"], "table6"),
])
def test_bad_input_flavour_and_uv(capsys, argv, word):
    """Bad input for rate/limit/uv: exit code 2 and one line naming the problem."""
    code, out, err = run(capsys, *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and word in lines[0], err


def test_fit_keys(capsys):
    """`fit --model tau --mX 2.1 --json` -> gX_best, chi2_min, chi2_SM, significance_sigma, BR_Z_gammaX, BR_B+_K*+X."""
    code, out, _ = run(capsys, "fit", "--model", "tau", "--mX", "2.1", "--json")
    d = json.loads(out)
    assert code == 0
    for key in ("gX_best", "chi2_min", "chi2_SM", "significance_sigma", "BR_Z_gammaX", "BR_B+_K*+X"):
        assert key in d
    code, out, _ = run(capsys, "fit", "--no-z", "--json")
    assert code == 0 and json.loads(out)["include_z"] is False


@pytest.mark.parametrize("argv, word", [
    (["fit", "--mX", "5"], "kinematic range"),
    (["fit", "--model", "mu"], "--model"),
    (["fit", "--option", "nonsense"], "unknown fit option"),
])
def test_bad_input_fit(capsys, argv, word):
    code, out, err = run(capsys, *argv)
    assert code == 2 and len(err.strip().splitlines()) == 1 and word in err, err


def test_plane_keys(capsys):
    """`plane --alpha tau=1 --n 20 --json`: per channel mX_GeV and gX_max arrays, plus naturalness and direct lines."""
    code, out, _ = run(capsys, "plane", "--alpha", "tau=1", "--n", "20", "--json")
    d = json.loads(out)
    assert code == 0
    assert {"NA62", "KOTO", "L3", "Belle II"} <= set(d["channels"])
    for ch in d["channels"].values():
        assert len(ch["mX_GeV"]) == len(ch["gX_max"]) == 20
    assert d["naturalness"] and d["direct"]


def test_plane_anomaly_free_model_has_no_limits(capsys):
    """alpha_B = 0, alpha_{B+L} = 0 (L_mu - L_tau): no WZ-induced limits, and the output says so."""
    code, out, _ = run(capsys, "plane", "--alpha", "mu=1", "--alpha", "tau=-1", "--n", "5", "--json")
    d = json.loads(out)
    assert code == 0 and not d["channels"] and any("no channel limits" in n for n in d["notes"])


# Tests to APPEND to tests/test_cli.py once cmd_explore (/work/helpers/cli_explore.py) is in physics/cli.py.
# They use the `run(capsys, *argv)` helper already defined at the top of tests/test_cli.py.


def test_explore_json_keys_table5(capsys):
    """`explore` for Table 5 (alpha_tau = 1, Eq. (A.6) m = 3, singlets 1/12 and 1): the CLI keys, exact strings,
    anomaly free, X_S = 1/6 (Table 5 row 6); BR and gX_max equal physics.pheno.rates / physics.pheno.limits at (2.1 GeV, 0.018)."""
    from physics.pheno import limits, rates
    from physics.model.charges import TAU_MODEL

    code, out, _ = run(capsys, "explore", "--alpha", "tau=1", "--family", "A.6", "--m", "3", "--singlet", "1/12",
                       "--singlet", "1", "--mX", "2.1", "--gX", "0.018", "--json")
    assert code == 0
    d = json.loads(out)
    for key in ("alpha_BL", "anomalies", "witten_ok", "criteria", "naturalness_bound_TeV", "BR", "gX_max"):
        assert key in d
    assert d["alpha_BL"] == "1/3" and d["anomalies"]["anomaly_free"] is True and d["criteria"]["X_S"] == "1/6"
    assert d["BR"]["Z->gammaX"] == float(rates.branching_ratio("Z->gammaX", 2.1, gX=0.018, alphas=TAU_MODEL)["BR"])
    assert d["gX_max"]["B+->K+X"] == float(limits.coupling_limit("B+->K+X", 2.1, TAU_MODEL)["gX_max"])
    assert "K+->pi+X" in d["gX_max_skipped"]  # kinematically closed at 2.1 GeV


def test_explore_custom_fields_and_suggestions(capsys):
    """Custom --field n,Y,X equal to (A.6) m = 2 at alpha_B+L = 1/3 cancel (2.4)-(2.6); the left-over (2.2)/(2.3)
    come with the singlet suggestion X = 1/2, 1 (exact)."""
    code, out, _ = run(capsys, "explore", "--alpha", "mu=1", "--field", "3,0,-1/2", "--field", "2,1/2,1/2",
                       "--field", "2,-1/2,1/2", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["anomalies"]["left"] == {"2.2": "3/2", "2.3": "9/8"}
    assert d["suggestions"]["singlets_needed"] == ["1/2", "1"]


@pytest.mark.parametrize("argv, word", [
    (["explore"], "--alpha"),
    (["explore", "--alpha", "tau=1", "--gX", "0.1"], "--gX needs --mX"),
    (["explore", "--alpha", "tau=1", "--family", "A.6"], "needs --m"),
    (["explore", "--alpha", "tau=1", "--field", "3,0"], "n,Y,X"),
    (["explore", "--alpha", "mu=1", "--alpha", "tau=-1", "--family", "A.6", "--m", "2"], "alpha_B+L != 0"),
    (["explore", "--alpha", "tau=1", "--mX", "-1"], "--mX"),
])
def test_explore_bad_input(capsys, argv, word):
    """Bad input: one line on stderr naming the problem, exit code 2."""
    code, out, err = run(capsys, *argv)
    assert code == 2 and word in err and err.count("\n") == 1

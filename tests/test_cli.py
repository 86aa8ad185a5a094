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


def test_ledger_json(capsys):
    code, out, _ = run(capsys, "ledger", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows and set(rows[0]) == {"id", "where", "paper", "computed", "status", "note"}


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

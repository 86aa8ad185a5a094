"""Hostile-input survey of the CLI (issue #16): re-runs ~1,250 invocations and prints the outcome table.

Every subcommand and option is tried with missing and unknown options, wrong types, empty strings, NaN, +-inf, 0,
negatives, 1e308, 1e-320, values at and beyond the kinematic endpoints, unknown names, unicode, very long strings,
malformed ``--alpha``, huge integers and repeated options.  Each invocation runs in-process through
`physics.cli.main` (stdout and stderr captured, warnings shown every time as in a fresh process, a per-call time
limit); ``--subprocess N`` also runs the first N cases of a fixed sample as real ``python -m physics`` processes (the
traceback and exit-code path).

The CLI contract: exit 2 with exactly one line on stderr for bad input; exit 0 with strict JSON (RFC 8259: no NaN or
Infinity) on stdout otherwise, and a physical answer (no branching ratio above 1, no limit of 0, no infinite limit).

Usage:  .venv/bin/python scripts/hostile_cli.py [--timeout 10] [--subprocess 12] [--json] [--show ROW]
        [--write-corpus tests/hostile_corpus.json]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
import traceback
import warnings
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ROWS = (
    ("clean", "clean error (exit 2, one line)"),
    ("ok", "valid answer"),
    ("traceback", "Python traceback"),
    ("nonfinite_json", "NaN or Infinity inside the JSON"),
    ("bad_json", "other invalid JSON with --json"),
    ("multiline", "error message over several lines"),
    ("hang", "hang (over the per-call time limit)"),
    ("rejected_valid", "valid input rejected"),
    ("nonsense", "nonsense returned with exit 0"),
)
FAILURES = ("traceback", "nonfinite_json", "bad_json", "multiline", "hang", "rejected_valid", "nonsense")

# ------------------------------------------------------------------------------------------------ hostile values
NUMBERS = ["", " ", "nan", "NaN", "inf", "-inf", "Infinity", "0", "-0", "-1", "1e308", "1e309", "1e400", "1e-320",
           "1e-160", "abc", "1/3", "-1/3", "-1e-5", "1" * 400, "9" * 5000, "0x10", "1_000", "\u0663", "\uff11",
           "2.1\u00a0", "1e-9", "3.5", "100", "1e6", "é", "1,5", "--", "true"]
NUMBERS_SHORT = ["", "nan", "inf", "0", "-1", "1e308", "1e-320", "abc", "-1/3", "1" * 400, "1e-9", "100"]
CHARGES = ["", "nan", "inf", "0", "-1", "1", "-1/3", "1/0", "1/-3", "1e1500", "1e-160", "1e400", "1e160", "1e6",
           "1000001", "3/1000001", "x", "\u00bd", "1" * 400, "1.5e-7", "0.1", "-0.25", "2/4", "1e-6", "-1e-5", "٣"]
INTEGERS = ["", "0", "-1", "1", "2", "3", "1.5", "abc", "1e3", "1" * 250, "1" * 400, "100", "1000", "1000001",
            "10000000", "\u0663", "nan", "-2", "51", "101"]
NAMES_BAD = ["", " ", "x", "\u00e9\u00e8\u4e2d", "A" * 5000, "None", "../etc", "K+->pi+X ", "k+->pi+x", "\x00"]
CHANNELS = ["K+->pi+X", "KL->pi0X", "B+->K+X", "B0->K0X", "B+->K*+X", "B0->K*0X", "B+->pi+X", "B0->pi0X",
            "B+->rho+X", "B0->rho0X", "D+->pi+X", "Z->gammaX"]
ALPHA_BAD = ["tau", "=1", "q=1", "tau==1", "TAU=1", "tau=", "=", "B=1=2", "tau=1,mu=1", "\u03c4=1", "tau=1e1500",
             "tau=1e400", "tau=1e160", "tau=1e-160", "tau=nan", "tau=inf", "tau=" + "1" * 400, "mu=1e6",
             "alpha_tau=1", "e=-1/3", "B=1/0", "tau=0", "tau=-1/3", " tau = 1 "]


def _endpoints():
    from physics import inputs as I
    from physics.pheno.rates import mass_range

    out = {}
    for ch in CHANNELS:
        lo, hi = mass_range(ch)
        out[ch] = [repr(hi), repr(hi * (1 + 1e-12)), repr(hi * (1 - 1e-12)), repr(hi + 1)]
    out["_mz"] = repr(I.M_Z)
    return out


# ------------------------------------------------------------------------------------------------ cases
def generate() -> list[dict]:
    """The survey's invocations: {"argv": [...], "expect": "ok" | "error" | "any", "tag": text}."""
    cases = []

    seen = {}

    def add(argv, expect="any", tag=""):
        key = tuple(argv)
        if key in seen:  # each invocation once; an explicit expectation wins over "any"
            if expect != "any":
                seen[key].update(expect=expect, tag=tag)
            return
        seen[key] = {"argv": list(argv), "expect": expect, "tag": tag}
        cases.append(seen[key])

    ends = _endpoints()
    # --- general
    add([], "error", "no subcommand")
    add(["bogus"], "error", "unknown subcommand")
    add(["--json"], "error", "no subcommand")
    for sub in ("anomalies", "naturalness", "rate", "limit", "fit", "plane", "explore", "uv", "ledger"):
        add([sub, "--bogus"], "error", "unknown option")
        add([sub, "--bogus", "1", "--json"], "error", "unknown option")
        add([sub, "positional", "--json"], "error", "stray positional")
    # --- anomalies
    base = ["anomalies", "--alpha", "tau=1", "--json"]
    add(base, "ok", "base")
    add(["anomalies", "--json"], "any", "no charges")
    add(["anomalies", "--alpha", "tau=1", "--family", "A.6", "--m", "3", "--json"], "ok", "base family")
    for v in CHARGES:
        add(["anomalies", "--alpha", f"tau={v}", "--json"], "any", "alpha value")
        add(["anomalies", "--alpha", "tau=1", "--singlet", v, "--json"], "any", "singlet")
        add(["anomalies", "--alpha", "tau=1", "--family", "A.11", "--m", "1", "--shift", v, "--json"], "any", "shift")
    for v in ALPHA_BAD:
        add(["anomalies", "--alpha", v, "--json"], "any", "alpha malformed")
    for fam in ["A.4", "A.5", "A.6", "A.11", "A.15", "A.17"] + NAMES_BAD:
        add(["anomalies", "--alpha", "tau=1", "--family", fam, "--m", "2", "--json"], "any", "family")
        add(["anomalies", "--alpha", "tau=1", "--family", fam, "--m", "4", "--k", "1", "--n1", "2", "--json"], "any",
            "family k n1")
    for v in INTEGERS:
        add(["anomalies", "--alpha", "tau=1", "--family", "A.6", "--m", v, "--json"], "any", "m")
        add(["anomalies", "--alpha", "tau=1", "--family", "A.15", "--m", "5", "--k", v, "--json"], "any", "k")
        add(["anomalies", "--alpha", "tau=1", "--family", "A.17", "--m", "1", "--n1", v, "--json"], "any", "n1")
    add(["anomalies", "--alpha", "tau=1", "--singlet", "-1/3", "--json"], "ok", "negative fraction")
    add(["anomalies", "--alpha", "tau=1", "--family", "A.11", "--m", "1", "--shift", "-1/3", "--json"], "ok",
        "negative fraction")
    add(["anomalies", "--alpha", "tau=1", "--singlet", "-1e-5", "--json"], "ok", "negative fraction")
    add(["anomalies", "--alpha", "tau=1", "--alpha", "alpha_tau=5", "--json"], "error", "repeated charge")
    add(["anomalies", "--alpha", "tau=1", "--alpha", "tau=1", "--json"], "error", "repeated charge")
    add(["anomalies", "--alpha", "tau=1", "--family", "A.6", "--family", "A.11", "--m", "1", "--json"], "error",
        "repeated option")
    add(["anomalies", "--alpha", "tau=1", "--m", "3", "--json"], "error", "m without family")
    add(["anomalies", "--alpha", "tau=1", "--family", "A.6", "--json"], "error", "family without m")
    add(["anomalies", "--alpha", "tau=1e1500"], "any", "human output, huge charge")
    add(["anomalies", "--alpha", "tau=1", "--singlet", "1e1500"], "any", "human output, huge singlet")
    # --- naturalness
    add(["naturalness", "--family", "A.6", "--m", "3", "--json"], "ok", "base")
    add(["naturalness", "--family", "A.11", "--m", "1", "--json"], "ok", "base")
    for v in NUMBERS_SHORT + ["0.5", "1e6", "1e30"]:
        add(["naturalness", "--family", "A.6", "--m", "3", "--delta", v, "--json"], "any", "delta")
    for v in NUMBERS:
        add(["naturalness", "--family", "A.6", "--m", "3", "--mu", v, "--json"], "any", "mu")
    for v in CHARGES:
        add(["naturalness", "--family", "A.6", "--m", "3", "--alpha-BL", v, "--json"], "any", "alpha-BL")
        add(["naturalness", "--family", "A.11", "--m", "1", "--shift", v, "--json"], "any", "shift")
    for v in INTEGERS:
        add(["naturalness", "--family", "A.6", "--m", v, "--json"], "any", "m")
        add(["naturalness", "--family", "A.11", "--m", v, "--json"], "any", "m")
    for fam in ["A.4", "A.5", "A.15", "A.17"] + NAMES_BAD:
        add(["naturalness", "--family", fam, "--m", "3", "--json"], "any", "family")
    for mu in ["1e200", "1e-200", "1e300", "1e19", "1e-300", "1e30"]:
        add(["naturalness", "--family", "A.6", "--m", "3", "--mu", mu, "--json"], "any", "extreme mu")
        add(["naturalness", "--family", "A.6", "--m", "3", "--mu", mu], "any", "extreme mu, human")
    add(["naturalness", "--family", "A.6", "--m", "3", "--alpha-BL", "-1/3", "--json"], "ok", "negative fraction")
    add(["naturalness", "--family", "A.6", "--json"], "error", "no m")
    add(["naturalness", "--m", "3", "--json"], "error", "no family")
    add(["naturalness", "--family", "A.6", "--m", "3", "--delta", "10", "--delta", "100", "--json"], "error",
        "repeated option")
    # --- rate
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "0.018", "--alpha", "tau=1", "--json"], "ok", "base")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gA", "0.018", "--json"], "ok", "base gA")
    for ch in CHANNELS + NAMES_BAD:
        add(["rate", "--channel", ch, "--mX", "0.1", "--gX", "1e-3", "--alpha", "tau=1", "--json"], "any", "channel")
        add(["rate", "--channel", ch, "--mX", "0.1", "--gA", "1e-3", "--json"], "any", "channel gA")
    for ch in CHANNELS:
        for m in ends[ch]:
            add(["rate", "--channel", ch, "--mX", m, "--gA", "1e-3", "--json"], "any", "endpoint")
        add(["rate", "--channel", ch, "--mX", "0.1", "--gX", "1e-3", "--alpha", "tau=1", "--alpha", "mu=-1",
             "--json"], "any", "L_tau - L_mu")
        add(["rate", "--channel", ch, "--mX", "1e-9", "--gX", "1", "--alpha", "tau=1", "--json"], "any", "tiny mX")
    for v in NUMBERS:
        add(["rate", "--channel", "B+->K+X", "--mX", v, "--gX", "0.018", "--alpha", "tau=1", "--json"], "any", "mX")
        add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", v, "--alpha", "tau=1", "--json"], "any", "gX")
        add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gA", v, "--json"], "any", "gA")

    for v in NUMBERS_SHORT:
        add(["rate", "--channel", "Z->gammaX", "--mX", v, "--gA", "1", "--json"], "any", "mX Z")
    for v in ALPHA_BAD + [f"tau={c}" for c in CHARGES]:
        add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "0.018", "--alpha", v, "--json"], "any", "alpha")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "10", "--alpha", "tau=1", "--json"], "any", "gX = 10")
    add(["rate", "--channel", "B+->K+X", "--mX", "1e-9", "--gX", "10", "--alpha", "tau=1", "--json"], "any",
        "BR above 1")
    add(["rate", "--channel", "B+->K+X", "--mX", "1e-160", "--gA", "1e-160", "--json"], "any", "underflow")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gA", "-1e-5", "--json"], "ok", "negative fraction")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gA", "-1/3", "--json"], "any", "fraction gA")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--json"], "error", "no coupling")
    add(["rate", "--mX", "2.1", "--gA", "1", "--json"], "error", "no channel")
    add(["rate", "--channel", "B+->K+X", "--gA", "1", "--json"], "error", "no mX")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "0.018", "--json"], "error", "gX without alpha")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "0.018", "--gA", "1", "--alpha", "tau=1", "--json"],
        "error", "both couplings")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--mX", "1", "--gA", "1", "--json"], "error", "repeated")
    add(["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "1", "--alpha", "tau=1", "--alpha", "alpha_tau=5",
         "--json"], "error", "repeated charge")
    # --- limit
    add(["limit", "--channel", "K+->pi+X", "--mX", "0.1", "--alpha", "tau=1", "--json"], "ok", "base")
    add(["limit", "--channel", "K+->pi+X", "--mX", "0.1", "--json"], "ok", "base gA")
    for ch in CHANNELS + NAMES_BAD:
        add(["limit", "--channel", ch, "--mX", "0.1", "--alpha", "tau=1", "--json"], "any", "channel")
        add(["limit", "--channel", ch, "--mX", "0.1", "--alpha", "tau=1", "--alpha", "mu=-1", "--json"], "any",
            "L_tau - L_mu")
        add(["limit", "--channel", ch, "--mX", "0.1", "--json"], "any", "channel gA")
    for ch in CHANNELS:
        for m in ends[ch]:
            add(["limit", "--channel", ch, "--mX", m, "--alpha", "tau=1", "--json"], "any", "endpoint")
        add(["limit", "--channel", ch, "--mX", "0.1", "--alpha", "B=1", "--json"], "any", "alpha_B")
        add(["limit", "--channel", ch, "--mX", "1e-320", "--alpha", "tau=1", "--json"], "any", "denormal mX")
    for v in NUMBERS:
        add(["limit", "--channel", "K+->pi+X", "--mX", v, "--alpha", "tau=1", "--json"], "any", "mX")

    for v in NUMBERS_SHORT:
        add(["limit", "--channel", "Z->gammaX", "--mX", v, "--json"], "any", "mX Z")
    for v in ALPHA_BAD + [f"tau={c}" for c in CHARGES]:
        add(["limit", "--channel", "K+->pi+X", "--mX", "0.1", "--alpha", v, "--json"], "any", "alpha")
    add(["limit", "--channel", "K+->pi+X", "--mX", "0.1", "--alpha", "tau=1", "--alpha", "mu=-1"], "any",
        "L_tau - L_mu human")
    add(["limit", "--channel", "K+->pi+X", "--mX", "0.1", "--alpha", "tau=1e160", "--json"], "any", "huge charge")
    add(["limit", "--channel", "K+->pi+X", "--json"], "error", "no mX")
    add(["limit", "--mX", "0.1", "--json"], "error", "no channel")
    add(["limit", "--channel", "K+->pi+X", "--channel", "B+->K+X", "--mX", "0.1", "--json"], "error", "repeated")
    # --- fit
    add(["fit", "--json"], "ok", "base")
    add(["fit", "--no-z", "--json"], "ok", "base")
    for v in NUMBERS:
        add(["fit", "--mX", v, "--json"], "any", "mX")
    for v in ["tau", "LL-only", "L=-4R"] + NAMES_BAD:
        add(["fit", "--model", v, "--json"], "any", "model")
    for v in ["default", "gS_asymmetric", "mb_pole", "GF_onshell"] + NAMES_BAD:
        add(["fit", "--option", v, "--json"], "any", "option")
    for m in ends["B+->K+X"] + ["1e-320", "1e-9", "1e-6", "0.001"]:
        add(["fit", "--mX", m, "--json"], "any", "mX endpoint")
    add(["fit", "--mX", "1e-320"], "any", "denormal human")
    add(["fit", "--mX", "2.1", "--mX", "1", "--json"], "error", "repeated")
    # --- plane
    add(["plane", "--n", "20", "--json"], "ok", "base")
    for v in INTEGERS:
        add(["plane", "--n", v, "--json"], "any", "n")
    for v in NUMBERS:
        pass
    for v in NUMBERS_SHORT + ["0.005", "50", "91.188", "100"]:
        add(["plane", "--n", "10", "--mX-min", v, "--json"], "any", "mX-min")
        add(["plane", "--n", "10", "--mX-max", v, "--json"], "any", "mX-max")
    for v in ALPHA_BAD + [f"tau={c}" for c in CHARGES] + ["B=1", "mu=1"]:
        add(["plane", "--n", "10", "--alpha", v, "--json"], "any", "alpha")
    add(["plane", "--n", "10", "--alpha", "tau=1", "--alpha", "mu=-1", "--json"], "any", "L_tau - L_mu")
    add(["plane", "--n", "10", "--alpha", "tau=1", "--alpha", "mu=-1"], "any", "L_tau - L_mu human")
    add(["plane", "--n", "10"], "ok", "human")
    add(["plane", "--n", "10", "--mX-min", "1", "--mX-max", "0.1", "--json"], "error", "min > max")
    add(["plane", "--n", "10", "--n", "20", "--json"], "error", "repeated")
    # --- explore
    add(["explore", "--alpha", "tau=1", "--json"], "ok", "base")
    add(["explore", "--alpha", "tau=1", "--mX", "1", "--gX", "1e-3", "--json"], "ok", "base point")
    add(["explore", "--json"], "error", "no charges")
    for v in CHARGES:
        add(["explore", "--alpha", f"tau={v}", "--json"], "any", "alpha value")
        add(["explore", "--alpha", "tau=1", "--singlet", v, "--json"], "any", "singlet")
        add(["explore", "--alpha", "tau=1", "--family", "A.11", "--m", "1", "--shift", v, "--json"], "any", "shift")
        add(["explore", "--alpha", "tau=1", "--field", f"3,0,{v}", "--json"], "any", "field X")
        add(["explore", "--alpha", "tau=1", "--field", f"2,{v},1", "--json"], "any", "field Y")
    for v in INTEGERS:
        add(["explore", "--alpha", "tau=1", "--field", f"{v},0,1", "--json"], "any", "field n")
        add(["explore", "--alpha", "tau=1", "--family", "A.6", "--m", v, "--json"], "any", "m")
    for v in ["", "1", "1,2", "1,2,3,4", ",,", "a,b,c", "3;0;1", "3,0,1/0", "\u0663,0,1"]:
        add(["explore", "--alpha", "tau=1", "--field", v, "--json"], "any", "field malformed")
    for v in NUMBERS:
        add(["explore", "--alpha", "tau=1", "--mX", v, "--json"], "any", "mX")
        add(["explore", "--alpha", "tau=1", "--mX", "1", "--gX", v, "--json"], "any", "gX")

    for v in ALPHA_BAD:
        add(["explore", "--alpha", v, "--json"], "any", "alpha malformed")
    for v in NUMBERS_SHORT + ["0.5", "1", "2"]:
        add(["explore", "--alpha", "B=1", "--mX", "1", "--b-invisible", v, "--json"], "any", "b-invisible")
    for s in ["1000", "1e4", "1e6", "-1000", "999999", "1/999983"]:
        add(["explore", "--alpha", "tau=1", "--singlet", s, "--json"], "any", "big singlet")
    add(["explore", "--alpha", "tau=1", "--field", "1000001,0,1", "--json"], "any", "huge field")
    add(["explore", "--alpha", "tau=1e6", "--alpha", "mu=1", "--json"], "any", "huge charges")
    add(["explore", "--alpha", "tau=1", "--gX", "1e308", "--mX", "1", "--json"], "any", "huge gX")
    add(["explore", "--alpha", "tau=1e-160", "--json"], "any", "tiny charge")
    add(["explore", "--alpha", "tau=1", "--mX", "1e-9", "--gX", "1", "--json"], "any", "BR above 1")
    add(["explore", "--alpha", "tau=1", "--singlet", "-1/3", "--json"], "ok", "negative fraction")
    add(["explore", "--alpha", "tau=1", "--family", "A.11", "--m", "1", "--shift", "-1/2", "--json"], "ok",
        "negative fraction")
    add(["explore", "--alpha", "tau=1", "--alpha", "mu=-1", "--mX", "0.1", "--gX", "1e-3", "--json"], "ok",
        "L_tau - L_mu")
    add(["explore", "--alpha", "tau=1", "--alpha", "tau=2", "--json"], "error", "repeated charge")
    add(["explore", "--alpha", "tau=1", "--gX", "1e-3", "--json"], "error", "gX without mX")
    add(["explore", "--alpha", "tau=1", "--m", "3", "--json"], "error", "m without family")
    add(["explore", "--alpha", "tau=1", "--mX", "1", "--gX", "1e-3"], "ok", "human")
    # --- uv
    add(["uv", "--model", "table5", "--json"], "ok", "base")
    add(["uv", "--model", "table6", "--json"], "ok", "base")
    for v in ["table5", "table6", "table2_row1"] + NAMES_BAD:
        add(["uv", "--model", v, "--json"], "any", "model")
    for v in CHARGES:
        add(["uv", "--model", "table6", "--shift", v, "--json"], "any", "shift")
    for v in NUMBERS_SHORT + ["3.5", "1e-30", "0.018"]:
        add(["uv", "--model", "table5", "--mX", v, "--json"], "any", "mX")
        add(["uv", "--model", "table5", "--gX", v, "--json"], "any", "gX")
    add(["uv", "--model", "table6", "--shift", "-1/3", "--json"], "ok", "negative fraction")
    add(["uv", "--model", "table5", "--shift", "1", "--json"], "error", "shift on table5")
    add(["uv", "--json"], "error", "no model")
    add(["uv", "--model", "table5", "--model", "table6", "--json"], "error", "repeated")
    # --- ledger
    add(["ledger", "--json"], "ok", "base")
    add(["ledger", "--json", "--object"], "ok", "object")
    add(["ledger", "--json", "--json"], "error", "repeated")
    # --- readings (and the fit's --reading)
    for sec in ["3.2.5", "2.1"] + NAMES_BAD[:4]:
        add(["readings", "--section", sec, "--top", "3", "--json"], "any", "readings section")
    for v in INTEGERS[:10]:
        add(["readings", "--section", "3.2.5", "--top", v, "--json"], "any", "readings top")
    for v in ["default"] + NAMES_BAD[:6] + ["x=y", "=", ",,,"]:
        add(["fit", "--reading", v, "--json"], "any", "fit reading")
    return cases


# ------------------------------------------------------------------------------------------------ running
class _Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise _Timeout()


#: Subcommands that do a lot of legitimate work (the whole ledger, every reading): a longer time limit (s).
SLOW = {"ledger": 180.0, "readings": 180.0}


def run_inprocess(argv, timeout: float = 10.0) -> dict:
    """Run physics.cli.main(argv) with captured streams; returns code, stdout, stderr, seconds, exc."""
    from physics.cli import main

    timeout = max(timeout, SLOW.get(argv[0], 0.0)) if argv else timeout
    out, err = io.StringIO(), io.StringIO()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    code, exc = None, None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")  # a fresh process shows every warning once; here: always
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(argv))
    except _Timeout:
        exc = "timeout"
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException:  # noqa: BLE001 - a traceback is what the survey looks for
        exc = traceback.format_exc(limit=-3)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue(), "seconds": time.perf_counter() - t0,
            "exc": exc}


def run_subprocess(argv, timeout: float = 60.0) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-m", "physics", *argv], capture_output=True, text=True, timeout=timeout,
                           cwd=str(ROOT), env=env)
    except subprocess.TimeoutExpired:
        return {"code": None, "stdout": "", "stderr": "", "seconds": timeout, "exc": "timeout"}
    exc = p.stderr if "Traceback (most recent call last)" in p.stderr else None
    return {"code": p.returncode, "stdout": p.stdout, "stderr": p.stderr, "seconds": time.perf_counter() - t0,
            "exc": exc}


# ------------------------------------------------------------------------------------------------ judging
def _strict_json(text: str):
    def bad(name):
        raise ValueError(f"non-finite constant {name}")

    return json.loads(text, parse_constant=bad)


def _nonzero_lepton_charge(argv) -> bool:
    for i, a in enumerate(argv[:-1]):
        if a == "--alpha" and "=" in argv[i + 1]:
            k, v = argv[i + 1].split("=", 1)
            k = k.strip().removeprefix("alpha_")
            try:
                if k in ("e", "mu", "tau") and Fraction(v.strip()) != 0:
                    return True
            except (ValueError, ZeroDivisionError):
                pass
    return False


def nonsense(argv, data) -> str | None:
    """Why a successful JSON answer is unphysical (None if it is not)."""
    problems = []

    def walk(obj, path=""):
        if isinstance(obj, dict):
            for k, v in obj.items():
                p = f"{path}.{k}"
                if k in ("BR", "BR_Emiss") and isinstance(v, (int, float)) and not isinstance(v, bool):
                    if not 0 <= v <= 1:
                        problems.append(f"{p} = {v}")
                if k in ("BR", "BR_Emiss") and isinstance(v, dict):
                    for ch, x in v.items():
                        if x is None or (isinstance(x, (int, float)) and not 0 <= x <= 1):
                            problems.append(f"{p}[{ch}] = {x}")
                if k in ("gX_max", "gA_max") and isinstance(v, (int, float)) and not isinstance(v, bool) and v <= 0:
                    problems.append(f"{p} = {v}")
                if k in ("gX_max", "gA_max") and v is None and "reason" not in obj:
                    problems.append(f"{p} = null without a reason")
                walk(v, p)
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, f"{path}[{i}]")
            if path.endswith("notes"):
                for note in obj:
                    if isinstance(note, str) and "all lepton charges vanish" in note and _nonzero_lepton_charge(argv):
                        problems.append(f"note '{note[:60]}' for non-zero lepton charges")

    walk(data)
    return "; ".join(dict.fromkeys(problems)) or None


def classify(case: dict, r: dict) -> tuple[str, str]:
    """(row, detail) for one run."""
    argv, expect = case["argv"], case["expect"]
    if r["exc"] == "timeout":
        return "hang", f"over {r['seconds']:.1f} s"
    if r["exc"]:
        return "traceback", r["exc"].strip().splitlines()[-1][:200]
    if r["code"] == 0:
        if "--json" in argv:
            try:
                data = _strict_json(r["stdout"])
            except ValueError as e:
                if "non-finite" in str(e):
                    return "nonfinite_json", str(e)
                return "bad_json", str(e)[:200]
            why = nonsense(argv, data) if isinstance(data, dict) else None
            if why:
                return "nonsense", why[:200]
        elif "NaN" in r["stdout"].split() or "nan" in r["stdout"].split() or " inf" in r["stdout"]:
            return "nonsense", "non-finite number printed"
        if expect == "error":
            return "nonsense", "accepted although it must be refused"
        return "ok", ""
    if r["code"] == 2:
        lines = r["stderr"].rstrip("\n").split("\n")
        if len(lines) != 1 or not lines[0].startswith("error: "):
            return "multiline", f"{len(lines)} lines: " + " | ".join(lines)[:200]
        if expect == "ok":
            return "rejected_valid", lines[0][:200]
        return "clean", lines[0][:200]
    return "traceback", f"exit code {r['code']}: {r['stderr'][-200:]}"


#: Fixed sample for the real-process runs: the traceback and exit-code path.
SUBPROCESS_SAMPLE = [
    (["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gX", "1", "--alpha", "tau=1e400", "--json"], "any"),
    (["anomalies", "--alpha", "tau=1e1500", "--json"], "any"),
    (["naturalness", "--family", "A.6", "--m", "1" * 300, "--json"], "any"),
    (["limit", "--channel", "K+->pi+X", "--mX", "0.1", "--alpha", "tau=1", "--alpha", "mu=-1", "--json"], "any"),
    (["naturalness", "--family", "A.6", "--m", "3", "--mu", "1e200", "--json"], "any"),
    (["anomalies", "--alpha", "tau=1", "--singlet", "-1/3", "--json"], "ok"),
    (["fit", "--mX", "1e-320", "--json"], "any"),
    (["explore", "--alpha", "tau=1", "--singlet", "1e6", "--json"], "any"),
    (["rate", "--channel", "B+->K+X", "--mX", "2.1", "--gA", "-1e-5", "--json"], "ok"),
    (["ledger", "--json"], "ok"),
    (["bogus"], "error"),
    (["plane", "--n", "1" * 300, "--json"], "any"),
]


def survey(cases, timeout: float, n_sub: int = 0) -> dict:
    counts = {k: 0 for k, _ in ROWS}
    details = {k: [] for k, _ in ROWS}
    noisy = 0
    t0 = time.perf_counter()
    for c in cases:
        r = run_inprocess(c["argv"], timeout)
        row, why = classify(c, r)
        counts[row] += 1
        details[row].append({"argv": c["argv"], "expect": c["expect"], "tag": c["tag"], "detail": why,
                             "seconds": round(r["seconds"], 3)})
        if row == "ok" and r["stderr"].strip():
            noisy += 1
    t_in = time.perf_counter() - t0
    sub = {k: 0 for k, _ in ROWS}
    sub_details = []
    for argv, expect in SUBPROCESS_SAMPLE[:n_sub]:
        c = {"argv": argv, "expect": expect, "tag": "subprocess"}
        r = run_subprocess(argv)
        row, why = classify(c, r)
        sub[row] += 1
        sub_details.append({"argv": [a if len(a) < 40 else a[:12] + f"...({len(a)} chars)" for a in argv],
                            "row": row, "detail": why, "code": r["code"]})
    return {"cases": len(cases), "counts": counts, "details": details, "ok_with_stderr": noisy,
            "seconds_inprocess": round(t_in, 1), "subprocess": sub, "subprocess_details": sub_details}


def print_table(res: dict) -> None:
    print(f"hostile-input survey: {res['cases']} in-process invocations of physics.cli.main "
          f"({res['seconds_inprocess']} s)")
    print("| outcome | count |")
    print("|---|---|")
    for key, label in ROWS:
        print(f"| {label} | {res['counts'][key]} |")
    print(f"successful runs with output on stderr (e.g. numpy warnings): {res['ok_with_stderr']}")
    if res["subprocess_details"]:
        n = len(res["subprocess_details"])
        print(f"\nreal processes (python -m physics): {n}")
        for d in res["subprocess_details"]:
            print(f"  {d['row']:<15} exit {d['code']}  {' '.join(d['argv'])[:90]}  {d['detail'][:80]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=10.0, help="per-call time limit in seconds (default 10)")
    ap.add_argument("--subprocess", type=int, default=len(SUBPROCESS_SAMPLE), help="real-process runs (default all)")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--show", action="append", default=[], help="print the cases of an outcome row (e.g. traceback)")
    ap.add_argument("--write-corpus", help="write the failing cases (every row but clean/ok) to this JSON file")
    args = ap.parse_args(argv)
    res = survey(generate(), args.timeout, args.subprocess)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print_table(res)
    for row in args.show:
        print(f"\n--- {row}")
        for d in res["details"].get(row, []):
            shown = [a if len(a) < 40 else a[:12] + f"...({len(a)} chars)" for a in d["argv"]]
            print(f"  {' '.join(shown)[:110]}\n      -> {d['detail']}")
    if args.write_corpus:
        corpus = []
        for row in FAILURES:
            for d in res["details"][row]:
                corpus.append({"argv": d["argv"], "was": row, "detail": d["detail"], "expect": d["expect"]})
        Path(args.write_corpus).write_text(json.dumps(corpus, indent=1, ensure_ascii=True) + "\n", encoding="utf-8")
        print(f"\nwrote {len(corpus)} failing cases to {args.write_corpus}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

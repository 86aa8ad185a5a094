"""A guard that can fail: perturb every printed number the book knows and recompute the ledger.

Every printed number lives in `physics.paper.printed` (the ledger file's values and the named printed inputs).  In a
fresh interpreter this test multiplies all of them by 1.37 *before* anything else is imported, recomputes every
ledger entry, and compares with an unperturbed run:

* an entry whose provenance is ``independent`` must not move at all (otherwise it secretly uses a printed number);
* an entry marked ``printed-input`` or ``fitted`` (through g = 0.65) must move (otherwise the claim is wrong).

The mutation test in tests/test_layers.py shows the literal-scan side of the fence; this one catches the values.
"""
import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow  # two fresh interpreters each compute the whole ledger (tests/conftest.py: runs first)

SCRIPT = textwrap.dedent('''
    import json, sys
    from fractions import Fraction
    factor = float(sys.argv[1])
    import physics.paper.printed as P
    if factor != 1.0:
        entries = []
        for e in P._entries():
            e = dict(e)
            v = e["value"]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                e["value"] = v * factor
            elif isinstance(v, str):
                try:
                    e["value"] = str(Fraction(v) * Fraction(137, 100) + 1)
                except ValueError:
                    pass
            entries.append(e)
        frozen = tuple(entries)
        P._entries.cache_clear()
        P._entries = lambda: frozen
        for name in ("G2", "DELTA_M_RAD_GEV", "GX_BEST_FIT", "BR_Z_GAMMA_X", "SIGMA_PREFERENCE", "BR_KSTAR",
                     "VX_EQ43", "VX_TABLE5", "M_THERMAL_QUINTUPLET_GEV", "V_HIGGS"):
            setattr(P, name, getattr(P, name) * factor)
        P.TABLE2_NATURALNESS = [x * factor for x in P.TABLE2_NATURALNESS]
        P.TABLE3_NATURALNESS = [x * factor for x in P.TABLE3_NATURALNESS]
        P.YUKAWA_BOUNDS = {k: (a, b, c * factor) for k, (a, b, c) in P.YUKAWA_BOUNDS.items()}
    from physics.paper.reproduce import REGISTRY, compute_all
    vals = compute_all()
    out = {i: [REGISTRY[i].provenance, repr(v)] for i, v in vals.items()}
    print(json.dumps(out))
''')


def _run(factor: float) -> dict:
    res = subprocess.run([sys.executable, "-c", SCRIPT, str(factor)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def runs():
    return _run(1.0), _run(1.37)


def test_independent_entries_do_not_use_printed_numbers(runs):
    base, pert = runs
    moved = [i for i, (prov, v) in base.items() if prov == "independent" and pert[i][1] != v]
    assert not moved, f"entries marked independent changed when the printed numbers were perturbed: {moved}"


def test_printed_input_entries_do_use_them(runs):
    base, pert = runs
    static = [i for i, (prov, v) in base.items() if prov in ("printed-input", "fitted") and pert[i][1] == v
              and i not in ("tab2-rows", "tab3-rows")]  # the row sets may survive a 37% change of g^4 and mu-fit inputs
    assert not static, f"entries claiming printed inputs did not move when the printed numbers moved: {static}"

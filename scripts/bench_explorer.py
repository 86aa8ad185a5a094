"""Benchmark of physics.explorer: one explorer update (new alphas -> every output and the summary plane).

Budget (explorer issue, item 1): <= 1 s per update.  Each update uses new charges, so nothing is reused from the
previous call except the limit CSV files (cached after the first read, like in a live Jupyter session).
Prints one JSON object: cold first call, best/median/worst warm update per case, and whether the budget holds.
Usage: .venv/bin/python scripts/bench_explorer.py [repeats]
"""
import json
import statistics
import sys
import time
from fractions import Fraction

from physics.pheno import limits
from physics.pheno.explorer import explore

BUDGET_S = 1.0

#: (label, explore kwargs): the benchmark models of notebooks/11_explorer.md plus a custom-anomalon case.
CASES = [
    ("L_tau + A.6 m=3 + singlets (Table 5)", dict(alphas={"tau": 1}, family="A.6", params={"m": 3},
                                                   singlets=(Fraction(1, 12), 1), mX=2.1, gX=0.018)),
    ("L_mu, no anomalons (suggestions)", dict(alphas={"mu": 1}, mX=0.2, gX=1e-4)),
    ("B + A.11 m=1, b_invisible=1", dict(alphas={"B": 1}, family="A.11", params={"m": 1}, mX=1.0, gX=1e-3,
                                          b_invisible=1.0)),
    ("L_mu - L_tau (alpha_B+L = 0)", dict(alphas={"mu": 1, "tau": -1}, mX=0.1, gX=1e-3)),
    ("random rationals + custom fields", dict(alphas={"B": Fraction(2, 7), "e": Fraction(-3, 5), "tau": Fraction(5, 7)},
                                              fields=[(3, 0, Fraction(-1, 5)), (2, Fraction(1, 2), Fraction(1, 3)),
                                                      (2, Fraction(-1, 2), Fraction(1, 3))], mX=0.5, gX=1e-3)),
]


def bench(repeats: int = 5) -> dict:
    for f in (limits.read_table, limits._curve_arrays, limits.constant_limits):
        f.cache_clear()
    t0 = time.perf_counter()
    explore(**CASES[0][1])
    cold = time.perf_counter() - t0
    out = {"cold_first_call_s": round(cold, 4), "budget_s": BUDGET_S, "cases": {}}
    worst = 0.0
    for label, kw in CASES:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            r = explore(**kw)
            times.append(time.perf_counter() - t0)
        worst = max(worst, max(times))
        out["cases"][label] = {"best_s": round(min(times), 4), "median_s": round(statistics.median(times), 4),
                               "worst_s": round(max(times), 4), "plane_points": None if r["plane"] is None
                               else int(r["plane"]["mX_GeV"].size)}
    out["worst_update_s"] = round(worst, 4)
    out["within_budget"] = worst <= BUDGET_S
    return out


if __name__ == "__main__":
    res = bench(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    print(json.dumps(res, indent=1))
    sys.exit(0 if res["within_budget"] else 1)

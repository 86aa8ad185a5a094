"""Benchmark of physics.plane: the full Fig. 3 plane (all channels + projections + lines, 500 m_X points).

Budget (issue for Sec. 3.3): <= 5 s.  Prints one JSON object with the cold first call (CSV files read), the best and
worst of N warm calls, the statements of Sec. 3.3 (`fig3_statements`), and the number of curves.
Usage: .venv/bin/python scripts/bench_plane.py [n_points] [repeats]
"""
import json
import sys
import time

from physics.pheno import limits
from physics.pheno import plane as P
from physics.paper import statements as S
from physics.model.charges import TAU_MODEL

BUDGET_S = 5.0


def bench(n: int = 500, repeats: int = 5) -> dict:
    for f in (limits.read_table, limits._curve_arrays, limits.constant_limits):
        f.cache_clear()
    t0 = time.perf_counter()
    p = P.summary_plane(TAU_MODEL, n=n)
    cold = time.perf_counter() - t0
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        p = P.summary_plane(TAU_MODEL, n=n)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    S.fig3_statements(p, best_fit=S.BEST_FIT_PRINTED | {"gX_1sigma": None, "printed": S.BEST_FIT_PRINTED,
                                                         "source": "printed"})
    t_stat = time.perf_counter() - t0
    n_curves = len(p["channels"]) + len(p["projections"]) + len(p["direct"]) + len(p["naturalness"])
    return {"summary_plane_cold_s": cold, "summary_plane_s": min(times), "summary_plane_s_max": max(times),
            "fig3_statements_s": t_stat, "n_points": n, "n_curves": n_curves, "repeats": repeats,
            "budget_s": BUDGET_S, "within_budget": max([cold, *times]) <= BUDGET_S}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    r = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(json.dumps(bench(n, r)))

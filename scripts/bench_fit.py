"""Benchmark of physics.fit (Sec. 3.2.5): the 2-D chi^2 grid of Fig. 2 (left) and the 1-D profile of Fig. 2 (right).

Budgets (task brief): 200 x 200 grid <= 2 s, 1-D profile (400 points + best fit) <= 0.5 s.
Prints one JSON object with best-of-N and worst-of-N wall times.
Usage: .venv/bin/python scripts/bench_fit.py [grid_n] [repeats]
"""
import json
import sys
import time

from physics.pheno import fit


def _time(fn, repeats):
    t = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        t.append(time.perf_counter() - t0)
    return min(t), max(t)


def bench(n: int = 200, repeats: int = 5) -> dict:
    t0 = time.perf_counter()
    fit.fit_summary()  # first call: reads the limit files and fills the caches
    cold = time.perf_counter() - t0
    g_best, g_worst = _time(lambda: fit.chi2_grid(n=(n, n)), repeats)
    z_best, _ = _time(lambda: fit.chi2_grid(n=(n, n), which="z_only"), repeats)
    p_best, p_worst = _time(lambda: fit.profile_1d(), repeats)
    s_best, s_worst = _time(lambda: fit.fit_summary(), repeats)
    return {"grid_n": n, "repeats": repeats, "cold_first_fit_summary_s": cold,
            "chi2_grid_combined_s": g_best, "chi2_grid_combined_s_max": g_worst, "chi2_grid_z_only_s": z_best,
            "profile_1d_s": p_best, "profile_1d_s_max": p_worst,
            "fit_summary_s": s_best, "fit_summary_s_max": s_worst,
            "budget_grid_s": 2.0, "budget_profile_s": 0.5,
            "within_budget": g_worst <= 2.0 and p_worst <= 0.5}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    r = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(json.dumps(bench(n, r)))

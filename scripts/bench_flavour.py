"""Benchmark of the flavour module: time to compute all Fig. 1 curves (both panels, 500 m_X points each).

Prints one JSON object: {"fig1_curves_s": best-of-N wall time, "n_points": ..., "n_curves": ..., "repeats": ...}.
Usage: .venv/bin/python scripts/bench_flavour.py [n_points] [repeats]
"""
import json
import sys
import time

from physics.pheno import limits


def bench(n: int = 500, repeats: int = 5) -> dict:
    limits.fig1_curves(n)  # warm the file caches once (first call reads the CSVs)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        curves = limits.fig1_curves(n)
        times.append(time.perf_counter() - t0)
    return {"fig1_curves_s": min(times), "fig1_curves_s_max": max(times), "n_points": n,
            "n_curves": sum(len(v) for v in curves.values()), "repeats": repeats}


def bench_cold(n: int = 500) -> float:
    """Time of the first call in a fresh cache (includes reading the CSV files)."""
    for f in (limits.read_table, limits._curve_arrays, limits.constant_limits):
        f.cache_clear()
    t0 = time.perf_counter()
    limits.fig1_curves(n)
    return time.perf_counter() - t0


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    r = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    out = {"cold_first_call_s": bench_cold(n)}
    out.update(bench(n, r))
    print(json.dumps(out))

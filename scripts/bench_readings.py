"""Benchmark of the readings map (issue 13): the full Sec. 3.2.5 scan (every reading of physics.pheno.readings.CHOICES)
and its comparison with the printed numbers (physics.paper.readings), and the Sec. 2.1 map (Eq. 2.9).

Budget (issue 13): the full Sec. 3.2.5 scan <= 10 s on 2 cores.  Each run is cold for the scan (the per-option
coefficients are recomputed: every |g_xi|, B(Z), B(B -> K*, pi, rho X) per unit coupling), so the time includes them.
Prints one JSON object.  Usage: .venv/bin/python scripts/bench_readings.py [repeats]
"""
import json
import sys
import time

from physics.paper import readings as PR
from physics.pheno import readings as R


def bench(repeats: int = 3) -> dict:
    t = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        res = R.scan()
        t.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    PR.sec325_map.cache_clear()
    PR.sec325_rows()
    t_map = time.perf_counter() - t0
    t0 = time.perf_counter()
    PR.sec21_map.cache_clear()
    PR.sec21_map()
    t21 = time.perf_counter() - t0
    return {"n_readings_3_2_5": len(res["readings"]), "scan_s_best": min(t), "scan_s_worst": max(t),
            "map_with_comparison_s": t_map, "budget_s": 10.0, "within_budget": max(t) <= 10.0 and t_map <= 10.0,
            "n_readings_2_1": len(PR.sec21_map()["choices"]), "map_2_1_s": t21}


if __name__ == "__main__":
    print(json.dumps(bench(int(sys.argv[1]) if len(sys.argv) > 1 else 3)))

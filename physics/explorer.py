"""Explore your own U(1)_X: a thin front-end over the layers.

The numbers come from `physics.pheno.explorer.explore`; the finite-naturalness bound uses the same reading of
Eq. (2.9) as the book's Tables 2-3 (`physics.paper.naturalness_readings`, mu fitted to the printed tables) so that a
model of the paper gets the bound the book shows for it; tables, figures and the live widget are in
`physics.viz.explorer`.
"""
from __future__ import annotations

from physics.paper.naturalness_readings import TABLE_READING, get_reading
from physics.pheno import explorer as _core
from physics.pheno.explorer import (BENCHMARK_POINT, BENCHMARKS, FAMILY_SUGGESTIONS, PLANE_GRID, pair_multiplets,  # noqa: F401
                                    singlet_solution, to_json, viable_region)
from physics.viz.explorer import (SUMMARY_HEADERS, benchmark_table, channel_rows, plotly_benchmarks,  # noqa: F401
                                  summary_rows, widget)


def explore(alphas, *args, naturalness_reading=None, **kwargs) -> dict:
    """`physics.pheno.explorer.explore` with the book's reading of Eq. (2.9) ("table_fit") unless one is given."""
    reading = get_reading(TABLE_READING if naturalness_reading is None else naturalness_reading)
    return _core.explore(alphas, *args, naturalness_reading=reading, **kwargs)


def explore_benchmark(name: str, mX=None, gX=None, plane_grid=None, naturalness_reading=None) -> dict:
    """`physics.pheno.explorer.explore_benchmark` with the book's reading of Eq. (2.9) unless one is given."""
    reading = get_reading(TABLE_READING if naturalness_reading is None else naturalness_reading)
    return _core.explore_benchmark(name, mX, gX, plane_grid, naturalness_reading=reading)


def suggestions(report, has_anomalons: bool, singlets_X=(), naturalness_reading=None) -> dict:
    """`physics.pheno.explorer.suggestions` with the book's reading of Eq. (2.9) unless one is given."""
    reading = get_reading(TABLE_READING if naturalness_reading is None else naturalness_reading)
    return _core.suggestions(report, has_anomalons, singlets_X, naturalness_reading=reading)

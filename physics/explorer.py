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

#: Re-exported from `physics.viz.explorer` on first use (PEP 562): computing with the explorer does not import the
#: presentation layer (interactive figures, widgets), so a page that only computes does not depend on it.
_VIZ = ("SUMMARY_HEADERS", "benchmark_table", "channel_rows", "interactive_benchmarks", "summary_rows", "widget")


def __getattr__(name: str):
    if name in _VIZ:
        from physics.viz import explorer as _viz

        value = getattr(_viz, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_VIZ))


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

"""Shared pytest configuration.

Hypothesis: no per-example deadline. The property tests check exact algebra, not speed, and the 2-core CI
machine runs the book build and nbval next to them; timing is measured by scripts/benchmark.py instead.

Order: the modules holding a test marked ``slow`` run first (otherwise in the usual order, and each module's tests
in their own order).  Under pytest-xdist (`-n 2 --dist loadfile`, one module per worker at a time, handed out in
this order) the long modules then start at once and the short ones fill in around them, instead of one long module
starting last and running alone at the end.  Serial runs only change order; every test is independent of it.
"""
from hypothesis import settings

settings.register_profile("book", deadline=None)
settings.load_profile("book")


def pytest_collection_modifyitems(session, config, items):
    slow_modules = {item.module.__name__ for item in items
                    if getattr(item, "module", None) is not None and item.get_closest_marker("slow")}
    items.sort(key=lambda item: getattr(getattr(item, "module", None), "__name__", "") not in slow_modules)

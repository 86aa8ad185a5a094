"""Shared pytest configuration.

Hypothesis: no per-example deadline. The property tests check exact algebra, not speed, and the 2-core CI
machine runs the book build and nbval next to them; timing is measured by scripts/benchmark.py instead.
"""
from hypothesis import settings

settings.register_profile("book", deadline=None)
settings.load_profile("book")

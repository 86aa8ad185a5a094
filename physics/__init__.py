"""`physics`: the tested helper package of the executable companion of arXiv:2603.04394.

Units: natural units, energies and masses in GeV throughout (lifetimes in seconds where stated).
Charges and anomaly coefficients are exact `fractions.Fraction`s.
Each module follows one concept of the paper; docstrings cite the equation they implement.
"""
__version__ = "0.1.0"

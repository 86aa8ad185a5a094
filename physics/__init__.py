"""`physics`: the tested helper package of the executable companion of arXiv:2603.04394.

Units: natural units, energies and masses in GeV throughout (lifetimes in seconds where stated).
Charges and anomaly coefficients are exact `fractions.Fraction`s.
Each module follows one concept of the paper; docstrings cite the equation they implement.

Layers (each imports only those above it; tests/test_layers.py fences this):

1. `physics.inputs`  PDG and experimental inputs, each with its source (plus `physics.resources`: package data);
2. `physics.model`   BSM algebra: charges, anomalies, criteria, classification, operators, naturalness, UV content;
3. `physics.pheno`   EFT couplings, form factors, rates, limits, the Belle II fit, the plane, the explorer;
4. `physics.paper`   the only code that knows the paper's printed numbers: ledger, tables, statements;
5. `physics.viz`     figures, interactive web figures, widgets, downloads.

`physics.cli` and `physics.explorer` are thin front-ends over the layers.
"""
__version__ = "0.1.0"

"""BSM algebra of the paper (layer 2 of 5): charges, anomalies, criteria, classification, operators, naturalness,
unitarity, spectra and the UV field content.  Imports only `physics.inputs` (measured constants, or as arguments);
never `physics.pheno`, `physics.paper` or `physics.viz` (tests/test_layers.py)."""

"""Phenomenology (layer 3 of 5): the Wess-Zumino EFT, form factors, rates, limits, the Belle II fit, the (m_X, g_X)
plane and the explorer's computations.  Imports `physics.inputs` and `physics.model`; never `physics.paper` or
`physics.viz` (tests/test_layers.py)."""

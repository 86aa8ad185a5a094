"""The paper's printed numbers (layer 4 of 5): the only code that reads `paper_values.yaml` or knows a printed value
(`printed`), the ledger (`reproduce`, `ledger`), the regenerated tables, the readings fitted to printed numbers and
the checks of the text's statements.  May import every layer above it; nothing above imports it."""

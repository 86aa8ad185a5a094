#!/usr/bin/env python3
"""Re-execute chapters into their paired .ipynb (`make notebooks`): kept for old habits, see scripts/execute.py.

    python scripts/sync_notebooks.py [notebooks/NAME.md ...]   ==   python scripts/execute.py --force [...]

scripts/execute.py reads each chapter .md with jupytext (the .md is the source and is never rewritten), executes it
top to bottom with nbclient in notebooks/, writes the paired .ipynb without volatile metadata (content-derived cell
ids, no timestamps, execution counts 1..n) and records in notebooks/.exec_manifest.json which repository files the
chapter used, so that later builds re-execute it only when one of them changes.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import execute  # noqa: E402

if __name__ == "__main__":
    sys.exit(execute.main(["--force", *sys.argv[1:]]))

"""Where the package's data files are: `physics/data/`, shipped inside the package and read with importlib.resources.

The repository also shows the folder as `data/` at its root (a symbolic link to `physics/data`), so a reader finds the
inputs where the book's layout says they are; an installed wheel carries the same files as package data.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Path of a file or folder under the package's data folder, e.g. ``data_path("limits", "projections.csv")``."""
    base = resources.files("physics") / "data"
    path = Path(str(base.joinpath(*parts)))
    if not path.exists():
        raise FileNotFoundError(f"package data {'/'.join(parts) or '.'} not found under {base}; "
                                "the installation of `physics` is incomplete")
    return path

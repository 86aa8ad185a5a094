"""The reproduction ledger: the paper's printed numbers (data/paper_values.yaml) against what `physics` computes.

Each entry of the YAML file holds the printed value only.  The computed value comes from a function
registered in `physics.reproduce` under the entry's id; the status follows from comparing the two:

* reproduced      |computed - printed| <= precision (half a unit of the last printed digit), or exact equality
* approximate     within the entry's stated `tolerance` (with its `reason`), but not within the precision
* not reproduced  outside both (the gap is reported)
* pending         no function computes it yet (a later chapter will)
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import yaml

STATUSES = ("reproduced", "approximate", "not reproduced", "pending")


def data_dir() -> Path:
    """The repository's data/ folder (inputs with provenance); it sits next to the package."""
    path = Path(__file__).resolve().parents[1] / "data"
    if not path.is_dir():
        raise FileNotFoundError(f"data folder not found at {path}: run from a checkout of the repository")
    return path


def load_paper_values() -> list[dict]:
    """The printed values, as transcribed in data/paper_values.yaml (a list of dicts)."""
    with open(data_dir() / "paper_values.yaml", encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)
    ids = [e["id"] for e in entries]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"duplicate ledger ids: {sorted(dup)}")
    return entries


def format_exact(value) -> str:
    """Canonical string of an exact computed value (Fraction, int, bool, str)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (Fraction, int)):
        return str(Fraction(value))
    return str(value)


@dataclass
class LedgerRow:
    id: str
    where: str
    quantity: str
    paper: str
    computed: object
    status: str
    expected_status: str
    note: str
    units: str

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "where": self.where,
            "paper": self.paper,
            "computed": self.computed_text,
            "status": self.status,
            "note": self.note,
        }

    @property
    def computed_text(self) -> str | None:
        c = self.computed
        if c is None:
            return None
        if isinstance(c, float):
            return f"{c:.4g}"
        return format_exact(c)


def classify(entry: dict, computed) -> tuple[str, str]:
    """Status and a note on the gap for one entry and its computed value."""
    if computed is None:
        return "pending", ""
    value = entry["value"]
    if entry.get("precision", 0) == 0 and entry.get("compare") != "upper_bound" and isinstance(value, str):
        ok = format_exact(computed) == value
        return ("reproduced", "") if ok else ("not reproduced", f"computed {format_exact(computed)}")
    try:
        c = float(computed)
    except (TypeError, ValueError):  # the book cannot compute a number here (e.g. a missing input): say why
        return "not reproduced", f"computed: {computed}"
    p = float(value)
    if not math.isfinite(c):
        return "not reproduced", f"computed {c}"
    if entry.get("compare") == "upper_bound":
        return ("reproduced", "") if c < p else ("not reproduced", f"computed {c:.4g} is not below {p:g}")
    gap = c - p
    prec = float(entry.get("precision", 0))
    if abs(gap) <= prec * (1 + 1e-9) + 1e-300:
        return "reproduced", ""
    tol = entry.get("tolerance")
    rel = abs(gap) / abs(p) if p else math.inf
    gap_note = f"gap {gap:+.3g} {entry.get('units', '')} ({100 * rel:.1f}%)".replace("  ", " ")
    if tol is not None and abs(gap) <= float(tol):
        return "approximate", gap_note
    return "not reproduced", gap_note


def ledger(compute: bool = True) -> list[LedgerRow]:
    """Every ledger entry with its computed value and status (computed now, from `physics.reproduce`)."""
    from .reproduce import REGISTRY, compute_all

    values = compute_all() if compute else {}
    rows = []
    for e in load_paper_values():
        computed = values.get(e["id"]) if e["id"] in REGISTRY else None
        status, gap = classify(e, computed)
        note = "; ".join(x for x in (e.get("note", ""), gap, REGISTRY.get(e["id"], (None, ""))[1]) if x)
        rows.append(
            LedgerRow(e["id"], e["where"], e.get("quantity", ""), str(e["paper"]), computed, status,
                      e.get("status", "pending"), note, e.get("units", ""))
        )
    return rows


def status_counts(rows=None) -> dict:
    rows = ledger() if rows is None else rows
    return {s: sum(r.status == s for r in rows) for s in STATUSES}

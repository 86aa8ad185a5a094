"""The reproduction ledger: the paper's printed numbers (paper_values.yaml) against what `physics` computes.

Every row also says where the computation's inputs came from (`provenance`, `uses`, `reading`; see
`physics.paper.reproduce`), so "reproduced" is always read together with "from what".

Each entry of the YAML file holds the printed value only.  The computed value comes from a function
registered in `physics.paper.reproduce` under the entry's id; the status follows from comparing the two:

* reproduced      |computed - printed| <= precision (half a unit of the last printed digit), or exact equality
* approximate     within the entry's stated `tolerance` (with its `reason`), but not within the precision
* not reproduced  outside both (the gap is reported)
* pending         no function computes it yet (a later chapter will)
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

STATUSES = ("reproduced", "approximate", "not reproduced", "pending")


def load_paper_values() -> list[dict]:
    """The printed values, as transcribed in paper_values.yaml (a list of dicts); read by `physics.paper.printed`."""
    from physics.paper.printed import load_paper_values as _load

    return _load()


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
    provenance: str = "independent"
    uses: tuple = ()
    reading: str = ""
    expected_provenance: str = ""
    alternatives: tuple = ()
    chosen_reading: bool = False

    @property
    def status_text(self) -> str:
        """The status as shown to readers: 'reproduced' says when it holds only under a reading chosen to match."""
        return self.status + (" (under a reading chosen to match)" if self.chosen_reading and self.status == "reproduced" else "")

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "where": self.where,
            "paper": self.paper,
            "computed": self.computed_text,
            "status": self.status,
            "note": self.note,
            "provenance": self.provenance,
            "uses": list(self.uses),
            "reading": self.reading,
            "alternatives": [dict(a) for a in self.alternatives],
            "chosen_reading": self.chosen_reading,
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


def _text(c) -> str | None:
    if c is None:
        return None
    return f"{c:.4g}" if isinstance(c, float) else format_exact(c)


def ledger(compute: bool = True, prefix: str | None = None) -> list[LedgerRow]:
    """Every ledger entry with its computed value, status and provenance (computed now, `physics.paper.reproduce`).

    prefix: only the entries whose id starts with it (e.g. "sec3-2-5"); only what they need is computed, and each
    row is the same as in the full ledger."""
    from physics.paper.reproduce import REGISTRY, compute_all, compute_alternatives

    entries = [e for e in load_paper_values() if prefix is None or e["id"].startswith(prefix)]
    ids = None if prefix is None else [e["id"] for e in entries]
    values = compute_all(ids) if compute else {}
    alts = compute_alternatives(ids) if compute else {}
    rows = []
    for e in entries:
        reg = REGISTRY.get(e["id"])
        computed = values.get(e["id"]) if reg is not None else None
        status, gap = classify(e, computed)
        note = "; ".join(x for x in (e.get("note", ""), gap, reg.how if reg else "") if x)
        alternatives = tuple({"label": label, "computed": _text(v), "status": classify(e, v)[0], "provenance": prov}
                             for label, v, prov in alts.get(e["id"], ()))
        rows.append(
            LedgerRow(e["id"], e["where"], e.get("quantity", ""), str(e["paper"]), computed, status,
                      e.get("status", "pending"), note, e.get("units", ""),
                      provenance=reg.provenance if reg else "unavailable", uses=tuple(reg.uses) if reg else (),
                      reading=reg.reading if reg else "", expected_provenance=e.get("provenance", ""),
                      alternatives=alternatives, chosen_reading=bool(reg and reg.chosen))
        )
    return rows


def status_counts(rows=None) -> dict:
    rows = ledger() if rows is None else rows
    return {s: sum(r.status == s for r in rows) for s in STATUSES}


def provenance_counts(rows=None) -> dict:
    """{status: {provenance: count}} -- e.g. how many 'reproduced' entries are independent, fitted or from printed inputs."""
    from physics.paper.reproduce import PROVENANCES

    rows = ledger() if rows is None else rows
    return {s: {p: sum(r.status == s and r.provenance == p for r in rows) for p in PROVENANCES if
                any(r.status == s and r.provenance == p for r in rows)} for s in STATUSES}


def headline(rows=None) -> str:
    """One sentence of counts split by provenance, e.g. for the landing page and the CLI."""
    rows = ledger() if rows is None else rows
    rep = [r for r in rows if r.status == "reproduced"]
    ind = sum(r.provenance == "independent" for r in rep)
    fit = sum(r.provenance == "fitted" for r in rep)
    pri = sum(r.provenance in ("printed-input", "input") for r in rep)
    cho = sum(r.chosen_reading for r in rep)
    c = status_counts(rows)
    return (f"{len(rows)} printed numbers: {c['reproduced']} reproduced ({ind} independently, {fit} with mu fitted to the "
            f"11 printed naturalness bounds, {pri} from printed inputs; {cho} of them only under a reading chosen to "
            f"match), {c['approximate']} approximate, {c['not reproduced']} not reproduced, {c['pending']} pending")

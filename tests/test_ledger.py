"""The reproduction ledger (physics/data/paper_values.yaml): every printed number keeps the status and the provenance
that the ledger file records, and every claim of provenance names what it uses."""
from fractions import Fraction

import pytest

from physics.paper.ledger import STATUSES, classify, headline, ledger, load_paper_values
from physics.paper.reproduce import ALTERNATIVES, PROVENANCES, REGISTRY

ENTRIES = load_paper_values()


def test_entries_are_complete():
    """Every entry says where it is printed, the printed value, its precision, units, a valid status and provenance."""
    for e in ENTRIES:
        for key in ("id", "where", "paper", "value", "precision", "units", "status", "provenance"):
            assert key in e, (e.get("id"), key)
        assert e["status"] in STATUSES, e["id"]
        assert e["provenance"] in PROVENANCES, e["id"]
        if e["status"] in ("approximate", "not reproduced"):
            assert e.get("note") or e.get("reason"), f"{e['id']}: a non-reproduced entry needs a note"
        if "tolerance" in e:
            assert e.get("reason"), f"{e['id']}: a tolerance needs a written reason"


def test_every_entry_is_registered_once_with_its_inputs():
    """Each ledger id has one computation; a non-independent one lists what it uses; alternatives name real ids."""
    ids = {e["id"] for e in ENTRIES}
    assert set(REGISTRY) == ids
    for i, reg in REGISTRY.items():
        if reg.provenance in ("printed-input", "fitted", "input"):
            assert reg.uses, i
        if reg.chosen:
            assert reg.reading, f"{i}: a reading chosen to match must be named"
    assert set(ALTERNATIVES) <= ids


@pytest.fixture(scope="module")
def rows():
    return ledger()


def test_status_does_not_drift(rows):
    """Recompute every entry; status and provenance must equal those written in the ledger file."""
    drift = [(r.id, r.expected_status, r.status, r.computed_text, r.note) for r in rows if r.status != r.expected_status]
    assert not drift, "ledger status drift:\n" + "\n".join(map(str, drift))
    prov = [(r.id, r.expected_provenance, r.provenance) for r in rows if r.provenance != r.expected_provenance]
    assert not prov, "ledger provenance drift:\n" + "\n".join(map(str, prov))


def test_status_recomputed_without_the_ledger_module(rows):
    """An independent re-implementation of the status rule (half a unit of the last printed digit, exact strings)
    agrees with the ledger for every numeric entry: the rule itself cannot silently change."""
    by_id = {e["id"]: e for e in ENTRIES}
    for r in rows:
        e = by_id[r.id]
        c = r.computed
        if c is None or isinstance(c, str) or e.get("compare") or isinstance(e["value"], str):
            continue
        ok = abs(float(c) - float(e["value"])) <= float(e["precision"]) * (1 + 1e-9)
        assert (r.status == "reproduced") == ok, r.id


def test_headline_splits_by_provenance(rows):
    """The headline counts add up: reproduced = independent + fitted + printed inputs."""
    text = headline(rows)
    rep = [r for r in rows if r.status == "reproduced"]
    assert f"{len(rep)} reproduced" in text
    assert f"{sum(r.provenance == 'independent' for r in rep)} independently" in text
    assert f"{sum(r.provenance == 'fitted' for r in rep)} with mu fitted" in text


def test_classify_statuses():
    """The status rules: precision -> reproduced, tolerance -> approximate, else not reproduced; exact entries."""
    e = {"value": 7.3, "precision": 0.05, "units": "TeV"}
    assert classify(e, 7.34)[0] == "reproduced"
    assert classify(e, 7.36)[0] == "not reproduced"
    assert classify(dict(e, tolerance=0.2), 7.45)[0] == "approximate"
    assert classify(e, None)[0] == "pending"
    x = {"value": "1/6", "precision": 0}
    assert classify(x, Fraction(1, 6))[0] == "reproduced"
    assert classify(x, Fraction(1, 5))[0] == "not reproduced"
    ub = {"value": 0.1, "precision": 0, "compare": "upper_bound"}
    assert classify(ub, 0.04)[0] == "reproduced" and classify(ub, 0.2)[0] == "not reproduced"

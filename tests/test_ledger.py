"""The reproduction ledger (data/paper_values.yaml): every printed number keeps the status the book records."""
import inspect

import pytest

import physics.reproduce
from physics.ledger import STATUSES, classify, ledger, load_paper_values

ENTRIES = load_paper_values()


def test_entries_are_complete():
    """Every entry says where it is printed, the printed value, its precision, units and a valid status."""
    for e in ENTRIES:
        for key in ("id", "where", "paper", "value", "precision", "units", "status"):
            assert key in e, (e.get("id"), key)
        assert e["status"] in STATUSES, e["id"]
        if e["status"] in ("approximate", "not reproduced"):
            assert e.get("note") or e.get("reason"), f"{e['id']}: a non-reproduced entry needs a note"
        if "tolerance" in e:
            assert e.get("reason"), f"{e['id']}: a tolerance needs a written reason"


@pytest.fixture(scope="module")
def rows():
    return ledger()


def test_status_does_not_drift(rows):
    """Recompute every entry; the status must equal the one recorded in data/paper_values.yaml."""
    drift = [(r.id, r.expected_status, r.status, r.computed_text, r.note) for r in rows if r.status != r.expected_status]
    assert not drift, "ledger status drift:\n" + "\n".join(map(str, drift))


def test_computations_never_read_the_printed_values():
    """No ledger computation may compare a number with itself: physics.reproduce never loads the YAML."""
    src = inspect.getsource(physics.reproduce)
    assert "load_paper_values" not in src and "yaml" not in src.replace("paper_values.yaml", "")
    assert "open(" not in src


def test_classify_statuses():
    """The status rules: precision -> reproduced, tolerance -> approximate, else not reproduced; exact entries."""
    e = {"value": 7.3, "precision": 0.05, "units": "TeV"}
    assert classify(e, 7.34)[0] == "reproduced"
    assert classify(e, 7.36)[0] == "not reproduced"
    assert classify(dict(e, tolerance=0.2), 7.45)[0] == "approximate"
    assert classify(e, None)[0] == "pending"
    x = {"value": "1/6", "precision": 0}
    from fractions import Fraction
    assert classify(x, Fraction(1, 6))[0] == "reproduced"
    assert classify(x, Fraction(1, 5))[0] == "not reproduced"
    ub = {"value": 0.1, "precision": 0, "compare": "upper_bound"}
    assert classify(ub, 0.04)[0] == "reproduced" and classify(ub, 0.2)[0] == "not reproduced"

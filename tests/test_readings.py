"""The readings map (issue 13): the vectorised scan of every reading of Sec. 3.2.5 and Sec. 2.1."""
import json
import subprocess
import sys
import time

import numpy as np
import pytest

from physics.paper import readings as PR
from physics.pheno import fit
from physics.pheno import readings as R


@pytest.fixture(scope="module")
def res():
    return R.scan()


def test_product_size(res):
    """The scan covers the full product of the choices."""
    assert len(res["readings"]) == R.n_readings() == 27648
    assert len({R.name(r) for r in res["readings"]}) == len(res["readings"])


@pytest.mark.parametrize("variant", list(fit.VARIANTS))
def test_variants_are_special_cases(res, variant):
    """Every one-at-a-time variant of fit.VARIANTS is a reading, with the same numbers (rel 1e-6)."""
    i = res["readings"].index(R.from_variant(variant))
    s = fit.fit_summary(option=variant)
    s0 = fit.fit_summary(option=variant, include_z=False)
    for key in ("gX_best", "BR_Z_gammaX", "BR_B+_K*+X", "BR_B+_K+X", "significance_sigma"):
        assert res[key][i] == pytest.approx(s[key], rel=1e-6), key
    assert res["delta_chi2_plane"][i] == pytest.approx(s["delta_chi2_plane"], abs=1e-6)
    assert res["significance_sigma_noZ"][i] == pytest.approx(s0["significance_sigma"], rel=1e-6)


@pytest.mark.parametrize("k", [0, 1234, 9999, 27647])
def test_row_equals_fit_reading(res, k):
    """A scan row equals fit_summary under options(reading) and the rates of physics.pheno.rates."""
    from physics.model.charges import TAU_MODEL
    from physics.pheno import form_factors as FF
    from physics.pheno import rates

    r = res["readings"][k]
    o = R.options(r)
    s = fit.fit_summary(option=o)
    assert res["gX_best"][k] == pytest.approx(s["gX_best"], rel=1e-6)
    assert res["BR_B+_K*+X"][k] == pytest.approx(s["BR_B+_K*+X"], rel=1e-6)
    br = rates.branching_ratio("B+->K*+X", 2.1, gX=s["gX_best"], alphas=TAU_MODEL, g_scheme=o.g_scheme,
                               mt_scheme=o.mt_scheme, ff_fit=FF.reference_fit("B->K* A0", o.ff_bs))["BR"]
    assert res["BR_B+_K*+X"][k] == pytest.approx(float(br), rel=1e-6)
    brz = rates.branching_ratio("Z->gammaX", 2.1, gX=s["gX_best"], alphas=TAU_MODEL, g_scheme=o.g_scheme)["BR"]
    assert res["BR_Z_gammaX"][k] == pytest.approx(float(brz), rel=1e-6)


def test_parse_name_roundtrip(res):
    for r in res["readings"][::997]:
        assert R.parse(R.name(r)) == r
    assert R.parse("default") == R.DEFAULT
    with pytest.raises(ValueError):
        R.parse("alpha=alpha7")
    with pytest.raises(ValueError):
        R.parse("nonsense")


def test_default_reading_is_consistent_with_the_text():
    """The book's default contradicts no statement of the paper it checks, and reproduces B(B+ -> K*+ X)."""
    d = PR.default_row()
    assert d["contradicts"] == []
    assert d["matches"] == ["sec3-2-5-BRKstar"]
    assert d["g"] == pytest.approx(0.6517, abs=1e-4)


def test_map_findings():
    """What the map shows (stated in the chapter): at most 3 printed numbers jointly (g_X, B(Z), B(K*)), only by
    readings whose g does not round to 0.65; 4.3 sigma and 'outside 1 sigma' by none."""
    b = PR.sec325_best_joint()
    assert b["max_matches"] == 3 and b["max_matches_consistent"] == 1
    top = PR.sec325_rows(top=1)[0]
    assert set(top["matches"]) == {"sec3-2-5-gX", "sec3-2-5-BRZ", "sec3-2-5-BRKstar"}
    assert top["contradicts"] == ["Eq. (2.11): g = 0.65"]
    spread = {s["id"]: s for s in PR.sec325_spread()}
    assert spread["sec3-2-5-sigma"]["n_reproduce"] == 0
    assert spread["sec3-2-5-outside-1sigma"]["n_reproduce"] == 0
    assert spread["sec3-2-5-gX"]["n_reproduce_consistent"] == 0


def test_ledger_matching_reading_is_the_top_of_the_map():
    from physics.paper.reproduce import SEC325_MATCHING_READING

    assert R.name(PR.sec325_rows(top=1)[0]["reading"]) == SEC325_MATCHING_READING


def test_sec21_vectorised_equals_scalar():
    """The vectorised Sec. 2.1 bounds equal physics.model.naturalness.naturalness_bound_TeV (rel 1e-9)."""
    from physics.model import naturalness as nat

    m = PR.sec21_map()
    t2, t3 = PR._sec21_spectra()
    spectra = t2[:5] + t3[:6]
    for i in (0, 37, 100, 191):
        rd = PR.sec21_reading(m["choices"][i])
        for j in (0, 5, 10):
            # Delta(M) of Eq. (2.8) equals 100 at the bound, for every counting
            assert float(nat.fine_tuning(spectra[j], m["bounds"][i, j] * 1e3, rd)) == pytest.approx(100.0, rel=1e-8)
            if rd.counting == "multiplet":  # naturalness_bound_TeV expands DL pairs twice for 'weyl' (reported)
                assert m["bounds"][i, j] == pytest.approx(nat.naturalness_bound_TeV(spectra[j], reading=rd), rel=1e-9)
    d = PR.sec21_default_row()
    assert d["contradicts"] == [] and len(d["matches"]) == 10


def test_scan_within_budget():
    """Issue 13 benchmark: the full Sec. 3.2.5 scan <= 10 s (here typically < 1 s)."""
    t0 = time.perf_counter()
    R.scan()
    assert time.perf_counter() - t0 < 10.0


@pytest.mark.slow
def test_cli_readings_and_fit_reading(capsys):
    """`python -m physics readings` end to end (a fresh interpreter), then `fit --reading`, Sec. 2.1 and a bad section
    through the same CLI function in this process (physics.cli.main, as tests/test_cli.py does)."""
    from physics.cli import main

    out = subprocess.run([sys.executable, "-m", "physics", "readings", "--section", "3.2.5", "--top", "3", "--json"],
                         capture_output=True, text=True, check=True)
    rows = json.loads(out.stdout)
    assert len(rows) == 3
    for key in ("reading", "gX_best", "BR_Z_gammaX", "BR_Z_gammaX_at_printed_gX", "significance_sigma", "BR_B+_K*+X",
                "matches", "contradicts"):
        assert key in rows[0]
    name = R.name(rows[0]["reading"])
    capsys.readouterr()
    assert main(["fit", "--reading", name, "--json"]) == 0
    f = json.loads(capsys.readouterr().out)
    assert f["gX_best"] == pytest.approx(rows[0]["gX_best"], rel=1e-6)
    assert main(["readings", "--section", "2.1", "--top", "2", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["readings", "--section", "9"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err

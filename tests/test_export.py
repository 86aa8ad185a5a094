"""Tests of physics.viz.export: the downloadable CSV files of Figs. 1-3 (arXiv:2603.04394) and of the explorer benchmarks.

Every CSV must parse, carry the full header, and equal the plotted data when the curve is regenerated from physics.
Tolerance: relative 5e-9 (the files store 9 significant digits, physics.viz.export.FMT), NaN where the curve has no data.
"""
from pathlib import Path

import numpy as np
import pytest

from physics import __version__

from physics.viz import export

from physics.pheno import fit, limits, plane
from physics.model.charges import TAU_MODEL
from physics.pheno.explorer import BENCHMARKS, explore_benchmark

DOWNLOADS = Path(__file__).resolve().parents[1] / "notebooks" / "downloads"
RTOL = 5e-9


def same(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    assert a.shape == b.shape
    assert np.array_equal(np.isnan(a), np.isnan(b))
    ok = ~np.isnan(a)
    np.testing.assert_allclose(a[ok], b[ok], rtol=RTOL, atol=0)


def regenerate() -> dict:
    """filename -> {column: regenerated array}, straight from the functions the chapters plot."""
    out = {}
    c = limits.fig1_curves(500)
    for panel, name in (("left", "fig1_left_kpi.csv"), ("right", "fig1_right_klpi0.csv")):
        out[name] = {"mX_GeV": c[panel][0]["mX"], **{f"gA_max_{k + 1}": cv["gA_max"] for k, cv in enumerate(c[panel])},
                     **{f"gA_max_{k + 1}_{e}": cv[f"gA_max_{e}"] for k, cv in enumerate(c[panel]) for e in ("lo", "hi")}}
    p = plane.summary_plane(TAU_MODEL, 0.01, 10.0, 500)
    out["fig3_upper.csv"] = {"mX_GeV": p["mX_GeV"], **{"gX_max_" + k.replace(" ", "_"): v["gX_max"]
                                                         for k, v in p["channels"].items()},
                             **{"gX_max_" + k.replace(" ", "_") + f"_{e}": v[f"gX_max_{e}"]
                                for k, v in p["channels"].items() for e in ("lo", "hi")},
                             "gX_naturalness_Delta=100": plane.naturalness_line(p["mX_GeV"], 100),
                             "gX_direct_y=1": plane.direct_search_line(p["mX_GeV"], 1.0)}
    out["fig3_lower.csv"] = {"gX_proj_FCC-ee": p["projections"]["FCC-ee"]["gX_max"],
                             "gX_proj_FCC-ee_lo": p["projections"]["FCC-ee"]["gX_max_lo"]}
    for name in BENCHMARKS:
        r = explore_benchmark(name)
        stem = "explorer_" + name.replace("-", "_minus_")
        out[f"{stem}_upper.csv"] = {"mX_GeV": r["plane"]["mX_GeV"],
                                    **{"gX_max_" + k.replace(" ", "_"): v["gX_max"]
                                       for k, v in r["plane"]["channels"].items()}}
    return out


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    d = tmp_path_factory.mktemp("downloads")
    bench = {n: explore_benchmark(n) for n in BENCHMARKS}
    tables = (export.fig1_tables() + export.fig2_tables(fit.fig2_data(n=60, n_profile=100))
              + export.fig3_tables() + export.benchmark_tables(bench))
    return d, [export.write_csv(t, d) for t in tables]


def check_folder(paths, expected):
    seen = set()
    for path in paths:
        meta, cols = export.read_csv(path)
        assert meta["book version"].startswith(f"physics {__version__}")
        assert "CC BY 4.0" in meta["paper"] and meta["source data"] and meta["units"]
        for col, arr in expected.get(path.name, {}).items():
            same(cols[col], arr)
            seen.add((path.name, col))
    return seen


def test_written_csv_match_regenerated_curves(written):
    """Figs. 1, 3 and the benchmarks: every regenerated column equals the CSV (rel. 5e-9, NaN where no coverage)."""
    d, paths = written
    exp = regenerate()
    seen = check_folder(paths, exp)
    assert seen == {(f, c) for f, cols in exp.items() for c in cols if f in {p.name for p in paths}}
    assert {"fig1_left_kpi.csv", "fig3_upper.csv", "explorer_L_tau_upper.csv"} <= {p.name for p in paths}


def test_fig2_csv_match(written):
    """Fig. 2 right: the profile chi^2_SM - chi^2 (physics.pheno.fit.profile_1d) equals the CSV; the left contours lie on
    Delta chi^2 = level of the grid (the contour is drawn at that level: checked against a regenerated contour)."""
    d, _ = written
    dd = fit.fig2_data(n=60, n_profile=100)
    meta, cols = export.read_csv(d / "fig2_right_profile.csv")
    same(cols["gX"], dd["gX"])
    same(cols["improvement_with_Z"], fit.profile_1d(dd["gX"], "tau", 2.1, True)["improvement"])
    same(cols["improvement_B_only"], fit.profile_1d(dd["gX"], "tau", 2.1, False)["improvement"])
    meta, cols = export.read_csv(d / "fig2_left_contours.csv")
    segs = export.contour_segments(dd["combined"], dd["levels_2d"])
    mine = np.array([r == "combined" for r in cols["region"]])
    same(cols["gA_WW"][mine], np.concatenate([s[:, 0] for _, s in segs]))
    same(cols["gA_YY"][mine], np.concatenate([s[:, 1] for _, s in segs]))


def test_band_columns_round_trip(written):
    """The 68% form-factor band columns (*_lo, *_hi) read back equal to the plotted bands (rel. 5e-9), contain the
    limit, are empty where the fit has no covariance (CLEO, D -> pi) and the '# band:' header names the fits."""
    d, _ = written
    meta, cols = export.read_csv(d / "fig3_upper.csv")
    p = plane.summary_plane(TAU_MODEL, 0.01, 10.0, 500)
    for k, c in p["channels"].items():
        col = "gX_max_" + k.replace(" ", "_")
        same(cols[f"{col}_lo"], c["gX_max_lo"])
        same(cols[f"{col}_hi"], c["gX_max_hi"])
        ok = ~np.isnan(cols[f"{col}_lo"])
        assert np.all(cols[f"{col}_lo"][ok] <= cols[col][ok]) and np.all(cols[col][ok] <= cols[f"{col}_hi"][ok])
    assert np.all(np.isnan(cols["gX_max_CLEO_lo"])) and np.isfinite(cols["gX_max_CLEO"]).any()
    band = meta["band"]
    assert "68% band" in band and "other inputs fixed" in band and "form-factor covariance" in band
    for fit in ("GRvDV2023", "GKvD2018", "FLAG 2021", "ETM2017", "no form factor"):
        assert fit in band, fit
    for name in ("fig1_left_kpi.csv", "fig1_right_klpi0.csv"):
        meta, cols = export.read_csv(d / name)
        assert "68% band" in meta["band"] and "FLAG 2021" in meta["band"] and "other inputs fixed" in meta["band"]
        k = 1
        while f"gA_max_{k}" in cols:
            ok = ~np.isnan(cols[f"gA_max_{k}"])
            assert np.all(cols[f"gA_max_{k}_lo"][ok] < cols[f"gA_max_{k}"][ok])
            assert np.all(cols[f"gA_max_{k}"][ok] < cols[f"gA_max_{k}_hi"][ok])
            k += 1
        assert k > 2


def test_header_and_errors(tmp_path):
    """write_csv refuses ragged columns and bad names; read_csv refuses a file without the header keys."""
    t = export.Table("x.csv", "w", "f", "u", "m", "i", "s", {"a": [1.0, 2.0], "b": [1.0]})
    with pytest.raises(ValueError, match="different lengths"):
        export.write_csv(t, tmp_path)
    t.columns = {"a": [1.0, float("nan")]}
    t.filename = "../x.csv"
    with pytest.raises(ValueError, match="plain name"):
        export.write_csv(t, tmp_path)
    t.filename = "x.csv"
    meta, cols = export.read_csv(export.write_csv(t, tmp_path))
    assert np.isnan(cols["a"][1]) and meta["what"] == "w"
    (tmp_path / "y.csv").write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="header lacks"):
        export.read_csv(tmp_path / "y.csv")


def test_built_html_downloads_match():
    """The files behind the website's download links (written by the build): each CSV parses and equals the
    regenerated curves; each figure exists as PDF and PNG. Runs in the built-site stage of `make test`."""
    assert DOWNLOADS.is_dir(), "notebooks/downloads missing: build the book first (make book)"
    paths = sorted(DOWNLOADS.glob("*.csv"))
    assert paths
    check_folder(paths, regenerate())
    dd = fit.fig2_data(n=300)  # the chapter's (sec-3-2-5) grid
    meta, cols = export.read_csv(DOWNLOADS / "fig2_right_profile.csv")
    same(cols["gX"], dd["gX"])
    same(cols["improvement_with_Z"], dd["improvement_z"])
    meta, cols = export.read_csv(DOWNLOADS / "fig2_left_contours.csv")
    segs = export.contour_segments(dd["combined"], dd["levels_2d"])
    mine = np.array([r == "combined" for r in cols["region"]])
    same(cols["gA_WW"][mine], np.concatenate([s[:, 0] for _, s in segs]))
    for stem in ("fig1", "fig2", "fig3_upper", "fig3_lower", "explorer_L_tau"):
        assert (DOWNLOADS / f"{stem}.pdf").stat().st_size > 0 and (DOWNLOADS / f"{stem}.png").stat().st_size > 0


def test_fig1_fig2_figures_are_the_chapters_figures(tmp_path):
    """Figs. 1 and 2 are drawn by physics.viz.export (the chapters call the same functions) and saved as PDF/PNG:
    two panels each, and the Fig. 1 lines carry the data of physics.pheno.limits.fig1_curves."""
    import matplotlib.pyplot as plt

    from physics.viz import export

    from physics.pheno import limits

    curves = limits.fig1_curves(100)
    fig = export.fig1_figure(curves)
    left = fig.axes[0].get_lines()
    assert len(fig.axes) == 2 and len(left) == len(curves["left"])
    np.testing.assert_allclose(left[0].get_ydata(), curves["left"][0]["gA_max"])
    paths = export.save_figure(fig, tmp_path, "fig1")
    plt.close(fig)
    fig = export.fig2_figure()
    assert len(fig.axes) >= 2
    paths += export.save_figure(fig, tmp_path, "fig2")
    plt.close(fig)
    assert all(p.is_file() and p.stat().st_size > 1000 for p in paths)


def test_unchanged_files_are_not_rewritten(tmp_path):
    """An unchanged download keeps its modification time (an incremental build re-reads no page for it); a changed
    one is rewritten; either way the file is opened for update (scripts/execute.py records who produces it)."""
    import os
    import sys

    path = tmp_path / "x.csv"
    export._write_if_changed(path, b"a,b\n1,2\n")
    os.utime(path, (1_000_000, 1_000_000))
    opened = []
    hook = lambda event, args: opened.append(args[1]) if event == "open" and str(args[0]) == str(path) else None  # noqa: E731
    sys.addaudithook(hook)
    export._write_if_changed(path, b"a,b\n1,2\n")
    assert path.stat().st_mtime == 1_000_000 and path.read_bytes() == b"a,b\n1,2\n"
    assert any(isinstance(m, str) and "+" in m for m in opened), opened
    export._write_if_changed(path, b"a\n1\n")
    assert path.read_bytes() == b"a\n1\n" and path.stat().st_mtime > 1_000_000

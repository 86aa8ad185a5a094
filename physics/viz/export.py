"""Reusable results: every curve of Figs. 1-3 of arXiv:2603.04394 and of the explorer's benchmark models as CSV files
with a self-describing header, and the figures as PDF/PNG.

Each CSV starts with '# key: value' lines (what, figure, units, model, inputs, source data, book version, paper,
licence) followed by one header row and the data; an empty field means "no coverage" (NaN).  The data are produced by
the same functions the chapters plot (`physics.pheno.limits.fig1_curves`, `physics.pheno.fit.fig2_data`,
`physics.pheno.plane.summary_plane`, `physics.pheno.explorer.explore`), so regenerating a curve and comparing it with its CSV is
a test (tests/test_export.py).  The book version is `physics.__version__` (no git metadata: the files are identical
whether or not the source is a git checkout).  Outputs are deterministic: fixed number format, PDF/PNG written without
creation dates.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from physics import __version__

PAPER = "arXiv:2603.04394 (L. Di Luzio, M. Nardecchia, S. Scacco, C. Toni), licensed CC BY 4.0"
BOOK = f"physics {__version__} (executable companion of arXiv:2603.04394)"
FMT = "{:.9g}"           # 9 significant digits: the CSV reproduces the plotted arrays to a relative 5e-9
HEADER_KEYS = ("what", "figure", "units", "model", "inputs", "source data", "book version", "paper")


@dataclass
class Table:
    """One CSV file: columns of equal length plus the header metadata."""

    filename: str
    what: str
    figure: str
    units: str
    model: str
    inputs: str
    source: str
    columns: dict = field(default_factory=dict)
    band: str = ""  # what the *_lo/*_hi columns are (theory band), written as a '# band:' header line when given

    def meta(self) -> dict:
        out = {"what": self.what, "figure": self.figure, "units": self.units, "model": self.model,
               "inputs": self.inputs, "source data": self.source}
        if self.band:
            out["band"] = self.band
        return out | {"book version": BOOK, "paper": PAPER}


def _cell(v) -> str:
    if isinstance(v, str):
        return v
    v = float(v)
    return "" if not math.isfinite(v) else FMT.format(v)


def write_csv(table: Table, outdir) -> Path:
    """Write `table` to outdir/table.filename (header lines, column names, rows); returns the path."""
    if not table.columns:
        raise ValueError(f"{table.filename}: no columns to write")
    lengths = {k: len(v) for k, v in table.columns.items()}
    if len(set(lengths.values())) != 1:
        raise ValueError(f"{table.filename}: columns of different lengths {lengths}")
    if not table.filename.endswith(".csv") or "/" in table.filename:
        raise ValueError(f"filename must be a plain name ending in .csv, got {table.filename!r}")
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / table.filename
    fh = io.StringIO(newline="")
    for k, v in table.meta().items():
        fh.write(f"# {k}: {' '.join(str(v).split())}\n")
    w = csv.writer(fh, lineterminator="\n")
    names = list(table.columns)
    w.writerow(names)
    for row in zip(*(table.columns[k] for k in names)):
        w.writerow([_cell(v) for v in row])
    _write_if_changed(path, fh.getvalue().encode("utf-8"))
    return path


def _write_if_changed(path: Path, data: bytes) -> None:
    """Write `data` unless `path` already holds exactly these bytes: an unchanged file keeps its modification time, so
    an incremental book build does not re-read the pages that link it. The file is opened for update either way, so
    a tool that records which files a run opened for writing (scripts/execute.py) still sees who produces it."""
    try:
        with open(path, "r+b") as fh:
            if fh.read() == data:
                return
            fh.seek(0)
            fh.write(data)
            fh.truncate()
            return
    except FileNotFoundError:
        pass
    path.write_bytes(data)


def read_csv(path) -> tuple[dict, dict]:
    """(metadata, {column: float array (NaN for empty fields) or list of str}) of a file written by write_csv."""
    meta, lines = {}, []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# "):
                k, _, v = line[2:].rstrip("\n").partition(": ")
                meta[k] = v
            else:
                lines.append(line)
    rows = list(csv.reader(lines))
    if not rows:
        raise ValueError(f"{path}: no column header")
    names, data = rows[0], rows[1:]
    cols = {}
    for j, name in enumerate(names):
        raw = [r[j] for r in data]
        try:
            cols[name] = np.array([float(x) if x != "" else np.nan for x in raw])
        except ValueError:
            cols[name] = raw
    missing = [k for k in HEADER_KEYS if k not in meta]
    if missing:
        raise ValueError(f"{path}: header lacks {missing}")
    return meta, cols


# ------------------------------------------------------------------------------------------------
# Fig. 1 (Sec. 3.2.2): limits on g_X A_XWW^SM from K -> pi X
# ------------------------------------------------------------------------------------------------
def fig1_tables(curves: dict | None = None, n: int = 500) -> list[Table]:
    """Fig. 1 left (K+ -> pi+ X) and right (K_L -> pi0 X): every curve of `physics.pheno.limits.fig1_curves(n)`."""
    from physics.pheno import limits

    c = limits.fig1_curves(n) if curves is None else curves
    out = []
    for panel, name, ch in (("left", "fig1_left_kpi.csv", "K+ -> pi+ X"), ("right", "fig1_right_klpi0.csv",
                                                                             "K_L -> pi0 X")):
        cols = {"mX_GeV": c[panel][0]["mX"]}
        src = []
        for k, cv in enumerate(c[panel]):
            cols[f"gA_max_{k + 1}"] = cv["gA_max"]
            src.append(f"gA_max_{k + 1} = {cv['label']} [{cv['status']}] from {cv['dataset']}")
        for k, cv in enumerate(c[panel]):  # the 68% form-factor band of each curve (beyond the paper)
            if "gA_max_lo" in cv:
                cols[f"gA_max_{k + 1}_lo"], cols[f"gA_max_{k + 1}_hi"] = cv["gA_max_lo"], cv["gA_max_hi"]
        notes = list(dict.fromkeys(cv["band_note"] for cv in c[panel] if "band_note" in cv))
        band = ("gA_max_<k>_lo, gA_max_<k>_hi: 68% band of gA_max_<k> from the form-factor covariance of "
                + " | ".join(notes) + ", other inputs fixed (the limit scales as 1/sqrt(rate); beyond the paper)"
                if notes else "")
        out.append(Table(name, f"upper limits on g_X A_XWW^SM from {ch} (90% CL), model independent",
                         f"Fig. 1 {panel} (Sec. 3.2.2, chapter sec-3-2)", "mX_GeV in GeV; gA_max dimensionless",
                         "any U(1)_X (limit on g_X A_XWW^SM; A_XYY^SM = -A_XWW^SM)",
                         f"physics.pheno.limits.fig1_curves(n={len(cols['mX_GeV'])}); rates of Eq. (3.9)",
                         "; ".join(src) + " (data/limits/README.md)", cols, band))
    return out


# ------------------------------------------------------------------------------------------------
# Fig. 2 (Sec. 3.2.5): Belle II fit
# ------------------------------------------------------------------------------------------------
def fig2_tables(data: dict | None = None, n: int = 300) -> list[Table]:
    """Fig. 2: right panel (chi^2_SM - chi^2 of the tau model vs g_X, with and without Z -> gamma X), left panel
    (the Delta chi^2 grids, long format, and each model's line and best fit)."""
    from physics.pheno import fit

    d = fit.fig2_data(n=n) if data is None else data
    src = ("Belle II B+ -> K+ E_miss excess as |g_S| = (1.6 +- 0.2)e-8, |g_P| < 2.5e-8 (90% CL), Eqs. (3.26)-(3.27); "
           "L3 Z -> gamma X; data/limits/README.md")
    inputs = f"physics.pheno.fit.fig2_data(n={d['combined']['u'].size}), m_X = 2.1 GeV, option 'default'"
    right = Table("fig2_right_profile.csv", "chi^2_SM - chi^2 of the gauged tau-flavour model versus g_X",
                  "Fig. 2 right (Sec. 3.2.5)", "gX dimensionless; improvement in chi^2 units", "L_tau (alpha_tau = 1)",
                  inputs, src, {"gX": d["gX"], "improvement_with_Z": d["improvement_z"],
                                "improvement_B_only": d["improvement_noz"]})
    contours = {"combined": [], "Z_only": []}
    for key, grid in (("combined", d["combined"]), ("Z_only", d["z_only"])):
        for k, seg in contour_segments(grid, d["levels_2d"]):
            contours[key].append((k, seg))
    cols = {"region": [], "sigma": [], "segment": [], "gA_WW": [], "gA_YY": []}
    for key, segs in contours.items():
        for j, (k, seg) in enumerate(segs):
            for x, y in seg:
                cols["region"].append(key)
                cols["sigma"].append(str(k))
                cols["segment"].append(str(j))
                cols["gA_WW"].append(x)
                cols["gA_YY"].append(y)
    grid = Table("fig2_left_contours.csv", "1, 2, 3 sigma contours (2 parameters: Delta chi^2 = "
                 + ", ".join(f"{x:.4f}" for x in d["levels_2d"]) + ") of the combined and the Z -> gamma X only fit "
                 "in the plane (g_X A_XWW^SM, g_X A_XYY^SM), as drawn by matplotlib's contour on the chapter's grid",
                 "Fig. 2 left (Sec. 3.2.5)", "dimensionless", "model independent (two couplings)", inputs, src, cols)
    names = list(d["models"])
    models = Table("fig2_left_models.csv", "each U(1)_X model's line g_X A_XYY = slope x g_X A_XWW and its best fit",
                   "Fig. 2 left (Sec. 3.2.5)", "dimensionless", "the models of physics.pheno.fit.MODELS", inputs, src,
                   {"model": names, "slope": [d["models"][k]["slope"] for k in names],
                    "best_gA_WW": [d["models"][k]["best"][0] for k in names],
                    "best_gA_YY": [d["models"][k]["best"][1] for k in names],
                    "gX_best": [d["models"][k]["gX_best"] for k in names],
                    "significance_sigma": [d["models"][k]["sigma"] for k in names]})
    return [right, grid, models]


def contour_segments(grid: dict, levels) -> list[tuple[int, np.ndarray]]:
    """[(sigma, (N, 2) array of (u, v) points), ...]: the Delta chi^2 = levels[k] lines of a `physics.pheno.fit.chi2_grid`
    result, as matplotlib's contour draws them (the chapter's Fig. 2 left)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        cs = ax.contour(grid["u"], grid["v"], grid["delta"], levels=list(levels))
        return [(k + 1, np.asarray(seg)) for k, segs in enumerate(cs.allsegs) for seg in segs if len(seg)]
    finally:
        plt.close(fig)


# ------------------------------------------------------------------------------------------------
# Fig. 3 (Sec. 3.3) and the explorer's planes
# ------------------------------------------------------------------------------------------------
def plane_tables(pl: dict, stem: str, figure: str, model_text: str) -> list[Table]:
    """Every curve of a `physics.pheno.plane.summary_plane` result: current limits + UV lines (stem_upper.csv) and
    projections (stem_lower.csv, when the plane has them)."""
    m = pl["mX_GeV"]
    inputs = (f"physics.pheno.plane.summary_plane: {m.size} log-spaced m_X in [{m[0]:g}, {m[-1]:g}] GeV; B(X -> E_miss) "
              + ("Eq. (3.28)" if not pl["notes"] or "assumed" not in " ".join(pl["notes"]) else "assumed constant"))
    cols, src, bands = {"mX_GeV": m}, [], []
    for k, c in pl["channels"].items():
        col = "gX_max_" + k.replace(" ", "_")
        cols[col] = c["gX_max"]
        src.append(f"{col}: {'; '.join(c['datasets'])}")
    for k, d in pl["direct"].items():
        cols[f"gX_direct_{k}"] = d["gX"]
    for k, d in pl["naturalness"].items():
        cols[f"gX_naturalness_{k}"] = d["gX"]
    for k, c in pl["channels"].items():  # the 68% form-factor band of each limit (beyond the paper)
        if "gX_max_lo" in c:
            col = "gX_max_" + k.replace(" ", "_")
            cols[f"{col}_lo"], cols[f"{col}_hi"] = c["gX_max_lo"], c["gX_max_hi"]
            bands.append(f"{col}: {c['band_note'].removeprefix(_BAND_PREFIX)}")
    what = ("upper limits on g_X (gX_max_*: 90% CL, L3 95% CL; gX_direct_*: m_Psi > 100 GeV) and lower limits "
            "(gX_naturalness_*: finite naturalness, y_Psi = sqrt(4 pi))")
    if not pl["channels"]:
        what += "; " + " ".join(pl["notes"])
    band = (_BAND_HEAD.format(col="gX_max") + " || ".join(bands)) if bands else ""
    out = [Table(f"{stem}_upper.csv", what, figure, "mX_GeV in GeV; g_X dimensionless", model_text, inputs,
                 " | ".join(src) or "none (no WZ-induced channel)", cols, band)]
    if pl["projections"]:
        pc, ps, pb = {"mX_GeV": m}, [], []
        for k, c in pl["projections"].items():
            col = "gX_proj_" + k.replace(" ", "_").replace("(", "").replace(")", "").replace(".", "")
            pc[col] = c["gX_max"]
            ps.append(f"{col}: {'; '.join(c['datasets'])}")
        for k, c in pl["projections"].items():
            if "gX_max_lo" in c:
                col = "gX_proj_" + k.replace(" ", "_").replace("(", "").replace(")", "").replace(".", "")
                pc[f"{col}_lo"], pc[f"{col}_hi"] = c["gX_max_lo"], c["gX_max_hi"]
                pb.append(f"{col}: {c['band_note'].removeprefix(_BAND_PREFIX)}")
        out.append(Table(f"{stem}_lower.csv", "projected upper limits on g_X (lower panel)", figure,
                         "mX_GeV in GeV; g_X dimensionless", model_text, inputs, " | ".join(ps), pc,
                         (_BAND_HEAD.format(col="gX_proj") + " || ".join(pb)) if pb else ""))
    return out


_BAND_PREFIX = "68% band from the form-factor covariance, other inputs fixed: "  # of summary_plane's band_note
#: The '# band:' header of the plane CSVs (the per-column fits follow it).
_BAND_HEAD = ("{col}_<name>_lo, {col}_<name>_hi: 68% band of {col}_<name> from the form-factor covariance of the fit "
              "named below, other inputs fixed (a limit on g_X scales as 1/sqrt(rate); physics.pheno.limits.limit_band; "
              "beyond the paper); empty where the fit has no published covariance; equal to the limit where there is "
              "no form factor (Z -> gamma X). ")


def fig3_tables(pl: dict | None = None) -> list[Table]:
    """Fig. 3 upper and lower panels for the tau model on the chapter's grid (0.01-10 GeV, 500 points)."""
    from physics.pheno import plane
    from physics.model.charges import TAU_MODEL

    p = plane.summary_plane(TAU_MODEL, 0.01, 10.0, 500) if pl is None else pl
    return plane_tables(p, "fig3", "Fig. 3 (Sec. 3.3)", "L_tau (alpha_tau = 1), A_XYY^SM = -A_XWW^SM = 1")


def benchmark_tables(results: dict) -> list[Table]:
    """The explorer's benchmarks ({name: explore result}): each model's plane (notebooks/11_explorer.md)."""
    from physics.pheno.explorer import BENCHMARKS

    out = []
    for name, r in results.items():
        if r["plane"] is None:
            continue
        spec = BENCHMARKS.get(name, {})
        model = (f"{r['model']} (alpha_B+L = {r['alpha_BL']}); anomalons: "
                 + (f"Eq. ({spec['family']}) {spec.get('params')}" if spec.get("family") else "none")
                 + f"; singlets X = {', '.join(spec.get('singlets', ())) or 'none'}"
                 + (f"; B(X -> E_miss) = {spec['b_invisible']} assumed" if "b_invisible" in spec else ""))
        stem = "explorer_" + name.replace("-", "_minus_")
        out += plane_tables(r["plane"], stem, "explorer benchmark (sec-explorer)", model)
    return out


# ------------------------------------------------------------------------------------------------
# Figures
# ------------------------------------------------------------------------------------------------
def save_figure(fig, outdir, stem: str) -> list[Path]:
    """fig -> outdir/stem.pdf and outdir/stem.png, without creation dates (deterministic bytes)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{stem}.pdf", out / f"{stem}.png"]
    from physics.viz.display import unicode_log_ticks

    unicode_log_ticks(fig)
    pdf, png = io.BytesIO(), io.BytesIO()
    fig.savefig(pdf, format="pdf", metadata={"CreationDate": None, "Producer": None, "Creator": BOOK},
                bbox_inches="tight")
    fig.savefig(png, format="png", metadata={"Software": None}, dpi=150, bbox_inches="tight")
    _write_if_changed(paths[0], pdf.getvalue())
    _write_if_changed(paths[1], palette_png(png.getvalue()))
    return paths


def palette_png(data: bytes) -> bytes:
    """A line-art PNG re-saved with a 256-colour palette (Pillow, a matplotlib dependency): the same picture to the eye,
    about a third of the bytes; deterministic (no dithering, no metadata). Also used by book/_ext/lean_static.py for
    the chapters' figures."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        pal = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    pal.save(out, format="png", optimize=True)
    return out.getvalue()


def plane_figure(pl: dict, panel: str = "upper", best_fit: dict | None = None, bands: bool = True):
    """A matplotlib figure of one panel of a plane (`physics.viz.plane.plot_fig3`), legend below; bands: the 68%
    form-factor bands of the limits (light, under the lines)."""
    import matplotlib.pyplot as plt

    from physics.viz import plane

    fig, ax = plt.subplots(figsize=(6.4, 10.6))
    plane.plot_fig3(ax, pl, panel, best_fit, bands=bands)
    handles, labels = ax.get_legend_handles_labels()
    labels = [re.sub(r"\s*\[[0-9,]+\]", "", x) for x in labels]  # the paper's reference numbers: in the caption
    ax.legend(handles, labels, fontsize=10, loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=1)
    if not pl["channels"]:
        ax.text(0.5, 0.5, "α_B+L = 0: no WZ-induced bounds", transform=ax.transAxes, ha="center")
    fig.tight_layout()
    return fig


def fig1_figure(curves: dict | None = None, bands: bool = True):
    """Fig. 1 (both panels): upper limits on g_X A_XWW^SM from NA62 K+ -> pi+ X and KOTO K_L -> pi0 X.

    Curves from physics.pheno.limits.fig1_curves; line styles say what each curve is (data, cross-check, approximation).
    bands: each curve's 68% form-factor band (gA_max_lo .. gA_max_hi) shaded lightly under it; the panel states its
    largest relative half-width (K -> pi: a few per mille, thinner than the lines).
    """
    import matplotlib.pyplot as plt

    from physics.pheno import limits

    curves = limits.fig1_curves(500) if curves is None else curves
    style = {"data": dict(color="tab:blue", lw=1.8), "cross-check": dict(color="0.45", lw=1.2, ls="-."),
             "approximation": dict(color="tab:blue", lw=1.2, ls="--")}
    # short legend entries (the caption and the CSV header carry the full provenance of each curve)
    short = {"left": ["NA62 2016–2022", r"NA62 $\pi^0\to$ inv. recast", "2016–2022 recast (cross-check)"],
             "right": ["KOTO 2015 data", "rescaled to 2021 (approx.)"]}
    # panels stacked (left panel on top) so that each is as wide as the text column, also on a phone
    fig, axes = plt.subplots(2, 1, figsize=(6.4, 8.4), sharex=True)
    for ax, panel, title in ((axes[0], "left", r"$K^+\to\pi^+X$"), (axes[1], "right", r"$K_L\to\pi^0X$")):
        for i, cv in enumerate(curves[panel]):
            kw = dict(style[cv["status"]])
            if panel == "left" and i == 1:
                kw["ls"] = ":"
            label = short[panel][i] if i < len(short[panel]) else cv["label"]
            if bands and cv.get("band_available") and "gA_max_lo" in cv:
                ax.fill_between(cv["mX"] * 1e3, cv["gA_max_lo"], cv["gA_max_hi"], color=kw["color"], alpha=0.25,
                                lw=0, zorder=1.5)
            ax.loglog(cv["mX"] * 1e3, cv["gA_max"], label=label, **kw)
        widths = [np.nanmax(np.r_[cv["gA_max_hi"] / cv["gA_max"] - 1, 1 - cv["gA_max_lo"] / cv["gA_max"]])
                  for cv in curves[panel] if bands and cv.get("band_available") and "gA_max_lo" in cv]
        if widths:
            ax.text(0.98, 0.03, f"shaded: 68% form-factor band, ≤ ±{100 * max(widths):.1f}%\n(thinner than the lines)",
                    transform=ax.transAxes, ha="right", va="bottom", fontsize=9, color="0.3")
        ax.set_title(title)
        ax.set_xlim(1, 300)
        ax.set_ylabel(r"$g_X\mathcal{A}^{\rm SM}_{XWW}$ (90% CL)")
        ax.legend(loc="upper left")
    axes[1].set_xlabel(r"$m_X$ [MeV]")
    fig.tight_layout()
    return fig


def fig2_figure(d: dict | None = None):
    """Fig. 2: left, Delta chi^2 regions in the (g_X A_XWW, g_X A_XYY) plane (combined bands, Z-only grey contours,
    model lines and best fits); right, chi^2_SM - chi^2 versus g_X for the tau model (physics.pheno.fit.fig2_data)."""
    import matplotlib.pyplot as plt

    from physics.pheno import fit

    d = fit.fig2_data(n=300) if d is None else d
    # panels stacked (left panel on top) so that each is as wide as the text column, also on a phone
    fig, (axl, axr) = plt.subplots(2, 1, figsize=(6.4, 10.4), gridspec_kw={"height_ratios": [1.25, 1]})
    cb, cz = d["combined"], d["z_only"]
    lv = d["levels_2d"]
    axl.contourf(cb["u"], cb["v"], cb["delta"], levels=[0, *lv], colors=["#2ca02c", "#ffdf3f", "#ff9f3f"], alpha=0.85)
    axl.contour(cz["u"], cz["v"], cz["delta"], levels=list(lv), colors="0.45",
                linestyles=["solid", "dashed", "dashdot"], linewidths=1.2)
    uu = np.array([cb["u"][0], cb["u"][-1]])
    for m in d["models"].values():
        axl.plot(uu, m["slope"] * uu, color=m["colour"], lw=1.6,
                 label=m["label"].replace("Ref. [23], as read here", "book's reading"))
        axl.plot(*m["best"], "o", color=m["colour"], ms=7, mec="k", zorder=5)
    axl.set_xlim(cb["u"][0], cb["u"][-1])
    axl.set_ylim(cb["v"][0], cb["v"][-1])
    axl.set_xlabel(r"$g_X\,\mathcal{A}^{\rm SM}_{XWW}$")
    axl.set_ylabel(r"$g_X\,\mathcal{A}^{\rm SM}_{XYY}$")
    axl.legend(loc="upper left", frameon=True, framealpha=0.9, fontsize=10)
    axl.set_title(r"fit (bands), $Z\to\gamma X$ only (grey)")
    axr.plot(d["gX"], d["improvement_z"], "k-", label=r"$B\to K^{(*)}X$ + $Z\to\gamma X$")
    axr.plot(d["gX"], d["improvement_noz"], "k--", label=r"$B\to K^{(*)}X$ only")
    for n, y in zip((1, 2, 3), d["levels_1d"]):
        axr.axhline(y, color="0.5", ls="--", lw=1)
        axr.text(d["gX"][2], y + 0.25, fr"{n}$\sigma$", color="0.4", fontsize=11)
    axr.axhline(d["nu_line"], color="red", ls="--", lw=1.2, label=r"Belle II as $\nu\bar\nu$ (2.7$\sigma$)")
    axr.set_ylim(-2, 20)
    axr.set_xlim(d["gX"][0], d["gX"][-1])
    axr.set_xlabel(r"$g_X$ ($\tau$ flavour, $m_X=2.1$ GeV)")
    axr.set_ylabel(r"$\chi^2_{\rm SM}-\chi^2$")
    axr.legend(loc="upper right", frameon=True, fontsize=10)
    fig.tight_layout()
    return fig


def write_downloads(outdir, benchmarks: dict | None = None, figures: bool = True, fig2: bool = True) -> list[Path]:
    """Write every CSV (Figs. 1-3, and the benchmarks if given) and, if figures, Figs. 1-3 and the benchmark planes
    as PDF/PNG into outdir.  Returns the written paths (sorted)."""
    import matplotlib.pyplot as plt

    from physics.pheno import fit, limits, plane
    from physics.model.charges import TAU_MODEL

    # each curve computed once, for its CSV and its figure (the defaults of fig1_figure / fig2_figure)
    p3 = plane.summary_plane(TAU_MODEL, 0.01, 10.0, 500)
    c1 = limits.fig1_curves(500)
    d2 = fit.fig2_data(n=300) if fig2 else None
    tables = fig1_tables(c1) + (fig2_tables(d2) if fig2 else []) + fig3_tables(p3)
    if benchmarks:
        tables += benchmark_tables(benchmarks)
    paths = [write_csv(t, outdir) for t in tables]
    if figures:
        for stem, make, data in (("fig1", fig1_figure, c1), ("fig2", fig2_figure if fig2 else None, d2)):
            if make is not None:
                fig = make(data)
                paths += save_figure(fig, outdir, stem)
                plt.close(fig)
        for panel in ("upper", "lower"):
            fig = plane_figure(p3, panel)
            paths += save_figure(fig, outdir, f"fig3_{panel}")
            plt.close(fig)
        for name, r in (benchmarks or {}).items():
            if r["plane"] is not None and r["plane"]["channels"]:
                fig = plane_figure(r["plane"], "upper")
                paths += save_figure(fig, outdir, "explorer_" + name.replace("-", "_minus_"))
                plt.close(fig)
    return sorted(paths)

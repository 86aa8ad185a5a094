"""Fig. 3 drawn: the (m_X, g_X) plane of Sec. 3.3 as a static matplotlib figure and as an interactive web figure.

Drawing only; every curve comes from `physics.pheno.plane.summary_plane` and the best-fit point from
`physics.paper.statements.best_fit_point`.
"""
from __future__ import annotations

import numpy as np

from physics import inputs as I

from physics.pheno.plane import FIG3_CHANNELS, intervals, strongest_channel

# ------------------------------------------------------------------------------------------------
# Figures (presentation only; matplotlib imported lazily)
# ------------------------------------------------------------------------------------------------
YELLOW, GRAY = "#e6b800", "#808080"


def _mpl_label(text: str) -> str:
    """Plot labels: subscripts of the plain-text labels in matplotlib mathtext."""
    for plain, tex in (("K_L", "$K_L$"), ("g_X", "$g_X$"), ("m_X", "$m_X$"), ("y_Ψ", "$y_\\Psi$"), ("m_Ψ", "$m_\\Psi$")):
        text = text.replace(plain, tex)
    return text


def plot_fig3(ax, plane: dict, panel: str = "upper", best_fit: dict | None = None, ylim=(1e-7, 1e3),
              bands: bool = True):
    """Draw one panel of Fig. 3 on a matplotlib Axes: 'upper' (current limits) or 'lower' (+ projections).

    Region above the strongest current limit: light gray (excluded); below the naturalness lines: gray bands.
    bands: shade each channel's 68% form-factor band (gX_max_lo .. gX_max_hi of the plane) lightly in its colour,
    under its line (upper panel; channels without a covariance get none).
    """
    if panel not in ("upper", "lower"):
        raise ValueError(f"panel must be 'upper' or 'lower', got {panel!r}")
    m = plane["mX_GeV"]
    ax.set_xscale("log")
    ax.set_yscale("log")
    top = ylim[1]
    # naturalness: gray bands BELOW the lines (tuning worse than 1/Delta)
    nat = sorted(plane["naturalness"].values(), key=lambda d: d["delta"])
    for k, d in enumerate(nat):
        ax.fill_between(m, ylim[0], d["gX"], color=GRAY, alpha=0.16, lw=0)
        ax.plot(m, d["gX"], color="0.45", lw=1.0, ls="-" if k == 0 else "--",
                label=f"naturalness Δ = {d['delta']:g}: g_X ≳ line")
    # the union of the current exclusions
    env = strongest_channel(plane)["gX_max"]
    ok = ~np.isnan(env)
    ax.fill_between(m, np.where(ok, env, top), top, where=ok, color="#c8c8d8", alpha=0.35, lw=0,
                    label="excluded by current limits" if panel == "upper" else None)
    # direct anomalon searches: region ABOVE the lines excluded
    for d in plane["direct"].values():
        ax.plot(m, d["gX"], color=YELLOW, lw=1.8, ls=":" if d["y"] == 1 else "-",
                label=(f"LHC direct m_Ψ > {d['m_psi_min_GeV']:g} GeV, "
                       f"y_Ψ = {'1' if d['y'] == 1 else '√4π'}: g_X < line"))
    solid_alpha = 1.0 if panel == "upper" else 0.45
    if bands and panel == "upper":  # 68% form-factor bands (physics.pheno.plane.summary_plane), light, under the lines
        labelled = False
        for c in plane["channels"].values():
            lo, hi = c.get("gX_max_lo"), c.get("gX_max_hi")
            if lo is None or hi is None or not c.get("band_available"):
                continue
            ok = ~(np.isnan(lo) | np.isnan(hi))
            if not np.any(ok & (hi > lo)):
                continue  # no form factor (L3): the band is the curve
            ax.fill_between(m, np.where(ok, lo, np.nan), np.where(ok, hi, np.nan), where=ok, color=c["colour"],
                            alpha=0.28, lw=0, zorder=1.5)
            labelled = True
        if labelled:  # one neutral legend entry for all bands
            ax.fill_between([], [], [], color="0.55", alpha=0.35, lw=0,
                            label="68% form-factor band of each limit (shaded in its colour)")
    for c in plane["channels"].values():
        ax.plot(m, c["gX_max"], color=c["colour"], lw=1.8, alpha=solid_alpha,
                label=c["label"] if panel == "upper" else None)
    if panel == "lower":
        for name, c in plane["projections"].items():
            ax.plot(m, c["gX_max"], color=c["colour"], lw=1.8, ls="--" if "Eq." not in name else "-.",
                    label=c["label"] + " (projection)")
        if plane["missing_projections"]:
            ax.plot([], [], color="0.5", alpha=0.45, lw=1.8, label="current limits (faded; colours as upper panel)")
            ax.text(0.98, 0.97, "Meson-decay projections (paper Ref. [55]):\nnot available here, not drawn",
                    transform=ax.transAxes, va="top", ha="right", fontsize=8,
                    bbox={"fc": "white", "ec": "0.6", "alpha": 0.9})
    if best_fit is not None:
        computed = "computed" in best_fit["source"]
        x0, dx = best_fit["mX_GeV"], best_fit["mX_err_GeV"]
        if best_fit.get("gX_1sigma"):
            lo, hi = best_fit["gX_1sigma"]
            ax.fill_between([x0 - dx, x0 + dx], lo, hi, color="gold", alpha=0.7, ec="black", lw=0.6, zorder=9,
                            label="Belle II best-fit region (1σ in g_X, m_X = 2.1 ± 0.1 GeV)")
        ax.plot([x0], [best_fit["gX"]], "*", ms=10, color="black", mfc="gold", zorder=10,
                label=f"best fit g_X = {best_fit['gX']:.3f} ({'computed' if computed else 'printed'})")
        if computed:
            pr = best_fit["printed"]
            ax.plot([pr["mX_GeV"]], [pr["gX"]], "D", ms=5, mfc="none", color="black", zorder=10,
                    label=f"paper's printed g_X ≈ {pr['gX']}")
    thr = 2 * I.M_TAU
    if m[0] < thr < m[-1]:
        ax.axvline(thr, color="0.4", lw=0.7, ls=(0, (2, 3)))
        ax.text(thr * 1.04, ylim[0] * 3, r"$2m_\tau$", fontsize=9, color="0.3")
    for line in ax.get_lines():
        lab = line.get_label()
        if not lab.startswith("_"):
            line.set_label(_mpl_label(lab))
    for coll in ax.collections:
        lab = coll.get_label()
        if not lab.startswith("_"):
            coll.set_label(_mpl_label(lab))
    ax.set_xlim(m[0], m[-1])
    ax.set_ylim(*ylim)
    ax.set_xlabel(r"$m_X$ [GeV]")
    ax.set_ylabel(r"$g_X$")
    return ax


def _fig3_view(fig, plane: dict, best_fit: dict | None = None, bands: bool = True) -> None:
    """Add Fig. 3 of `plane` to the current view of `fig` (a `physics.viz.interactive.Figure` on the plane's grid):
    the same curves, names, colours and order as the static `plot_fig3`, interactive.  Drawn from bottom to top:
    the shaded regions (below each naturalness line: tuning worse than 1/Delta; above the strongest current limit:
    excluded), each channel's 68% form-factor band (every second mass: the band's outline needs no more), the lines,
    the projections (dashed, hidden at first) and the best-fit point with its 1 sigma error bar in g_X."""
    m = plane["mX_GeV"]
    nat = sorted(plane["naturalness"].values(), key=lambda d: d["delta"])
    for d in nat:
        fig.fill(d["gX"], "bottom", GRAY, 0.16, f"tuning worse than 1/{d['delta']:g} (below the line)")
    env = np.asarray(strongest_channel(plane)["gX_max"], dtype=float)
    if np.any(np.isfinite(env)):  # stored as the minimum of the channels' curves (which it is), not as a copy
        fig.fill(env, "top", "#c8c8d8", 0.35, "excluded by current limits",
                 min_of=[c["gX_max"] for c in plane["channels"].values()])
    if bands:  # 68% form-factor band of each channel (filled, under its line; one legend entry for all)
        named = False
        for c in plane["channels"].values():
            lo, hi = c.get("gX_max_lo"), c.get("gX_max_hi")
            if lo is None or hi is None or not c.get("band_available") or not np.any(np.asarray(hi) > np.asarray(lo)):
                continue  # no covariance (CLEO) or no form factor (L3: band = curve)
            # one neutral legend entry for all bands (it toggles every band: same group)
            fig.band(lo, hi, c["colour"], 0.3, None if named else "68% form-factor band of each limit (in its colour)",
                     group="ffband", step=2, swatch=None if named else {"colour": "#9a9a9a", "alpha": 0.5})
            named = True

    def name(text: str) -> str:
        return text.replace("K_L", "K<sub>L</sub>")

    for d in nat:
        fig.line(d["gX"], f"naturalness Δ={d['delta']:g} (g<sub>X</sub> ≳ line)", GRAY,
                 "solid" if d["delta"] == 100 else "dash")
    for d in plane["direct"].values():
        fig.line(d["gX"], f"LHC direct y<sub>Ψ</sub>={'1' if d['y'] == 1 else '√4π'} (g<sub>X</sub> < line)", YELLOW,
                 "dot" if d["y"] == 1 else "solid")
    for c in plane["channels"].values():
        fig.line(c["gX_max"], name(c["label"] + " (g<sub>X</sub> < line)"), c["colour"])
    for key, c in plane["projections"].items():
        fig.line(c["gX_max"], name(c["label"] + " projection"), c["colour"], "dash" if "Eq." not in key else "dashdot",
                 show=False)
    if best_fit is not None:
        computed = "computed" in best_fit["source"]
        fig.point(best_fit["mX_GeV"], best_fit["gX"], f"Belle II best fit ({'computed' if computed else 'printed'})",
                  "star", "gold", err=best_fit.get("gX_1sigma"))
        if computed:
            pr = best_fit["printed"]
            fig.point(pr["mX_GeV"], pr["gX"], "best fit as printed (g<sub>X</sub>≈0.018)", "diamond-open", "black")
    if m.size and not np.all(fig.x == m):
        raise ValueError("the plane's mass grid differs from the figure's")


def interactive_fig3(plane: dict, best_fit: dict | None = None, ylim=(1e-7, 1e3), bands: bool = True) -> dict:
    """Interactive Fig. 3 for the website (uPlot; spec of `physics.viz.interactive`, embed with
    ``interactive.figure_html(spec, div_id)``): all current limits, projections (dashed, hidden at first), the lines of
    Sec. 3.3, the shaded regions and the best-fit point.  Hover shows the curve, m_X and g_X; log axes with zoom.
    bands: each channel's 68% form-factor band (gX_max_lo .. gX_max_hi of the plane) as a light filled region."""
    from physics.viz.interactive import Figure  # noqa: PLC0415

    m = plane["mX_GeV"]
    fig = Figure(m, "m<sub>X</sub> [GeV]", "g<sub>X</sub>", (m[0], m[-1]), ylim)
    fig.new_view()
    _fig3_view(fig, plane, best_fit, bands)
    return fig.spec

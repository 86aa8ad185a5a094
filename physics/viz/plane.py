"""Fig. 3 drawn: the (m_X, g_X) plane of Sec. 3.3 as a static matplotlib figure and as an offline plotly figure.

Drawing only; every curve comes from `physics.pheno.plane.summary_plane` and the best-fit point from
`physics.paper.statements.best_fit_point`.
"""
from __future__ import annotations

import math

import numpy as np

from physics import inputs as I

from physics.pheno.plane import FIG3_CHANNELS, intervals, strongest_channel

# ------------------------------------------------------------------------------------------------
# Figures (presentation only; matplotlib / plotly imported lazily)
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


def plotly_fig3(plane: dict, best_fit: dict | None = None, ylim=(1e-7, 1e3), bands: bool = True):
    """Interactive Fig. 3 (plotly): all current limits, projections (dashed, hidden at first), lines of Sec. 3.3.

    Hover shows the curve, m_X and g_X; log axes with zoom.  Needs plotly (imported here only).
    bands: each channel's 68% form-factor band (gX_max_lo .. gX_max_hi of the plane) as a light filled trace.
    """
    import plotly.graph_objects as go  # noqa: PLC0415

    m = plane["mX_GeV"]
    hover = "%{fullData.name}<br>m<sub>X</sub> = %{x:.3g} GeV<br>g<sub>X</sub> = %{y:.3e}<extra></extra>"
    fig = go.Figure()

    def line(x, yv, name, colour, dash="solid", visible=True, group=None):
        keep = ~np.isnan(yv)
        name = name.replace("K_L", "K<sub>L</sub>")
        fig.add_trace(go.Scatter(x=np.round(x[keep], 6), y=[float(f"{v:.5g}") for v in yv[keep]], name=name,
                                 mode="lines", line={"color": colour, "dash": dash, "width": 2},
                                 hovertemplate=hover, visible=visible, legendgroup=group))

    def shade(x, lower, upper, colour, opacity, name, group):
        """A filled region between two curves (NaN gaps split it), drawn under the lines, without hover; as in
        the static Fig. 3 (plot_fig3)."""
        ok = ~(np.isnan(lower) | np.isnan(upper))
        edges = np.flatnonzero(np.diff(np.r_[0, ok.astype(int), 0]))
        for k, (i, j) in enumerate(zip(edges[::2], edges[1::2])):
            xs = np.r_[x[i:j], x[i:j][::-1]]
            ys = np.r_[upper[i:j], lower[i:j][::-1]]
            fig.add_trace(go.Scatter(x=np.round(xs, 6), y=[float(f"{v:.5g}") for v in ys], mode="lines",
                                     fill="toself", fillcolor=colour, opacity=opacity, line={"width": 0},
                                     hoverinfo="skip", name=name, legendgroup=group, showlegend=k == 0))

    # shaded regions first (under the curves): below each naturalness line (tuning worse than 1/Delta), and above
    # the strongest current limit (excluded)
    floor, ceiling = np.full_like(m, ylim[0], dtype=float), np.full_like(m, ylim[1], dtype=float)
    for d in sorted(plane["naturalness"].values(), key=lambda d: d["delta"]):
        shade(m, floor, np.asarray(d["gX"], dtype=float), GRAY, 0.16,
              f"tuning worse than 1/{d['delta']:g} (below the line)", f"nat{d['delta']:g}")
    shade(m, np.asarray(strongest_channel(plane)["gX_max"], dtype=float), ceiling, "#c8c8d8", 0.35,
          "excluded by current limits", "excluded")
    if bands:  # 68% form-factor band of each channel (filled, under its line; one legend entry for all)
        first = len(fig.data)
        every2 = np.unique(np.r_[np.arange(0, m.size, 2), m.size - 1])  # every second mass: half the bytes, same look
        for c in plane["channels"].values():
            lo, hi = c.get("gX_max_lo"), c.get("gX_max_hi")
            if lo is None or hi is None or not c.get("band_available") or not np.any(np.asarray(hi) > np.asarray(lo)):
                continue  # no covariance (CLEO) or no form factor (L3: band = curve)
            shade(m[every2], np.asarray(lo, dtype=float)[every2], np.asarray(hi, dtype=float)[every2], c["colour"], 0.3,
                  "68% form-factor bands", "ffband")
        if len(fig.data) > first:  # one neutral legend entry (toggles every band: same legendgroup)
            for tr in fig.data[first:]:
                tr.showlegend = False
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", fill="toself", fillcolor="#9a9a9a",
                                     opacity=0.5, line={"width": 0}, hoverinfo="skip", legendgroup="ffband",
                                     name="68% form-factor band of each limit (in its colour)", showlegend=True))
    for d in sorted(plane["naturalness"].values(), key=lambda d: d["delta"]):
        line(m, d["gX"], f"naturalness Δ={d['delta']:g} (g<sub>X</sub> ≳ line)", GRAY,
             "solid" if d["delta"] == 100 else "dash")
    for d in plane["direct"].values():
        line(m, d["gX"], f"LHC direct y<sub>Ψ</sub>={'1' if d['y'] == 1 else '√4π'} (g<sub>X</sub> < line)", YELLOW,
             "dot" if d["y"] == 1 else "solid")
    for c in plane["channels"].values():
        line(m, c["gX_max"], c["label"] + " (g<sub>X</sub> < line)", c["colour"])
    for name, c in plane["projections"].items():
        line(m, c["gX_max"], c["label"] + " projection", c["colour"], "dash" if "Eq." not in name else "dashdot",
             visible="legendonly")
    if best_fit is not None:
        computed = "computed" in best_fit["source"]
        pts = [(best_fit["mX_GeV"], best_fit["gX"], "star", "gold",
                f"Belle II best fit ({'computed' if computed else 'printed'})", best_fit.get("gX_1sigma"))]
        if computed:
            pr = best_fit["printed"]
            pts.append((pr["mX_GeV"], pr["gX"], "diamond-open", "black", "best fit as printed (g<sub>X</sub>≈0.018)",
                        None))
        for x0, g0, sym, col, name, sig in pts:
            err = ({"type": "data", "symmetric": False, "array": [sig[1] - g0], "arrayminus": [g0 - sig[0]]}
                   if sig else None)
            fig.add_trace(go.Scatter(x=[x0], y=[float(f"{g0:.5g}")], mode="markers", name=name, error_y=err,
                                     marker={"symbol": sym, "size": 13, "color": col, "line": {"color": "black",
                                                                                               "width": 1}},
                                     hovertemplate=hover))
    fig.update_xaxes(type="log", title="m<sub>X</sub> [GeV]", exponentformat="power",
                     range=[math.log10(m[0]), math.log10(m[-1])])
    fig.update_yaxes(type="log", title="g<sub>X</sub>", exponentformat="power",
                     range=[math.log10(ylim[0]), math.log10(ylim[1])])
    fig.update_layout(template="none", height=760, margin={"l": 60, "r": 10, "t": 30, "b": 40},
                      legend={"font": {"size": 10}, "orientation": "h", "x": 0, "xanchor": "left", "y": -0.12,
                              "yanchor": "top"}, hovermode="closest")
    return fig

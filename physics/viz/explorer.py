"""The explorer drawn: tables, the interactive benchmarks figure (uPlot) and the live ipywidgets explorer.

Presentation only; every number comes from `physics.pheno.explorer.explore`.
"""
from __future__ import annotations

import numpy as np

from physics.model.anomalies import CONDITIONS
from physics.model.classification import FAMILIES
from physics.pheno import rates
from physics.pheno.explorer import BENCHMARK_POINT, BENCHMARKS, explore
from physics.viz import plane


def benchmark_table(result: dict) -> list[list]:
    """Rows [quantity, value] summarising an `explore` result (for the book's tables)."""
    from physics.viz.display import fmt

    t = result["anomalies"]["total"]
    rows = [["alpha_B+L (Eq. 2.7)", result["alpha_BL"]],
            ["A_XWW^SM, A_XYY^SM (Eq. 3.2)", f"{result['traces']['A_XWW_SM']}, {result['traces']['A_XYY_SM']}"],
            ["(2.2)-(2.6) total", ", ".join(f"({k}) {t[k]}" for k in CONDITIONS)],
            ["Witten", fmt(result["witten_ok"])],
            ["criteria (i)-(iii)", "—" if result["criteria"] is None else fmt(result["criteria"]["all_ok"])],
            ["naturalness bound, Δ = 100 (TeV)", "—" if result["naturalness_bound_TeV"] is None
             else f"{result['naturalness_bound_TeV']:.2f}"]]
    return rows


def interactive_benchmarks(results: dict, ylim=(1e-7, 1e3)) -> dict:
    """One interactive figure (spec of `physics.viz.interactive`; embed with ``interactive.figure_html``) with a menu
    over `results` ({name: explore result}): each entry shows that model's summary plane as the interactive Fig. 3
    (`physics.viz.plane._fig3_view`) and its viable band.  Curves shared by the models (naturalness and direct lines)
    are stored once."""
    from physics.viz.interactive import Figure  # noqa: PLC0415

    planes = [r["plane"] for r in results.values() if r["plane"] is not None]
    if not planes:
        raise ValueError("no result has a plane to draw")
    m = planes[0]["mX_GeV"]
    fig = Figure(m, "m<sub>X</sub> [GeV]", "g<sub>X</sub>", (m[0], m[-1]), ylim)
    for name, r in results.items():
        label = BENCHMARKS.get(name, {}).get("label", name)
        pl = r["plane"]
        if pl is None:
            fig.new_view(label, f"{label}: plane not available")
            continue
        fig.new_view(label, label if pl["channels"]
                     else f"{label}: no WZ-induced bounds (A<sub>XWW</sub> = A<sub>XYY</sub> = 0)")
        plane._fig3_view(fig, pl)
        v = r["viable"]
        if v["intervals_GeV"]:
            keep = np.asarray(v["mask"], dtype=bool)
            fig.band(np.where(keep, v["gX_min"], np.nan), np.where(keep, v["gX_max"], np.nan), "#2ca02c", 0.18,
                     "viable band (Sec. 3.3)")
    return fig.spec


# ------------------------------------------------------------------------------------------------
# Presentation helpers for the explorer page (tables and the live widget; no physics)
# ------------------------------------------------------------------------------------------------
def _f(x, spec=".3g") -> str:
    return "—" if x is None else format(x, spec)


def _sci(x, decimals: int = 3) -> str:
    """A rate or coupling for a table: LaTeX power of ten (never e-notation), '—' for None."""
    from physics.viz.display import sci

    return "—" if x is None else sci(x, decimals)


def model_text(name: str) -> str:
    """A benchmark's name ('L_tau', 'B-3L_tau', 'L_mu-L_tau') as inline math; other names unchanged."""
    from physics.viz.display import charge_tex, prettify

    return charge_tex(name) if name in BENCHMARKS else prettify(name)


def alphas_text(alphas: dict) -> str:
    """{'B': 1, 'tau': -3} -> '$\\alpha_B=1$, $\\alpha_\\tau=-3$'."""
    tex = {"B": "B", "e": "e", "mu": r"\mu", "tau": r"\tau"}
    return ", ".join(f"$\\alpha_{{{tex.get(k, k)}}}={v}$" for k, v in alphas.items())


def summary_rows(results: dict) -> list[list]:
    """One row per explore result: model, alpha_B+L, traces, anomalies, Witten, criteria, X_S, naturalness, viable."""
    rows = []
    for name, r in results.items():
        t = r["anomalies"]["total"]
        crit = r["criteria"]
        viable = r["viable"]
        rows.append([model_text(name), str(r["alpha_BL"]), f"{r['traces']['A_XWW_SM']}, {r['traces']['A_XYY_SM']}",
                     "✓" if all(v == 0 for v in t.values()) else ", ".join(f"({k}) {v}" for k, v in t.items() if v),
                     "✓" if r["witten_ok"] else "✗",
                     "—" if crit is None else ("✓" if crit["all_ok"] else "✗ " + ",".join(
                         k for k in ("i", "ii", "iii") if not crit[k]["ok"])),
                     "—" if crit is None or crit["X_S"] is None else str(crit["X_S"]),
                     _f(r["naturalness_bound_TeV"], ".2f"),
                     "—" if viable is None or not viable["intervals_GeV"] else
                     ", ".join(f"{a:.3g}–{b:.3g}" for a, b in viable["intervals_GeV"])])
    return rows


SUMMARY_HEADERS = ["model", r"$\alpha_{B+L}$", r"$\mathcal A^{\rm SM}_{XWW}$, $\mathcal A^{\rm SM}_{XYY}$",
                   "(2.2)–(2.6) left", "Witten", "criteria (i)–(iii)", r"$\mathcal X_{\mathcal S}$",
                   "naturalness bound [TeV]", r"viable $m_X$ ranges [GeV]"]


def channel_rows(results: dict, key: str) -> list[list]:
    """Rows channel x model of result[key] ('BR', 'BR_Emiss' or 'gX_max'); '—' where closed or skipped."""
    from physics.viz.display import decay_tex

    rows = []
    for ch in rates.CHANNELS:
        rows.append([decay_tex(ch)] + [_sci(r[key].get(ch)) for r in results.values()])
    return rows


def widget(initial: str = "L_tau"):
    """A live ipywidgets explorer (run in Jupyter): text boxes for the alphas and singlets, a family dropdown with
    its m, log sliders for m_X and g_X; shows the tables and the plane (physics.pheno.plane.plot_fig3) on every change.
    Needs a running kernel: on the static website it cannot update."""
    import ipywidgets as w  # noqa: PLC0415
    import matplotlib.pyplot as plt  # noqa: PLC0415
    from IPython.display import display  # noqa: PLC0415

    from physics.viz.display import markdown_table  # noqa: PLC0415

    b = BENCHMARKS[initial]
    al = {k: w.Text(value=str(b["alphas"].get(k, 0)), description=f"α_{k}", layout={"width": "160px"})
          for k in ("B", "e", "mu", "tau")}
    fam = w.Dropdown(options=["none"] + sorted(FAMILIES), value=b.get("family", "none"), description="family")
    m = w.BoundedIntText(value=b.get("params", {}).get("m", 3), min=1, max=50, description="m",
                         layout={"width": "160px"})
    sing = w.Text(value=", ".join(b.get("singlets", ())), description="N_R X's")
    mX = w.FloatLogSlider(value=BENCHMARK_POINT["mX"], base=10, min=-2, max=1, step=0.01, description="m_X [GeV]")
    gX = w.FloatLogSlider(value=BENCHMARK_POINT["gX"], base=10, min=-7, max=0, step=0.05, description="g_X")
    binv = w.Text(value=str(b.get("b_invisible", "model")), description="B(X→inv)")
    out = w.Output()

    def update(*_):
        with out:
            out.clear_output(wait=True)
            try:
                bi = binv.value.strip()
                r = explore({k: v.value for k, v in al.items()}, None if fam.value == "none" else fam.value,
                            None if fam.value == "none" else {"m": m.value},
                            singlets=[s for s in sing.value.replace(",", " ").split()], mX=mX.value, gX=gX.value,
                            b_invisible="model" if bi == "model" else float(bi))
            except ValueError as exc:
                print(f"error: {exc}")
                return
            display(markdown_table(SUMMARY_HEADERS, summary_rows({r["model"]: r})))
            print("\n".join(r["suggestions"]["text"] + r["notes"]))
            display(markdown_table(["channel", "BR", "g_X max"],
                                   [[ch, _sci(r["BR"].get(ch)), _sci(r["gX_max"].get(ch))]
                                    for ch in rates.CHANNELS]))
            if r["plane"] is not None and r["plane"]["channels"]:
                fig, ax = plt.subplots(figsize=(7, 6))
                plane.plot_fig3(ax, r["plane"], "upper")
                ax.plot([mX.value], [gX.value], "k*", ms=12)
                ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=2)
                fig.tight_layout()
                plt.show()

    for c in (*al.values(), fam, m, sing, mX, gX, binv):
        c.observe(update, names="value")
    update()
    return w.VBox([w.HBox(list(al.values())), w.HBox([fam, m, sing]), w.HBox([mX, gX, binv]), out])

"""Figure of the readings map (issue 13): each printed number of Sec. 3.2.5 against its distribution over readings."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from physics.paper import readings as PR

_PANELS = [("sec3-2-5-gX", "gX_best", r"$g_X$ at the best fit", 1.0),
           ("sec3-2-5-BRZ", "BR_Z_gammaX", r"$\mathcal{B}(Z\to\gamma X)$ at the best fit [$10^{-7}$]", 1e7),
           ("sec3-2-5-sigma", "significance_sigma", r"preference over the SM [$\sigma$]", 1.0),
           ("sec3-2-5-BRKstar", "BR_B+_K*+X", r"$\mathcal{B}(B^+\to K^{*+}X)$ at the best fit [$10^{-5}$]", 1e5)]


def readings_figure(res: dict | None = None):
    """Four panels: histogram over all readings (grey) and over the readings that contradict no statement of the
    paper (blue); the printed value (red line) with its printed precision (red band); the default reading (black)."""
    res = PR.sec325_map() if res is None else res
    printed = PR.sec325_printed()
    free = res["n_contradicts"] == 0
    d = res["readings"].index(PR.R.DEFAULT)
    fig, axes = plt.subplots(1, 4, figsize=(13, 3.2))
    for ax, (eid, key, label, scale) in zip(axes, _PANELS):
        v = np.asarray(res[key], float) * scale
        p, prec = printed[eid][0] * scale, printed[eid][1] * scale
        lo, hi = min(v.min(), p - prec), max(v.max(), p + prec)
        if key == "significance_sigma":
            hi = min(hi, 8.5)
        bins = np.linspace(lo, hi, 50)
        ax.hist(v, bins=bins, color="0.75", label="all readings")
        ax.hist(v[free], bins=bins, color="tab:blue", alpha=0.8, label="contradicting no statement")
        ax.axvspan(p - prec, p + prec, color="tab:red", alpha=0.25, lw=0)
        ax.axvline(p, color="tab:red", lw=1.5, label="printed (± precision)")
        ax.axvline(v[d], color="k", lw=1.5, ls="--", label="book's default reading")
        ax.set_xlabel(label)
        ax.set_yscale("log")
    axes[0].set_ylabel("number of readings")
    axes[0].legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ reader-facing text of the Eq. (2.9) readings

#: Descriptions of the named readings of Eq. (2.9) (physics.paper.naturalness_readings) with their symbols in math.
NATURALNESS_DESCRIPTIONS = {
    "planck": r"fixed $\mu=M_{\rm Pl}$ (PDG), $g_2$ and $g_Y$ in $\overline{\rm MS}$ at $M_Z$; no fitted parameter",
    "reduced_planck": r"fixed $\mu$ = reduced Planck mass",
    "mu_M": r"$\mu=M$: the log vanishes, factor $\lvert-1\rvert$",
    "mu_M_loop2": r"$\mu=M$ with $1/(4\pi)^2$ instead of $1/(4\pi)^4$",
    "mu_Mh": r"fixed $\mu=M_h$",
    "mu_v": r"fixed $\mu=v=246$ GeV",
    "mu_mt": r"fixed $\mu=m_t$",
    "mu_1TeV": r"fixed $\mu=1$ TeV",
    "table_fit": r"fixed $\mu$ ($\sim10^{20}$ GeV) fitted to Tables 2–3; $g_2=0.65$, $g_Y(M_Z)$",
    "table_fit_running": r"as table_fit, couplings run (one-loop SM) from $M_Z$ to $M$",
    "table_fit_lagrangian": r"as table_fit, $\Delta$ with $m_h^2=M_h^2/2$",
    "table_fit_log10": r"as table_fit, decimal log",
    "table_fit_weyl": r"as table_fit, $C=2$ for each Weyl multiplet of a DL pair",
    "planck_g065": r"fixed $\mu=M_{\rm Pl}$ with the printed $g_2=0.65$",
}

#: Values of the conventions of `physics.model.naturalness.conventions` that are formulas.
_CONVENTION_TEX = {"Delta": r"$\Delta=\lvert\delta m_h^2\rvert/M_h^2$"}

#: The choices of the Sec. 2.1 readings map (physics.paper.readings.sec21_map) as a reader writes them.
_SEC21_CHOICES = {
    "mu": lambda v: {"M_Pl": r"$\mu=M_{\rm Pl}$", "reduced_M_Pl": r"$\mu=\bar M_{\rm Pl}$", "v": r"$\mu=v$",
                     "m_t": r"$\mu=m_t$", "M_h": r"$\mu=M_h$", "1TeV": r"$\mu=1$ TeV", "mu=M": r"$\mu=M_\Psi$"}.get(
        v, r"$\mu$ fitted" if str(v).startswith("fitted") else f"μ = {v}"),
    "g2": lambda v: {"running": r"$g$ running", "printed_0.65": r"$g_2=0.65$",
                     "MSbar_mZ": r"$\overline{\rm MS}$ $g(m_Z)$"}.get(v, f"g: {v}"),
    "counting": lambda v: {"multiplet": r"$C$ as in Eq. (2.9)", "weyl": r"$C=2$ per Weyl field"}.get(v, str(v)),
    "mh2": lambda v: {"pole": r"$M_h^2$", "lagrangian": r"$M_h^2/2$"}.get(v, str(v)),
    "log": lambda v: {"ln": r"$\ln$", "log10": r"$\log_{10}$"}.get(v, str(v)),
}
_SEC21_STATEMENTS = {"Eq. (2.8): M_h is the pole mass": r"Eq. (2.8): $M_h$ is the pole mass",
                     "Eq. (2.9): C = 1 (2) for Majorana (Dirac)": r"Eq. (2.9): $C=1$ (2) for Majorana (Dirac)"}


def naturalness_description(name: str, description: str) -> str:
    """Reader-facing description of the named Eq. (2.9) reading `name` (symbols in math)."""
    from physics.viz.display import prettify

    return NATURALNESS_DESCRIPTIONS.get(name) or prettify(description)


def naturalness_conventions_rows(conv: dict) -> list[list[str]]:
    """Rows (setting, value) of `physics.model.naturalness.conventions` for a markdown table: settings as code,
    values as a physicist writes them."""
    from physics.viz.display import value_text

    rows = []
    for k, v in conv.items():
        if k == "description":
            text = naturalness_description(conv.get("name", ""), v)
        else:
            text = _CONVENTION_TEX.get(k) or value_text(v)
        rows.append([f"`{k}`", text])
    return rows


def sec21_reading_text(reading: dict) -> str:
    """One reading of the Sec. 2.1 map ({'mu': 'M_Pl', 'g2': 'running', ...}) as text with its symbols in math."""
    return ", ".join(_SEC21_CHOICES[k](v) if k in _SEC21_CHOICES else f"{k}: {v}" for k, v in reading.items())


def sec21_statement_text(statement: str) -> str:
    """A statement of the paper a reading contradicts, with its symbols in math."""
    from physics.viz.display import prettify

    return _SEC21_STATEMENTS.get(statement) or prettify(statement)


def match_id_text(match_id: str) -> str:
    """'tab2-r3-naturalness' -> 'Table 2, row 3'; 'tab3-rows' -> 'Table 3 row list'."""
    import re

    m = re.fullmatch(r"tab(\d)-r(\d+)-\w+", match_id)
    if m:
        return f"Table {m.group(1)}, row {m.group(2)}"
    m = re.fullmatch(r"tab(\d)-rows", match_id)
    return f"Table {m.group(1)} row list" if m else match_id

"""Universal curves: everything the static explorer page needs to recast the (m_X, g_X) plane to ANY charges.

Why a plane is a rescaling (the derivation the chapter explains, notebooks/11_explorer.md).  In the paper's framework
every flavour-changing rate of Eqs. (3.9)-(3.12) is proportional to |g_xi|^2, and g_xi of Eqs. (3.6)-(3.7) is linear
in g_X A_XWW^SM; Z -> gamma X (Eqs. 3.13-3.14) is proportional to (g_X (c_W^2 A_XWW^SM - s_W^2 A_XYY^SM))^2.  The SM
traces depend on the charges only through alpha_{B+L} (Eq. 3.2: A_XWW^SM = -3 alpha_{B+L} = -A_XYY^SM).  So

    BR(channel; m_X) = (g_X A_XWW^SM)^2 r(m_X),   r = BR at g_X A_XWW^SM = 1  (a universal curve per channel),

and a missing-energy limit BR(channel) B(X -> E_miss) < BR_lim(m_X) gives

    g_X,max(m_X) = sqrt(BR_lim(m_X) / (B(X -> E_miss; m_X) r(m_X))) / |A_XWW^SM|,

where only B(X -> E_miss) -- a closed form in the lepton charges (Eq. 3.28 generalised) plus alpha_B^2 times the
hadronic ratio R_B(m) of the baryon-number current (`physics.pheno.hadrons`) -- and |A_XWW^SM| = 3|alpha_{B+L}| know the
model.  The naturalness line follows from Eq. (2.9) for the anomalon family (its bound depends on the multiplets'
(n, Y) only, so one number per family and m), the direct-search line from m_Psi = y m_X/g_X > 100 GeV (Sec. 3.3).

`universal_curves()` returns these ingredients as one JSON-ready dict, computed by the same functions as the chapters:
r(m) from `physics.pheno.rates.branching_ratio` (gA = 1), BR_lim as the raw knots of `physics.pheno.limits` (the page
interpolates them exactly as limits.py does, linearly in log BR within each segment), R_B(m) below 2 GeV as the knots of
the VMD tables (linear interpolation is then exact), the naturalness bounds with the book's reading of Eq. (2.9)
(`physics.paper.naturalness_readings.TABLE_READING`, as `python -m physics explore`).  The page
(book/_assets/explorer/explorer.js) only rescales them; tests/test_universal.py recomputes the explorer from the JSON in
Python and compares with `physics.pheno.explorer.explore`.

Storage of r: on the common grid, per channel, s(m) = ln r(m) - p ln(1 - m^2/m_hi^2), with m_hi the kinematic endpoint
and p its power (Eq. 3.9: |k| ~ lambda^(1/2) -> p = 1/2; Eq. 3.10: |k|^3 -> 3/2; Eq. 3.14: (m_Z^2 - m^2)^2 (1 - m^4/m_Z^4)
-> 3).  s is smooth up to the endpoint, so a 4-point Lagrange interpolation in ln m reproduces r to < 1e-6 between grid
points (tests/test_universal.py); at grid points the values are exact.
"""
from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import numpy as np

from physics import __version__
from physics import inputs as I
from physics.model.classification import family as build_family
from physics.model import naturalness
from physics.paper.naturalness_readings import TABLE_READING, get_reading
from physics.pheno import eft, hadrons, limits, plane, rates
from physics.pheno.explorer import PLANE_GRID, VIABLE_DIRECT, VIABLE_NATURALNESS

FORMAT = "u1x-universal-curves"
VERSION = 1
#: Common m_X grid (GeV): the explorer's plane grid, 150 log points per decade from GRID_MIN to just below m_Z, a
#: 10 MeV linear grid where the B-meson form factors vary fastest, and points crowding each kinematic endpoint.
GRID_MIN = 1.0e-3
PER_DECADE = 150
LINEAR = (0.5, 5.3, 0.01)
ENDPOINT_STEPS = np.geomspace(1e-2, 1e-9, 15)
#: Endpoint power p of each channel kind (see the module docstring).
ENDPOINT_POWER = {"P": 0.5, "KL": 0.5, "V": 1.5, "Z": 3.0}
#: Families offered on the page and the range of m exported (naturalness bound per m).
FAMILY_M = {"A.6": (2, 30), "A.11": (1, 30)}
SIG = 12  # significant digits of the stored ln-rates and R_B (interpolation error is ~1e-7, rounding 1e-12)


def _round(x: float, sig: int = SIG) -> float:
    return float(f"{x:.{sig}g}")


def common_grid() -> np.ndarray:
    """The common m_X grid (GeV), sorted, containing the explorer's plane grid exactly."""
    pl = plane._mass_grid(PLANE_GRID["mX_min"], PLANE_GRID["mX_max"], PLANE_GRID["n"])
    n = int(round(PER_DECADE * math.log10(I.M_Z / GRID_MIN)))
    logg = np.geomspace(GRID_MIN, I.M_Z * (1 - 1e-9), n + 1)
    lin = np.arange(*LINEAR)
    ends = [hi * (1 - ENDPOINT_STEPS) for hi in {rates.mass_range(ch)[1] for ch in rates.CHANNELS}]
    extra = np.unique(np.concatenate([logg, lin, *ends]))
    # drop extra points within 1e-4 (relative) of a plane point or of each other (keeps the interpolation well posed)
    keep, last = [], 0.0
    for x in extra:
        near_plane = np.min(np.abs(pl / x - 1)) < 1e-4
        if not near_plane and (last == 0.0 or x / last - 1 > 1e-4):
            keep.append(x)
            last = x
    return np.unique(np.concatenate([pl, keep]))


def _channel_curve(ch: str, grid: np.ndarray) -> dict:
    lo, hi = rates.mass_range(ch)
    kind = rates.CHANNELS[ch]["kind"]
    p = ENDPOINT_POWER[kind]
    inside = np.nonzero((grid > lo) & (grid < hi))[0]
    m = grid[inside]
    r = rates.branching_ratio(ch, m, gA=1.0)["BR"]
    s = np.log(r) - p * np.log1p(-(m / hi) ** 2)
    return {"range_GeV": [lo, hi], "endpoint_power": p, "first": int(inside[0]), "count": int(inside.size),
            "ln_reduced_rate": [_round(v) for v in s]}


def _limit_pieces(ch: str) -> dict | None:
    """The default BR limit of `ch` as raw pieces: curves (segments of (m, ln BR) knots) and constants."""
    if not limits.DATASETS[ch]:
        return None
    ds = limits.DATASETS[ch][0]
    names = {"na62_combined": ["na62_2016_2022", "na62_pi0inv"]}.get(ds, [ds])
    pieces = []
    for name in names:
        if name in limits.CURVES:
            spec = limits.CURVES[name]
            m, br = limits._curve_arrays(spec["file"], spec["column"])
            segs = [{"mX_GeV": [float(x) for x in m[s]], "ln_BR": [float(v) for v in np.log(br[s])]}
                    for s in limits._segments(m)]
            pieces.append({"kind": "curve", "name": name, "file": spec["file"], "segments": segs})
        else:
            c = limits.constant_limits()[name]
            pieces.append({"kind": "constant", "name": name, "file": c["file"], "BR": c["br"],
                           "mX_min_GeV": c["m_min"], "mX_max_GeV": c["m_max"] if math.isfinite(c["m_max"]) else None})
    r = limits.coupling_limit(ch, 0.5 * sum(limits.curve_range(names[0])[0]) if names[0] in limits.CURVES
                              else min(rates.mass_range(ch)[1], limits.constant_limits()[names[0]]["m_max"]) / 2)
    return {"dataset": ds, "description": r["dataset"], "cl": r["cl"], "combine": "min", "pieces": pieces}


def _vmd_baryon_knots() -> dict:
    """R_B(m) below hadrons.M_MATCH on the union of the tables' knots (exact under linear interpolation), with the
    knots where R_B is exactly linear between its neighbours removed."""
    ms = set()
    for fs, comps in hadrons.FINAL_STATES.items():
        for comp in comps:
            ms |= set(hadrons.table(fs, comp)[0].tolist())
    m = np.array(sorted(x for x in ms if x <= hadrons.M_MATCH))
    r = np.asarray(hadrons.ratio_vmd(m, 1 / 3), float)
    keep = [0]
    for i in range(1, m.size - 1):
        j, k = keep[-1], i + 1
        t = (m[j + 1:k] - m[j]) / (m[k] - m[j])
        if np.any(np.abs(r[j] + t * (r[k] - r[j]) - r[j + 1:k]) > 1e-13 * np.abs(r[j + 1:k])):
            keep.append(i)
    keep.append(m.size - 1)
    return {"mX_GeV": [float(m[i]) for i in keep], "R_B": [_round(float(r[i]), 15) for i in keep]}


def naturalness_table() -> dict:
    """Naturalness bound (TeV, Delta = 100, the book's reading of Eq. 2.9) per family and m (shift-independent)."""
    reading = get_reading(TABLE_READING)
    out = {}
    for name, (m0, m1) in FAMILY_M.items():
        vals = {}
        for m in range(m0, m1 + 1):
            spec = build_family(name, alpha_BL=1, m=m)
            try:
                vals[str(m)] = float(naturalness.naturalness_bound_TeV(spec, reading=reading))
            except ValueError:
                vals[str(m)] = None
        out[name] = {"m_min": m0, "m_max": m1, "naturalness_bound_TeV": vals}
    return out


def universal_curves() -> dict:
    """The versioned, deterministic payload of universal_curves.json (see the module docstring)."""
    grid = common_grid()
    pl_grid = plane._mass_grid(PLANE_GRID["mX_min"], PLANE_GRID["mX_max"], PLANE_GRID["n"])
    index = {float(x): i for i, x in enumerate(grid)}
    ew = eft.ew_couplings()
    channels = {}
    for ch in rates.CHANNELS:
        c = _channel_curve(ch, grid)
        c["limit"] = _limit_pieces(ch)
        c["fig3_group"] = next((g for g, spec in plane.FIG3_CHANNELS.items() if ch in spec["channels"]), None)
        channels[ch] = c
    payload = {
        "format": FORMAT, "version": VERSION, "book_version": f"physics {__version__}",
        "paper": "arXiv:2603.04394", "generator": "physics.viz.universal.universal_curves",
        "rate_definition": "r(m) = BR(channel) at g_X A_XWW^SM = 1 (Z -> gamma X with A_XYY^SM = -A_XWW^SM); "
                           "stored as ln r - p ln(1 - m^2/m_hi^2)",
        "constants": {
            "sw2": ew["sw2"], "cw2": ew["cw2"], "M_Z_GeV": I.M_Z,
            "lepton_mass_GeV": {"e": I.M_E, "mu": I.M_MU, "tau": I.M_TAU},
            "quark_threshold_mass_GeV": dict(hadrons.QUARK_THRESHOLD_MASS), "N_c": hadrons.N_C,
            "vmd_match_GeV": hadrons.M_MATCH,
            "y_direct": list(plane.Y_DIRECT), "y_naturalness": plane.Y_PERTURBATIVE,
            "m_psi_direct_GeV": plane.M_PSI_DIRECT, "TeV_GeV": plane.TEV, "deltas": list(plane.DELTAS),
            "viable": {"direct": VIABLE_DIRECT, "naturalness": VIABLE_NATURALNESS},
        },
        "grid": {"mX_GeV": [float(x) for x in grid], "plane": dict(PLANE_GRID),
                 "plane_index": [index[float(x)] for x in pl_grid]},
        "channels": channels,
        "fig3_groups": {g: {"channels": list(spec["channels"]), "label": spec["label"], "colour": spec["colour"]}
                        for g, spec in plane.FIG3_CHANNELS.items()},
        "hadrons": {"vmd_baryon": _vmd_baryon_knots(),
                    "source": "VMD fit of e+e- -> hadrons, Ilten, Soreq, Williams, Xue, arXiv:1801.04847 (tables in "
                              "physics/data/vmd/); perturbative quarks (N_c = 3, LO) at and above vmd_match_GeV"},
        "families": naturalness_table(),
        "naturalness_reading": TABLE_READING,
    }
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), allow_nan=False)
    payload["sha256"] = hashlib.sha256(body.encode()).hexdigest()
    return payload


def dumps(payload: dict | None = None) -> str:
    """Deterministic JSON text of the payload (sorted keys, no spaces)."""
    return json.dumps(universal_curves() if payload is None else payload, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)


def write_universal_curves(outdir, payload: dict | None = None) -> list[Path]:
    """Write universal_curves.json and universal_curves.js (the same data as `window.U1X_UNIVERSAL = ...;`, so the
    page also works from file://, where browsers block fetch) into `outdir`; rewrite only if the bytes change."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    text = dumps(payload)
    files = {"universal_curves.json": text + "\n",
             "universal_curves.js": "/* generated by physics.viz.universal.write_universal_curves; do not edit */\n"
                                    f"window.U1X_UNIVERSAL = {text};\n"}
    out = []
    for name, content in files.items():
        p = outdir / name
        if not p.is_file() or p.read_text(encoding="utf-8") != content:
            p.write_text(content, encoding="utf-8")
        out.append(p)
    return out


# ------------------------------------------------------------------------------------------------
# Figure: the widths of a B - L vector
# ------------------------------------------------------------------------------------------------
def widths_figure(alphas=None, mX_min: float = 0.01, mX_max: float = 10.0, n: int = 800):
    """Matplotlib figure: Gamma(X -> invisible), Gamma(X -> l+ l-), Gamma(X -> hadrons) per g_X^2 (GeV) and
    B(X -> E_miss) for `alphas` (default B - L), from `physics.pheno.hadrons.widths`."""
    import matplotlib.pyplot as plt  # noqa: PLC0415

    from physics.model.charges import ChargeAssignment  # noqa: PLC0415

    a = alphas if alphas is not None else ChargeAssignment(alpha_B=1, alpha_e=-1, alpha_mu=-1, alpha_tau=-1)
    m = np.geomspace(mX_min, mX_max, n)
    w = hadrons.widths(m, a)
    fig, (ax, bx) = plt.subplots(2, 1, figsize=(7, 6.4), sharex=True, gridspec_kw={"height_ratios": [2, 1]})
    ax.loglog(m, w["invisible"], color="#1f4fd6", label=r"$X\to\nu\bar\nu$ (invisible)")
    ax.loglog(m, np.where(w["charged_leptons"] > 0, w["charged_leptons"], np.nan), color="#d62728",
              label=r"$X\to\ell^+\ell^-$")
    ax.loglog(m, np.where(w["hadrons"] > 0, w["hadrons"], np.nan), color="#2ca02c",
              label="$X\\to$ hadrons (VMD < 2 GeV, quarks above)")
    ax.loglog(m, w["total"], color="k", lw=0.8, ls="--", label="total")
    ax.axvline(hadrons.M_MATCH, color="0.6", lw=0.6, ls=":")
    ax.set_ylabel(r"$\Gamma/g_X^2$ [GeV]")
    ax.set_ylim(float(np.min(w["total"])) / 30, float(np.max(w["total"])) * 3)
    ax.legend(fontsize=8, loc="lower right")
    default = alphas is None
    ax.set_title(("$X = B - L$" if default else a.label()) + ": partial widths of X", fontsize=10)
    bx.semilogx(m, w["B_invisible"], color="#1f4fd6")
    bx.axvline(hadrons.M_MATCH, color="0.6", lw=0.6, ls=":")
    bx.set_ylim(0, 1.05)
    bx.set_ylabel(r"$\mathcal{B}(X\to E_{\rm miss})$")
    bx.set_xlabel(r"$m_X$ [GeV]")
    fig.tight_layout()
    return fig

"""The readings map (issue 13): every reading of Secs. 3.2.5 and 2.1 against the paper's printed numbers and statements.

For each reading (a complete assignment of the choices the paper leaves open, `physics.pheno.readings` for Sec. 3.2.5,
`SEC21_CHOICES` below for Eq. (2.9)) this module computes every printed number of the section, says which of them the
reading reproduces at the paper's printed precision (|computed - printed| <= precision, the ledger's rule), and which
statements of the paper the reading contradicts.  Rankings put the readings that reproduce the most printed numbers
jointly first; a reading that reproduces more numbers while contradicting the text is shown as such, not preferred.

Statements checked (Sec. 3.2.5):

* ``Eq. (2.11): g = 0.65``  the SU(2)_L coupling used must round to the quoted g ≃ 0.65 (half a unit of the last digit);
* ``fn. 4: one Ref. [33] for B->K and B->K*``; ``fn. 4: one Ref. [34] for B->pi and B->rho``;
* ``fn. 4: Refs. [33] and [34] differ``  the two pairs cannot come from the same paper (different reference numbers);
* ``fn. 6: Gaussian in g_S^2``, ``fn. 6: Gaussian in g_P^2``  (squared couplings of Eqs. (3.25)-(3.26));
* ``fn. 6: B->pi,rho included`` and ``fn. 6: B->pi,rho negligible`` (their effect on g_X below the printed precision).

Statements checked (Sec. 2.1): ``Eq. (2.9): C = 1 (2) for Majorana (Dirac)`` (per-Weyl counting doubles a DL pair),
``Eq. (2.8): M_h is the pole mass``, ``Eq. (2.11): g = 0.65``.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import replace
from functools import lru_cache

import numpy as np

from physics import inputs
from physics.paper.printed import G2, GX_BEST_FIT, load_paper_values

#: Ledger ids of the printed numbers of Sec. 3.2.5 that depend on the reading, and the scan key that computes each.
SEC325_TARGETS = {
    "sec3-2-5-gX": "gX_best",
    "sec3-2-5-BRZ": "BR_Z_gammaX",
    "sec3-2-5-sigma": "significance_sigma",
    "sec3-2-5-BRKstar": "BR_B+_K*+X",
    "sec3-2-5-outside-1sigma": "outside_1sigma_plane",
}
SHORT = {"sec3-2-5-gX": "gX", "sec3-2-5-BRZ": "BR_Z", "sec3-2-5-sigma": "sigma", "sec3-2-5-BRKstar": "BR_K*",
         "sec3-2-5-outside-1sigma": "outside_1sigma"}


def _entries() -> dict:
    return {e["id"]: e for e in load_paper_values()}


def _g_contradicts(g) -> np.ndarray:
    """True where the SU(2) coupling does not round to the quoted g ≃ 0.65 (Eq. (2.11), printed to two digits)."""
    return np.abs(np.asarray(g, float) - G2) > 0.005 * (1 + 1e-9)


@lru_cache(maxsize=4)
def sec325_map(mX: float | None = None) -> dict:
    """Scan every Sec. 3.2.5 reading; add matches and contradictions.  Returns the scan dict plus
    'matches' (N x 5 bool, columns SEC325_TARGETS), 'contradicts' (list of lists of statement names),
    'n_matches', 'n_contradicts', 'BR_Z_gammaX_at_printed_gX', 'pulls' (N x 5, |computed - printed| / precision)."""
    from physics.pheno import readings as R

    res = R.scan() if mX is None else R.scan(mX)
    res = dict(res)
    res["outside_1sigma_plane"] = ~res["inside_1sigma_plane"]
    res["BR_Z_gammaX_at_printed_gX"] = res["BR_Z_per_gX2"] * GX_BEST_FIT**2
    ents = _entries()
    N = len(res["readings"])
    matches = np.zeros((N, len(SEC325_TARGETS)), bool)
    pulls = np.zeros((N, len(SEC325_TARGETS)))
    for j, (eid, key) in enumerate(SEC325_TARGETS.items()):
        e = ents[eid]
        vals = res[key]
        if key == "outside_1sigma_plane":
            matches[:, j] = vals == (str(e["value"]) == "True")
            pulls[:, j] = np.where(matches[:, j], 0.0, 1.0)
            continue
        p, prec = float(e["value"]), float(e["precision"])
        matches[:, j] = np.abs(vals - p) <= prec * (1 + 1e-9)
        pulls[:, j] = np.abs(vals - p) / prec
    # statements of the paper
    rs = res["readings"]
    ff_bs = np.array([r["ff_bs"] for r in rs])
    ff_bd = np.array([r["ff_bd"] for r in rs])
    same_paper = np.array([R.FF.REFERENCE_PAPER[a] == R.FF.REFERENCE_PAPER[b] for a, b in zip(ff_bs, ff_bd)])
    inc = np.array([r["b_pi_rho"] for r in rs])
    checks = {
        "Eq. (2.11): g = 0.65": _g_contradicts(res["g"]),
        "fn. 4: one Ref. [33] for B->K and B->K*": ff_bs == "book_mix",
        "fn. 4: one Ref. [34] for B->pi and B->rho": ff_bd == "book_mix",
        "fn. 4: Refs. [33] and [34] differ": same_paper,
        "fn. 6: Gaussian in g_S^2": np.array([r["gS"] == "linear" for r in rs]),
        "fn. 6: Gaussian in g_P^2": np.array([r["gP"] == "linear" for r in rs]),
        "fn. 6: B->pi,rho included": ~inc,
        "fn. 6: B->pi,rho negligible": inc & (np.abs(res["gX_best"] - res["gX_best_no_b_pi_rho"])
                                              > float(ents["sec3-2-5-gX"]["precision"])),
    }
    names = list(checks)
    C = np.stack([checks[k] for k in names], axis=1)
    res.update({"matches": matches, "pulls": pulls, "n_matches": matches.sum(1), "statement_names": names,
                "contradicts_matrix": C, "n_contradicts": C.sum(1),
                "contradicts": [[names[k] for k in np.flatnonzero(row)] for row in C]})
    return res


def _rank(res: dict) -> np.ndarray:
    """Order: most printed numbers reproduced jointly, then fewest contradictions, then smallest summed pull."""
    return np.lexsort((res["pulls"].sum(1), res["n_contradicts"], -res["n_matches"]))


def sec325_rows(top: int | None = None, order: str = "rank") -> list[dict]:
    """Rows for the CLI / the chapter: one per reading (ranked), JSON-ready."""
    from physics.pheno import readings as R

    res = sec325_map()
    idx = _rank(res) if order == "rank" else np.arange(len(res["readings"]))
    if top is not None:
        idx = idx[:top]
    out = []
    ids = list(SEC325_TARGETS)
    for i in idx:
        out.append({
            "reading": dict(res["readings"][i]), "name": R.name(res["readings"][i]),
            "gX_best": float(res["gX_best"][i]), "BR_Z_gammaX": float(res["BR_Z_gammaX"][i]),
            "BR_Z_gammaX_at_printed_gX": float(res["BR_Z_gammaX_at_printed_gX"][i]),
            "significance_sigma": float(res["significance_sigma"][i]), "BR_B+_K*+X": float(res["BR_B+_K*+X"][i]),
            "delta_chi2_plane": float(res["delta_chi2_plane"][i]), "g": float(res["g"][i]),
            "matches": [ids[j] for j in np.flatnonzero(res["matches"][i])],
            "contradicts": list(res["contradicts"][i]),
        })
    return out


def sec325_spread() -> list[dict]:
    """For each printed number: printed value, value under the default reading, min/median/max over all readings,
    the number of readings reproducing it, and how many of those contradict no statement."""
    from physics.pheno import readings as R

    res = sec325_map()
    ents = _entries()
    d = res["readings"].index(R.DEFAULT)
    free = res["n_contradicts"] == 0
    out = []
    for j, (eid, key) in enumerate(SEC325_TARGETS.items()):
        v = np.asarray(res[key], float)
        out.append({"id": eid, "paper": ents[eid]["paper"], "default": float(v[d]), "min": float(v.min()),
                    "median": float(np.median(v)), "max": float(v.max()),
                    "n_reproduce": int(res["matches"][:, j].sum()),
                    "n_reproduce_consistent": int((res["matches"][:, j] & free).sum()),
                    "default_reproduces": bool(res["matches"][d, j])})
    return out


def sec325_best_joint() -> dict:
    """The largest number of printed numbers reproduced jointly, overall and by readings contradicting no statement."""
    res = sec325_map()
    free = res["n_contradicts"] == 0
    return {"max_matches": int(res["n_matches"].max()), "max_matches_consistent": int(res["n_matches"][free].max()),
            "n_readings": len(res["readings"]), "n_consistent": int(free.sum())}


def default_row() -> dict:
    from physics.pheno import readings as R

    res = sec325_map()
    i = res["readings"].index(R.DEFAULT)
    return next(r for r in sec325_rows(order="index") if r["reading"] == res["readings"][i])


def reproducing_reading(eid: str, consistent: bool = True) -> dict | None:
    """The best-ranked reading that reproduces ledger entry `eid` (and, if `consistent`, contradicts nothing)."""
    from physics.pheno import readings as R

    res = sec325_map()
    j = list(SEC325_TARGETS).index(eid)
    for i in _rank(res):
        if res["matches"][i, j] and (not consistent or res["n_contradicts"][i] == 0):
            return {"reading": dict(res["readings"][i]), "name": R.name(res["readings"][i]),
                    "value": res[SEC325_TARGETS[eid]][i].item()}
    return None


# ------------------------------------------------------------------------------------------------
# Sec. 2.1: readings of Eq. (2.9) (naturalness bounds of Tables 2-3)
# ------------------------------------------------------------------------------------------------
def _mu_options() -> dict:
    from physics.paper.naturalness_readings import MU_TABLE_FIT

    return {"M_Pl": ("fixed", inputs.M_PLANCK), "reduced_M_Pl": ("fixed", inputs.M_PLANCK_REDUCED),
            "fitted_1.45e20": ("fixed", MU_TABLE_FIT), "1TeV": ("fixed", 1e3), "m_t": ("fixed", inputs.M_TOP),
            "v": ("fixed", inputs.V_EW), "M_h": ("fixed", inputs.M_H), "mu=M": ("ratio", 1.0)}


#: The open choices of Eqs. (2.8)-(2.9).
SEC21_CHOICES = {
    "mu": ("M_Pl", "reduced_M_Pl", "fitted_1.45e20", "1TeV", "m_t", "v", "M_h", "mu=M"),
    "g2": ("printed_0.65", "MSbar_mZ", "running"),
    "counting": ("multiplet", "weyl"),
    "mh2": ("pole", "lagrangian"),
    "log": ("ln", "log10"),
}
SEC21_DEFAULT = {"mu": "fitted_1.45e20", "g2": "printed_0.65", "counting": "multiplet", "mh2": "pole", "log": "ln"}
SEC21_IDS = [f"tab2-r{i}-naturalness" for i in range(1, 6)] + [f"tab3-r{i}-naturalness" for i in range(1, 7)]


def sec21_reading(choice: dict):
    """The `physics.model.naturalness.Reading` of a Sec. 2.1 choice dict."""
    from physics.model.naturalness import Reading

    mode, val = _mu_options()[choice["mu"]]
    g2 = {"printed_0.65": G2, "MSbar_mZ": inputs.G2_MZ, "running": inputs.G2_MZ}[choice["g2"]]
    return Reading(name=",".join(f"{k}={v}" for k, v in choice.items()), description="readings map",
                   mu_mode=mode, mu_value=val, g2=g2, running=choice["g2"] == "running", log=choice["log"],
                   mh2=choice["mh2"], counting=choice["counting"])


def _sec21_spectra():
    from physics.model import classification
    from fractions import Fraction

    a = Fraction(1, 3)
    t2 = [classification.family("A.6", m=m, alpha_BL=a) for m in range(2, 8)]    # rows 1-5 and the next (m = 7)
    t3 = [classification.family("A.11", m=n, alpha_BL=a) for n in range(1, 8)]   # rows 1-6 and the next (n = 7)
    return t2, t3


def _bounds_vectorised(spectra, readings, delta: float = 100.0) -> np.ndarray:
    """Naturalness bounds (TeV) for every (reading, spectrum): first M with Delta(M) = delta, vectorised.

    Same definition as physics.model.naturalness.naturalness_bound_TeV (first crossing on its log grid, then
    bisection in log M), evaluated for all readings and spectra at once.
    """
    from physics.model import naturalness as nat

    grid = nat._GRID
    out = np.full((len(readings), len(spectra)), np.nan)
    for ir, rd in enumerate(readings):
        mults = [nat.multiplet_list(sp, rd.counting) for sp in spectra]
        # one column per multiplet slot, one row per spectrum; empty slots are exact zeros (adding 0.0 changes
        # nothing), so each spectrum's sum runs over its multiplets in order, as a per-spectrum sum would
        width = max(len(ml) for ml in mults)
        pad = [ml + [(0, 0.0, 0)] * (width - len(ml)) for ml in mults]
        Cn = [np.array([[float(ml[k][2] * ml[k][0])] for ml in pad]) for k in range(width)]
        A = [np.array([[(ml[k][0] * ml[k][0] - 1) / 4 if ml[k][2] else 0.0] for ml in pad]) for k in range(width)]
        YY = [np.array([[ml[k][1] * ml[k][1]] for ml in pad]) for k in range(width)]

        def delta_of(M):  # M: (S, K) masses for each spectrum
            mu = rd.mu(M)
            g2, gY = rd.couplings(M)
            g24, gY4 = g2**4, gY**4
            gauge = 0
            for k in range(width):
                gauge = gauge + Cn[k] * (A[k] * g24 + YY[k] * gY4)
            res = gauge * M**2 / (4 * np.pi) ** rd.loop_power * nat._log_factor(M, mu, rd.log)
            return np.abs(res) / rd.mh2_value - delta

        G = np.broadcast_to(grid, (len(spectra), grid.size)).copy()
        f = delta_of(G)
        above = f > 0
        first = np.argmax(above, axis=1)
        ok = above.any(axis=1) & (first > 0)
        lo = np.log(grid[np.maximum(first - 1, 0)])
        hi = np.log(grid[first])
        for _ in range(60):
            mid = 0.5 * (lo + hi)
            fm = delta_of(np.exp(mid)[:, None])[:, 0]
            lo, hi = np.where(fm > 0, lo, mid), np.where(fm > 0, mid, hi)
        out[ir] = np.where(ok, np.exp(0.5 * (lo + hi)) / 1e3, np.nan)
    return out


@lru_cache(maxsize=1)
def sec21_map() -> dict:
    """Every reading of Eq. (2.9) applied to Tables 2-3 (+ the first row beyond each table, for the 1 TeV cut)."""
    keys = list(SEC21_CHOICES)
    choices = [dict(zip(keys, v)) for v in itertools.product(*SEC21_CHOICES.values())]
    t2, t3 = _sec21_spectra()
    rds = [sec21_reading(c) for c in choices]
    b = _bounds_vectorised(t2 + t3, rds)
    b2, b3 = b[:, :len(t2)], b[:, len(t2):]
    bounds = np.concatenate([b2[:, :5], b3[:, :6]], axis=1)
    ents = _entries()
    printed = np.array([float(ents[i]["value"]) for i in SEC21_IDS])
    prec = np.array([float(ents[i]["precision"]) for i in SEC21_IDS])
    with np.errstate(invalid="ignore"):
        match = np.abs(bounds - printed) <= prec * (1 + 1e-9)
        rows2 = (b2[:, :5] >= 1.0).all(1) & (b2[:, 5] < 1.0)
        rows3 = (b3[:, :6] >= 1.0).all(1) & (b3[:, 6] < 1.0)
    g_used = np.array([G2 if c["g2"] == "printed_0.65" else inputs.G2_MZ for c in choices])
    checks = {
        "Eq. (2.9): C = 1 (2) for Majorana (Dirac)": np.array([c["counting"] == "weyl" for c in choices]),
        "Eq. (2.8): M_h is the pole mass": np.array([c["mh2"] == "lagrangian" for c in choices]),
        "Eq. (2.11): g = 0.65": _g_contradicts(g_used),
    }
    names = list(checks)
    C = np.stack([checks[k] for k in names], axis=1)
    matches = np.concatenate([match, rows2[:, None], rows3[:, None]], axis=1)
    return {"choices": choices, "bounds": bounds, "printed": printed, "matches": matches,
            "bounds_next": np.stack([b2[:, 5], b3[:, 6]], axis=1),  # Table 2 row m = 7, Table 3 row n = 7 (TeV)
            "match_ids": SEC21_IDS + ["tab2-rows", "tab3-rows"], "n_matches": matches.sum(1),
            "worst_gap": np.nanmax(np.abs(bounds - printed), axis=1), "statement_names": names,
            "contradicts_matrix": C, "n_contradicts": C.sum(1),
            "contradicts": [[names[k] for k in np.flatnonzero(r)] for r in C],
            "fitted": np.array([c["mu"] == "fitted_1.45e20" for c in choices])}


def sec21_rows(top: int | None = None) -> list[dict]:
    m = sec21_map()
    gap = np.nan_to_num(m["worst_gap"], nan=1e9)
    idx = np.lexsort((gap, m["n_contradicts"], -m["n_matches"]))
    if top is not None:
        idx = idx[:top]
    return [{"reading": dict(m["choices"][i]), "bounds_TeV": [None if math.isnan(x) else float(x) for x in m["bounds"][i]],
             "worst_gap_TeV": None if math.isnan(m["worst_gap"][i]) else float(m["worst_gap"][i]),
             "uses_fitted_mu": bool(m["fitted"][i]),
             "matches": [m["match_ids"][j] for j in np.flatnonzero(m["matches"][i])],
             "contradicts": list(m["contradicts"][i])} for i in idx]


def sec21_default_row() -> dict:
    return next(r for r in sec21_rows() if r["reading"] == SEC21_DEFAULT)


def sec325_printed() -> dict:
    """{ledger id: (printed value, printed precision)} of the numeric Sec. 3.2.5 targets (for the figure)."""
    ents = _entries()
    return {eid: (float(ents[eid]["value"]), float(ents[eid]["precision"])) for eid in SEC325_TARGETS
            if eid != "sec3-2-5-outside-1sigma"}


def __getattr__(name: str):
    """`R` (physics.pheno.readings, the Sec. 3.2.5 scan) is imported on first use (PEP 562), so that the Sec. 2.1 map
    does not import the Belle II fit."""
    if name == "R":
        from physics.pheno import readings as R

        return R
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

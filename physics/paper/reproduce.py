"""How the book computes each ledger entry (see physics.paper.ledger and paper_values.yaml), and from what.

A function decorated with `@computes("id1", "id2", ..., provenance=..., uses=[...])` returns the computed value of one
entry, or a dict {id: value} for several.  `provenance` says where its inputs came from:

* ``independent``    the paper's equations with PDG/experimental inputs only (`physics.inputs`, `physics/data/limits`);
* ``printed-input``  uses a printed intermediate number of the paper (listed in `uses`);
* ``fitted``         uses a parameter fitted to printed numbers (which, to how many: in `uses`);
* ``input``          the printed number is itself an input of the book;
* ``unavailable``    the book cannot compute it (a dataset or an input the text does not give).

`reading` names a choice the paper leaves open and the book made for this entry (empty if there is none).
`@alternative` registers the same quantity computed another way (e.g. the Sec. 4 chain from the book's own fit),
shown beside the main value.  tests/test_provenance.py perturbs every printed number and checks that entries marked
``independent`` do not move while the others do.
"""
from __future__ import annotations

from fractions import Fraction

from physics.model.anomalies import anomaly_coefficients, sm_traces
from physics.model.charges import ChargeAssignment, TAU_MODEL, sm_fermions

PROVENANCES = ("independent", "printed-input", "fitted", "input", "unavailable")

#: id -> Registration
REGISTRY: dict = {}
#: id -> list of (label, function, provenance)
ALTERNATIVES: dict = {}


class Registration:
    __slots__ = ("fn", "how", "provenance", "uses", "reading", "chosen")

    def __init__(self, fn, how, provenance, uses, reading, chosen=False):
        self.fn, self.how, self.provenance, self.uses, self.reading = fn, how, provenance, list(uses), reading
        self.chosen = chosen  # the reading was chosen because it reproduces the printed value (said in the status)

    def __iter__(self):  # (fn, how), as the registry's entries were before provenance was added
        return iter((self.fn, self.how))

    def __getitem__(self, i):
        return (self.fn, self.how)[i]


def computes(*ids: str, how: str = "", provenance: str = "independent", uses=(), reading: str = "", chosen=()):
    """Register the function that computes `ids`; `chosen` lists the ids whose `reading` was chosen because it
    reproduces the printed value (their status then says so)."""
    if provenance not in PROVENANCES:
        raise ValueError(f"provenance must be one of {PROVENANCES}, got {provenance!r}")
    if provenance in ("printed-input", "fitted", "input") and not uses:
        raise ValueError(f"provenance {provenance!r} of {ids} must list what it uses")

    def register(fn):
        for i in ids:
            if i in REGISTRY:
                raise ValueError(f"ledger id {i!r} registered twice")
            REGISTRY[i] = Registration(fn, how, provenance, uses, reading, i in chosen)
        return fn

    return register


def alternative(*ids: str, label: str, provenance: str = "independent"):
    """Register another way of computing `ids` (function returns {id: value}), shown next to the main value."""
    def register(fn):
        for i in ids:
            ALTERNATIVES.setdefault(i, []).append((label, fn, provenance))
        return fn

    return register


def _call_all(registry_fns) -> dict:
    done = {}
    for fn in registry_fns:
        if fn not in done:
            done[fn] = fn()
    return done


def compute_all(ids=None) -> dict:
    """{id: computed value} for every registered entry, or only for `ids` (functions returning dicts are called
    once; a function none of `ids` needs is not called)."""
    regs = REGISTRY if ids is None else {i: REGISTRY[i] for i in ids if i in REGISTRY}
    done = _call_all(r.fn for r in regs.values())
    out = {}
    for i, r in regs.items():
        result = done[r.fn]
        out[i] = result[i] if isinstance(result, dict) else result
    return out


def compute_alternatives(ids=None) -> dict:
    """{id: [(label, value, provenance), ...]} for every registered alternative, or only for `ids`."""
    alternatives = ALTERNATIVES if ids is None else {i: ALTERNATIVES[i] for i in ids if i in ALTERNATIVES}
    done = _call_all(fn for alts in alternatives.values() for _, fn, _ in alts)
    return {i: [(label, done[fn][i], prov) for label, fn, prov in alts] for i, alts in alternatives.items()}


# ---------------------------------------------------------------- Sec. 2 and 3.1: anomalies of the SM
@computes("eq-2-2-sm", "eq-2-3-sm", how="SM fields of Table 1 at alpha = (1, 2, 3, 5)")
def _sm_gravitational_and_cubic():
    a = ChargeAssignment(alpha_B=1, alpha_e=2, alpha_mu=3, alpha_tau=5)
    c = anomaly_coefficients(sm_fermions(a))
    return {"eq-2-2-sm": c["2.2"], "eq-2-3-sm": c["2.3"]}


@computes("eq-2-4-sm", "eq-2-5-sm", "eq-2-6-sm",
          how="SM fields of Table 1 at alpha = (1, 2, 3, 5), divided by alpha_{B+L} = 13/3")
def _sm_electroweak_per_alpha():
    a = ChargeAssignment(alpha_B=1, alpha_e=2, alpha_mu=3, alpha_tau=5)
    c = anomaly_coefficients(sm_fermions(a))
    return {"eq-2-4-sm": c["2.4"] / a.alpha_BL, "eq-2-5-sm": c["2.5"] / a.alpha_BL, "eq-2-6-sm": c["2.6"]}


@computes("eq-2-7-tau", how="Eq. (2.7) for alpha_tau = 1")
def _alpha_BL_tau():
    return TAU_MODEL.alpha_BL


@computes("sec3-1-AXYY", "sec3-1-AXWW", how="Eq. (3.2) traces over the SM fields at alpha = (1, 2, 3, 5), per alpha_{B+L}")
def _traces_per_alpha():
    a = ChargeAssignment(alpha_B=1, alpha_e=2, alpha_mu=3, alpha_tau=5)
    t = sm_traces(a)
    return {"sec3-1-AXYY": t["XYY"] / a.alpha_BL, "sec3-1-AXWW": t["XWW"] / a.alpha_BL}


@computes("sec3-3-AXYY-tau", how="Eq. (3.2) traces for alpha_tau = 1; returns A_XYY if A_XYY = -A_XWW else a mismatch")
def _traces_tau():
    t = sm_traces(TAU_MODEL)
    return t["XYY"] if t["XYY"] == -t["XWW"] else Fraction(0)


# ---------------------------------------------------------------- Sec. 2.2: criteria
@computes("eq-2-10-triplet", how="Eq. (2.10) with Q = 1, Y = 0, its unit computed as alpha_2 m_W sin^2(theta_W/2) "
                               "(heavy-multiplet limit, hep-ph/0512090) with PDG 2024 MS-bar g(m_Z), c_W(m_Z) and m_W",
          reading="MS-bar alpha_2 and c_W at m_Z (the one-loop unit is scheme dependent: on-shell c_W gives 161.1 MeV)")
def _splitting_triplet():
    from physics.model.criteria import radiative_splitting

    return 1e3 * float(radiative_splitting(1, 0))


@alternative("eq-2-10-triplet", label="on-shell c_W = m_W/m_Z in the unit")
def _splitting_triplet_onshell():
    from physics.inputs import CW_ON_SHELL
    from physics.model.criteria import radiative_splitting, radiative_splitting_unit

    return {"eq-2-10-triplet": 1e3 * float(radiative_splitting(1, 0, delta=radiative_splitting_unit(cW=CW_ON_SHELL)))}


@computes("eq-2-11-nmax", how="largest n with ((n-1)/2 g)^2/(4 pi) <= 1 at the MS-bar g(m_Z) = 0.6517 of PDG 2024; "
                            "the printed g = 0.65 gives the same n (physics.model.criteria)")
def _perturbative_nmax():
    from physics.model.criteria import max_perturbative_n

    return max_perturbative_n()


# ---------------------------------------------------------------- Tables 2 and 3 (scans + Eq. 2.9)
#: The book's reading of Eqs. (2.8)-(2.9) (physics.paper.readings.SEC21_DEFAULT; all 192 readings are mapped in
#: notebooks/02_anomalons.md): mu fitted once to the 11 printed bounds, g = 0.65 as printed, C = 1 per ML field and
#: 2 per DL pair (Eq. (2.9)), Delta with the pole M_h (Eq. (2.8)), natural log.
SEC21_READING = ("table_fit (physics.paper.naturalness_readings): mu = 1.45e20 GeV fitted to the 11 printed bounds, "
                 "g2 = 0.65 as printed, gY(m_Z), C = 1 per ML field and 2 per DL pair, pole M_h, ln")


@alternative("tab3-r1-naturalness", "tab3-rows", "tab2-r2-naturalness",
             label="reading mu = 1.45e20 GeV (fitted) with g2 = MS-bar g(m_Z) = 0.6517 instead of the printed 0.65",
             provenance="fitted")
def _naturalness_g_msbar():
    from physics.paper.readings import sec21_map

    m = sec21_map()
    want = {"mu": "fitted_1.45e20", "g2": "MSbar_mZ", "counting": "multiplet", "mh2": "pole", "log": "ln"}
    i = m["choices"].index(want)
    j = {k: n for n, k in enumerate(m["match_ids"])}
    return {"tab3-r1-naturalness": float(m["bounds"][i, j["tab3-r1-naturalness"]]),
            "tab2-r2-naturalness": float(m["bounds"][i, j["tab2-r2-naturalness"]]),
            "tab3-rows": _rows_from_map(m, i, "tab3")}


@alternative("tab2-r2-naturalness", label="reading mu = M_Pl, g2 = MS-bar g(m_Z) (PDG inputs only, no fitted parameter)")
def _naturalness_planck():
    from physics.paper.readings import sec21_map

    m = sec21_map()
    i = m["choices"].index({"mu": "M_Pl", "g2": "MSbar_mZ", "counting": "multiplet", "mh2": "pole", "log": "ln"})
    return {"tab2-r2-naturalness": float(m["bounds"][i, m["match_ids"].index("tab2-r2-naturalness")])}


def _rows_from_map(m, i, table):
    """'(n,m,Y1,Y3) ...' text of the Table 3 rows whose bound stays above the 1 TeV cut under reading i of the map."""
    from physics.paper.tables import CUT_TEV, table3

    rows = table3(m_max=10)[:7]  # the rows of the book's reading (6) plus n = 7 (which it puts at 1.003 TeV)
    bounds = list(m["bounds"][i, 5:11]) + [m["bounds_next"][i, 1]]
    return _rows_text([r for r, b in zip(rows, bounds) if b >= CUT_TEV], ("n", "m", "Y1", "Y3"))


def _rows_text(rows, keys):
    return " ".join("(" + ",".join(str(r[k]) for k in keys) + ")" for r in rows)


@computes("tab2-r1-XS", "tab2-r2-XS", "tab2-r3-XS", "tab2-r4-XS", "tab2-r5-XS",
          how="exact N_Psi = 3 scan (integer charges, criteria (i)-(iii)), rows m = 2..6, no naturalness cut")
def _table2_charges():
    from physics.model.classification import table2_rows

    rows = table2_rows(m_max=6, alpha_BL=1)
    return {f"tab2-r{i}-XS": r[3] for i, r in enumerate(rows[:5], start=1)}


@computes("tab3-X1", how="exact two-DL-pair scan (integer charges, criteria (i)-(iii)), rows n = 1..6, no naturalness cut")
def _table3_charges():
    from physics.model.classification import table3_rows

    return " ".join(str(r[4][1]) for r in table3_rows(m_max=6, alpha_BL=1)[:6])


@computes("tab2-rows", "tab2-r1-naturalness", "tab2-r2-naturalness", "tab2-r3-naturalness", "tab2-r4-naturalness",
          "tab2-r5-naturalness",
          how="exact N_Psi = 3 scan filtered by criteria (i)-(iii) and the 1 TeV naturalness cut; Eq. (2.9) with the "
              "book's reading (mu fitted once to the 11 printed bounds: see Sec. 2.1)",
          provenance="fitted", uses=["mu fitted to the 11 printed naturalness bounds of Tables 2-3 (one parameter)",
                                     "g = 0.65 as printed below Eq. (2.11)"],
          reading=SEC21_READING)
def _table2():
    from physics.paper.tables import table2

    rows = table2()
    out = {"tab2-rows": _rows_text(rows, ("n", "m", "Y"))}
    for i in range(1, 6):  # a row the cut removes has no bound (None: not reproduced)
        out[f"tab2-r{i}-naturalness"] = rows[i - 1]["naturalness_TeV"] if i <= len(rows) else None
    return out


@computes("tab3-rows", "tab3-r1-naturalness", "tab3-r2-naturalness", "tab3-r3-naturalness",
          "tab3-r4-naturalness", "tab3-r5-naturalness", "tab3-r6-naturalness",
          how="exact two-DL-pair scan filtered by criteria (i)-(iii) and the 1 TeV naturalness cut; Eq. (2.9)",
          provenance="fitted", uses=["mu fitted to the 11 printed naturalness bounds of Tables 2-3 (one parameter)",
                                     "g = 0.65 as printed below Eq. (2.11)"],
          reading=SEC21_READING)
def _table3():
    from physics.paper.tables import table3

    rows = table3()
    out = {"tab3-rows": _rows_text(rows, ("n", "m", "Y1", "Y3"))}
    for i in range(1, 7):
        out[f"tab3-r{i}-naturalness"] = rows[i - 1]["naturalness_TeV"] if i <= len(rows) else None
    return out


@computes("tab3-anomaly-free", how="Table 3 row 1 built literally with the labels of Eq. (2.13) and X = 0; "
                                   "Eqs. (2.4)-(2.6) checked exactly")
def _table3_literal():
    from physics.model.classification import DL, ew_anomaly_free
    from physics.model.spectrum import Spectrum

    a = Fraction(1, 3)  # any alpha_{B+L} != 0; X_i = 3 alpha (X_i/(3 alpha)) with the printed columns at X = 0
    X1, X2 = 3 * a * Fraction(-1, 2), 3 * a * Fraction(-1, 2)
    sp = Spectrum("Table 3 row 1 (literal)", (DL(("Psi1", "Psi2"), 1, 1, X1, X2), DL(("Psi3", "Psi4"), 2, Fraction(1, 2), -X2, -X1)), a)
    return ew_anomaly_free(sp)


# ---------------------------------------------------------------- Appendix A
@computes("appA-N3-families", "appA-2DL-A11", "appA-1DL2ML-A15", "appA-A17-none",
          how="exact scans over the ranges stated in App. A (physics.model.classification.scan_all)")
def _appendix_a_scans():
    from physics.model.classification import scan_all

    res = scan_all()
    n3_ok = sorted({s.family or "other" for s in res["nPsi3"] if s.integer_charges and all(s.passes.values())})
    dl_ok = [s for s in res["2DL"] if s.criteria.ii.ok]
    ml_ii = [s for s in res["1DL+2ML"] if s.criteria.ii.ok]
    # k of (A.15) from n2 = m + k, n1 = m - k
    a15_k = sorted({(s.spectrum.params["n2"] - s.spectrum.params["n1"]) // 2 for s in ml_ii if s.family == "A.15"})
    return {
        "appA-N3-families": " ".join(n3_ok),
        "appA-2DL-A11": all(s.family == "A.11" for s in dl_ok),
        "appA-1DL2ML-A15": all(s.family == "A.15" for s in ml_ii) and a15_k == [1],
        "appA-A17-none": not any(s.family == "A.17" for s in ml_ii),
    }


@computes("appA-A22", "appA-A23", how="(A.18)-(A.21) evaluated exactly on the printed coloured spectra "
                                      "(A.22 in its most favourable reading: opposite Y in each DL pair, Psi_4 as A.11 rescaled)",
          reading="(A.22) read favourably: opposite Y in each DL pair, Psi_4 as (A.11) rescaled")
def _appendix_a_colour():
    from physics.model.classification import colour_A22, colour_A23, colour_conditions

    a = Fraction(1, 3)
    ok22 = all(v == 0 for s in (0, Fraction(1, 7)) for v in colour_conditions(colour_A22(a, s, reading="DL-rescaled"), a).values())
    ok23 = all(v == 0 for v in colour_conditions(colour_A23(a), a).values())
    return {"appA-A22": ok22, "appA-A23": ok23}


# ---------------------------------------------------------------- Section 4: UV models
_GX_PRINTED = ["g_X = 0.018 printed in Sec. 3.2.5 (the book's own fit gives a different value; see the alternative)"]


@computes("eq-4-3-vX", "sec4-2-vX", how="Eq. (4.2): v_X = m_X/(X_S g_X) with m_X = 2.1 GeV (Belle II two-body fit, "
                                        "Refs. [58, 24, 59]), the printed g_X = 0.018 and X_S = 1",
          provenance="printed-input", uses=_GX_PRINTED)
def _vX_unit_charge():
    from physics.inputs import MX_BENCHMARK
    from physics.model.uv_models import vX_GeV
    from physics.paper.printed import GX_BEST_FIT

    v = vX_GeV(1, MX_BENCHMARK, GX_BEST_FIT)
    return {"eq-4-3-vX": v, "sec4-2-vX": v}


@computes("sec4-1-vX-table5", how="Eq. (4.2) with X_S = 1/6 (Table 5), m_X = 2.1 GeV and the printed g_X = 0.018",
          provenance="printed-input", uses=_GX_PRINTED)
def _vX_table5():
    from physics.inputs import MX_BENCHMARK
    from physics.model.uv_models import vX_GeV
    from physics.paper.printed import GX_BEST_FIT

    return vX_GeV(Fraction(1, 6), MX_BENCHMARK, GX_BEST_FIT)


@alternative("eq-4-3-vX", "sec4-2-vX", "sec4-1-vX-table5", "sec4-1-mB-triplet", "sec4-1-mA-table5", "sec4-1-mB-table5",
             "sec4-2-mB0", label="from the book's own fit g_X (Sec. 3.2.5)")
def _sec4_own_fit():
    from physics.paper.uv_chain import sec4_chain

    return _sec4_rows(sec4_chain()["Eq. (4.2), book's fit g_X"])


@alternative("sec4-1-mB-triplet", "sec4-1-mA-table5", "sec4-1-mB-table5", "sec4-2-mB0",
             label="exact Eq. (4.2) v_X from the printed g_X", provenance="printed-input")
def _sec4_exact_vx():
    from physics.paper.uv_chain import sec4_chain

    return _sec4_rows(sec4_chain(gX_own=1.0)["Eq. (4.2), printed g_X"])


def _sec4_rows(r: dict) -> dict:
    return {"eq-4-3-vX": r["vX_XS1"], "sec4-2-vX": r["vX_XS1"], "sec4-1-vX-table5": r["vX_table5"],
            "sec4-1-mB-triplet": r["mB_triplet"], "sec4-1-mA-table5": r["mA_table5"] / 1e3,
            "sec4-1-mB-table5": r["mB_table5"] / 1e3, "sec4-2-mB0": r["mB0_2DL"]}


@computes("sec4-1-mB-triplet", "sec4-1-mA-table5", "sec4-1-mB-table5", "sec4-2-mB0",
          how="unitarity bounds of Eqs. (4.5), (4.7), (4.10) with m = y v_X/sqrt(2) at the paper's rounded "
              "v_X = 120 GeV (Secs. 4.1, 4.2) and 720 GeV (Table 5)",
          provenance="printed-input", uses=["v_X = 120 GeV (Eq. 4.3, Secs. 4.1-4.2) as printed",
                                            "v_X = 720 GeV (Sec. 4.1, Table 5) as printed"])
def _unitarity_limits():
    from physics.model.unitarity import mass_limit
    from physics.paper.printed import VX_EQ43, VX_TABLE5

    return {
        "sec4-1-mB-triplet": mass_limit("ML", 3, VX_EQ43),
        "sec4-1-mA-table5": mass_limit("DL", 3, VX_TABLE5) / 1e3,
        "sec4-1-mB-table5": mass_limit("ML", 5, VX_TABLE5) / 1e3,
        "sec4-2-mB0": mass_limit("DL", 2, VX_EQ43),
    }


@computes("sec4-1-quintuplet-fraction", how="(m/m_thermal)^2 with m = 300 GeV, m_thermal = 15 TeV, in percent",
          provenance="printed-input", uses=["m_thermal = 15 TeV of the ML quintuplet as printed in Sec. 4.1 (Ref. [72])"])
def _quintuplet_fraction():
    from physics.model.uv_models import relic_fraction
    from physics.paper.printed import M_THERMAL_QUINTUPLET_GEV

    return 100 * float(relic_fraction(300.0, M_THERMAL_QUINTUPLET_GEV))


@computes("sec4-2-splitting", how="Eq. (2.10) for the Y = 1/2 doublet, Q = 1, with the printed unit 166 MeV and "
                                  "on-shell c_W = m_W/m_Z",
          provenance="printed-input", uses=["166 MeV unit of Eq. (2.10) as printed (Ref. [30])"],
          reading="on-shell c_W, the reading that reproduces the printed value: MS-bar c_W gives 355.3 MeV (outside "
                  "the printed precision)", chosen=("sec4-2-splitting",))
def _splitting_doublet():
    from physics.model.criteria import radiative_splitting
    from physics.paper.printed import DELTA_M_RAD_GEV

    return 1e3 * float(radiative_splitting(1, Fraction(1, 2), delta=DELTA_M_RAD_GEV))


@alternative("sec4-2-splitting", label="unit computed (MS-bar alpha_2, c_W) and MS-bar c_W")
def _splitting_doublet_independent():
    from physics.inputs import CW_MSBAR
    from physics.model.criteria import radiative_splitting

    return {"sec4-2-splitting": 1e3 * float(radiative_splitting(1, Fraction(1, 2), cW=CW_MSBAR))}


# ---------------------------------------------------------------- Section 3.2
@computes("eq-3-16", how="Eq. (3.16) with the paper's inputs (physics.pheno.limits.fcc_ee_naive_projection)")
def _fcc_projection():
    from physics.pheno.limits import fcc_ee_naive_projection

    return fcc_ee_naive_projection()


@computes("sec3-2-5-mx2-mb2", how="(2.1 GeV)^2 / m_B+^2 with m_B+ from PDG 2024 (physics.inputs), in percent",
          reading="none: m_X^2/m_B^2 depends on no open choice of Sec. 3.2.5")
def _mx2_over_mb2():
    from physics.inputs import MESON_MASS, MX_BENCHMARK

    return 100 * MX_BENCHMARK**2 / MESON_MASS["B+"] ** 2


# ---------------------------------------------------------------- Section 3.3
@computes("eq-3-28-threshold", how="2 m_tau, PDG 2024 (physics.inputs.M_TAU)")
def _two_mtau():
    from physics.inputs import M_TAU

    return 2 * M_TAU


@computes("eq-3-28-asymptote", how="Eq. (3.28) for the tau model at m_X = 1 TeV (physics.pheno.rates.invisible_branching)")
def _binv_asymptote():
    from physics.pheno.rates import invisible_branching

    return float(invisible_branching(1.0e3, TAU_MODEL))


# ---------------------------------------------------------------- Section 3.2.5 (Belle II fit)
#: The book's default reading of Sec. 3.2.5 (physics.pheno.readings.DEFAULT), argued from the text in
#: notebooks/05_belle2_fit.md ("The readings map"): MS-bar alpha-hat(m_Z), s_W(m_Z) (g = 0.652, the quoted 0.65);
#: m_t(m_t); m_b(m_b); B -> K(*) from one paper (GRvDV 2023) and B -> pi, rho from another (GKvD 2018), as footnote 4
#: requires; Gaussians in the squared couplings (footnote 6) and in B(Z); two-sided limits; B -> pi, rho included.
SEC325_READING = ("default: alpha-hat(m_Z), MS-bar s_W (g = 0.652); m_t(m_t); m_b(m_b); form factors GRvDV 2023 "
                  "[33] and GKvD 2018 [34] (footnote 4); Gaussians in g_S^2, g_P^2, B(Z); two-sided limits; "
                  "B -> pi, rho included (physics.pheno.readings.DEFAULT)")
#: The reading of the readings map that reproduces the most printed numbers of Sec. 3.2.5 jointly (g_X, B(Z), B(K*)):
#: found by the scan of physics.paper.readings (chosen to match; it contradicts the quoted g = 0.65 of Eq. (2.11)).
SEC325_MATCHING_READING = "alpha=alpha0,gS=squared_asymmetric,Z=linear,sidedness=one_sided"


@computes("sec3-2-5-gX", "sec3-2-5-BRZ", "sec3-2-5-sigma", "sec3-2-5-BRKstar", "sec3-2-5-outside-1sigma",
          how="chi^2 of Eqs. (3.25)-(3.27) + Z -> gamma X for the tau model at m_X = 2.1 GeV under the book's default "
              "reading (physics.pheno.fit.fit_summary with physics.pheno.readings.options(DEFAULT)); all 27648 "
              "readings are mapped in Sec. 3.2.5 ('The readings map')",
          reading=SEC325_READING)
def _belle2_fit():
    from physics.pheno.fit import fit_summary
    from physics.pheno.readings import DEFAULT, options

    d = fit_summary(option=options(DEFAULT))
    return {"sec3-2-5-gX": d["gX_best"], "sec3-2-5-BRZ": d["BR_Z_gammaX"],
            "sec3-2-5-sigma": d["significance_sigma"], "sec3-2-5-BRKstar": d["BR_B+_K*+X"],
            "sec3-2-5-outside-1sigma": not d["inside_1sigma_plane"]}


@alternative("sec3-2-5-gX", "sec3-2-5-BRZ", "sec3-2-5-sigma", "sec3-2-5-BRKstar", "sec3-2-5-outside-1sigma",
             label="reading " + SEC325_MATCHING_READING + " (e from alpha(0) with MS-bar s_W, g = 0.630: contradicts "
                   "the quoted g = 0.65 of Eq. (2.11); chosen because it reproduces g_X, B(Z), B(K*) jointly)")
def _belle2_fit_matching_reading():
    from physics.pheno.fit import fit_summary
    from physics.pheno.readings import options, parse

    d = fit_summary(option=options(parse(SEC325_MATCHING_READING)))
    return {"sec3-2-5-gX": d["gX_best"], "sec3-2-5-BRZ": d["BR_Z_gammaX"],
            "sec3-2-5-sigma": d["significance_sigma"], "sec3-2-5-BRKstar": d["BR_B+_K*+X"],
            "sec3-2-5-outside-1sigma": not d["inside_1sigma_plane"]}


@alternative("sec3-2-5-BRKstar", label="form factors of the book's earlier mix (BSZ 2015 B -> K*, against footnote 4)")
def _belle2_fit_book_mix():
    from physics.pheno.fit import fit_summary

    return {"sec3-2-5-BRKstar": fit_summary(option="ff_book_mix")["BR_B+_K*+X"]}


@computes("sec3-3-fcc-orders", "sec3-3-na62-percent", "sec3-3-fcc-permille", "sec3-3-indirect-dominate",
          how="summary plane of the tau model, 500 masses in 0.01-10 GeV (physics.paper.statements.fig3_statements)",
          reading="'2-3 orders' counted in g_X (the BR improvement is 4.7 orders); 'dominate' checked below 4.4 GeV "
                  "(the Belle II recast's last point, at the kinematic endpoint, is weaker than the direct line)",
          chosen=("sec3-3-fcc-orders", "sec3-3-indirect-dominate"))
def _fig3_statements():
    from physics.paper.statements import fig3_statements

    d = fig3_statements()
    dvi = d["direct_vs_indirect"]
    # Belle II's last recast point (4.48 GeV, next to the kinematic endpoint) is the one place where the direct line
    # is stronger; the statement is checked on the range where the recast is not endpoint-dominated (< 4.4 GeV).
    kpi_bk = [dvi[c]["y=sqrt(4pi)"] for c in ("NA62", "KOTO", "Belle II")]
    dominate = all(all(lo >= 4.4 for lo, hi in x["direct_stronger_GeV"]) for x in kpi_bk)
    return {
        "sec3-3-fcc-orders": d["fcc_improvement"]["FCC-ee"]["gX_orders"],
        "sec3-3-na62-percent": d["na62_percent"]["max_delta"] >= 100,
        "sec3-3-fcc-permille": d["tuning_reach"]["FCC-ee"]["max_delta"] >= 1000,
        "sec3-3-indirect-dominate": dominate,
    }


# ---------------------------------------------------------------- printed inputs checked against their sources
@computes("eq-3-20", how="Belle's own value (constant_limits.csv row 'B0 -> pi0 E_miss (Belle value)')")
def _belle_pi0():
    from physics.pheno.limits import constant_limits

    return constant_limits()["belle_pi0"]["br"]


@computes("sec3-2-2-na62-window1", "sec3-2-2-na62-window2",
          how="ends of the NA62 2016-2022 limit curve (ALPaca resampling of HEPData ins2953428)")
def _na62_windows():
    import numpy as np

    from physics.pheno.limits import read_table

    _, rows = read_table("na62_kpi_x_2016_2022.csv")
    m = np.array([float(r["m_X_GeV"]) for r in rows]) * 1e3
    gap = int(np.argmax(np.diff(m)))
    r10 = lambda x: int(round(x / 10.0) * 10)
    return {"sec3-2-2-na62-window1": float(m[gap]),
            "sec3-2-2-na62-window2": f"{r10(m[gap + 1])}-{r10(m[-1])}"}


@computes("fig1-na62-2016-2024", "fig1-koto-2021", how="datasets not available here (data/limits/README.md, gaps 1-2)",
          provenance="unavailable")
def _missing_curves():
    return {"fig1-na62-2016-2024": "not available", "fig1-koto-2021": "not available"}


# ---------------------------------------------------------------- Section 4: order-of-magnitude estimates
@computes("sec4-1-A0-fraction", "sec4-2-B0-fraction", "sec4-2-prompt-2body", "sec4-2-prompt-3body", "sec4-2-bbn-ymix",
          how="physics.model.uv_models estimates at the masses named in each entry (log10); thermal masses of the "
              "wino- and Higgsino-like multiplets from the literature cited in physics.model.uv_models")
def _sec4_estimates():
    import math

    from physics.model import uv_models as uv

    return {
        "sec4-1-A0-fraction": math.log10(uv.relic_fraction(300.0, uv.M_THERMAL_WINO)),
        "sec4-2-B0-fraction": math.log10(uv.relic_fraction(300.0, uv.M_THERMAL_HIGGSINO)),
        "sec4-2-prompt-2body": math.log10(uv.prompt_yukawa_threshold(400.0, 250.0)),
        "sec4-2-prompt-3body": math.log10(uv.prompt_yukawa_threshold_3body(300.0, 250.0)),
        "sec4-2-bbn-ymix": math.log10(uv.bbn_ymix_threshold(300.0)),
    }


@computes("sec4-2-yAA-tracks", how="needs the charged-track mass limit the text uses, which it does not give",
          provenance="unavailable")
def _yAA_tracks():
    return "needs a charged-track mass limit not given in the text"

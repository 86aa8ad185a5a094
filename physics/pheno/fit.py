"""The Belle II B -> K(*) E_miss fit of Sec. 3.2.5 (Eqs. 3.25-3.27, footnotes 5-6, Fig. 2).

Parameters: the plane (u, v) = (g_X A_XWW^SM, g_X A_XYY^SM) of Fig. 2 (left); for a model with fixed traces,
u = g_X A_XWW, v = g_X A_XYY and g_X is the only parameter (Fig. 2 right).

chi^2 = chi^2_S + chi^2_P + chi^2_Z [+ chi^2_{B -> pi, rho}], with

* g_S = -(m_b - m_s)/2 g_xi_sb/m_X and g_P = (m_b + m_s)/2 g_xi_sb/m_X (Eq. 3.25), g_xi_sb from Eq. (3.6)
  (`physics.pheno.eft.g_xi`), so |g_S|, |g_P| are proportional to |u| and independent of v;
* |g_S| = (1.6 +- 0.2) x 10^-8 (Eq. 3.26) and |g_P| < 2.5 x 10^-8 at 90% CL (Eq. 3.27), the fit of the
  paper's Refs. [24, 59], entered as Gaussian terms in the SQUARED couplings (footnote 6);
* B(Z -> gamma X) < 10^-6 at 95% CL (L3, Eq. 3.15), with B(Z -> gamma X) from Eqs. (3.13)-(3.14)
  (`physics.pheno.rates.width_z_gamma_x`), which depends on c_W^2 u - s_W^2 v;
* the Belle B -> pi/rho E_miss limits of Eqs. (3.17)-(3.20) (footnote 6: "negligible impact").

The text leaves open how a CL upper limit becomes a chi^2 term, how the error of |g_S| becomes an error of
|g_S|^2, the scheme of m_b, m_s in Eq. (3.25) and the electroweak scheme; each is a field of `FitOptions`,
and `VARIANTS` is a registry of named alternatives (see the chapter notebooks/05_belle2_fit.md for their
effect).  X is assumed to escape undetected, B(X -> E_miss) = 1 (true for the tau model below 2 m_tau).

Statistics: Delta chi^2 thresholds for n sigma with k parameters are chi2.ppf(erf(n/sqrt 2), k)
(2.30, 6.18, 11.83 for k = 2; 1, 4, 9 for k = 1); the significance of a fit over the SM with k free
parameters is Z = Phi^-1(1 - p/2), p = chi2.sf(chi^2_SM - chi^2_min, k) (= sqrt(Delta chi^2) for k = 1).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from fractions import Fraction

import numpy as np
from scipy import optimize, stats

from physics.pheno import eft, rates
from physics.pheno import form_factors as FF
from physics import inputs as I
from physics import validate
from physics.model.anomalies import anomalous_trace, sm_traces
from physics.model.charges import TAU_MODEL, Fermion
from physics.pheno.limits import constant_limits

# ------------------------------------------------------------------------------------------------
# Inputs of the fit: experimental results quoted by the paper, kept with their sources in physics.inputs
# ------------------------------------------------------------------------------------------------
GS_CENTRAL, GS_SIGMA = I.GS_CENTRAL, I.GS_SIGMA      # Eq. (3.26), Refs. [24, 59]
GP_LIMIT, GP_CL = I.GP_LIMIT, I.GP_CL                # Eq. (3.27), Refs. [24, 59]
MX_BELLE2 = I.MX_BENCHMARK                           # (2.1 +- 0.1) GeV, Refs. [58, 24, 59]
SIGMA_NU = I.SIGMA_NU                                # 2.7 sigma, Refs. [22, 56, 57]
SIGMA_REFS_24_59 = 4.5  # significance over the SM of the 2-body fit of Refs. [24, 59], as quoted in Sec. 3.2.5 (input)
M_B_POLE = I.M_B_POLE
M_B_1S = I.M_B_1S

#: m_b choices for Eq. (3.25) (m_s is m_s(2 GeV) MS-bar throughout, PDG 2024).
MB_SCHEMES = {"MSbar_mb": I.M_B_MB, "1S": M_B_1S, "pole": M_B_POLE}
#: Form of the chi^2 term of an observable entered as a Gaussian.
FORMS = ("squared", "linear")
#: How a CL upper limit L becomes a Gaussian centred at zero with width sigma = L / z:
#: 'two_sided': z = Phi^-1(1 - (1-CL)/2) (Delta chi^2 = chi2.ppf(CL, 1) at the limit: 1.645 for 90%, 1.960 for 95%);
#: 'one_sided': z = Phi^-1(CL) (1.282 for 90%, 1.645 for 95%).
SIDEDNESS = ("two_sided", "one_sided")
GS_SQ_ERRORS = ("propagated", "asymmetric")

#: Belle B -> pi/rho E_miss limits of Eqs. (3.17)-(3.20) (keys of physics.pheno.limits.constant_limits()).
B_PI_RHO = {"B+->rho+X": "belle_rho+", "B+->pi+X": "belle_pi+", "B0->rho0X": "belle_rho0",
            "B0->pi0X": "belle_pi0_printed"}


@dataclass(frozen=True)
class FitOptions:
    """Every modelling choice of the Sec. 3.2.5 chi^2 that the paper leaves open (defaults = the book's reading).

    gS_central, gS_sigma: Eq. (3.26) inputs (Refs. [24, 59]).
    gS_form: 'squared' = Gaussian in |g_S|^2 (footnote 6), 'linear' = Gaussian in |g_S|.
    gS_sq_errors: for gS_form='squared': 'propagated' sigma(g_S^2) = 2 mu sigma (symmetric), or 'asymmetric'
        (mu+sigma)^2 - mu^2 above and mu^2 - (mu-sigma)^2 below the centre (the 1 sigma interval mapped exactly).
    gP_limit, gP_cl: Eq. (3.27).  gP_form: 'squared' (Gaussian in |g_P|^2 centred at 0) or 'linear' (in |g_P|).
    gP_sidedness: how the 90% CL limit fixes the width (see SIDEDNESS).
    z_limit, z_cl: Eq. (3.15) (L3, physics.pheno.limits).  z_form: 'squared' = Gaussian in B(Z -> gamma X)
        (a squared coupling, as footnote 6) or 'linear' = Gaussian in sqrt(B) (the amplitude).  z_sidedness: as above.
    include_b_pi_rho: add the Belle B -> pi/rho limits (Eqs. 3.17-3.20) as Gaussians in the BR, centred at 0,
        with the sidedness of gP_sidedness (footnote 6 says they were included and are negligible).
    mb_scheme: m_b in Eq. (3.25) (MB_SCHEMES).  g_scheme, mt_scheme: see physics.pheno.eft.
    ff_bs, ff_bd: the form-factor references of the b -> s pair (B -> K f_0, B -> K* A_0; footnote 4's Ref. [33]) and
        of the b -> d pair (B -> pi f_0, B -> rho A_0; Ref. [34]): keys of physics.pheno.form_factors.REFERENCE_SETS_BS
        and REFERENCE_SETS_BD.  The default (GRvDV 2023 for [33], GKvD 2018 for [34]) is the only pair among the fits
        available offline that takes each pair from one paper and [33], [34] from different papers (notebooks/05).
        They enter the B(B -> K(*) X) predictions and the B -> pi, rho limits, not |g_S|, |g_P|.
    """

    gS_central: float = GS_CENTRAL
    gS_sigma: float = GS_SIGMA
    gS_form: str = "squared"
    gS_sq_errors: str = "propagated"
    gP_limit: float = GP_LIMIT
    gP_cl: float = GP_CL
    gP_form: str = "squared"
    gP_sidedness: str = "two_sided"
    z_limit: float | None = None  # None: physics.pheno.limits.constant_limits()["L3_Z"]
    z_cl: float | None = None
    z_form: str = "squared"
    z_sidedness: str = "two_sided"
    include_b_pi_rho: bool = True
    mb_scheme: str = "MSbar_mb"
    g_scheme: str = eft.DEFAULT_G_SCHEME
    mt_scheme: str = eft.DEFAULT_MT_SCHEME
    ff_bs: str = "GRvDV2023"
    ff_bd: str = "GKvD2018"

    def __post_init__(self):
        checks = (("gS_form", FORMS), ("gP_form", FORMS), ("z_form", FORMS), ("gS_sq_errors", GS_SQ_ERRORS),
                  ("gP_sidedness", SIDEDNESS), ("z_sidedness", SIDEDNESS), ("mb_scheme", tuple(MB_SCHEMES)),
                  ("g_scheme", eft.EW_SCHEMES), ("mt_scheme", tuple(I.TOP_MASS_SCHEMES)),
                  ("ff_bs", tuple(FF.REFERENCE_SETS_BS)), ("ff_bd", tuple(FF.REFERENCE_SETS_BD)))
        for name, allowed in checks:
            if getattr(self, name) not in allowed:
                raise ValueError(f"FitOptions.{name} = {getattr(self, name)!r}; allowed: {', '.join(allowed)}")
        for name in ("gS_central", "gS_sigma", "gP_limit"):
            x = getattr(self, name)
            if not (isinstance(x, (int, float)) and math.isfinite(x) and x > 0):
                raise ValueError(f"FitOptions.{name} must be a finite positive number, got {x!r}")
        if self.gS_sigma >= self.gS_central:
            raise ValueError("FitOptions.gS_sigma must be smaller than gS_central")
        if self.z_limit is None:
            L3 = constant_limits()["L3_Z"]
            object.__setattr__(self, "z_limit", L3["br"])
            object.__setattr__(self, "z_cl", L3["cl"] if self.z_cl is None else self.z_cl)
        if self.z_cl is None:
            raise ValueError("FitOptions.z_cl must be given with z_limit")
        for name in ("gP_cl", "z_cl"):
            x = getattr(self, name)
            if not 0 < x < 1:
                raise ValueError(f"FitOptions.{name} must lie in (0, 1), got {x!r}")
        if not (math.isfinite(self.z_limit) and self.z_limit > 0):
            raise ValueError(f"FitOptions.z_limit must be finite and > 0, got {self.z_limit!r}")


#: Named variants: name -> (FitOptions, one-line description).  'default' is the book's reading.
VARIANTS: dict = {
    "default": (FitOptions(), "Gaussians in g_S^2 (sigma = 2 mu sigma_gS), g_P^2 and B(Z) centred at 0; "
                "limits two-sided (Delta chi^2 = chi2.ppf(CL, 1) at the limit); m_b(m_b); B -> pi, rho included"),
    "gS_asymmetric": (FitOptions(gS_sq_errors="asymmetric"),
                      "g_S^2 errors from mapping (1.6 +- 0.2)e-8 exactly: +0.68e-16 / -0.60e-16"),
    "gS_linear": (FitOptions(gS_form="linear"), "Gaussian in abs(g_S) instead of g_S^2 (not footnote 6)"),
    "limits_one_sided": (FitOptions(gP_sidedness="one_sided", z_sidedness="one_sided"),
                         "g_P and Z limits at z = 1.282 (90%) and 1.645 (95%) sigma (one-sided)"),
    "limits_linear": (FitOptions(gP_form="linear", z_form="linear"),
                      "Gaussians in abs(g_P) and sqrt(B(Z)) (amplitudes) centred at 0"),
    "no_B_pi_rho": (FitOptions(include_b_pi_rho=False), "without the Belle B -> pi, rho limits (footnote 6)"),
    "mb_pole": (FitOptions(mb_scheme="pole"), "m_b = 4.78 GeV (pole) in Eq. (3.25)"),
    "mb_1S": (FitOptions(mb_scheme="1S"), "m_b = 4.65 GeV (1S) in Eq. (3.25)"),
    "mt_pole": (FitOptions(mt_scheme="pole"), "pole top mass 172.57 GeV in F(x_t) of Eq. (3.6)"),
    "alpha0_onshell": (FitOptions(g_scheme="alpha0_onshell"), "g, g' from alpha(0) and on-shell s_W^2"),
    "GF_onshell": (FitOptions(g_scheme="GF_onshell"), "g from G_F and m_W, on-shell s_W^2"),
    "ff_book_mix": (FitOptions(ff_bs="book_mix", ff_bd="book_mix"),
                    "form factors from two papers per pair (GKvD B->K + BSZ B->K*, LMVD B->pi + BSZ B->rho): the "
                    "book's earlier choice, against footnote 4"),
}

def _chiral_tau_traces(qL, qR) -> tuple[Fraction, Fraction]:
    """Eq. (3.2) traces for X coupled to the tau doublet (charge qL) and tau_R (charge qR) only."""
    f = [Fermion("l_tau", 2, Fraction(-1, 2), Fraction(qL), "L"), Fermion("tau_R", 1, -1, Fraction(qR), "R")]
    return anomalous_trace(f, "XWW"), anomalous_trace(f, "XYY")


_TAU = sm_traces(TAU_MODEL)
#: Models on the plane: name -> traces (A_XWW, A_XYY) per unit g_X, colour and label of Fig. 2, provenance.
MODELS = {
    "tau": {"traces": (_TAU["XWW"], _TAU["XYY"]), "colour": "purple",
            "label": r"gauged $\tau$ flavour ($\alpha_\tau=1$)",
            "source": "Eq. (3.2) over the SM fields with alpha_tau = 1 (physics.model.anomalies.sm_traces): slope -1"},
    "LL-only": {"traces": _chiral_tau_traces(1, 0), "colour": "red", "label": "LL-only (Ref. [23], as read here)",
                "source": "NOT defined in arXiv:2603.04394; read here as X coupled to the tau doublet only "
                          "(q_L = 1, q_R = 0), traces from Eq. (3.2): slope A_XYY/A_XWW = +1"},
    "L=-4R": {"traces": _chiral_tau_traces(1, Fraction(-1, 4)), "colour": "blue",
              "label": r"$L=-4R$ (Ref. [23], as read here)",
              "source": "NOT defined in arXiv:2603.04394; read here as tau-doublet charge q_L = 1 and tau_R charge "
                        "q_R = -1/4, traces from Eq. (3.2): slope +3/2"},
}


# ------------------------------------------------------------------------------------------------
# Statistics
# ------------------------------------------------------------------------------------------------
def delta_chi2_threshold(n_sigma, dof: int):
    """Delta chi^2 containing the Gaussian n-sigma probability erf(n/sqrt 2) for `dof` parameters (scipy.stats)."""
    if isinstance(dof, bool) or not isinstance(dof, int) or dof < 1:
        raise ValueError(f"dof must be a positive integer, got {dof!r}")
    validate.integer(dof, "dof", 1, 10**6, "number of fitted parameters")
    n = np.asarray(n_sigma, float)
    if np.any(~np.isfinite(n)) or np.any(n <= 0):
        raise ValueError(f"n_sigma must be finite and > 0, got {n_sigma}")
    validate.real_array(n, "n_sigma", 0.0, 1e150, lo_open=True, why="n_sigma^2 must be a finite double")
    out = stats.chi2.ppf(stats.chi2.cdf(n**2, 1), dof)
    tail = stats.chi2.sf(n**2, 1) < 1e-6  # far tail (n >~ 4.9): cdf saturates at 1, use the survival function
    if np.any(tail):
        out = np.where(tail, stats.chi2.isf(stats.chi2.sf(n**2, 1), dof), out)
    validate.finite(out, "Delta chi^2 threshold", f"n_sigma = {n_sigma} is beyond double precision (p < 1e-308)")
    return out if out.ndim else float(out)


def significance(delta_chi2, dof: int) -> float:
    """Z = Phi^-1(1 - p/2) with p = chi2.sf(Delta chi^2, dof) (two-sided Gaussian equivalent); 0 if Delta chi^2 <= 0."""
    if isinstance(dof, bool) or not isinstance(dof, (int, np.integer)) or dof < 1:
        raise ValueError(f"dof must be a positive integer, got {dof!r}")
    validate.integer(dof, "dof", 1, 10**6, "number of fitted parameters")
    d = float(delta_chi2)
    if not math.isfinite(d):
        raise ValueError(f"Delta chi^2 must be finite, got {delta_chi2}")
    if d <= 0:
        return 0.0
    if dof == 1:
        return math.sqrt(d)  # identical to the general formula; exact also far in the tail
    z = float(stats.norm.isf(stats.chi2.sf(d, dof) / 2))
    return validate.finite(z, "significance", f"Delta chi^2 = {d:g} with {dof} dof has a p-value below 1e-308")


def _z_of(cl: float, sidedness: str) -> float:
    return float(stats.norm.isf((1 - cl) / 2)) if sidedness == "two_sided" else float(stats.norm.isf(1 - cl))


# ------------------------------------------------------------------------------------------------
# Options, inputs and the chi^2
# ------------------------------------------------------------------------------------------------
def get_options(option) -> FitOptions:
    """FitOptions from a variant name (VARIANTS) or a FitOptions instance."""
    if isinstance(option, FitOptions):
        return option
    if option not in VARIANTS:
        raise ValueError(f"unknown fit option {option!r}; allowed: {', '.join(VARIANTS)}")
    return VARIANTS[option][0]


def _check_mx(mX) -> float:
    lo, hi = rates.mass_range("B+->K+X")
    if isinstance(mX, (bool, str)):
        raise ValueError(f"m_X must be a number in ({lo}, {hi:.4f}) GeV (B -> K X kinematic range), got {mX!r}")
    try:
        m = float(mX)
    except (TypeError, ValueError):
        raise ValueError(f"m_X must be a number in ({lo}, {hi:.4f}) GeV (B -> K X kinematic range), got {mX!r}") from None
    if not (math.isfinite(m) and lo < m < hi):
        raise ValueError(f"m_X must lie in the B -> K X kinematic range ({lo}, {hi:.4f}) GeV (m_B+ - m_K+), got {mX!r}")
    return validate.mass(m, "m_X (GeV)", hi, where=f"{hi:.4f} GeV = m_B+ - m_K+, the B -> K X endpoint")


def _check_model(model: str) -> dict:
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}; allowed: {', '.join(MODELS)}")
    return MODELS[model]


def coupling_coefficients(mX: float = MX_BELLE2, option="default") -> dict:
    """|g_S|/|u|, |g_P|/|u| (Eq. 3.25 with Eq. 3.6, u = g_X A_XWW), B(Z->gamma X) per (c_W^2 u - s_W^2 v)^2
    (Eqs. 3.13-3.14) and B(B->pi,rho X)/u^2, at m_X, for the options."""
    m = _check_mx(mX)
    o = get_options(option)
    gxi = abs(eft.g_xi("bs", 1.0, o.g_scheme, o.mt_scheme))
    mb, ms = MB_SCHEMES[o.mb_scheme], I.M_S_2GEV
    ew = eft.ew_couplings(o.g_scheme)
    # B(Z) at c_W^2 u - s_W^2 v = 1: u = 1/c_W^2, v = 0
    bz = float(rates.width_z_gamma_x(m, 1.0 / ew["cw2"], 0.0, o.g_scheme)) / I.GAMMA_Z
    bpr = {}
    if o.include_b_pi_rho:
        lims = constant_limits()
        for ch, key in B_PI_RHO.items():
            if m < rates.mass_range(ch)[1]:
                br1 = float(rates.branching_ratio(ch, m, gA=1.0, g_scheme=o.g_scheme, mt_scheme=o.mt_scheme,
                                                  ff_fit=FF.reference_fit(rates.CHANNELS[ch]["ff"], ref_bd=o.ff_bd))["BR"])
                bpr[ch] = {"br_per_u2": br1, "limit": lims[key]["br"], "cl": lims[key]["cl"]}
    return {"aS": (mb - ms) / 2 * gxi / m, "aP": (mb + ms) / 2 * gxi / m, "bz": bz, "cw2": ew["cw2"],
            "sw2": ew["sw2"], "b_pi_rho": bpr, "gxi_per_u": gxi, "mb": mb, "ms": ms}


class Chi2:
    """chi^2(u, v) of Sec. 3.2.5 at fixed m_X and options; vectorised over numpy arrays u, v."""

    def __init__(self, mX: float = MX_BELLE2, option="default"):
        self.mX = _check_mx(mX)
        self.options = get_options(option)
        self.name = option if isinstance(option, str) else "custom"
        self.c = coupling_coefficients(self.mX, self.options)
        o = self.options
        mu, s = o.gS_central, o.gS_sigma
        self._sq_up = 2 * mu * s if o.gS_sq_errors == "propagated" else (mu + s) ** 2 - mu**2
        self._sq_lo = 2 * mu * s if o.gS_sq_errors == "propagated" else mu**2 - (mu - s) ** 2
        self._sP = o.gP_limit / _z_of(o.gP_cl, o.gP_sidedness)            # width in |g_P| ...
        self._sP2 = o.gP_limit**2 / _z_of(o.gP_cl, o.gP_sidedness)        # ... or in |g_P|^2
        zz = _z_of(o.z_cl, o.z_sidedness)
        self._sZ = o.z_limit / zz                                          # width in B(Z)
        self._sZa = math.sqrt(o.z_limit) / zz                              # width in sqrt(B(Z))
        self._bpr = [(v["br_per_u2"], v["limit"] / _z_of(v["cl"], o.gP_sidedness)) for v in self.c["b_pi_rho"].values()]

    # --- individual terms -------------------------------------------------------------------------
    def chi2_gS(self, u):
        """Eq. (3.26) term: Gaussian in |g_S|^2 (footnote 6) or in |g_S|."""
        o = self.options
        gS = self.c["aS"] * np.abs(np.asarray(u, float))
        if o.gS_form == "linear":
            return ((gS - o.gS_central) / o.gS_sigma) ** 2
        x = gS**2 - o.gS_central**2
        return (x / np.where(x > 0, self._sq_up, self._sq_lo)) ** 2

    def chi2_gP(self, u):
        """Eq. (3.27) term: Gaussian centred at 0 in |g_P|^2 (or |g_P|), width from the 90% CL limit."""
        gP = self.c["aP"] * np.abs(np.asarray(u, float))
        return (gP / self._sP) ** 2 if self.options.gP_form == "linear" else (gP**2 / self._sP2) ** 2

    def br_z(self, u, v):
        """B(Z -> gamma X), Eqs. (3.13)-(3.14), at (u, v) = (g_X A_XWW, g_X A_XYY)."""
        w = self.c["cw2"] * np.asarray(u, float) - self.c["sw2"] * np.asarray(v, float)
        return self.c["bz"] * w * w

    def chi2_z(self, u, v):
        """Eq. (3.15) term: Gaussian centred at 0 in B(Z -> gamma X) (or in its square root)."""
        b = self.br_z(u, v)
        return b / self._sZa**2 if self.options.z_form == "linear" else (b / self._sZ) ** 2

    def chi2_b_pi_rho(self, u):
        """Belle B -> pi/rho E_miss limits, Eqs. (3.17)-(3.20), Gaussians in the BR centred at 0."""
        u2 = np.asarray(u, float) ** 2
        out = np.zeros_like(u2)
        for br1, sig in self._bpr:
            out = out + (br1 * u2 / sig) ** 2
        return out

    def chi2_b(self, u):
        """All B-decay terms (depend on u = g_X A_XWW only, Eq. 3.6)."""
        return self.chi2_gS(u) + self.chi2_gP(u) + self.chi2_b_pi_rho(u)

    def __call__(self, u, v, include_z: bool = True, include_b: bool = True):
        u = np.asarray(u, float)
        v = np.asarray(v, float)
        out = np.zeros(np.broadcast(u, v).shape)
        if include_b:
            out = out + self.chi2_b(u)
        if include_z:
            out = out + self.chi2_z(u, v)
        return out

    # --- minima -----------------------------------------------------------------------------------
    def best_fit_plane(self, include_z: bool = True, include_b: bool = True) -> dict:
        """Global minimum in the (u, v) plane (u > 0 branch; (u, v) -> (-u, -v) is a symmetry).

        chi^2_Z >= 0 vanishes on v = (c_W^2/s_W^2) u, and the B terms depend on u only, so the minimum is a 1-D
        minimisation of chi^2_B(u) on that line (exact reduction, verified against the grid in the tests).
        """
        if not include_b:
            return {"u": 0.0, "v": 0.0, "chi2_min": 0.0, "flat": "any point with c_W^2 u = s_W^2 v"}
        u0 = self._u_scale()
        res = optimize.minimize_scalar(lambda x: float(self.chi2_b(x)), bounds=(0.0, 4 * u0), method="bounded",
                                       options={"xatol": 1e-12 * u0})
        u = float(res.x)
        v = self.c["cw2"] / self.c["sw2"] * u if include_z else 0.0
        return {"u": u, "v": v, "chi2_min": float(self(u, v, include_z, include_b))}

    def _u_scale(self) -> float:
        """|u| at which |g_S| equals its central value (sets the natural scale of the plane)."""
        return self.options.gS_central / self.c["aS"]

    def profile_model(self, gX, model: str = "tau", include_z: bool = True):
        """chi^2 along a model line (u, v) = g_X (A_XWW, A_XYY), vectorised over gX."""
        aw, ay = (float(t) for t in _check_model(model)["traces"])
        g = np.asarray(gX, float)
        return self(g * aw, g * ay, include_z=include_z)

    def best_fit_model(self, model: str = "tau", include_z: bool = True) -> dict:
        """Best-fit g_X >= 0 of a model (1-D fit) from a dense grid refined by bounded Brent minimisation."""
        aw, ay = (float(t) for t in _check_model(model)["traces"])
        gmax = 3 * self._u_scale() / abs(aw)
        grid = np.linspace(0.0, gmax, 2001)
        prof = self.profile_model(grid, model, include_z)
        i = int(np.argmin(prof))
        lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)]
        res = optimize.minimize_scalar(lambda g: float(self.profile_model(g, model, include_z)), bounds=(lo, hi),
                                       method="bounded", options={"xatol": 1e-13})
        g = float(res.x)
        return {"gX": g, "u": g * aw, "v": g * ay, "chi2_min": float(self.profile_model(g, model, include_z))}


# ------------------------------------------------------------------------------------------------
# Public API
# ------------------------------------------------------------------------------------------------
def chi2_grid(u_range=(-0.03, 0.03), v_range=(-0.2, 0.2), n=(200, 200), mX: float = MX_BELLE2,
              option="default", which: str = "combined") -> dict:
    """Delta chi^2 on an n[0] x n[1] grid of the (g_X A_XWW, g_X A_XYY) plane (Fig. 2 left), vectorised.

    which: 'combined' (B -> K(*) [+ B -> pi, rho] + Z -> gamma X), 'z_only' or 'b_only'.  Delta chi^2 is
    relative to the exact plane minimum (best_fit_plane), not to the grid minimum, so contours do not move
    with the grid.  Returns dict(u, v (1-D axes), chi2 [v, u], delta, chi2_min, chi2_SM, best (u, v)).
    """
    if which not in ("combined", "z_only", "b_only"):
        raise ValueError(f"which must be 'combined', 'z_only' or 'b_only', got {which!r}")
    try:
        nu, nv = (int(x) for x in n)
    except (TypeError, ValueError):
        raise ValueError(f"n must be a pair of integers >= 2, got {n!r}") from None
    if nu < 2 or nv < 2:
        raise ValueError(f"n must be a pair of integers >= 2, got {n!r}")
    validate.grid_size(nu, "n[0]"), validate.grid_size(nv, "n[1]")
    validate.work(nu * nv, validate.GRID_CELLS_MAX, "chi2_grid")
    for name, r in (("u_range", u_range), ("v_range", v_range)):
        if len(r) != 2 or not all(math.isfinite(x) for x in r) or not r[0] < r[1]:
            raise ValueError(f"{name} must be (lo, hi) with finite lo < hi, got {r!r}")
    X2 = Chi2(mX, option)
    inc_z, inc_b = which != "b_only", which != "z_only"
    u = np.linspace(*u_range, nu)
    v = np.linspace(*v_range, nv)
    U, V = np.meshgrid(u, v)
    chi = X2(U, V, include_z=inc_z, include_b=inc_b)
    best = X2.best_fit_plane(include_z=inc_z, include_b=inc_b)
    return {"u": u, "v": v, "chi2": chi, "delta": chi - best["chi2_min"], "chi2_min": best["chi2_min"],
            "chi2_SM": float(X2(0.0, 0.0, inc_z, inc_b)), "best": (best["u"], best["v"]), "which": which,
            "mX": X2.mX, "option": X2.name}


def profile_1d(gX=None, model: str = "tau", mX: float = MX_BELLE2, include_z: bool = True, option="default") -> dict:
    """chi^2(g_X) of a model (Fig. 2 right): returns gX, chi2, improvement = chi2_SM - chi2, chi2_SM."""
    _check_model(model)
    X2 = Chi2(mX, option)
    if gX is None:
        aw = abs(float(MODELS[model]["traces"][0]))
        gX = np.linspace(0.0, 2.2 * X2._u_scale() / aw, 400)
    g = np.asarray(gX, float)
    if not np.all(np.isfinite(g)) or np.any(g < 0):
        raise ValueError("gX must be finite and >= 0")
    chi = X2.profile_model(g, model, include_z)
    sm = float(X2(0.0, 0.0, include_z))
    return {"gX": g, "chi2": chi, "improvement": sm - chi, "chi2_SM": sm}


def equivalence_theorem_correction(mX: float = MX_BELLE2) -> float:
    """Size m_X^2/m_B^2 of the terms neglected by the Goldstone-equivalence couplings of Eq. (3.6) (Sec. 3.2.5)."""
    return _check_mx(mX) ** 2 / I.M_B_PLUS**2


def fit_summary(model: str = "tau", mX: float = MX_BELLE2, include_z: bool = True, option="default") -> dict:
    """1-D fit of a model at m_X (Sec. 3.2.5, Fig. 2 right): best g_X, chi^2, significance and predictions.

    Keys: gX_best, chi2_min, chi2_SM, delta_chi2, significance_sigma (1 dof), BR_Z_gammaX, 'BR_B+_K*+X',
    'BR_B+_K+X', gS, gP, gA_WW, gA_YY, delta_chi2_plane (position of the model's best fit relative to the
    2-D minimum of the combined fit), inside_1sigma_plane, mX2_over_mB2, model, mX, include_z, option, options.
    Raises ValueError for m_X outside (0, m_B+ - m_K+), an unknown model or an unknown option.
    B(B+ -> K*+ X) is 0 above its endpoint m_B+ - m_K*+.  The inputs of Eqs. (3.26)-(3.27) are the fit of
    Refs. [24, 59] at m_X = 2.1 GeV; at other masses the function only shows how the same inputs would act.
    """
    m = _check_mx(mX)
    traces = _check_model(model)["traces"]
    o = get_options(option)
    X2 = Chi2(m, o)
    best = X2.best_fit_model(model, include_z)
    sm = float(X2(0.0, 0.0, include_z))
    d = sm - best["chi2_min"]
    u, v = best["u"], best["v"]
    plane = X2.best_fit_plane()
    dplane = float(X2(u, v)) - plane["chi2_min"]
    kin = {"g_scheme": o.g_scheme, "mt_scheme": o.mt_scheme}
    brZ = float(X2.br_z(u, v))
    brKs = (float(rates.branching_ratio("B+->K*+X", m, gA=u, ff_fit=FF.reference_fit("B->K* A0", o.ff_bs), **kin)["BR"])
            if m < rates.mass_range("B+->K*+X")[1] else 0.0)
    brK = float(rates.branching_ratio("B+->K+X", m, gA=u, ff_fit=FF.reference_fit("B->K f0", o.ff_bs), **kin)["BR"])
    return {"gX_best": best["gX"], "chi2_min": best["chi2_min"], "chi2_SM": sm, "delta_chi2": d,
            "significance_sigma": significance(d, 1), "BR_Z_gammaX": brZ, "BR_B+_K*+X": brKs, "BR_B+_K+X": brK,
            "gS": X2.c["aS"] * abs(u), "gP": X2.c["aP"] * abs(u), "gA_WW": u, "gA_YY": v,
            "delta_chi2_plane": dplane, "inside_1sigma_plane": bool(dplane < delta_chi2_threshold(1, 2)),
            "mX2_over_mB2": equivalence_theorem_correction(m), "model": model,
            "traces": (str(traces[0]), str(traces[1])), "mX": m, "include_z": include_z,
            "option": option if isinstance(option, str) else "custom", "options": asdict(o)}


def plane_summary(mX: float = MX_BELLE2, option="default") -> dict:
    """2-D fit in the (g_X A_XWW, g_X A_XYY) plane: minimum, chi^2_SM and the significance with 2 dof."""
    X2 = Chi2(mX, option)
    b = X2.best_fit_plane()
    sm = float(X2(0.0, 0.0))
    return {"u": b["u"], "v": b["v"], "chi2_min": b["chi2_min"], "chi2_SM": sm, "delta_chi2": sm - b["chi2_min"],
            "significance_sigma": significance(sm - b["chi2_min"], 2),
            "significance_sigma_1dof": significance(sm - b["chi2_min"], 1)}


def interval_1d_plane(level: float, mX: float = MX_BELLE2, option="default") -> tuple[float, float]:
    """u-extent (u > 0 branch) of the combined region Delta chi^2 < level, found by root finding (no grid)."""
    X2 = Chi2(mX, option)
    b = X2.best_fit_plane()
    f = lambda x: float(X2.chi2_b(x)) - b["chi2_min"] - level  # noqa: E731 (Z term can always be zeroed)
    u0 = b["u"]
    lo = optimize.brentq(f, 1e-6 * u0, u0, xtol=1e-14) if f(1e-6 * u0) > 0 else 0.0
    hi = optimize.brentq(f, u0, 10 * u0, xtol=1e-14)
    return lo, hi


def variants_table(model: str = "tau", mX: float = MX_BELLE2) -> list[dict]:
    """fit_summary with and without Z for every named variant, plus the 2-D plane significance."""
    rows = []
    for name, (_, desc) in VARIANTS.items():
        s = fit_summary(model, mX, True, name)
        s0 = fit_summary(model, mX, False, name)
        p = plane_summary(mX, name)
        rows.append({"variant": name, "description": desc, "gX_best": s["gX_best"], "chi2_SM": s["chi2_SM"],
                     "chi2_min": s["chi2_min"], "sigma": s["significance_sigma"], "sigma_noZ": s0["significance_sigma"],
                     "gX_best_noZ": s0["gX_best"], "BR_Z": s["BR_Z_gammaX"], "BR_Kstar": s["BR_B+_K*+X"],
                     "dchi2_plane": s["delta_chi2_plane"], "sigma_plane_2dof": p["significance_sigma"]})
    return rows


def fig2_data(n: int = 200, option="default", mX: float = MX_BELLE2, u_range=(-0.03, 0.03),
              v_range=(-0.2, 0.2), n_profile: int = 400) -> dict:
    """Everything Fig. 2 draws, computed here so that the chapter only plots.

    left: combined and Z-only Delta chi^2 grids, the 1/2/3 sigma levels for 2 parameters, each model's line
    (slope A_XYY/A_XWW through the origin) and best-fit point; right: the tau-model improvement chi^2_SM - chi^2
    with and without Z -> gamma X, the 1/2/3 sigma levels for 1 dof and the neutrino-interpretation line
    Delta chi^2 = 2.7^2 (Sec. 3.2.5, Refs. [22, 56, 57]).
    """
    comb = chi2_grid(u_range, v_range, (n, n), mX, option, "combined")
    zonly = chi2_grid(u_range, v_range, (n, n), mX, option, "z_only")
    lines = {}
    for name, m in MODELS.items():
        aw, ay = (float(t) for t in m["traces"])
        s = fit_summary(name, mX, True, option)
        lines[name] = {"slope": ay / aw, "best": (s["gA_WW"], s["gA_YY"]), "colour": m["colour"],
                       "label": m["label"], "gX_best": s["gX_best"], "sigma": s["significance_sigma"],
                       "delta_chi2_plane": s["delta_chi2_plane"]}
    aw = abs(float(MODELS["tau"]["traces"][0]))
    X2 = Chi2(mX, option)
    g = np.linspace(0.0, 2.0 * X2._u_scale() / aw, n_profile)
    with_z = profile_1d(g, "tau", mX, True, option)
    without_z = profile_1d(g, "tau", mX, False, option)
    return {"combined": comb, "z_only": zonly, "levels_2d": delta_chi2_threshold([1, 2, 3], 2),
            "levels_1d": delta_chi2_threshold([1, 2, 3], 1), "models": lines, "gX": g,
            "improvement_z": with_z["improvement"], "improvement_noz": without_z["improvement"],
            "nu_line": SIGMA_NU**2, "plane_best": comb["best"]}

"""Finite naturalness, Sec. 2.1 of arXiv:2603.04394: Eqs. (2.8)-(2.9) and the last column of Tables 2 and 3.

Eq. (2.9), the two-loop finite correction to the Higgs mass parameter from a fermion (1, n, Y) of mass M:

    dm_h^2 = C n M^2 / (4 pi)^4 * ((n^2 - 1)/4 g2^4 + Y^2 gY^4) * (6 log(M^2/mu^2) - 1),

C = 1 for a Majorana-like (ML) field, C = 2 for a Dirac-like (DL) pair; Eq. (2.8): Delta = dm_h^2 / M_h^2 <~ 100.
The bound on the common anomalon mass M of a model is where the sum over its multiplets reaches Delta.

The paper leaves open the renormalisation scale mu, the couplings' scheme and scale, and how multiplets are counted.
A `Reading` fixes all of them; `READINGS` holds the alternatives compared in the book.  What we found:

* Counting: C = 1 per ML field and C = 2 per DL pair (`Multiplet.C`) is the only counting among those tried that
  gives the printed ratios between Tables 2 and 3 (per-Weyl counting, 4 per pair, misses by 1.2 TeV even with mu
  refitted, the fit running to the lower edge 1e14 GeV of the scanned range; C = 2 for the ML field too, by up to
  1.2 TeV).
* Scale: no reading with the same log for every row (mu = M, or mu proportional to M) works.  Table 3 alone
  excludes it whatever the couplings: its rows have sum C n (...) = k(k+1)(2k+1)/2 (g2^4 + gY^4), so a constant log
  fixes the ratio row1/row6 to sqrt(91) = 9.54, while the printed 12.2 and 1.2 need 9.72-10.65 after rounding.
  The printed columns need |6 log(M^2/mu^2) - 1| = 445-510 (row by row), growing as M falls: a fixed scale mu
  about 37-42 e-folds above M, i.e. mu ~ 1e20 GeV, near (above) the Planck scale.  With mu = M the bounds are
  21x larger (155 TeV for Table 2 row 1); with mu = M_h, v, m_t or 1 TeV
  they are 2.6-5x larger (Table 2 row 1: 20.1, 21.4, 20.7, 25.3 TeV).
* The book's readings with a scale fitted to the printed tables ("table_fit" and its variants, g2 = 0.65 as printed)
  are defined in `physics.paper.naturalness_readings`, because they use printed numbers.  This module's default
  reading "planck" (mu = M_Pl, g2 = MS-bar g(m_Z), no free parameter) uses PDG inputs only.
* With a fixed mu the bound does not scale exactly as sqrt(Delta) (the log depends on M); the deviation is small
  because the log is large (under 2% between Delta = 10 and 1000).

Sign: for mu > M e^{1/12}, Eq. (2.9) is negative; Delta uses |dm_h^2| (fine tuning is about the size).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from numbers import Real

import numpy as np
from scipy.optimize import brentq, minimize_scalar

from physics import inputs as ew
from physics import validate
from physics.model.charges import check_dimension, as_fraction

LOG_MODES = ("ln", "log10")
MU_MODES = ("fixed", "ratio")
MH2_MODES = ("pole", "lagrangian")
COUNTINGS = ("multiplet", "weyl")

def _positive(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{what} must be a positive finite number, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{what} must be a positive finite number, got {value!r}")
    return value


def _positive_array(value, what: str) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be positive finite numbers (GeV), got {value!r}") from None
    if not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise ValueError(f"{what} must be positive finite numbers (GeV), got {value!r}")
    return arr


@dataclass(frozen=True)
class Reading:
    """One way to read Eqs. (2.8)-(2.9) where the paper is silent.

    mu_mode "fixed": mu = mu_value GeV for every M; "ratio": mu = mu_value * M (constant log).
    running: couplings at Q = M by one-loop SM running from (g2, gY) at M_Z; otherwise g2, gY at every M.
    loop_power: p in (4 pi)^p (Eq. (2.9) has 4); log: natural ("ln") or decimal ("log10") logarithm;
    mh2: "pole" uses M_h^2 in Eq. (2.8) (as written), "lagrangian" uses the Lagrangian parameter m_h^2 = M_h^2/2;
    counting: "multiplet" (C = 1 per ML field, 2 per DL pair, Eq. (2.9) as written) or "weyl" (C = 2 for each
    of the two Weyl multiplets of a DL pair).
    """

    name: str
    description: str
    mu_mode: str = "fixed"
    mu_value: float = ew.M_PLANCK
    g2: float = ew.G2_MZ
    gY: float = ew.GY_MZ
    running: bool = False
    loop_power: int = 4
    log: str = "ln"
    mh2: str = "pole"
    counting: str = "multiplet"
    Mh: float = ew.M_H

    def __post_init__(self):
        if self.mu_mode not in MU_MODES:
            raise ValueError(f"mu_mode must be one of {MU_MODES}, got {self.mu_mode!r}")
        if self.log not in LOG_MODES:
            raise ValueError(f"log must be one of {LOG_MODES}, got {self.log!r}")
        if self.mh2 not in MH2_MODES:
            raise ValueError(f"mh2 must be one of {MH2_MODES}, got {self.mh2!r}")
        if self.counting not in COUNTINGS:
            raise ValueError(f"counting must be one of {COUNTINGS}, got {self.counting!r}")
        if self.loop_power not in (2, 4):
            raise ValueError(f"loop_power must be 2 or 4, got {self.loop_power!r}")
        for key in ("mu_value", "g2", "gY", "Mh"):
            _positive(getattr(self, key), f"Reading.{key}")

    def mu(self, M):
        """The renormalisation scale (GeV) used at anomalon mass M (GeV)."""
        M = np.asarray(M, dtype=float)
        return self.mu_value * M if self.mu_mode == "ratio" else np.full_like(M, self.mu_value)

    def couplings(self, M):
        """(g2, gY) used at anomalon mass M: fixed, or one-loop SM running from M_Z to Q = M."""
        M = np.asarray(M, dtype=float)
        if not self.running:
            return np.full_like(M, self.g2), np.full_like(M, self.gY)
        return running_couplings(M, self.g2, self.gY)

    @property
    def mh2_value(self) -> float:
        """The denominator of Eq. (2.8) in GeV^2."""
        return self.Mh**2 if self.mh2 == "pole" else self.Mh**2 / 2


def _readings() -> dict:
    r = {}
    base = Reading("planck", "fixed mu = M_Pl (PDG), g2 and gY MS-bar at M_Z; no fitted parameter")
    r[base.name] = base
    r["reduced_planck"] = replace(base, name="reduced_planck", description="fixed mu = reduced Planck mass",
                                  mu_value=ew.M_PLANCK_REDUCED)
    r["mu_M"] = replace(base, name="mu_M", description="mu = M: the log vanishes, factor |-1|",
                        mu_mode="ratio", mu_value=1.0)
    r["mu_M_loop2"] = replace(base, name="mu_M_loop2", description="mu = M with 1/(4 pi)^2 instead of 1/(4 pi)^4",
                              mu_mode="ratio", mu_value=1.0, loop_power=2)
    r["mu_Mh"] = replace(base, name="mu_Mh", description="fixed mu = M_h", mu_value=ew.M_H)
    r["mu_v"] = replace(base, name="mu_v", description="fixed mu = v = 246 GeV", mu_value=ew.V_EW)
    r["mu_mt"] = replace(base, name="mu_mt", description="fixed mu = m_t", mu_value=ew.M_TOP)
    r["mu_1TeV"] = replace(base, name="mu_1TeV", description="fixed mu = 1 TeV", mu_value=1e3)
    return r


#: Named readings of Eqs. (2.8)-(2.9) that use PDG inputs only; "planck" is this layer's default (see the docstring).
#: The readings fitted to the printed tables are in `physics.paper.naturalness_readings`.
READINGS: dict = _readings()
DEFAULT_READING = "planck"


def get_reading(reading) -> Reading:
    """A `Reading` from itself or from its name in READINGS."""
    if isinstance(reading, Reading):
        return reading
    if isinstance(reading, str) and reading in READINGS:
        return READINGS[reading]
    raise ValueError(f"unknown reading {reading!r}: use a Reading or one of {sorted(READINGS)}")


def running_couplings(Q, g2_MZ: float = ew.G2_MZ, gY_MZ: float = ew.GY_MZ):
    """(g2, gY) at scale Q (GeV) from their M_Z values with one-loop SM running (b_2 = -19/6, b_Y = 41/6)."""
    Q = validate.scale(_positive_array(Q, "scale Q"), "scale Q (GeV)", array=True)
    g2_MZ = validate.real(g2_MZ, "g2_MZ", 1e-6, validate.G_PERTURBATIVE, why="a gauge coupling, perturbative")
    gY_MZ = validate.real(gY_MZ, "gY_MZ", 1e-6, validate.G_PERTURBATIVE, why="a gauge coupling, perturbative")
    t = np.log(Q / ew.M_Z) / (2 * np.pi)
    inv2 = 4 * np.pi / g2_MZ**2 - ew.B2_SM * t
    invY = 4 * np.pi / gY_MZ**2 - ew.BY_SM * t
    if np.any(inv2 <= 0) or np.any(invY <= 0):
        raise ValueError("one-loop running hits a Landau pole below the requested scale")
    return np.sqrt(4 * np.pi / inv2), np.sqrt(4 * np.pi / invY)


def _log_factor(M, mu, log: str):
    ratio = np.asarray(M, dtype=float) ** 2 / np.asarray(mu, dtype=float) ** 2
    return 6 * (np.log(ratio) if log == "ln" else np.log10(ratio)) - 1


def higgs_mass_shift(n, Y, C, M, mu, couplings=(ew.G2_MZ, ew.GY_MZ), loop_power: int = 4, log: str = "ln"):
    """Two-loop finite correction dm_h^2 (GeV^2) from one fermion multiplet (1, n, Y), Eq. (2.9), with its sign.

    n: SU(2)_L dimension (positive integer); Y: hypercharge (only Y^2 enters); C: 1 (Majorana, ML field) or
    2 (Dirac, DL pair); M, mu: mass and renormalisation scale in GeV (numpy-broadcast); couplings: (g2, gY),
    floats or arrays broadcastable with M.  loop_power and log exist only to test alternative readings.
    """
    n = check_dimension(n)
    Y = float(as_fraction(Y, "hypercharge Y"))
    if isinstance(C, bool) or C not in (1, 2):
        raise ValueError(f"C must be 1 (Majorana/ML) or 2 (Dirac/DL pair), got {C!r}")
    M = validate.scale(_positive_array(M, "anomalon mass M"), "anomalon mass M (GeV)", array=True)
    mu = validate.scale(_positive_array(mu, "renormalisation scale mu"), "renormalisation scale mu (GeV)", array=True)
    try:
        g2, gY = couplings
    except (TypeError, ValueError):
        raise ValueError(f"couplings must be a pair (g2, gY), got {couplings!r}") from None
    g2 = _positive_array(g2, "g2")
    gY = _positive_array(gY, "gY")
    if loop_power not in (2, 4):
        raise ValueError(f"loop_power must be 2 or 4, got {loop_power!r}")
    if log not in LOG_MODES:
        raise ValueError(f"log must be one of {LOG_MODES}, got {log!r}")
    gauge = (n * n - 1) / 4 * g2**4 + Y * Y * gY**4
    out = C * n * M**2 / (4 * np.pi) ** loop_power * gauge * _log_factor(M, mu, log)
    return validate.finite(out, "dm_h^2 of Eq. (2.9)", "a coupling (g2, gY) is too large")


def multiplet_list(spectrum, counting: str = "multiplet") -> list[tuple[int, float, int]]:
    """[(n, |Y|, C), ...] of a `physics.model.spectrum.Spectrum`, an iterable of `Multiplet`s or of (n, Y, C) tuples.

    counting "weyl" replaces each DL pair (C = 2) by its two Weyl multiplets with C = 2 each.
    """
    if counting not in COUNTINGS:
        raise ValueError(f"counting must be one of {COUNTINGS}, got {counting!r}")
    items = getattr(spectrum, "multiplets", spectrum)
    try:
        items = list(items)
    except TypeError:
        raise ValueError(f"expected a Spectrum or a list of multiplets / (n, Y, C) tuples, got {spectrum!r}") from None
    if not items:
        raise ValueError("the spectrum has no multiplets")
    out = []
    for item in items:
        if hasattr(item, "kind") and hasattr(item, "C"):
            n, Y, C = item.n, item.Y, item.C
        else:
            try:
                n, Y, C = item
            except (TypeError, ValueError):
                raise ValueError(f"each multiplet must be a Multiplet or an (n, Y, C) tuple, got {item!r}") from None
        n = check_dimension(n)
        Y = abs(float(as_fraction(Y, "hypercharge Y")))
        if isinstance(C, bool) or C not in (1, 2):
            raise ValueError(f"C must be 1 (ML) or 2 (DL pair), got {C!r} for multiplet {item!r}")
        copies = 2 if (counting == "weyl" and C == 2) else 1
        out.extend([(n, Y, int(C))] * copies)
    return out


def spectrum_higgs_mass_shift(spectrum, M, mu, couplings=(ew.G2_MZ, ew.GY_MZ), loop_power: int = 4,
                              log: str = "ln", counting: str = "multiplet"):
    """Sum of Eq. (2.9) over the multiplets of a spectrum at common mass M (GeV), scale mu (GeV); GeV^2."""
    total = 0.0
    for n, Y, C in multiplet_list(spectrum, counting):
        total = total + higgs_mass_shift(n, Y, C, M, mu, couplings, loop_power, log)
    return total


def fine_tuning(spectrum, M, reading=DEFAULT_READING, mu=None):
    """Delta = |dm_h^2| / M_h^2 of Eq. (2.8) at common anomalon mass M (GeV), for a reading (mu overrides it)."""
    r = get_reading(reading)
    M = _positive_array(M, "anomalon mass M")
    mu_arr = r.mu(M) if mu is None else np.broadcast_to(_positive_array(mu, "renormalisation scale mu"), M.shape)
    shift = spectrum_higgs_mass_shift(spectrum, M, mu_arr, r.couplings(M), r.loop_power, r.log, r.counting)
    return np.abs(shift) / r.mh2_value


def _fine_tuning_unchecked(mults, M, r: Reading):
    """`fine_tuning` for multiplets already validated by `multiplet_list(..., r.counting)` at masses inside a range
    `fine_tuning` has accepted: the same arithmetic in the same order (bit-identical), without the per-call checks
    (the root finder of `naturalness_bound_TeV` calls it some 10^4 times per figure)."""
    M = np.asarray(M, dtype=float)
    mu = r.mu(M)
    g2, gY = (np.asarray(g, dtype=float) for g in r.couplings(M))
    total = 0.0
    for n, Y, C in mults:
        gauge = (n * n - 1) / 4 * g2**4 + Y * Y * gY**4
        total = total + C * n * M**2 / (4 * np.pi) ** r.loop_power * gauge * _log_factor(M, mu, r.log)
    return np.abs(total) / r.mh2_value


def _with_mu(reading, mu) -> Reading:
    r = get_reading(reading)
    if mu is None:
        return r
    mu = validate.scale(_positive(mu, "renormalisation scale mu (GeV)"), "renormalisation scale mu (GeV)")
    return replace(r, name=f"{r.name}@mu={mu:g}", mu_mode="fixed", mu_value=mu)


_GRID = np.logspace(0, 12, 1201)  # GeV: 1 GeV .. 1e9 TeV, where the first crossing Delta = delta is searched


def naturalness_bound_TeV(spectrum, delta: float = 100, mu=None, reading=DEFAULT_READING) -> float:
    """Bound on the common anomalon mass (TeV): the smallest M with Delta(M) = delta, Eqs. (2.8)-(2.9).

    spectrum: a Spectrum, Multiplets or (n, Y, C) tuples.  mu (GeV), if given, replaces the reading's scale by a
    fixed one.  The equation is solved with brentq in log M (the log of Eq. (2.9) depends on M).
    """
    delta = _positive(delta, "delta (the fine-tuning Delta of Eq. (2.8))")
    r = _with_mu(reading, mu)
    multiplets = multiplet_list(spectrum)  # validated as given; fine_tuning applies r.counting (once)
    f = fine_tuning(multiplets, _GRID, r) - delta
    above = np.flatnonzero(f > 0)
    if above.size == 0:
        raise ValueError(f"Delta stays below {delta} for M up to {_GRID[-1]:.0e} GeV with reading {r.name!r}")
    i = above[0]
    if i == 0:
        raise ValueError(f"Delta exceeds {delta} already at M = {_GRID[0]} GeV with reading {r.name!r}")
    mults = multiplet_list(multiplets, r.counting)  # validated above (the grid): the root finder skips the checks
    g = lambda lm: float(_fine_tuning_unchecked(mults, math.exp(lm), r)) - delta  # noqa: E731
    lm = brentq(g, math.log(_GRID[i - 1]), math.log(_GRID[i]), xtol=1e-12, rtol=1e-12)
    return math.exp(lm) / 1e3


def bound_vs_mu(spectrum, mus, delta: float = 100, reading=DEFAULT_READING) -> np.ndarray:
    """Bound (TeV) for each fixed renormalisation scale in `mus` (GeV), other conventions from `reading`.

    Where mu is close to the bound the log of Eq. (2.9) changes sign and |dm_h^2| has a zero at M = mu e^{1/12};
    there the first crossing jumps (the curve has a cusp and a step near mu ~ 100 TeV for Tables 2-3).
    """
    mus = _positive_array(mus, "renormalisation scales mus")
    validate.work(mus.size, validate.GRID_MAX, "bound_vs_mu", "at most 10^4 scales")
    flat = [naturalness_bound_TeV(spectrum, delta, float(m), reading) for m in mus.ravel()]
    return np.asarray(flat).reshape(mus.shape)


def fit_reference_scale(spectra, printed_TeV, delta: float = 100, reading=DEFAULT_READING,
                        bounds=(1e14, 1e26)) -> tuple[float, float]:
    """(mu, max |computed - printed|): the fixed mu (GeV) minimising the largest residual against printed bounds.

    `physics.paper.naturalness_readings` uses it to fit mu to the printed Tables 2-3; reading supplies the rest.
    """
    printed = np.asarray(printed_TeV, dtype=float)
    spectra = list(spectra)
    if len(spectra) != printed.size or printed.size == 0:
        raise ValueError(f"need one printed value per spectrum, got {len(spectra)} spectra and {printed.size} values")
    lo, hi = (_positive(b, "fit bounds (GeV)") for b in bounds)

    def cost(lmu):
        comp = np.array([naturalness_bound_TeV(s, delta, math.exp(lmu), reading) for s in spectra])
        return float(np.max(np.abs(comp - printed)))

    res = minimize_scalar(cost, bounds=(math.log(lo), math.log(hi)), method="bounded", options={"xatol": 1e-4})
    return math.exp(res.x), float(res.fun)


def conventions(mu=None, reading=DEFAULT_READING) -> dict:
    """The conventions used for Eqs. (2.8)-(2.9), as a JSON-ready dict (for the CLI `naturalness` subcommand)."""
    r = _with_mu(reading, mu)
    d = asdict(r)
    d.update({
        "equation": "arXiv:2603.04394 Eqs. (2.8)-(2.9)",
        "mu_GeV": r.mu_value if r.mu_mode == "fixed" else None,
        "mu_over_M": r.mu_value if r.mu_mode == "ratio" else None,
        "C": "1 per ML field, 2 per DL pair" if r.counting == "multiplet" else "2 per Weyl multiplet of a DL pair",
        "Delta": "|dm_h^2| / M_h^2" if r.mh2 == "pole" else "|dm_h^2| / (M_h^2/2)",
        "solver": "smallest M with Delta(M) = delta (brentq in log M)",
        "sqrt_Delta_scaling": "exact" if (r.mu_mode == "ratio" and not r.running) else "approximate (log depends on M)",
    })
    return d

"""The declared domain of every input (issue #16): one place that says what the package accepts, and why.

Layer 1 (beside `physics.inputs`; it imports nothing from the model or pheno layers).  Every check raises
`DomainError`, a `ValueError` whose message names the argument, the value and the allowed range, so that the library
and the CLI (which prints it as one line and exits with code 2) say the same thing.

Domains
-------
* **m_X** (GeV): finite, ``MX_MIN_GEV <= m_X`` and inside the channel's open kinematic range
  ``m_X < m_P - m_P'`` (``< m_Z`` for Z -> gamma X).  ``MX_MIN_GEV`` = 1e-9 GeV (1 eV): the rates carry
  m_X^-2 (Goldstone enhancement, Eqs. 3.9-3.10) and m_X^4 terms (Eq. 3.14); below 1 eV those leave the range where
  double precision is exact to the last bit (m_X^4 < 1e-36 GeV^4 and m_X^-2 > 1e18 with couplings down to 1e-30),
  and no experiment of Table 4 resolves masses there.  Where no channel fixes the top, ``MX_MAX_GEV`` = 1 TeV:
  X is then not light (every channel of Table 4 and Z -> gamma X is closed).
* **g_X**: finite, ``0 <= g_X <= G_PERTURBATIVE = sqrt(4 pi)`` (alpha_X = g_X^2/(4 pi) <= 1: the perturbative
  benchmark the paper uses for y_Psi in Sec. 3.3); ``> 0`` where a scale is divided by it (v_X = m_X/(X_S g_X)).
  **g_X A_XWW^SM** (``gA``): finite, ``|gA| <= GA_MAX`` = sqrt(4 pi) x 3 x 2 x 10^6, the largest value an admissible
  g_X and admissible charges (|alpha_{B+L}| <= 2 x 10^6, A_XWW^SM = -3 alpha_{B+L}, Eq. 3.2) can give.
* **charges** (alpha_B, alpha_i, singlet and anomalon charges X, hypercharges Y, shifts): exact rationals
  ``p/q`` with ``|p| <= CHARGE_MAX`` and ``1 <= q <= CHARGE_MAX``, ``CHARGE_MAX = 10^6``: every charge of the paper
  has |p|, q <= 12, and 10^6 keeps every anomaly coefficient (cubes of sums of such charges) exact and every float
  conversion finite.  A `ChargeAssignment` built inside the package (alpha_{B+L} of admissible inputs used as
  alpha_B) may reach ``CHARGE_MAX_DERIVED = 10^30``.
* **representations**: SU(2) dimension ``1 <= n <= DIM_MAX = 1000`` (criterion (iii), Eq. 2.11, already fails from
  n = 12; the cap keeps component lists and Eq. (2.9) finite); Appendix-A family parameters (m, k, n1)
  ``<= FAMILY_PARAM_MAX = 300`` (every family member then has n <= 3 x 300 + 1 <= DIM_MAX).
* **scales** of Eq. (2.9) (anomalon mass M, renormalisation scale mu, running scale Q; GeV):
  ``SCALE_MIN_GEV = 1e-6 <= x <= SCALE_MAX_GEV = 1e40``: from far below any anomalon to 21 orders of magnitude
  above the Planck scale; inside it M^2, mu^2 and log(M^2/mu^2) are ordinary doubles.
* **grids and scans** (work bounds): ``GRID_MAX = 10^4`` points per axis (20 x the 500 points of Fig. 3),
  ``GRID_CELLS_MAX = 10^6`` for 2-D grids; Appendix-A scans at most ``SCAN_WORK_MAX = 2 x 10^6`` candidate spectra
  (the paper's 1DL+2ML scan, m, n1, n2 <= 50, is 2.6 x 10^5); the three-singlet search of
  `physics.pheno.explorer.singlet_solution` at most ``SINGLET_CANDIDATES_MAX = 10**4`` trial charges.  A request
  beyond a work bound is refused at once, before any work is done.

Results: `finite` turns a non-finite result into a `DomainError` (a public function never returns NaN or +-inf
silently).
"""
from __future__ import annotations

import math
import re
from fractions import Fraction
from numbers import Integral, Rational, Real

import numpy as np

# ------------------------------------------------------------------------------------------------ the bounds
MX_MIN_GEV = 1.0e-9
MX_MAX_GEV = 1.0e3
G_PERTURBATIVE = math.sqrt(4 * math.pi)
CHARGE_MAX = 10**6
CHARGE_MAX_DERIVED = 10**30
GA_MAX = G_PERTURBATIVE * 3 * 2 * CHARGE_MAX
DIM_MAX = 1000
FAMILY_PARAM_MAX = 300
SCALE_MIN_GEV = 1.0e-6
SCALE_MAX_GEV = 1.0e40
GRID_MAX = 10**4
GRID_CELLS_MAX = 10**6
SCAN_WORK_MAX = 2 * 10**6
SINGLET_CANDIDATES_MAX = 10**4
TEXT_MAX = 200  # characters of a number typed as text (a longer one is out of every domain above)


class DomainError(ValueError):
    """An input outside its declared domain (or a result that would not be a finite number)."""


def _show(value) -> str:
    """A short, printable form of a (possibly huge or hostile) value for an error message."""
    if isinstance(value, Fraction):
        bits = max(abs(value.numerator).bit_length(), value.denominator.bit_length())
        if bits > 200:
            return f"a rational with about {int(bits * math.log10(2))} digits"
        return str(value)
    if isinstance(value, Integral) and not isinstance(value, bool) and int(value).bit_length() > 200:
        return "an integer with over 60 digits"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - repr of hostile objects
        return f"<{type(value).__name__}>"
    return text if len(text) <= 60 else text[:40] + f"... ({len(text)} characters)"


# ------------------------------------------------------------------------------------------------ numbers
_DECIMAL = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$")


def parse_real(text, name: str) -> float:
    """A float from a command-line string: decimal or rational text ("1e-3", "-1/3"), finite; DomainError otherwise."""
    if isinstance(text, str):
        t = text.strip()
        if not t or len(t) > TEXT_MAX:
            raise DomainError(f"{name} must be a number, got {_show(text)}")
        if "/" in t:
            return float(parse_rational(t, name))
        try:
            v = float(t)
        except ValueError:
            raise DomainError(f"{name} must be a number, got {_show(text)}") from None
    else:
        v = text
    return real(v, name)


def real(value, name: str, lo: float | None = None, hi: float | None = None, *, lo_open: bool = False,
         hi_open: bool = False, why: str = "") -> float:
    """A finite real in [lo, hi] (open ends with lo_open / hi_open), as float; DomainError naming `name` otherwise."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise DomainError(f"{name} must be a real number, got {_show(value)}")
    try:
        v = float(value)
    except (OverflowError, ValueError):
        raise DomainError(f"{name} must be a finite number, got {_show(value)}") from None
    rng = _range(lo, hi, lo_open, hi_open)
    if not math.isfinite(v):
        raise DomainError(f"{name} must be finite{' and lie in ' + rng if rng else ''}, got {_show(value)}")
    bad = (lo is not None and (v < lo or (lo_open and v == lo))) or (hi is not None and (v > hi or (hi_open and v == hi)))
    if bad:
        raise DomainError(f"{name} = {v:.6g} is outside its domain {rng}{' (' + why + ')' if why else ''}")
    return v


def _range(lo, hi, lo_open, hi_open) -> str:
    if lo is None and hi is None:
        return ""
    a = "(-inf" if lo is None else ("(" if lo_open else "[") + f"{lo:.6g}"
    b = "+inf)" if hi is None else f"{hi:.6g}" + (")" if hi_open else "]")
    return f"{a}, {b}"


def real_array(value, name: str, lo: float | None = None, hi: float | None = None, *, lo_open: bool = False,
               hi_open: bool = False, why: str = "") -> np.ndarray:
    """`real` element-wise for a scalar or array (returned as a float ndarray)."""
    try:
        a = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise DomainError(f"{name} must be real numbers, got {_show(value)}") from None
    rng = _range(lo, hi, lo_open, hi_open)
    if a.size == 0:
        raise DomainError(f"{name} must not be empty")
    if not np.all(np.isfinite(a)):
        raise DomainError(f"{name} must be finite{' and lie in ' + rng if rng else ''}, got {_show(value)}")
    bad = np.zeros(a.shape, bool)
    if lo is not None:
        bad |= (a <= lo) if lo_open else (a < lo)
    if hi is not None:
        bad |= (a >= hi) if hi_open else (a > hi)
    if np.any(bad):
        x = float(a[bad].ravel()[0])
        raise DomainError(f"{name} = {x:.6g} is outside its domain {rng}{' (' + why + ')' if why else ''}")
    return a


def mass(value, name: str = "m_X (GeV)", hi: float = MX_MAX_GEV, *, where: str = "", array: bool = False):
    """m_X in [MX_MIN_GEV, hi) GeV (hi: the channel's kinematic endpoint, open); float or float ndarray."""
    why = (f"the open interval (0, {hi:.6g}) GeV up to {where or 'the end of the light-vector range'}, "
           f"and at least {MX_MIN_GEV:g} GeV = 1 eV (see physics.validate)")
    f = real_array if array else real
    return f(value, name, MX_MIN_GEV, hi, hi_open=True, why=why)


def coupling(value, name: str = "g_X", *, positive: bool = False, array: bool = False):
    """g_X in [0, sqrt(4 pi)] ((0, sqrt(4 pi)] if positive): perturbative, alpha_X = g_X^2/(4 pi) <= 1."""
    why = (f"a coupling {'> 0' if positive else '>= 0'}, and perturbative: alpha = g^2/(4 pi) <= 1, the "
           "benchmark y, g <= sqrt(4 pi) of Sec. 3.3")
    f = real_array if array else real
    return f(value, name, 0.0, G_PERTURBATIVE, lo_open=positive, why=why)


def coupling_product(value, name: str = "gA = g_X A_XWW^SM", *, array: bool = False):
    """g_X A_XWW^SM, finite with |gA| <= GA_MAX (admissible g_X times admissible charges)."""
    why = "|g_X A_XWW^SM| <= sqrt(4 pi) x 3 |alpha_B+L| with admissible charges, see physics.validate"
    f = real_array if array else real
    return f(value, name, -GA_MAX, GA_MAX, why=why)


def scale(value, name: str, *, array: bool = False):
    """A GeV scale of Eq. (2.9) (M, mu, Q) in [SCALE_MIN_GEV, SCALE_MAX_GEV]."""
    why = "GeV; far below any anomalon up to 21 orders above the Planck scale, where Eq. (2.9) is a finite double"
    f = real_array if array else real
    return f(value, name, SCALE_MIN_GEV, SCALE_MAX_GEV, why=why)


def finite(value, name: str, context: str = ""):
    """Return `value` if every number in it is finite; DomainError otherwise (no NaN or inf leaves silently)."""
    try:
        a = np.asarray(value, dtype=complex if np.iscomplexobj(value) else float)
    except (TypeError, ValueError, OverflowError):
        raise DomainError(f"{name} is not a finite number{': ' + context if context else ''}") from None
    if not np.all(np.isfinite(a)):
        raise DomainError(f"{name} is not a finite number for these inputs"
                          f"{': ' + context if context else ' (they lie outside the range where it is computable)'}")
    return value


# ------------------------------------------------------------------------------------------------ integers
def integer(value, name: str, lo: int, hi: int, why: str = "") -> int:
    """An integer in [lo, hi] (ints, integral Fractions and integral floats); DomainError otherwise."""
    if isinstance(value, bool):
        raise DomainError(f"{name} must be an integer in [{lo}, {hi}], got {value!r}")
    if isinstance(value, str):
        t = value.strip()
        if not re.fullmatch(r"[+-]?\d{1,30}", t):
            raise DomainError(f"{name} must be an integer in [{lo}, {hi}], got {_show(value)}")
        value = int(t)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, (Integral, np.integer)):
        v = int(value)
    elif isinstance(value, Rational) and Fraction(value).denominator == 1:
        v = int(Fraction(value))
    else:
        raise DomainError(f"{name} must be an integer in [{lo}, {hi}], got {_show(value)}")
    if not lo <= v <= hi:
        raise DomainError(f"{name} = {_show(v)} is outside its domain [{lo}, {hi}]{' (' + why + ')' if why else ''}")
    return v


def dimension(value, name: str = "SU(2) dimension n") -> int:
    """An SU(2) representation dimension in [1, DIM_MAX]."""
    return integer(value, name, 1, DIM_MAX, "criterion (iii), Eq. 2.11, fails from n = 12; see physics.validate")


def grid_size(value, name: str = "n", lo: int = 2, hi: int = GRID_MAX) -> int:
    """A grid size in [lo, hi] (a work bound)."""
    return integer(value, name, lo, hi, f"work bound: at most {hi} points per axis")


def work(amount: int, limit: int, what: str, hint: str = "") -> None:
    """Refuse at once a request whose work estimate exceeds `limit`."""
    if amount > limit:
        raise DomainError(f"{what} would need {_show(int(amount))} steps, above the work bound {limit}"
                          f"{'; ' + hint if hint else ''}")


# ------------------------------------------------------------------------------------------------ rationals
_RATIONAL = re.compile(r"^[+-]?\d+\s*/\s*[+-]?\d+$")


def parse_rational(text: str, name: str) -> Fraction:
    """An exact rational from text ("1", "-1/3", "0.25", "1e-3"), refusing text whose size alone is out of domain.

    Exponents beyond +-400 and strings longer than TEXT_MAX characters are refused before any big-integer work."""
    t = text.strip()
    if not t or len(t) > TEXT_MAX:
        raise DomainError(f"{name} must be a rational number such as 1, -1/3 or 0.5, got {_show(text)}")
    m = _DECIMAL.match(t)
    if m and m.group(1) is not None and abs(int(m.group(1))) > 400:
        raise DomainError(f"{name} = {_show(text)} is outside its domain: |numerator| and denominator <= "
                          f"{CHARGE_MAX}")
    if not (m or _RATIONAL.match(t)):
        raise DomainError(f"{name} must be a rational number such as 1, -1/3 or 0.5, got {_show(text)}")
    try:
        return Fraction(t.replace(" ", ""))
    except (ValueError, ZeroDivisionError):
        raise DomainError(f"{name} must be a rational number with a non-zero denominator, got {_show(text)}") from None


def bounded_rational(value: Fraction, name: str, bound: int = CHARGE_MAX) -> Fraction:
    """`value` if |numerator| <= bound and denominator <= bound; DomainError otherwise."""
    if abs(value.numerator) > bound or value.denominator > bound:
        raise DomainError(f"{name} = {_show(value)} is outside its domain: exact rational p/q with |p| <= {bound:.0e} "
                          f"and q <= {bound:.0e} (see physics.validate)".replace("e+0", "e").replace("e+", "e"))
    return value


def charge(value, name: str = "charge", bound: int = CHARGE_MAX) -> Fraction:
    """An exact, bounded rational charge from an int, Fraction, finite float or text."""
    if isinstance(value, bool):
        raise DomainError(f"{name} must be a number, got the boolean {value!r}")
    if isinstance(value, Fraction):
        q = value
    elif isinstance(value, Rational):
        q = Fraction(int(value.numerator), int(value.denominator))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise DomainError(f"{name} must be finite, got {value!r}")
        q = Fraction(repr(value))
    elif isinstance(value, str):
        q = parse_rational(value, name)
    else:
        raise DomainError(f"{name} must be a rational number, got {_show(value)} of type {type(value).__name__}")
    return bounded_rational(q, name, bound)

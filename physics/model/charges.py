"""SM charges under the new gauge symmetry, Eq. (1.1) and Table 1 of arXiv:2603.04394.

X = alpha_B B + sum_i alpha_i L_i  (i = e, mu, tau), Eq. (1.1).

Charges are exact rationals (`fractions.Fraction`).  A field is described by
`Fermion`: a Weyl multiplet of SU(3)_C x SU(2)_L x U(1)_Y x U(1)_X with a
chirality ("L" = (1/2, 0), "R" = (0, 1/2)).  Anomaly coefficients are built
from these in `physics.model.anomalies`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational

from physics import validate

LEPTON_FLAVOURS = ("e", "mu", "tau")

#: Dimension -> Dynkin index T(N) of the SU(3) representations allowed for
#: coloured anomalons in Appendix A (real reps or conjugate pairs):
#: 1, 3, 6, 8, 10 (standard normalisation T(3) = 1/2).
SU3_DYNKIN = {1: Fraction(0), 3: Fraction(1, 2), 6: Fraction(5, 2), 8: Fraction(3), 10: Fraction(15, 2)}


def as_fraction(value, what: str = "charge") -> Fraction:
    """Exact rational from an int, a Fraction, a string like "1/3" or "-0.5", or a finite float.

    Raises ValueError naming `what` for anything non-numeric or non-finite.
    Floats are converted through their shortest decimal repr, so 0.1 -> 1/10.
    """
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number, got the boolean {value!r}")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{what} must be finite, got {value!r}")
        return Fraction(repr(value))
    if isinstance(value, str):  # size-guarded: "1e999999999" is refused before any big-integer work
        return validate.parse_rational(value, what)
    raise ValueError(f"{what} must be a rational number, got {value!r} of type {type(value).__name__}")


def su2_dynkin(n: int) -> Fraction:
    """Dynkin index T(n) = n(n^2-1)/12 of the n-dimensional SU(2) irrep (T(2) = 1/2), as in Eq. (2.4)."""
    n = check_dimension(n)
    return Fraction(n * (n * n - 1), 12)


def check_dimension(n, what: str = "SU(2) dimension n") -> int:
    """Validate a representation dimension: an integer in [1, physics.validate.DIM_MAX]."""
    if isinstance(n, bool) or not isinstance(n, (int, Rational)) or Fraction(n).denominator != 1:
        raise ValueError(f"{what} must be a positive integer, got {validate._show(n)}")
    n = int(n)
    if n < 1:
        raise ValueError(f"{what} must be a positive integer (n >= 1), got {n}")
    return validate.dimension(n, what)


@dataclass(frozen=True)
class Fermion:
    """One Weyl multiplet: SU(2)_L dimension n, hypercharge Y, U(1)_X charge X, chirality, colour dimension."""

    name: str
    n: int
    Y: Fraction
    X: Fraction
    chirality: str = "L"
    colour: int = 1

    def __post_init__(self):
        object.__setattr__(self, "n", check_dimension(self.n))
        object.__setattr__(self, "Y", as_fraction(self.Y, f"hypercharge of {self.name}"))
        object.__setattr__(self, "X", as_fraction(self.X, f"U(1)_X charge of {self.name}"))
        if self.chirality not in ("L", "R"):
            raise ValueError(f"chirality of {self.name} must be 'L' or 'R', got {self.chirality!r}")
        colour = check_dimension(self.colour, f"colour dimension of {self.name}")
        if colour not in SU3_DYNKIN:
            raise ValueError(f"colour dimension of {self.name} must be one of {sorted(SU3_DYNKIN)}, got {colour}")
        object.__setattr__(self, "colour", colour)

    @property
    def sign(self) -> int:
        """+1 for left-handed, -1 for right-handed: Eqs. (2.2)-(2.6) are written as sum_L - sum_R."""
        return 1 if self.chirality == "L" else -1

    def conjugate(self) -> "Fermion":
        """The same field written with the opposite chirality (all charges flipped)."""
        return Fermion(self.name + "^c", self.n, -self.Y, -self.X, "R" if self.chirality == "L" else "L", self.colour)

    def as_left_handed(self) -> "Fermion":
        return self if self.chirality == "L" else self.conjugate()


@dataclass(frozen=True)
class ChargeAssignment:
    """The generator X = alpha_B B + alpha_e L_e + alpha_mu L_mu + alpha_tau L_tau of Eq. (1.1)."""

    alpha_B: Fraction = Fraction(0)
    alpha_e: Fraction = Fraction(0)
    alpha_mu: Fraction = Fraction(0)
    alpha_tau: Fraction = Fraction(0)

    def __post_init__(self):
        for key in ("alpha_B", "alpha_e", "alpha_mu", "alpha_tau"):  # bounded: see physics.validate
            value = as_fraction(getattr(self, key), key)
            object.__setattr__(self, key, validate.bounded_rational(value, key, validate.CHARGE_MAX_DERIVED))

    @classmethod
    def from_mapping(cls, alphas: dict) -> "ChargeAssignment":
        """Build from {"B": 1, "tau": -1, ...}; keys B, e, mu, tau (also alpha_B, ...)."""
        values = {}
        for key, value in alphas.items():
            k = str(key).strip()
            k = k[len("alpha_"):] if k.startswith("alpha_") else k
            if k not in ("B",) + LEPTON_FLAVOURS:
                raise ValueError(f"unknown charge {key!r}: use B, e, mu or tau")
            if "alpha_" + k in values:
                raise ValueError(f"charge alpha_{k} given twice (as {key!r} and before)")
            values["alpha_" + k] = validate.charge(value, f"alpha_{k}")  # |p|, q <= physics.validate.CHARGE_MAX
        return cls(**values)

    @classmethod
    def coerce(cls, alphas) -> "ChargeAssignment":
        """The one place a charge assignment enters the package: a ChargeAssignment as it is, or a mapping
        {"B": .., "e": .., "mu": .., "tau": ..} parsed once (exact, bounded rationals).  The front-ends (CLI,
        explorer) and every layer below call this; the object then travels down unchanged."""
        if isinstance(alphas, cls):
            return alphas
        if isinstance(alphas, dict):
            return cls.from_mapping(alphas)
        raise ValueError(f"alphas must be a physics.model.charges.ChargeAssignment or a mapping like {{'tau': 1}}, "
                         f"got {type(alphas).__name__}")

    @property
    def lepton(self) -> dict:
        return {"e": self.alpha_e, "mu": self.alpha_mu, "tau": self.alpha_tau}

    @property
    def alpha_BL(self) -> Fraction:
        """alpha_{B+L} = alpha_B + (alpha_e + alpha_mu + alpha_tau)/3, Eq. (2.7)."""
        return self.alpha_B + (self.alpha_e + self.alpha_mu + self.alpha_tau) / 3

    def label(self) -> str:
        parts = []
        for name, a in (("B", self.alpha_B), ("L_e", self.alpha_e), ("L_mu", self.alpha_mu), ("L_tau", self.alpha_tau)):
            if a:
                parts.append(f"{a}*{name}" if a != 1 else name)
        return " + ".join(parts).replace("+ -", "- ") or "0"


def alpha_BL(alphas: ChargeAssignment) -> Fraction:
    """alpha_{B+L}, Eq. (2.7)."""
    return alphas.alpha_BL


def sm_fermions(alphas: ChargeAssignment) -> list[Fermion]:
    """The SM Weyl fermions of Table 1, one entry per generation, with their U(1)_X charges (Eq. 1.1).

    Quarks carry alpha_B/3 (baryon number 1/3); leptons of flavour i carry alpha_i.
    No right-handed neutrinos: those are SM singlets and are passed separately.
    """
    qB = alphas.alpha_B / 3
    fields = []
    for gen, flav in enumerate(LEPTON_FLAVOURS, start=1):
        a = alphas.lepton[flav]
        fields += [
            Fermion(f"q_L^{gen}", 2, Fraction(1, 6), qB, "L", 3),
            Fermion(f"u_R^{gen}", 1, Fraction(2, 3), qB, "R", 3),
            Fermion(f"d_R^{gen}", 1, Fraction(-1, 3), qB, "R", 3),
            Fermion(f"l_L^{flav}", 2, Fraction(-1, 2), a, "L", 1),
            Fermion(f"e_R^{flav}", 1, Fraction(-1), a, "R", 1),
        ]
    return fields


def electric_charges(n: int, Y) -> list[Fraction]:
    """Electric charges Q = T3 + Y of the components of an SU(2) n-plet with hypercharge Y (highest first)."""
    n = check_dimension(n)
    Y = as_fraction(Y, "hypercharge")
    return [Fraction(n - 1, 2) - k + Y for k in range(n)]


#: Benchmark used throughout Sec. 3: gauged tau-flavour, alpha_tau = 1 (Sec. 3, text before 3.1).
TAU_MODEL = ChargeAssignment(alpha_tau=1)

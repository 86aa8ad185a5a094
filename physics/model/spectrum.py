"""Anomalon spectra: Majorana-like (ML) fields and Dirac-like (DL) pairs, Sec. 2.2 criterion (i).

A `Spectrum` is what the families of Appendix A return and what the naturalness bound (Eq. 2.9),
the criteria of Sec. 2.2 and the UV models of Sec. 4 consume.  All anomalons are written as
left-handed Weyl multiplets (Table 1: Psi_alpha ~ (1/2, 0)); SM singlets N_beta are right-handed.

* ML field: one multiplet with Y = 0, n odd (> 1), X = +-X_S/2, mass term Psi Psi^C <S^(dagger)>; C = 1 in Eq. (2.9).
* DL pair: two multiplets with equal n, opposite Y != 0, X_1 + X_2 = +-X_S; C = 2 in Eq. (2.9).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from physics.model.charges import ChargeAssignment, Fermion
from physics.model.anomalies import AnomalyReport


@dataclass(frozen=True)
class Multiplet:
    """A massive anomalon multiplet after U(1)_X breaking: an ML field (one Weyl) or a DL pair (two Weyls)."""

    kind: str  # "ML" or "DL"
    fields: tuple

    def __post_init__(self):
        if self.kind not in ("ML", "DL"):
            raise ValueError(f"multiplet kind must be 'ML' or 'DL', got {self.kind!r}")
        fields = tuple(self.fields)
        object.__setattr__(self, "fields", fields)
        if self.kind == "ML" and len(fields) != 1:
            raise ValueError("an ML multiplet is one Weyl field")
        if self.kind == "DL" and (len(fields) != 2 or fields[0].n != fields[1].n):
            raise ValueError("a DL pair is two Weyl fields of equal SU(2) dimension")

    @property
    def n(self) -> int:
        return self.fields[0].n

    @property
    def Y(self) -> Fraction:
        """|Y| of the multiplet (the pair members carry +-Y)."""
        return abs(self.fields[0].Y)

    @property
    def C(self) -> int:
        """Majorana (1) or Dirac (2) multiplicity factor C of Eq. (2.9)."""
        return 1 if self.kind == "ML" else 2

    @property
    def mass_charge(self) -> Fraction:
        """|X| carried by the mass term: 2|X| for ML, |X_1 + X_2| for a DL pair (= X_S for one scalar S)."""
        if self.kind == "ML":
            return abs(2 * self.fields[0].X)
        return abs(self.fields[0].X + self.fields[1].X)


@dataclass
class Spectrum:
    """A set of anomalons (ML fields and DL pairs) for a given alpha_{B+L}, with its name and parameters."""

    name: str
    multiplets: tuple
    alpha_BL: Fraction
    params: dict = field(default_factory=dict)

    @property
    def fields(self) -> list[Fermion]:
        return [f for m in self.multiplets for f in m.fields]

    @property
    def X_S(self) -> Fraction:
        """U(1)_X charge of the single scalar S that gives every multiplet its mass (criterion (i));
        ValueError if the multiplets need different |X_S|."""
        charges = {m.mass_charge for m in self.multiplets}
        if len(charges) != 1:
            raise ValueError(f"{self.name}: multiplets need different scalar charges {sorted(charges)}")
        return charges.pop()

    def anomalies(self, alphas: ChargeAssignment | None = None, singlet_charges=()) -> AnomalyReport:
        """AnomalyReport for this spectrum with SM charges `alphas` (default: alpha_B = alpha_{B+L})."""
        from physics.model.anomalies import singlets

        if alphas is None:
            alphas = ChargeAssignment(alpha_B=self.alpha_BL)
        if alphas.alpha_BL != self.alpha_BL:
            raise ValueError(f"spectrum built for alpha_B+L = {self.alpha_BL}, charges give {alphas.alpha_BL}")
        return AnomalyReport(alphas, self.fields, singlets(singlet_charges))

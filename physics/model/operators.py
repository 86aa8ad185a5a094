"""Gauge-invariance checker for renormalisable fermion bilinears, Sec. 4 of arXiv:2603.04394.

Every fermion is written as a left-handed Weyl field (a right-handed field R of Table 1 enters as its
conjugate R^c with all charges flipped).  A renormalisable mass or Yukawa operator is then a product of
two Weyl fields and at most one scalar,

    psi_1 psi_2,   psi_1 psi_2 S,   psi_1 psi_2 S*,   psi_1 psi_2 H,   psi_1 psi_2 H~,

with H = (1, 2, 1/2, 0) the SM Higgs (X_H = 0, Table 1), H~ = i sigma_2 H* = (1, 2, -1/2, 0) and
S = (1, 1, 0, X_S).  The operator is allowed iff the product is a singlet of
SU(3)_C x SU(2)_L x U(1)_Y x U(1)_X:

* U(1)_Y, U(1)_X: the charges add up to zero;
* SU(2)_L: n_1 (x) n_2 contains a singlet iff n_1 = n_2; with the doublet scalar iff |n_1 - n_2| = 1;
* SU(3)_C: 1 (x) 1, a rep with its conjugate (3 with 3bar, ...), or a real rep with itself (8 (x) 8);
* same Weyl field twice (a Majorana bilinear): the Lorentz contraction psi psi is symmetric, so the
  gauge singlet must be symmetric too: for SU(2) the singlet in n (x) n is symmetric iff n is odd
  (footnote 2 of Sec. 2.2: the Majorana mass of a pseudoreal multiplet vanishes); a doublet scalar is
  impossible (n (x) n has no doublet).

Each allowed holomorphic Weyl operator is also printed in the paper's four-component notation
(Eqs. 4.4, 4.6, 4.8, 4.9, 4.11, 4.12).  For Weyl fields F_L (a left-handed field) and G^c (the conjugate
of a right-handed G_R):

    F_L G_L  phi   <->  bar(F_L) (G_L)^c phi*        (Majorana-type, e.g. Eq. 4.6: bar(B_L) S* (B_L)^c)
    F_L G^c  phi   <->  bar(F_L) G_R     phi*        (Dirac-type,    e.g. Eq. 4.6: bar(A_L) S A_R)
    F^c G^c  phi   <->  bar(F_R) (G_R)^c phi         (e.g. Eq. 4.11: bar(N_R^1) S* (N_R^2)^c)

where phi* is the conjugate scalar: S <-> S*, H <-> H~ (as SU(2) doublets H* ~ H~ and H^dagger ~ H~).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Sequence

from physics.model.charges import ChargeAssignment, Fermion, as_fraction

#: Roles a field can play in a UV model (used to label the operators).
ROLES = ("anomalon", "singlet", "sm")

#: Colour reps that are real (a real rep R has R (x) R containing a symmetric singlet).
REAL_COLOUR = (1, 8)

#: Operator categories, by the roles of the two fermions and the scalar.
CATEGORIES = (
    "anomalon mass (S)",
    "anomalon bare mass",
    "anomalon-Higgs Yukawa",
    "anomalon-SM mixing",
    "anomalon-singlet mixing",
    "singlet mass",
    "singlet-SM mixing",
    "SM",
)


@dataclass(frozen=True)
class WeylField:
    """A left-handed Weyl multiplet: `name` as printed ("A_R^c" for the conjugate of A_R), SU(2) dimension n,
    Y, X, colour dimension, whether the colour rep is conjugated, the role and the original chirality."""

    name: str
    n: int
    Y: Fraction
    X: Fraction
    colour: int = 1
    colour_bar: bool = False
    role: str = "anomalon"
    origin: str = "L"  # "L": a left-handed field of the table; "R": the conjugate of a right-handed one
    base: str = ""     # the table's name of the field (without ^c)

    @classmethod
    def from_fermion(cls, f: Fermion, role: str) -> "WeylField":
        if role not in ROLES:
            raise ValueError(f"role of {f.name} must be one of {ROLES}, got {role!r}")
        if f.chirality == "L":
            return cls(f.name, f.n, f.Y, f.X, f.colour, False, role, "L", f.name)
        return cls(f.name + "^c", f.n, -f.Y, -f.X, f.colour, f.colour not in REAL_COLOUR, role, "R", f.name)


@dataclass(frozen=True)
class Scalar:
    """A scalar that may close a Yukawa operator: its printed name, SU(2) dimension, Y and X."""

    name: str
    n: int
    Y: Fraction
    X: Fraction

    @property
    def conjugate_name(self) -> str:
        return {"S": "S*", "S*": "S", "H": "H~", "H~": "H", "": ""}[self.name]


def scalars(X_S) -> list[Scalar]:
    """No scalar, S, S*, H and H~ = i sigma_2 H*, Table 1 (H ~ (2, 1/2, 0), S ~ (1, 0, X_S))."""
    X_S = as_fraction(X_S, "X_S")
    if X_S == 0:
        raise ValueError("X_S must be non-zero: S breaks U(1)_X (Eq. 4.2)")
    half = Fraction(1, 2)
    return [
        Scalar("", 1, Fraction(0), Fraction(0)),
        Scalar("S", 1, Fraction(0), X_S),
        Scalar("S*", 1, Fraction(0), -X_S),
        Scalar("H", 2, half, Fraction(0)),
        Scalar("H~", 2, -half, Fraction(0)),
    ]


@dataclass(frozen=True)
class Operator:
    """An allowed bilinear psi_1 psi_2 (scalar) with its category and both notations."""

    field1: WeylField
    field2: WeylField
    scalar: Scalar
    category: str

    @property
    def weyl(self) -> str:
        """Holomorphic Weyl form, e.g. 'B_L B_L S' or 'A_L A_R^c S*'."""
        parts = [self.field1.name, self.field2.name] + ([self.scalar.name] if self.scalar.name else [])
        return " ".join(parts)

    @property
    def dirac(self) -> str:
        """The paper's four-component form (see the module docstring), e.g. 'bar(A_L) S A_R'."""
        f1, f2 = self.field1, self.field2
        if f1.origin == "R" and f2.origin == "L":
            f1, f2 = f2, f1
        if f1.origin == "L" and f2.origin == "L":
            phi = self.scalar.conjugate_name
            core = f"bar({f1.base}) {phi + ' ' if phi else ''}({f2.base})^c"
        elif f1.origin == "L":
            phi = self.scalar.conjugate_name
            core = f"bar({f1.base}) {phi + ' ' if phi else ''}{f2.base}"
        else:
            phi = self.scalar.name
            core = f"bar({f1.base}) {phi + ' ' if phi else ''}({f2.base})^c"
        return core

    def __str__(self) -> str:
        return f"{self.dirac}   [Weyl: {self.weyl}; {self.category}]"


def _su2_ok(n1: int, n2: int, scalar: Scalar, same: bool) -> bool:
    if scalar.n == 1:
        if n1 != n2:
            return False
        return (n1 % 2 == 1) if same else True  # symmetric singlet in n (x) n iff n odd
    if scalar.n == 2:
        return abs(n1 - n2) == 1 and not same
    raise ValueError(f"scalar {scalar.name} must be an SU(2) singlet or doublet, got n = {scalar.n}")


def _colour_ok(a: WeylField, b: WeylField, same: bool) -> bool:
    if a.colour == 1 and b.colour == 1:
        return True
    if a.colour != b.colour:
        return False
    if a.colour in REAL_COLOUR:
        return True  # 8 (x) 8 contains the symmetric singlet delta_ab
    if same:
        return False  # 3 (x) 3, 6 (x) 6, 10 (x) 10 have no singlet
    return a.colour_bar != b.colour_bar


def _category(a: WeylField, b: WeylField, scalar: Scalar) -> str:
    roles = {a.role, b.role}
    if roles == {"anomalon"}:
        if scalar.n == 2:
            return "anomalon-Higgs Yukawa"
        return "anomalon mass (S)" if scalar.name else "anomalon bare mass"
    if roles == {"anomalon", "sm"}:
        return "anomalon-SM mixing"
    if roles == {"anomalon", "singlet"}:
        return "anomalon-singlet mixing"
    if roles == {"singlet"}:
        return "singlet mass"
    if roles == {"singlet", "sm"}:
        return "singlet-SM mixing"
    return "SM"


def gauge_singlet(a: WeylField, b: WeylField, scalar: Scalar, same: bool = False) -> bool:
    """Is psi_a psi_b (scalar) a singlet of SU(3) x SU(2) x U(1)_Y x U(1)_X (rules in the module docstring)?"""
    if a.Y + b.Y + scalar.Y != 0 or a.X + b.X + scalar.X != 0:
        return False
    return _su2_ok(a.n, b.n, scalar, same) and _colour_ok(a, b, same)


def sm_leptons(alphas: ChargeAssignment) -> list[Fermion]:
    """The SM leptons l_L^i = (1, 2, -1/2, alpha_i) and e_R^i = (1, 1, -1, alpha_i) of Table 1 (i = e, mu, tau).

    Quarks are left out: a colour-triplet quark cannot form a colour singlet with a colourless anomalon.
    """
    fields = []
    for flav, a in alphas.lepton.items():
        fields.append(Fermion(f"l_L^{flav}", 2, Fraction(-1, 2), a, "L"))
        fields.append(Fermion(f"e_R^{flav}", 1, Fraction(-1), a, "R"))
    return fields


def weyl_fields(anomalons: Iterable[Fermion], singlets: Iterable[Fermion] = (),
                sm: Iterable[Fermion] = ()) -> list[WeylField]:
    """All fields as left-handed Weyl fields, labelled by role."""
    out = []
    for role, group in (("anomalon", anomalons), ("singlet", singlets), ("sm", sm)):
        for f in group:
            if not isinstance(f, Fermion):
                raise ValueError(f"expected physics.model.charges.Fermion, got {f!r}")
            out.append(WeylField.from_fermion(f, role))
    names = [w.name for w in out]
    dup = {x for x in names if names.count(x) > 1}
    if dup:
        raise ValueError(f"field names must be unique, repeated: {sorted(dup)}")
    return out


def allowed_operators(anomalons: Iterable[Fermion], X_S, singlets: Iterable[Fermion] = (),
                      alphas: ChargeAssignment | None = None, include_sm_only: bool = False) -> list[Operator]:
    """Every renormalisable bilinear psi psi, psi psi S, psi psi S*, psi psi H, psi psi H~ allowed by gauge
    invariance for the given anomalons, SM singlets and (if `alphas` is given) SM leptons with X charges
    alpha_i (Eq. 1.1).  Pure-SM operators (lepton Yukawas) are dropped unless `include_sm_only`.

    Each unordered pair of Weyl fields (including a field with itself) and each scalar is tried once.
    """
    sm = sm_leptons(alphas) if alphas is not None else []
    fields = weyl_fields(anomalons, singlets, sm)
    ops = []
    for i, a in enumerate(fields):
        for b in fields[i:]:
            same = a is b
            for s in scalars(X_S):
                if not gauge_singlet(a, b, s, same):
                    continue
                cat = _category(a, b, s)
                if cat == "SM" and not include_sm_only:
                    continue
                ops.append(Operator(a, b, s, cat))
    return ops


def find_operator(ops: Sequence[Operator], names: Sequence[str], scalar: str) -> Operator | None:
    """The operator built from the table fields `names` (e.g. ("A_L", "A_R")) and scalar `scalar`
    (Weyl-form name: "", "S", "S*", "H", "H~"), or None.  Unknown scalar names raise ValueError."""
    if scalar not in ("", "S", "S*", "H", "H~"):
        raise ValueError(f"scalar must be one of '', 'S', 'S*', 'H', 'H~', got {scalar!r}")
    want = sorted(names)
    for op in ops:
        if sorted([op.field1.base, op.field2.base]) == want and op.scalar.name == scalar:
            return op
    return None


# ---------------------------------------------------------------------------------------------
# Charges affine in a free shift (Table 6): operators as functions of the shift
# ---------------------------------------------------------------------------------------------
def operators_vs_shift(build, X_S, alphas: ChargeAssignment | None = None) -> list[tuple[Operator, object]]:
    """For a model whose charges are affine in a free shift s (Table 6: X = c0 + c1 s), return every operator
    that is allowed for *some* s, as (operator evaluated at s = 0, condition) with condition either
    "all" (allowed for every s) or the unique Fraction s* at which it is allowed.

    `build(s)` must return (anomalons, singlets) for the shift s.  The X charge of a bilinear is affine in s,
    so it is sampled at s = 0 and s = 1 and solved exactly.
    """
    an0, si0 = build(Fraction(0))
    an1, si1 = build(Fraction(1))
    sm = sm_leptons(alphas) if alphas is not None else []
    f0 = weyl_fields(an0, si0, sm)
    f1 = weyl_fields(an1, si1, sm)
    if [w.name for w in f0] != [w.name for w in f1]:
        raise ValueError("build(s) must return the same fields in the same order for every shift")
    out = []
    for i in range(len(f0)):
        for j in range(i, len(f0)):
            a0, b0, a1, b1 = f0[i], f0[j], f1[i], f1[j]
            same = i == j
            for s in scalars(X_S):
                # everything but X is shift independent
                probe_a = WeylField(a0.name, a0.n, a0.Y, Fraction(0), a0.colour, a0.colour_bar, a0.role, a0.origin, a0.base)
                probe_b = WeylField(b0.name, b0.n, b0.Y, Fraction(0), b0.colour, b0.colour_bar, b0.role, b0.origin, b0.base)
                probe_s = Scalar(s.name, s.n, s.Y, Fraction(0))
                if not gauge_singlet(probe_a, probe_b, probe_s, same):
                    continue
                c0 = a0.X + b0.X + s.X
                c1 = (a1.X + b1.X + s.X) - c0
                cat = _category(a0, b0, s)
                if cat == "SM":
                    continue
                if c1 == 0:
                    if c0 == 0:
                        out.append((Operator(a0, b0, s, cat), "all"))
                else:
                    out.append((Operator(a0, b0, s, cat), -c0 / c1))
    return out

"""Command-line interface: `python -m physics SUBCOMMAND ... [--json]`.

This is a contract that scripts rely on: subcommands, options and JSON keys are only ever added, never renamed.
Exact numbers print as strings such as "1/3".  Bad input prints one line on stderr and exits with code 2; every
input has a declared domain (`physics.validate`), numpy warnings never reach the terminal, the JSON is strict (no NaN
or Infinity), a single-valued option given twice is an error and negative values such as `--singlet -1/3` are values.

Subcommands
  anomalies   --alpha K=V ... [--family F --m M [--k K] [--n1 N1] [--shift X]] [--singlet X ...]
              -> alpha_BL, sm, anomalons, singlets, total ("2.2".."2.6"), witten_ok, fields
  naturalness --family A.6|A.11 --m M [--delta 100] [--mu GEV] [--alpha-BL A]
              -> bound_TeV, conventions
  rate        --channel CH --mX GEV (--gX G --alpha ... | --gA VALUE)  -> BR, width_GeV
  limit       --channel CH --mX GEV [--alpha ...]  -> gX_max (with a model) or gA_max, dataset
  fit         --model tau --mX 2.1 [--no-z] [--option NAME]
              -> gX_best, chi2_min, chi2_SM, significance_sigma, BR_Z_gammaX, BR_B+_K*+X
  plane       [--alpha ...] [--mX-min GEV --mX-max GEV --n N]
              -> mX_GeV, channels {name: {mX_GeV, gX_max, ...}}, direct, naturalness, projections, notes
  explore     --alpha K=V ... [--family F --m M ... | --field n,Y,X ...] [--singlet X ...] [--mX GEV [--gX G]]
              -> alpha_BL, anomalies, witten_ok, criteria, naturalness_bound_TeV, BR, gX_max (+ traces,
                 suggestions, point, ...; --plane adds the summary-plane arrays)
  uv          --model table5|table6 [--shift X] [--mX GEV --gX G]
              -> anomalies, allowed_operators, vX_GeV, mass_limits_GeV (+ vX_eq43_GeV, splittings_MeV)
  ledger      -> list of {id, where, paper, computed, status, note, provenance, uses, reading, alternatives, ...}
              (--json --object: one object {"rows": [...], "headline": ...})
  readings    --section 3.2.5|2.1 [--top N]
              -> list of {reading, gX_best, BR_Z_gammaX, BR_Z_gammaX_at_printed_gX, significance_sigma, BR_B+_K*+X,
                 matches, contradicts, ...} (3.2.5) or {reading, bounds_TeV, matches, contradicts, ...} (2.1)
  (fit --reading NAME runs the fit under a named reading; rate adds BR_interval, the 68% form-factor interval)
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import re
import sys
import warnings
from fractions import Fraction

from physics import validate
from physics.model.charges import ChargeAssignment, as_fraction
from physics.inputs import MX_BENCHMARK
from physics.paper.printed import GX_BEST_FIT


class CLIError(Exception):
    """Bad command-line input: reported as one line, exit code 2."""


class _OnceMixin:
    """A single-valued option given twice is an error (issue #16), not silently the last value."""

    def __call__(self, parser, namespace, values, option_string=None):
        given = namespace.__dict__.setdefault("_cli_given", set())
        if self.dest in given:
            parser.error(f"argument {'/'.join(self.option_strings)}: given more than once")
        given.add(self.dest)
        super().__call__(parser, namespace, values, option_string)


class _Once(_OnceMixin, argparse._StoreAction):
    pass


class _OnceTrue(_OnceMixin, argparse._StoreTrueAction):
    pass


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.register("action", None, _Once)
        self.register("action", "store", _Once)
        self.register("action", "store_true", _OnceTrue)

    def error(self, message):  # one line, exit 2 (argparse's default prints the usage too)
        raise CLIError(" ".join(str(message).split()))


def _exact(x):
    if isinstance(x, bool):
        return x
    if isinstance(x, Fraction):
        return str(x)
    if isinstance(x, dict):
        return {str(k): _exact(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_exact(v) for v in x]
    return x


def _alphas(pairs) -> ChargeAssignment:
    values, seen = {}, {}
    for item in pairs or []:
        if "=" not in item:
            raise CLIError(f"--alpha expects NAME=VALUE with NAME in B, e, mu, tau; got {validate._show(item)}")
        key, value = item.split("=", 1)
        name = key.strip().removeprefix("alpha_")
        if name in seen:  # a repeated charge is an error, not silently the last value
            raise CLIError(f"--alpha: the charge {name} is given twice ({validate._show(seen[name])} and "
                           f"{validate._show(item)})")
        seen[name] = item
        values[key.strip()] = value.strip()
    try:
        return ChargeAssignment.from_mapping(values)
    except ValueError as exc:
        raise CLIError(str(exc)) from None


def _family_spectrum(args, alpha_BL):
    from physics.model import classification

    params = {"m": args.m}
    if getattr(args, "k", None) is not None:
        params["k"] = args.k
    if getattr(args, "n1", None) is not None:
        params["n1"] = args.n1
    if getattr(args, "shift", None) is not None:
        params["shift"] = validate.charge(args.shift, "--shift")
    if args.m is None:
        raise CLIError(f"--family {args.family} needs --m")
    return classification.family(args.family, alpha_BL=alpha_BL, **params)


def cmd_anomalies(args) -> dict:
    from physics.model.anomalies import AnomalyReport, singlets

    alphas = _alphas(args.alpha)
    anomalons = []
    if args.family:
        anomalons = _family_spectrum(args, alphas.alpha_BL).fields
    elif args.m is not None or args.shift is not None:
        raise CLIError("--m/--shift need --family")
    singlet_charges = [validate.charge(x, "--singlet") for x in (args.singlet or [])]
    report = AnomalyReport(alphas, anomalons, singlets(singlet_charges))
    return {
        "alpha_BL": report.alphas.alpha_BL,
        "sm": report.sm,
        "anomalons": report.anomalon_part,
        "singlets": report.singlet_part,
        "total": report.total,
        "witten_ok": report.witten_ok,
        "fields": [
            {"name": f.name, "n": f.n, "Y": f.Y, "X": f.X, "chirality": f.chirality} for f in report.anomalons + report.singlets
        ],
    }


def cmd_naturalness(args) -> dict:
    if args.family not in ("A.6", "A.11"):
        raise CLIError(f"--family must be A.6 or A.11 for naturalness, got {args.family!r}")
    from physics.model import naturalness
    from physics.paper.naturalness_readings import TABLE_READING, get_reading

    alpha_BL = validate.charge(args.alpha_BL, "--alpha-BL")
    spectrum = _family_spectrum(args, alpha_BL)
    reading = get_reading(TABLE_READING)  # the book's reading of Eq. (2.9): mu fitted to Tables 2-3 (see conventions)
    kwargs = {"delta": args.delta, "reading": reading}
    if args.mu is not None:
        kwargs["mu"] = args.mu
    bound = naturalness.naturalness_bound_TeV(spectrum, **kwargs)
    return {
        "family": args.family,
        "m": args.m,
        "delta": args.delta,
        "bound_TeV": float(bound),
        "multiplets": [{"kind": m.kind, "n": m.n, "Y": m.Y, "C": m.C} for m in spectrum.multiplets],
        "conventions": naturalness.conventions(reading=reading, **({"mu": args.mu} if args.mu is not None else {})),
    }


def cmd_fit(args) -> dict:
    from physics.pheno.fit import fit_summary

    if args.model != "tau":
        raise CLIError(f"--model must be tau (the gauged tau-flavour model of Sec. 3.2.5), got {args.model!r}")
    option = args.option
    if getattr(args, "reading", None) is not None:
        from physics.pheno import readings as R

        if args.option != "default":
            raise CLIError("give either --option or --reading, not both")
        option = R.options(R.parse(args.reading))
    out = fit_summary(model=args.model, mX=args.mX, include_z=not args.no_z, option=option)
    if getattr(args, "reading", None) is not None:
        from physics.pheno import readings as R

        out["reading"] = R.parse(args.reading)
        out["option"] = "reading " + R.name(out["reading"])
    return {k: (_float_array(v) if isinstance(v, float) else v) for k, v in out.items()}


def cmd_plane(args) -> dict:
    from physics.pheno.plane import plane_to_json, summary_plane

    alphas = _alphas(args.alpha) if args.alpha else _alphas(["tau=1"])
    return plane_to_json(summary_plane(alphas, mX_min=args.mX_min, mX_max=args.mX_max, n=args.n))


def cmd_explore(args) -> dict:
    from physics.explorer import explore, to_json

    if not args.alpha:
        raise CLIError("explore needs the model: --alpha NAME=VALUE (repeatable; NAME in B, e, mu, tau)")
    alphas = _alphas(args.alpha)
    family, params = None, None
    if args.family:
        if args.m is None:
            raise CLIError(f"--family {args.family} needs --m")
        family, params = args.family, {"m": args.m}
        for key in ("k", "n1"):
            if getattr(args, key) is not None:
                params[key] = getattr(args, key)
        if args.shift is not None:
            params["shift"] = validate.charge(args.shift, "--shift")
    elif args.m is not None or args.shift is not None or args.k is not None or args.n1 is not None:
        raise CLIError("--m/--k/--n1/--shift need --family")
    fields = []
    for text in args.field or []:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 3:
            raise CLIError(f"--field expects n,Y,X (a left-handed SU(2) n-plet, e.g. 3,0,-1/12), got {text!r}")
        try:
            n = int(parts[0])
        except ValueError:
            raise CLIError(f"--field: n must be a positive integer, got {parts[0]!r}") from None
        fields.append((n, validate.charge(parts[1], "--field Y"), validate.charge(parts[2], "--field X")))
    if args.gX is not None and args.mX is None:
        raise CLIError("--gX needs --mX")
    b_inv = "model" if args.b_invisible is None else args.b_invisible
    result = explore(alphas, family, params, fields, [validate.charge(x, "--singlet") for x in (args.singlet or [])],
                     mX=args.mX, gX=args.gX, b_invisible=b_inv)
    return to_json(result, include_plane=args.plane)


def cmd_uv(args) -> dict:
    from physics.paper.uv_chain import uv_summary

    if args.model not in ("table5", "table6"):
        raise CLIError(f"--model must be table5 or table6, got {args.model!r}")
    shift = validate.charge(args.shift, "--shift") if args.shift is not None else 0
    if args.shift is not None and args.model != "table6":
        raise CLIError("--shift applies to --model table6 only (Table 6's free charge shift)")
    return uv_summary(args.model, shift=shift, mX=args.mX, gX=args.gX)


def _float_array(x):
    import numpy as np

    a = np.asarray(x, dtype=float)
    return float(a) if a.ndim == 0 else a.tolist()


def cmd_rate(args) -> dict:
    from physics.pheno.rates import branching_ratio

    if args.gA is not None and (args.gX is not None or args.alpha):
        raise CLIError("give either --gA, or --gX with --alpha, not both")
    if args.gA is None and args.gX is None:
        raise CLIError("give --gX G with --alpha NAME=VALUE ..., or --gA VALUE (= g_X A_XWW^SM)")
    if args.gX is not None:
        if not args.alpha:
            raise CLIError("--gX needs the model: --alpha NAME=VALUE (repeatable)")
        out = branching_ratio(args.channel, args.mX, gX=args.gX, alphas=_alphas(args.alpha))
    else:
        out = branching_ratio(args.channel, args.mX, gA=args.gA)
    _check_br(args, float(out["BR"]))
    from physics.pheno.rates import branching_ratio_interval

    kw = {"gX": args.gX, "alphas": _alphas(args.alpha)} if args.gX is not None else {"gA": args.gA}
    band = branching_ratio_interval(args.channel, args.mX, **kw)
    interval = ([_float_array(band["BR_low"]), _float_array(band["BR_high"])] if band["available"] else None)
    return {"channel": args.channel, "mX_GeV": args.mX, "BR": _float_array(out["BR"]),
            "width_GeV": _float_array(out["width_GeV"]), "BR_interval": interval,
            "BR_interval_note": "68% interval from the form-factor fit's covariance: " + band["note"]}


def cmd_readings(args) -> list:
    from physics.paper import readings as PR

    if args.section == "3.2.5":
        return PR.sec325_rows(top=args.top)
    if args.section == "2.1":
        return PR.sec21_rows(top=args.top)
    raise CLIError(f"--section must be 3.2.5 or 2.1, got {args.section!r}")


def _check_br(args, br: float) -> None:
    """A branching ratio above 1 is refused, not printed as a result (issue #16)."""
    if not br <= 1:
        coupling = f"g_X = {args.gX:g}" if args.gX is not None else f"g_X A_XWW^SM = {args.gA:g}"
        raise CLIError(f"BR({args.channel}) = {br:.3g} > 1 at m_X = {args.mX:g} GeV, {coupling}: the rate of "
                       "Eqs. (3.9)-(3.14) would exceed the total width of the decaying particle, so this point is far "
                       "outside the region where X is a small perturbation; lower the coupling or raise m_X")


def cmd_limit(args) -> dict:
    from physics.pheno.limits import coupling_limit

    alphas = _alphas(args.alpha) if args.alpha else None
    out = coupling_limit(args.channel, args.mX, alphas=alphas)
    result = {"channel": args.channel, "mX_GeV": args.mX}
    for key in ("gX_max", "gA_max", "BR_limit", "cl", "dataset"):
        if key in out:
            result[key] = out[key] if isinstance(out[key], str) or out[key] is None else _float_array(out[key])
    if out.get("reason"):  # no bound from this channel (e.g. alpha_B+L = 0): gX_max is null, and why
        result["reason"] = out["reason"]
    return result


def cmd_ledger(args) -> list | dict:
    from physics.paper.ledger import headline, ledger

    rows = [r.as_dict() for r in ledger()]
    if getattr(args, "object", False):  # --json --object: one JSON object {"rows": [...], "headline": ...}
        return {"rows": rows, "headline": headline()}
    return rows  # --json alone: the array of rows, as scripts have always read it


def _number(name, text, lo=None, lo_open=False):
    """A finite float from the command line (decimal or p/q); the library then checks the option's own domain."""
    try:
        v = validate.parse_real(text, name)
        return validate.real(v, name, lo, lo_open=lo_open) if lo is not None else v
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(name):
    def parse(text):
        return _number(name, text, 0.0, lo_open=True)

    return parse


def _finite(name):
    def parse(text):
        return _number(name, text)

    return parse


def _nonnegative(name):
    def parse(text):
        return _number(name, text, 0.0)

    return parse


def _positive_int(name):
    def parse(text):
        try:  # at most 10^9 here; each option's own range is checked where it is used (physics.validate)
            return validate.integer(text, name, 1, 10**9)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m physics", description="Executable companion of arXiv:2603.04394")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def family_opts(sp):
        sp.add_argument("--family", help="Appendix A family: A.4, A.5, A.6, A.11, A.15, A.17")
        sp.add_argument("--m", type=_positive_int("--m"), help="family parameter m")
        sp.add_argument("--k", type=_positive_int("--k"), help="parameter k of (A.15)")
        sp.add_argument("--n1", type=_positive_int("--n1"), help="parameter n1 of (A.17)")
        sp.add_argument("--shift", help="common U(1)_X shift of (A.11), rational")

    a = sub.add_parser("anomalies", help="anomaly coefficients (2.2)-(2.6), SM + anomalons + singlets")
    a.add_argument("--alpha", action="append", metavar="NAME=VALUE", help="alpha_B, alpha_e, alpha_mu, alpha_tau (repeatable)")
    family_opts(a)
    a.add_argument("--singlet", action="append", metavar="X", help="U(1)_X charge of a right-handed SM singlet (repeatable)")
    a.add_argument("--json", action="store_true")

    n = sub.add_parser("naturalness", help="finite-naturalness bound on the anomalon mass, Eq. (2.9)")
    family_opts(n)
    n.add_argument("--delta", type=_positive("--delta"), default=100.0, help="fine-tuning Delta of Eq. (2.8) (default 100)")
    n.add_argument("--mu", type=_positive("--mu"), default=None, help="renormalisation scale in GeV (default: the book's reading)")
    n.add_argument("--alpha-BL", dest="alpha_BL", default="1/3", help="alpha_{B+L} (does not change the bound; default 1/3)")
    n.add_argument("--json", action="store_true")

    r = sub.add_parser("rate", help="branching ratio of a channel of Table 4 (or Z->gammaX), Eqs. (3.9)-(3.14)")
    r.add_argument("--channel", required=True, help="e.g. K+->pi+X, KL->pi0X, B+->K+X, B+->K*+X, D+->pi+X, Z->gammaX")
    r.add_argument("--mX", type=_positive("--mX"), required=True, help="m_X in GeV")
    r.add_argument("--gX", type=_nonnegative("--gX"), default=None, help="gauge coupling g_X (needs --alpha)")
    r.add_argument("--alpha", action="append", metavar="NAME=VALUE", help="alpha_B, alpha_e, alpha_mu, alpha_tau")
    r.add_argument("--gA", type=_finite("--gA"), default=None, help="g_X A_XWW^SM directly (model independent)")
    r.add_argument("--json", action="store_true")

    li = sub.add_parser("limit", help="upper limit on g_X (with --alpha) or on g_X A_XWW^SM from one channel")
    li.add_argument("--channel", required=True, help="channel name as for `rate`")
    li.add_argument("--mX", type=_positive("--mX"), required=True, help="m_X in GeV")
    li.add_argument("--alpha", action="append", metavar="NAME=VALUE", help="model charges (omit for gA_max)")
    li.add_argument("--json", action="store_true")

    f = sub.add_parser("fit", help="Belle II B+ -> K+ E_miss fit of Sec. 3.2.5 (tau model), Eqs. (3.25)-(3.27)")
    f.add_argument("--model", default="tau", help="tau (default)")
    f.add_argument("--mX", type=_positive("--mX"), default=MX_BENCHMARK, help="m_X in GeV (default 2.1)")
    f.add_argument("--no-z", dest="no_z", action="store_true", help="omit the Z -> gamma X term")
    f.add_argument("--option", default="default", help="named modelling variant (physics.pheno.fit.VARIANTS)")
    f.add_argument("--reading", default=None,
                   help="a reading of the readings map: 'default' or choice=value,... (physics.pheno.readings)")
    f.add_argument("--json", action="store_true")

    pl = sub.add_parser("plane", help="every bound on g_X versus m_X for one model (Fig. 3, Sec. 3.3)")
    pl.add_argument("--alpha", action="append", metavar="NAME=VALUE", help="model charges (default tau=1)")
    pl.add_argument("--mX-min", dest="mX_min", type=_positive("--mX-min"), default=0.01, help="GeV (default 0.01)")
    pl.add_argument("--mX-max", dest="mX_max", type=_positive("--mX-max"), default=10.0, help="GeV (default 10)")
    pl.add_argument("--n", type=_positive_int("--n"), default=500, help="number of masses (default 500)")
    pl.add_argument("--json", action="store_true")

    ex = sub.add_parser("explore", help="every output of the book for your own U(1)_X (physics.pheno.explorer.explore)")
    ex.add_argument("--alpha", action="append", metavar="NAME=VALUE", help="alpha_B, alpha_e, alpha_mu, alpha_tau (repeatable)")
    family_opts(ex)
    ex.add_argument("--field", action="append", metavar="n,Y,X", help="custom left-handed anomalon (repeatable)")
    ex.add_argument("--singlet", action="append", metavar="X", help="U(1)_X charge of a right-handed SM singlet (repeatable)")
    ex.add_argument("--mX", type=_positive("--mX"), default=None, help="m_X in GeV (rates and limits at this mass)")
    ex.add_argument("--gX", type=_positive("--gX"), default=None, help="g_X (branching ratios; needs --mX)")
    ex.add_argument("--b-invisible", dest="b_invisible", type=_positive("--b-invisible"), default=None,
                    help="assumed B(X -> E_miss) in (0, 1] (needed for alpha_B != 0; default: Eq. 3.28)")
    ex.add_argument("--plane", action="store_true", help="include the summary-plane arrays in the JSON")
    ex.add_argument("--json", action="store_true")

    u = sub.add_parser("uv", help="UV models of Sec. 4 (Tables 5 and 6): anomalies, operators, v_X, unitarity limits")
    u.add_argument("--model", required=True, help="table5 or table6")
    u.add_argument("--shift", default=None, help="free U(1)_X shift of Table 6 (rational; default 0)")
    u.add_argument("--mX", type=_positive("--mX"), default=MX_BENCHMARK, help="m_X in GeV (default 2.1, Sec. 3.2.5)")
    u.add_argument("--gX", type=_positive("--gX"), default=GX_BEST_FIT, help="g_X (default: the printed 0.018, Sec. 3.2.5)")
    u.add_argument("--json", action="store_true")

    lg = sub.add_parser("ledger", help="the reproduction ledger: printed vs computed numbers")
    lg.add_argument("--json", action="store_true", help="a JSON array of the rows (kept for existing scripts)")
    lg.add_argument("--object", action="store_true",
                    help='with --json: one JSON object {"rows": [...], "headline": ...} like the other subcommands')

    rd = sub.add_parser("readings", help="the readings map: every reading of a section vs the printed numbers")
    rd.add_argument("--section", required=True, help="3.2.5 (Belle II fit) or 2.1 (naturalness, Eq. 2.9)")
    rd.add_argument("--top", type=_positive_int("--top"), default=None, help="only the N best-ranked readings")
    rd.add_argument("--json", action="store_true")
    return p


COMMANDS = {"anomalies": cmd_anomalies, "naturalness": cmd_naturalness, "rate": cmd_rate, "limit": cmd_limit, "fit": cmd_fit, "plane": cmd_plane, "explore": cmd_explore,
            "uv": cmd_uv, "ledger": cmd_ledger, "readings": cmd_readings}


def _print_human(command, result):
    if command == "plane":
        import math as _m

        print(f"model {result['model']}: {len(result['mX_GeV'])} masses, {result['mX_GeV'][0]:.3g}-{result['mX_GeV'][-1]:.3g} GeV")
        for name, ch in result["channels"].items():
            vals = [v for v in ch["gX_max"] if v is not None and _m.isfinite(v)]
            print(f"  {name:<10} strongest g_X < {min(vals):.3g}" if vals else f"  {name:<10} no coverage")
        for note in result.get("notes", []):
            print(f"  note: {note}")
        print("(use --json for the arrays)")
        return
    if command == "readings":
        for r in result:
            head = r.get("name") or ",".join(f"{k}={v}" for k, v in r["reading"].items())
            print(f"{len(r['matches'])} match, {len(r['contradicts'])} contradict  {head}")
        print("(use --json for every number)")
        return
    if command == "ledger":
        from physics.paper.ledger import headline

        for r in (result["rows"] if isinstance(result, dict) else result):
            print(f"{r['status']:<15} {r['provenance']:<14} {r['id']:<28} paper {r['paper']:<14} computed {r['computed']}")
        print(headline())
        return
    for key, value in _exact(result).items():
        if isinstance(value, dict):
            print(f"{key}: " + ", ".join(f"({k}) {v}" for k, v in value.items()))
        elif isinstance(value, list):
            print(f"{key}:")
            for item in value:
                print(f"  {item}")
        else:
            print(f"{key}: {value}")


#: A command-line value that starts with "-" but is a number ("-1/3", "-1e-5", "-.5", "-inf"), not an option.
_NEGATIVE_VALUE = re.compile(r"^-(?:\d|\.\d|inf|nan)", re.IGNORECASE)


def _join_negative_values(parser, argv: list) -> list:
    """`--opt -1/3` -> `--opt=-1/3` for options that take a value, so argparse does not read -1/3 as an option."""
    takes_value = set()
    parsers = [parser] + [p for a in parser._actions if isinstance(a, argparse._SubParsersAction)
                          for p in a.choices.values()]
    for p in parsers:
        for act in p._actions:
            if act.option_strings and act.nargs is None:
                takes_value.update(act.option_strings)
    out, i = [], 0
    while i < len(argv):
        a = argv[i]
        if a in takes_value and i + 1 < len(argv) and _NEGATIVE_VALUE.match(str(argv[i + 1])):
            out.append(f"{a}={argv[i + 1]}")
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _first_nonfinite(x, path="result"):
    """Path of the first non-finite float in a result (None if every number is finite)."""
    if isinstance(x, float):
        return None if math.isfinite(x) else path
    if isinstance(x, dict):
        for k, v in x.items():
            p = _first_nonfinite(v, f"{path}.{k}")
            if p:
                return p
    elif isinstance(x, (list, tuple)):
        for k, v in enumerate(x):
            p = _first_nonfinite(v, f"{path}[{k}]")
            if p:
                return p
    return None


def _run(parser, argv) -> tuple[str, str]:
    """(command, output text) of one invocation; raises CLIError/ValueError/ArithmeticError for bad input."""
    import numpy as np

    with warnings.catch_warnings(record=True) as caught, np.errstate(divide="warn", over="warn", invalid="warn"):
        warnings.simplefilter("always")  # recorded, never printed: they become the error below if they mattered
        args = parser.parse_args(_join_negative_values(parser, list(sys.argv[1:] if argv is None else argv)))
        if not args.command:
            raise CLIError("a subcommand is required: " + ", ".join(COMMANDS))
        result = _exact(COMMANDS[args.command](args))
        bad = _first_nonfinite(result)
        if bad:
            why = f" (numpy: {caught[0].message})" if caught else ""
            raise CLIError(f"{bad.removeprefix('result.')} is not a finite number for these inputs{why}; "
                           "they lie outside the range where it can be computed")
        if getattr(args, "json", False):
            return args.command, json.dumps(result, allow_nan=False) + "\n"
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            _print_human(args.command, result)
        return args.command, buf.getvalue()


def main(argv=None) -> int:
    """Run the CLI: exit 0 with the answer on stdout, or exit 2 with one line on stderr (bad input)."""
    parser = build_parser()
    try:
        _, text = _run(parser, argv)
    except (CLIError, ValueError) as exc:
        print("error: " + " ".join(str(exc).split()), file=sys.stderr)
        return 2
    except ArithmeticError as exc:  # safety net: overflow or division by zero outside a declared domain
        print(f"error: {type(exc).__name__}: {' '.join(str(exc).split())} (an input is outside the range where "
              "this computation is defined)", file=sys.stderr)
        return 2
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `python -m physics ledger | head`
        sys.stderr.close()
    return 0

"""Presentation helpers shared by the chapters: markdown tables and one plotting style (no physics here)."""
from __future__ import annotations

import re
from fractions import Fraction


def fmt(x) -> str:
    """Exact numbers as 'p/q', floats with 4 significant digits, booleans as check marks."""
    if isinstance(x, bool):
        return "✓" if x else "✗"
    if isinstance(x, Fraction):
        return str(x)
    if isinstance(x, float):
        return f"{x:.4g}"
    return str(x)


def markdown_table_text(headers, rows, cell=fmt) -> str:
    """The text of a MyST/GitHub markdown table; '|' inside headers and cells is escaped."""
    esc = lambda x: str(x).replace("|", "\\|")
    lines = ["| " + " | ".join(esc(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(esc(cell(c)) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown_table_exact(headers, rows) -> str:
    """The text of a markdown table whose cells are rendered with str() (exact Fractions as 'p/q')."""
    return markdown_table_text(headers, rows, cell=str)


def markdown_table(headers, rows):
    """A markdown table (IPython Markdown object when IPython is available, else the text)."""
    text = markdown_table_text(headers, rows)
    try:
        from IPython.display import Markdown
    except ImportError:  # pragma: no cover - IPython ships with the notebook stack
        return text
    return Markdown(text)


def tex_sci(x, decimals: int = 2) -> str:
    r"""`x` in LaTeX scientific notation, e.g. ``7.1\times10^{-6}`` (never Python's e-notation).

    `decimals` digits after the point, as in the format spec ``.{decimals}e``; an exponent of 0 gives the plain
    mantissa, a mantissa of 1 (with decimals=0) gives ``10^{n}``.
    """
    x = float(x)
    if x != x:
        return r"\text{n/a}"
    if x == 0:
        return "0"
    mant, exp = f"{x:.{decimals}e}".split("e")
    exp = int(exp)
    if exp == 0:
        return mant
    if decimals == 0 and mant in ("1", "-1"):
        return ("-" if mant == "-1" else "") + f"10^{{{exp}}}"
    return f"{mant}\\times10^{{{exp}}}"


def sci(x, decimals: int = 2) -> str:
    """`x` as inline math for prose and markdown tables: ``$7.1\\times10^{-6}$``."""
    return f"${tex_sci(x, decimals)}$"


def md(text: str):
    """A Markdown object (for ``glue`` + ``{glue:md}`key:myst```), or the text without IPython."""
    try:
        from IPython.display import Markdown
    except ImportError:  # pragma: no cover
        return text
    return Markdown(text)


def md_sci(x, decimals: int = 2):
    """`x` in scientific notation as inline math, ready to glue: ``{glue:md}`key:myst```."""
    return md(sci(x, decimals))


_ENOTATION = re.compile(r"(?<![\w.$])([-+]?\d+(?:\.\d+)?)[eE]([-+]?\d+)(?![\w.])")
_GREEK = {"alpha": "α", "gamma": "γ", "Delta": "Δ", "chi": "χ", "mu": "μ", "nu": "ν", "pi": "π", "rho": "ρ",
          "sigma": "σ", "tau": "τ", "xi": "ξ", "Psi": "Ψ"}
_GREEK_RE = re.compile(r"\b(" + "|".join(_GREEK) + r")\b")
_SUBSCRIPT = re.compile(r"(?<![\w$\\])([A-Za-z])_(\{[^}]*\}|[A-Za-z0-9]+)(\^(?:\{[^}]*\}|[0-9*]+))?")


def _tex_enotation(m) -> str:
    mant, exp = m.group(1), int(m.group(2))
    return f"${mant}\\times10^{{{exp}}}$" if exp else mant


#: ASCII phrases of the physics modules' labels and their math (matched longest first, outside math only).
_PHRASES = {
    "sigma = 2 mu sigma_gS": r"$\sigma=2\mu\,\sigma_{g_S}$", "Delta chi^2": r"$\Delta\chi^2$",
    "sigma_gS": r"$\sigma_{g_S}$", "abs(g_S)": r"$|g_S|$", "abs(g_P)": r"$|g_P|$",
    "sqrt(B(Z))": r"$\sqrt{\mathcal B(Z)}$", "B(Z)": r"$\mathcal B(Z)$", "B(K*)": r"$\mathcal B(K^*)$",
    "m_b(m_b)": r"$m_b(m_b)$", "F(x_t)": r"$F(x_t)$", "nu_tau nubar_tau": r"$\nu_\tau\bar\nu_\tau$",
    "nu nubar": r"$\nu\bar\nu$", "E_miss": r"$E_{\rm miss}$", "MU_TABLE_FIT": r"fitted $\mu$",
    "|dm_h^2|": r"$|\delta m_h^2|$", "M_Pl": r"$M_{\rm Pl}$", "MS-bar": r"$\overline{\rm MS}$",
    "MSbar": r"$\overline{\rm MS}$", "chi2.ppf(CL, 1)": r"the $\chi^2_1$ quantile of the CL",
}
_PHRASE_RE = re.compile("|".join(re.escape(k) for k in sorted(_PHRASES, key=len, reverse=True)))


def _prettify_plain(s: str) -> str:
    s = re.sub(r"\)[eE]([-+]?\d+)\b", lambda m: f")$\\times10^{{{int(m.group(1))}}}$", s)
    s = _ENOTATION.sub(_tex_enotation, s)
    s = s.replace("->", "→").replace("+-", "±").replace("chi^2", "χ²").replace("chi2", "χ²")
    s = re.sub(r"\babs\(([^()]*)\)", r"|\1|", s).replace("sqrt(", "√(")
    s = _SUBSCRIPT.sub(lambda m: f"${m.group(1)}_{{{m.group(2).strip('{}')}}}{m.group(3) or ''}$", s)
    out = s.split("$")
    return "$".join(_GREEK_RE.sub(lambda m: _GREEK[m.group(1)], p) if i % 2 == 0 else p for i, p in enumerate(out))


def prettify(text) -> str:
    """Reader-facing text of a machine-made label: known ASCII phrases (``sigma_gS``, ``B(Z)``, ``nu_tau nubar_tau``)
    as math, e-notation as LaTeX (``$4.7\\times10^{-7}$``), ``->`` as →, Greek names as letters, ``chi2`` as χ², and
    simple sub/superscripts (``m_X^2``, ``g_X``) as inline math.

    Text already inside ``$...$`` is kept as it is; only the text outside math is converted."""
    s = _PHRASE_RE.sub(lambda m: _PHRASES[m.group(0)], str(text))
    parts = s.split("$")
    return "$".join(_prettify_plain(p) if i % 2 == 0 else p for i, p in enumerate(parts))


_PARTICLE_TEX = {"pi+": r"\pi^+", "pi-": r"\pi^-", "pi0": r"\pi^0", "rho+": r"\rho^+", "rho0": r"\rho^0",
                 "K*+": "K^{*+}", "K*0": "K^{*0}", "K+": "K^+", "K0": "K^0", "K_L": "K_L", "KL": "K_L",
                 "D+": "D^+", "B+": "B^+", "B0": "B^0", "Z": "Z", "gamma": r"\gamma", "X": "X",
                 "E_miss": r"E_{\rm miss}", "nu": r"\nu", "nubar": r"\bar\nu"}
_PARTICLE_RE = re.compile("|".join(re.escape(k) for k in sorted(_PARTICLE_TEX, key=len, reverse=True)))


def decay_tex(text: str) -> str:
    """A decay or transition written in ASCII ('K+ -> pi+ E_miss', 'B+->rho+X', 's -> d') as inline math."""
    parts = [p.strip() for p in str(text).split("->")]
    conv = [_PARTICLE_RE.sub(lambda m: _PARTICLE_TEX[m.group(0)] + " ", p).strip() for p in parts]
    return "$" + r"\to ".join(conv) + "$"


_FLAVOUR_TEX = {"e": "e", "mu": r"\mu", "tau": r"\tau"}
_CALLIGRAPHIC = {"A", "B", "N", "S"}
_FIELD_RE = re.compile(r"^([A-Za-z]+)(?:_([LR]))?(?:\^([0-9]+|e|mu|tau))?((?:\^c)?)$")


def field_tex(name: str) -> str:
    r"""TeX (no dollars) of a field named as in physics.model ('q_L^1', 'l_L^tau', 'A_R^c', 'N_R^1', 'S*', 'H~'):
    the paper's symbols, e.g. ``q_L^{1}``, ``\ell_L^{\tau}``, ``\mathcal{A}_R^{c}``, ``\mathcal{N}_R^{1}``,
    ``\mathcal{S}^*``, ``\tilde H``.  Unknown names are returned as ``\text{name}``."""
    s = str(name).strip()
    if s in ("H~", "Htilde"):
        return r"\tilde H"
    if s.endswith("*"):
        return field_tex(s[:-1]) + "^*"
    conj = paren = False
    if s.startswith("(") and s.endswith(")^c"):
        s, conj, paren = s[1:-3], True, True
    m = _FIELD_RE.match(s)
    if not m:
        return r"\text{" + s.replace("_", r"\_") + "}"
    base, chir, idx, c = m.groups()
    conj = conj or bool(c)
    tex = {"l": r"\ell"}.get(base, r"\mathcal{" + base + "}" if base in _CALLIGRAPHIC else base)
    sub = f"_{chir}" if chir else ""
    sup = "^{" + _FLAVOUR_TEX.get(idx, idx) + "}" if idx else ""
    if conj:
        return f"({tex}{sub}{sup})^c" if sup or paren else f"{tex}{sub}^c"
    return tex + sub + sup


def operator_tex(op: str) -> str:
    r"""Inline math of an operator string of physics.model.operators, in four-component form
    ('bar(A_L) S A_R', 'bar(B_L) S* (B_L)^c') or Weyl form ('A_L A_R^c S*', 'N_R^1^c N_R^2^c S'):
    e.g. ``$\overline{\mathcal{A}}_L\,\mathcal{S}\,\mathcal{A}_R$``."""
    out = []
    for tok in str(op).split():
        m = re.fullmatch(r"bar\((.+)\)", tok)
        if m:
            inner = field_tex(m.group(1))
            mm = re.fullmatch(r"(\\mathcal\{\w\}|\\ell|\w)(_[LR])?(\^\{[^}]*\})?", inner)
            if mm and not mm.group(3):
                out.append(r"\overline{" + mm.group(1) + "}" + (mm.group(2) or ""))
            else:
                out.append(r"\overline{" + inner + "}")
            continue
        m = re.fullmatch(r"(.+?)\^c", tok)
        if m and not tok.startswith("("):
            inner = m.group(1)
            out.append(f"({field_tex(inner)})^c" if "^" in inner else field_tex(tok))
            continue
        out.append(field_tex(tok))
    return "$" + r"\,".join(out) + "$"


def charge_tex(name: str) -> str:
    r"""Inline math of a charge or current written in ASCII: 'L_mu - L_tau' -> ``$L_\mu-L_\tau$``,
    'B/3 - L_tau', 'B - 3 L_tau', 'alpha_B+L' -> ``$\alpha_{B+L}$``."""
    s = str(name).strip()
    s = re.sub(r"\balpha_\{?B\+L\}?", r"\\alpha_{B+L}", s)
    s = re.sub(r"(?<![A-Za-z])([LX])_(e|mu|tau|S)\b", lambda m: f"{m.group(1)}_{_FLAVOUR_TEX.get(m.group(2), m.group(2))}"
               if m.group(1) == "L" else r"X_{\mathcal{S}}", s)
    s = re.sub(r"\s*([+-])\s*", r"\1", s).replace(" ", r"\,")
    return "$" + s + "$"


def value_text(v) -> str:
    """A value for a reader-facing table: large or small floats as LaTeX powers of ten, others with 4 significant
    digits, strings through `prettify`, None as a dash."""
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return sci(v, 2) if v != 0 and (abs(v) >= 1e4 or abs(v) < 1e-3) else f"{v:.4g}"
    return prettify(v)


def use_book_style():
    """One matplotlib style for every figure of the book.

    Sized for the text column (about 700 px on a laptop, 360 px on a phone): 6.4 in at 110 dpi is drawn at its
    natural size on a laptop, and fonts of 12 pt (legend 11 pt) stay legible when a phone halves it.
    """
    import matplotlib as mpl

    mpl.rcParams.update({
        "figure.figsize": (6.4, 4.4),
        "figure.dpi": 110,
        "savefig.dpi": 150,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "font.size": 12,
        "axes.titlesize": 12,
        "axes.labelsize": 12,
        "legend.fontsize": 11,
        "xtick.labelsize": 11,
        "ytick.labelsize": 11,
        "lines.linewidth": 1.8,
        "legend.frameon": False,
        "svg.hashsalt": "arXiv-2603.04394",
    })


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _unicode_power_of_ten(value, _pos=None) -> str:
    """Tick label 10ⁿ in plain Unicode for decades (empty between decades), as matplotlib's log labels show them."""
    import math

    if value <= 0:
        return ""
    exponent = math.log10(value)
    n = round(exponent)
    if abs(exponent - n) > 1e-9:
        return ""
    return "1" if n == 0 else "10" + str(n).translate(_SUPERSCRIPT)


def unicode_log_ticks(fig) -> None:
    """Label the decades of every log axis of `fig` as 10ⁿ in Unicode instead of matplotlib's mathtext.

    Same look; mathtext parsing of the tick labels was most of the time spent saving the download figures
    (profiled: about a third of `write_downloads`)."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    for ax in fig.axes:
        for axis, scale in ((ax.xaxis, ax.get_xscale()), (ax.yaxis, ax.get_yscale())):
            if scale == "log":
                axis.set_major_formatter(FuncFormatter(_unicode_power_of_ten))
                axis.set_minor_formatter(NullFormatter())

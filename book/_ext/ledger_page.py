"""The reproduction ledger as a reader reads it (book/ledger.md, the landing page), and the links in it.

Two parts in one file:

* ``ledger_html(rows, ...)`` and ``status_counts_html(rows)``, called by the ledger page's code cells: an HTML table
  (text/html output) with coloured status badges, the provenance under the status, the note and the inputs folded
  into a "details" element, each row's "where" linked to the chapter element that computes it, and a status filter
  (book/_assets/reader.js). ``pretty(text)`` turns the ledger's plain-ASCII notation (``alpha_{B+L}``, ``m_X^2``,
  ``K_L -> pi0``, ``1.45e20``, ``sqrt(4 pi)``) into HTML with Unicode symbols, subscripts and ×10ⁿ.
* a Sphinx extension (``ledger_page: book/_ext`` in _config.yml): the table's links carry ``data-refs`` (candidate
  labels, best first: ``eq-2-9 sec-2-1 sec-2``) and ``href="#ledger-unresolved"``; after reading the book it
  replaces the href by the URL of the first label that exists (an equation, a figure, a table, a section).
"""
from __future__ import annotations

import html
import re

STATUS_ORDER = ("reproduced", "approximate", "not reproduced", "pending")

# ------------------------------------------------------------------------------------------- notation

GREEK = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "epsilon": "ε", "theta": "θ",
         "lambda": "λ", "mu": "μ", "nu": "ν", "pi": "π", "rho": "ρ", "sigma": "σ", "Sigma": "Σ", "tau": "τ",
         "phi": "φ", "chi": "χ", "psi": "ψ", "Psi": "Ψ", "omega": "ω", "Omega": "Ω", "Gamma": "Γ"}
SUPER = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")
SYMBOLS = [("<->", "↔"), ("->", "→"), (">>", "≫"), ("<<", "≪"), ("<~", "≲"), (">~", "≳"), ("<=", "≤"), (">=", "≥"),
           ("!=", "≠"), ("+-", "±"), ("+/-", "±")]
_GREEK_RE = "|".join(sorted(GREEK, key=len, reverse=True))
_ATOM = r"(?:\([^()]*\)|[A-Za-z0-9*]+)"


def _sci(m: re.Match) -> str:
    mant, exp = m.group(1), int(m.group(2))
    if mant in ("1", "1.0"):
        return f"10{str(exp).translate(SUPER)}"
    return f"{mant}×10{str(exp).translate(SUPER)}"


def pretty(text: str) -> str:
    """Plain-ASCII physics notation -> HTML: Greek letters, sub/superscripts, arrows, ×10ⁿ; code paths in <code>."""
    if not text:
        return ""
    codes: list[str] = []

    def keep_code(m):
        codes.append(m.group(0))
        return f"\x00{len(codes) - 1}\x00"
    s = re.sub(r"\b(?:physics|data|notebooks)(?:[./][\w-]+)+(?:\(\))?|\b\w+_\w+\.(?:csv|yaml|py)\b|\bMU_\w+"
               rf"|\b(?!(?:{_GREEK_RE}|nubar|bar)_)[a-z]{{3,}}_[a-z]\w*", keep_code, text)
    s = html.escape(s, quote=False)
    s = re.sub(r"(?<!paper )\b(Refs?)\. \[", r"paper \1. [", s)                  # the paper's reference numbers
    s = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)e([+-]?\d+)(?![\w.])", _sci, s)          # 1.45e20 -> 1.45×10²⁰
    s = re.sub(r"\bMS-bar\b", '<span class="ovl">MS</span>', s)
    s = re.sub(r"\bbar\(([^()]*)\)", r'<span class="ovl">\1</span>', s)
    s = re.sub(r"\bnubar(?=_|\b)", "ν̄", s)
    s = re.sub(r"\bsqrt\(", "√(", s)
    s = re.sub(rf"(?<![A-Za-z])({_GREEK_RE})(?=[_^\s,;:.)\]/=+*-]|$)", lambda m: GREEK[m.group(1)], s)
    s = re.sub(r"\b(pi|K|B|D|rho)(0|\+|-)(?![\w])", lambda m: GREEK.get(m.group(1), m.group(1)) + m.group(2).translate(SUPER), s)
    s = re.sub(r"\b(K\*)(0|\+|-)(?![\w])", lambda m: m.group(1) + m.group(2).translate(SUPER), s)
    for a, b in SYMBOLS:
        s = s.replace(html.escape(a, quote=False), b)
    # subscripts and superscripts: x_{...}, x_ab, x^{...}, x^2, x^SM, x^-1
    s = re.sub(r"_\{([^{}]*)\}", r"<sub>\1</sub>", s)
    s = re.sub(r"\^\{([^{}]*)\}", r"<sup>\1</sup>", s)
    s = re.sub(r"_([A-Za-z0-9αβγδΔεθλμνπρσΣτφχψΨωΩΓ]+|[+-](?![\w]))", r"<sub>\1</sub>", s)
    s = re.sub(r"\^(-?[A-Za-z0-9]+)", r"<sup>\1</sup>", s)
    s = re.sub(r"\x00(\d+)\x00", lambda m: f"<code>{html.escape(codes[int(m.group(1))])}</code>", s)
    return s


# ------------------------------------------------------------------------------------------- "where" links

def where_refs(where: str) -> list[str]:
    """Candidate labels for a ledger row's "where" (best first): 'Eq. (2.9)' -> eq-2-9, sec-2; 'Table 3, row 2' ->
    tab-3; 'Sec. 3.2.5 and Fig. 2 left' -> sec-3-2-5, fig-2-left, fig-2, sec-3-2, sec-3; 'App. A, Eq. (A.15)' ->
    eq-a-15, sec-a."""
    refs: list[str] = []
    for m in re.finditer(r"Eqs?\. \(([0-9A]+)\.(\d+[a-z]?)\)|\(([A])\.(\d+)\)", where):
        sec, n = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        refs.append(f"eq-{sec.lower()}-{n}")
    for m in re.finditer(r"Table (\d)", where):
        refs.append(f"tab-{m.group(1)}")
    for m in re.finditer(r"Fig\. (\d)(?: (left|right|upper|lower))?", where):
        if m.group(2):
            refs.append(f"fig-{m.group(1)}-{m.group(2)}")
        refs.append(f"fig-{m.group(1)}")
    secs = re.findall(r"Secs?\. (\d(?:\.\d+)*)", where)
    for sec in secs:
        parts = sec.split(".")
        refs.append("sec-" + "-".join(parts))
    if re.search(r"App\. A|\(A\.", where):
        refs.append("sec-a")
    for r in list(refs):  # then the enclosing sections: eq-3-17 -> sec-3; sec-3-2-5 -> sec-3-2, sec-3
        m = re.match(r"(eq|sec)-([0-9a])((?:-\d+)*)", r)
        if m:
            parts = [m.group(2)] + [x for x in m.group(3).split("-") if x]
            keep = len(parts) - 1 if m.group(1) == "sec" else 1
            refs += ["sec-" + "-".join(parts[:k]) for k in range(keep, 0, -1)]
    return list(dict.fromkeys(refs))


# ------------------------------------------------------------------------------------------- HTML

def badge(status: str, count: int | None = None) -> str:
    cls = "status-" + status.replace(" ", "-")
    text = status + (f" {count}" if count is not None else "")
    return f'<span class="status-badge {cls}">{html.escape(text)}</span>'


def status_counts_html(rows, filter_buttons: bool = True) -> str:
    """The status counts as coloured badges (buttons that filter the ledger tables below, with `filter_buttons`)."""
    counts = {s: sum(r.status == s for r in rows) for s in STATUS_ORDER}
    parts = []
    for s, n in counts.items():
        if filter_buttons:
            parts.append(f'<button type="button" class="status-badge status-{s.replace(" ", "-")}" '
                         f'data-ledger-filter="{s}" title="show only the {s} entries">{s} {n}</button>')
        else:
            parts.append(badge(s, n))
    lead = f"<strong>{len(rows)} printed numbers:</strong>"
    if filter_buttons:
        parts.append('<button type="button" class="status-badge status-pending" data-ledger-filter="all">all</button>')
    return f'<div class="status-counts" role="group" aria-label="ledger status">{lead} {" ".join(parts)}</div>'


def _row(r) -> str:
    refs = where_refs(r.where)
    where = pretty(r.where)
    if refs:
        where = (f'<a class="ledger-where" href="#ledger-unresolved" data-refs="{" ".join(refs)}">{where}</a>')
    extra = []
    uses = list(r.uses) + ([f"reading: {r.reading}"] if r.reading else [])
    if uses:
        extra.append("<p><strong>Inputs:</strong> " + "; ".join(pretty(u) for u in uses) + "</p>")
    if r.note:
        extra.append("<p>" + pretty(r.note) + "</p>")
    for alt in getattr(r, "alternatives", ()) or ():
        extra.append(f"<p><strong>Alternative</strong> ({pretty(alt['label'])}): {pretty(alt.get('computed') or '—')}, "
                     f"{html.escape(alt['status'])}</p>")
    details = f"<details><summary>note</summary>{''.join(extra)}</details>" if extra else ""
    units = f" {pretty(r.units)}" if r.units and r.computed_text and r.units not in ("log10",) else ""
    computed = pretty(r.computed_text) + units if r.computed_text else "—"
    chosen = ' <span class="prov">under a reading chosen to match</span>' if getattr(r, "chosen_reading", False) and r.status == "reproduced" else ""
    return (f'<tr id="ledger-{html.escape(r.id)}" data-status="{html.escape(r.status)}">'
            f'<td data-label="where">{where}<span class="ledger-id">{html.escape(r.id)}</span></td>'
            f'<td data-label="quantity">{pretty(r.quantity)}{details}</td>'
            f'<td data-label="paper">{pretty(r.paper)}</td>'
            f'<td data-label="this book">{computed}</td>'
            f'<td data-label="status">{badge(r.status)}{chosen}<span class="prov">{html.escape(r.provenance)}</span></td>'
            "</tr>")


def ledger_html(rows, filterable: bool = True, caption: str = ""):
    """The ledger rows as one HTML table (an IPython HTML object when IPython is available, else the text)."""
    head = ("<colgroup><col class='c-where'><col class='c-quantity'><col class='c-paper'><col class='c-computed'>"
            "<col class='c-status'></colgroup><thead><tr><th>where</th><th>quantity</th><th>paper</th>"
            "<th>this book</th><th>status, provenance</th></tr></thead>")
    body = "".join(_row(r) for r in rows) or '<tr><td colspan="5">none</td></tr>'
    cls = "ledger filterable" if filterable else "ledger"
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    text = f'<table class="{cls}">{cap}{head}<tbody>{body}</tbody></table>'
    try:
        from IPython.display import HTML
    except ImportError:  # pragma: no cover
        return text
    return HTML(text)


# ------------------------------------------------------------------------------------------- Sphinx

_LINK = re.compile(r'href="#ledger-unresolved" data-refs="([^"]*)"')


def _target(app, fromdoc: str, label: str) -> str | None:
    env = app.env
    std = env.domaindata.get("std", {})
    math = env.domaindata.get("math", {}).get("objects", {})
    if label in math:
        doc = math[label][0]
        anchor = "equation-" + label
    elif label in std.get("labels", {}):
        doc, anchor, _ = std["labels"][label]
    elif label in std.get("anonlabels", {}):
        doc, anchor = std["anonlabels"][label]
    else:
        return None
    return app.builder.get_relative_uri(fromdoc, doc) + "#" + anchor


def _resolve(app, doctree, docname):
    from docutils import nodes

    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "ledger-unresolved" not in text:
            continue

        def sub(m):
            for label in m.group(1).split():
                uri = _target(app, docname, label)
                if uri:
                    return f'href="{html.escape(uri)}" data-refs="{m.group(1)}"'
            return f'href="#ledger-{docname.replace("/", "-")}" data-refs="{m.group(1)}"'
        new = _LINK.sub(sub, text)
        new = new.replace('href="#ledger-' + docname.replace("/", "-") + '"', "")  # nothing to link: plain text
        node.replace_self(nodes.raw(new, new, format=node.get("format", "html")))


def setup(app):
    app.connect("doctree-resolved", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

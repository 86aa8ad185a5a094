"""Notation of the book from ONE data file (book/glossary.yaml): the glossary table and hover definitions on the pages.

* ``{glossary-table}`` (directive, used once, in book/glossary.md) renders every entry of book/glossary.yaml as a table
  row: the symbol (math), its meaning, where it first appears (an {eq}/{numref}/{ref} link to the paper's equation,
  table or section, so the paper's numbering is shown) and its unit. Each row is a link target ``sym-<key>``.
* ``{sym}`key``` (role, in prose; e.g. ``{sym}`alpha-bl```) writes the entry's symbol as math, linked to its glossary
  row, with the definition as hover text (the link's ``title``: "meaning; unit; first in Eq. (2.7)").
  book/_assets/lecture/glossary.js turns that title into a small styled tooltip that also opens on keyboard focus and
  on a tap (the native title still works without JavaScript). An unknown key is a build warning (an error under -W).
  The role wraps MathJax's input, it never edits MathJax's output, so typesetting is untouched.
* singlehtml (the PDF): the html node visitors other extensions registered are made available to it (see
  ``_singlehtml_handlers``).
* book/_assets/lecture/lecture.js: a click on the exercise link in a solution's title toggles the solution (instead of
  navigating and a togglebutton console error).
* book/_assets/lecture/lecture.css styles the lecture kit's blocks: ``learning-objectives``, ``chapter-summary``,
  ``worked-derivation`` admonitions, the glossary table, and the print layout of the PDF (scripts/build_pdf.py).

Incremental builds: the pages that use ``{sym}`` (and the glossary page) record book/glossary.yaml as a dependency,
so Sphinx re-reads them when it changes.

Install: ``glossary_hover: book/_ext`` in ``sphinx.local_extensions`` of _config.yml.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList
from sphinx.util import logging

BOOK = Path(__file__).resolve().parent.parent
DATA = BOOK / "glossary.yaml"
ASSETS = BOOK / "_assets"          # lecture/ is copied to _static/lecture/
GLOSSARY_DOC = "book/glossary"
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FIELDS = ("key", "tex", "meaning", "first", "unit")
logger = logging.getLogger(__name__)


def load(path: Path = DATA) -> list[dict]:
    """The entries of book/glossary.yaml, validated (keys unique and lowercase, every field present); [] without the
    file (a partial copy of the book, e.g. tests/test_stale_outputs.py: every {sym} is then an unknown-key warning)."""
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["symbols"]
    seen = set()
    for e in entries:
        missing = [f for f in FIELDS if not str(e.get(f, "")).strip()]
        if missing:
            raise ValueError(f"{path.name}: entry {e.get('key')!r} lacks {missing}")
        if not KEY.match(e["key"]) or e["key"] in seen:
            raise ValueError(f"{path.name}: key {e['key']!r} is not lowercase [a-z0-9-] or is repeated")
        seen.add(e["key"])
    return entries


def first_text(label: str) -> str:
    """'eq-2-7' -> 'Eq. (2.7)', 'eq-a-6' -> 'Eq. (A.6)', 'tab-1' -> 'Table 1', 'sec-3-2-5' -> 'Sec. 3.2.5'."""
    m = re.match(r"^eq-([0-9a-z]+)-([0-9]+[a-z]?)$", label)
    if m:
        return f"Eq. ({m.group(1).upper()}.{m.group(2)})"
    m = re.match(r"^tab-([0-9]+)$", label)
    if m:
        return f"Table {m.group(1)}"
    m = re.match(r"^sec-([0-9a-z-]+)$", label)
    if m:
        part = m.group(1).split("-")
        return ("App. " if part[0] == "a" else "Sec. ") + ".".join(p.upper() for p in part)
    return label


def first_myst(label: str) -> str:
    """The MyST cross-reference that shows the paper's number of a label."""
    if label.startswith("eq-"):
        return f"Eq. {{eq}}`{label}`"
    if label.startswith(("tab-", "fig-")):
        return f"{{numref}}`{label}`"
    return f"{{ref}}`{first_text(label)} <{label}>`"


TEX_TEXT = {"alpha": "α", "beta": "β", "gamma": "γ", "Delta": "Δ", "delta": "δ", "chi": "χ", "xi": "ξ", "mu": "μ",
            "nu": "ν", "tau": "τ", "pi": "π", "sigma": "σ", "lambda": "λ", "Psi": "Ψ", "epsilon": "ε", "to": "→",
            "ell": "ℓ", "times": "×", "le": "≤", "ge": "≥", "lesssim": "≲", "approx": "≈", "simeq": "≃", "pm": "±",
            "mp": "∓", "sum": "Σ", "partial": "∂", "sqrt": "√", "langle": "⟨", "rangle": "⟩", "ldots": "…",
            "ln": "ln", "log": "log", "hbar": "ħ"}


def plain(text: str) -> str:
    """Hover text: the meaning without MyST roles and TeX (Greek letters and relations as Unicode, fractions a/b)."""
    text = re.sub(r"\{[a-z]+\}`([^`<]*?)(?: <[^>]+>)?`", r"\1", text)   # roles -> their text
    text = re.sub(r"\\[td]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"\1/\2", text)
    text = re.sub(r"\\[td]?frac\s*(\w)(\w)", r"\1/\2", text)
    text = re.sub(r"\\sqrt\s*\{([^{}]*)\}", r"√(\1)", text)
    text = re.sub(r"([_^])\{([^{}]{2,})\}", r"\1(\2)", text)       # x_{B+L} -> x_(B+L)
    text = re.sub(r"\\([A-Za-z]+)\s?", lambda m: m.group(0) if m.group(1) in ("tilde", "bar")
                  else TEX_TEXT.get(m.group(1), ""), text)
    text = re.sub(r"\\(tilde|bar)\s*\{?\\?(\w+?)\}?(?=\W|$)",
                  lambda m: TEX_TEXT.get(m.group(2), m.group(2)) + ("\u0303" if m.group(1) == "tilde" else "\u0304"), text)
    text = text.replace("\\,", " ").replace("\\ ", " ")
    return re.sub(r"\s+", " ", re.sub(r"[${}\\]", "", text)).strip()


def tooltip(entry: dict) -> str:
    return f"{plain(entry['meaning'])} — unit: {plain(str(entry['unit']))}; first in {first_text(entry['first'])}"


class GlossaryTable(Directive):
    """The whole glossary as one table, generated from book/glossary.yaml."""
    has_content = False

    def run(self):
        env = self.state.document.settings.env
        env.note_dependency(str(DATA))
        entries = load()
        lines = [":::{list-table}", ":header-rows: 1", ":class: glossary-table", ":widths: 14 56 14 16", "",
                 "* - symbol", "  - meaning", "  - first", "  - unit"]
        for e in entries:
            lines += [f"* - ${e['tex']}$", f"  - {e['meaning']}", f"  - {first_myst(e['first'])}",
                      f"  - {e['unit']}"]
        lines.append(":::")
        container = nodes.container(classes=["glossary-generated"])
        self.state.nested_parse(StringList(lines, source=str(DATA)), self.content_offset, container)
        rows = [r for r in container.findall(nodes.row)][1:]       # skip the header row
        if len(rows) != len(entries):
            raise self.error(f"glossary-table: {len(rows)} rows for {len(entries)} entries")
        doc = self.state.document
        for row, e in zip(rows, entries):
            row["names"].append(f"sym-{e['key']}")
            doc.note_explicit_target(row, row)
        return [container]


class sym_node(nodes.Inline, nodes.Element):
    """Placeholder for a {sym} role; becomes a link with hover text once the doctree is resolved."""


def sym_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    key = text.strip()
    entries = {e["key"]: e for e in load()}
    env = inliner.document.settings.env
    if key not in entries:
        msg = inliner.reporter.warning(f"{{sym}}: unknown glossary key {key!r} (see book/glossary.yaml)", line=lineno)
        return [nodes.problematic(rawtext, rawtext)], [msg]
    env.note_dependency(str(DATA))
    e = entries[key]
    node = sym_node(rawtext, glossary_key=key, tooltip=tooltip(e))
    node += nodes.math(e["tex"], e["tex"])
    return [node], []


def _resolve(app, doctree, docname):
    for node in list(doctree.findall(sym_node)):
        key = node["glossary_key"]
        if app.builder.name == "singlehtml" or docname == GLOSSARY_DOC:
            uri = f"#sym-{key}"
        else:
            uri = app.builder.get_relative_uri(docname, GLOSSARY_DOC) + f"#sym-{key}"
        ref = nodes.reference("", "", refuri=uri, reftitle=node["tooltip"], internal=True,
                              classes=["glossary-sym"])
        ref += node.children
        node.replace_self(ref)


def _visit_sym(self, node):  # other builders (text, latex): just the math
    pass


def _depart_sym(self, node):
    pass


def _config(app, config):
    if ASSETS.is_dir() and str(ASSETS) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(ASSETS)]


def _singlehtml_handlers(app):
    """The PDF (scripts/build_pdf.py) prints the singlehtml build. Sphinx looks node visitors up by builder name first
    and falls back to the format ("html") only when no handler at all is registered under the name; sphinx-exercise
    registers its nodes under "singlehtml", which hides every other extension's "html" visitors (sphinx-design's cards
    fail). Give singlehtml the html visitors it lacks."""
    if app.builder.name == "singlehtml":
        handlers = app.registry.translation_handlers
        single = handlers.setdefault("singlehtml", {})
        for node, pair in handlers.get("html", {}).items():
            single.setdefault(node, pair)


def setup(app):
    app.connect("builder-inited", _singlehtml_handlers)
    load()  # fail early on a malformed data file
    app.add_node(sym_node, html=(_visit_sym, _depart_sym), latex=(_visit_sym, _depart_sym),
                 text=(_visit_sym, _depart_sym))
    app.add_role("sym", sym_role)
    app.add_directive("glossary-table", GlossaryTable)
    app.connect("config-inited", _config)
    app.connect("doctree-resolved", _resolve)
    app.add_css_file("lecture/lecture.css")
    app.add_js_file("lecture/glossary.js", defer="defer")
    app.add_js_file("lecture/lecture.js", defer="defer")   # a click on the exercise link in a solution title toggles it
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

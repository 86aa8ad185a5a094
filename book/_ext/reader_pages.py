"""The pages as a reader meets them: site-wide assets and fixes that are not chapter content.

* ``book/_assets`` is added to ``html_static_path``; every page loads ``reader.css`` (equation numbers in their own
  margin, figures, wide outputs, tables that stack on a phone, the ledger's badges and cards) and ``reader.js``
  (click-to-enlarge figures, stacked tables, the ledger's status filter, readable search excerpts).
* The book's favicon is ``book/_assets/favicon.svg`` (``html.favicon`` in _config.yml); without one every page
  logged a /favicon.ico 404.
* Inline scripts that Jupyter Book 1.x adds twice (sphinx-thebe's ``const THEBE_JS_URL = ...`` block: its second copy
  throws "Identifier 'THEBE_JS_URL' has already been declared"; togglebutton's selector) are kept once.
* pydata-sphinx-theme writes ``localStorage.getItem("mode") || ""`` into every page and logs "Got invalid theme mode"
  on a first visit; the default colour mode is set to "auto" instead (light/dark from the system).
* Figures of the paper (labels ``fig-1``, ``fig-2``, ``fig-2-left``, ``fig-3-upper`` ...) get their downloads in the
  caption: the PNG, PDF and CSV files of ``notebooks/downloads/`` whose names start with ``fig<N>`` (and name the
  panel, where the label does). The files are registered like a ``{download}`` role, so they are copied to
  ``_downloads/``.

Install: ``reader_pages: book/_ext`` in ``sphinx.local_extensions`` of _config.yml.
"""
from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

ASSETS = Path(__file__).resolve().parent.parent / "_assets"
PAPER_FIGURE = re.compile(r"^fig-([1-3])(?:-(upper|lower|left|right))?$")
PANELS = ("upper", "lower", "left", "right")
KIND = {".png": "PNG", ".pdf": "PDF", ".csv": "CSV"}


def _config(app, config):
    if str(ASSETS) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(ASSETS)]


def figure_files(label: str, folder: Path) -> list[Path]:
    """The download files of a paper figure label: fig-3-upper -> fig3_upper.{png,pdf,csv}; fig-1 -> fig1.png,
    fig1.pdf, fig1_left_kpi.csv, fig1_right_klpi0.csv (a panel label keeps the files of its panel and the
    whole-figure PNG/PDF)."""
    m = PAPER_FIGURE.match(label)
    if not m or not folder.is_dir():
        return []
    n, panel = m.group(1), m.group(2)
    out = []
    for f in sorted(folder.iterdir()):
        stem = f.stem
        if f.suffix not in KIND or not re.match(rf"fig{n}(?![0-9])", stem):
            continue
        named = [p for p in PANELS if p in stem.split("_")]
        if panel and named and panel not in named:
            continue
        out.append(f)
    return sorted(out, key=lambda f: (list(KIND).index(f.suffix), f.name))


def _figure_downloads(app, doctree):
    """doctree-read (before Sphinx's download collector): a line of download links in each paper figure's caption."""
    docname = app.env.docname
    docdir = (Path(app.srcdir) / docname).parent
    folder = docdir / "downloads"
    for fig in list(doctree.findall(nodes.figure)):
        label = next((i for i in fig["ids"] if PAPER_FIGURE.match(i)), None)
        files = figure_files(label, folder) if label else []
        if not files:
            continue
        para = nodes.paragraph(classes=["figure-downloads"])
        para += nodes.Text("Download: ")
        for i, f in enumerate(files):
            if i:
                para += nodes.Text(" · ")
            stem = f.stem.split("_", 1)[1].replace("_", " ") if "_" in f.stem else ""
            text = KIND[f.suffix] + (f" ({stem})" if stem and f.suffix == ".csv" else "")
            ref = addnodes.download_reference("", "", refdoc=docname, reftarget=f.relative_to(docdir).as_posix(),
                                              refexplicit=True, refwarn=False)
            ref += nodes.literal(text, text, classes=["xref", "download"])
            para += ref
        caption = next(iter(fig.findall(nodes.caption)), None)
        legend = next(iter(fig.findall(nodes.legend)), None)
        if legend is None:
            legend = nodes.legend()
            if caption is not None:
                caption.parent.insert(caption.parent.index(caption) + 1, legend)
            else:
                fig += legend
        legend += para


def _page(app, pagename, templatename, context, doctree):
    # one copy of each inline script (Jupyter Book adds thebe's and togglebutton's twice, at different priorities)
    scripts = context.get("script_files")
    if scripts:
        seen, kept = set(), []
        for script in scripts:
            body = (getattr(script, "attributes", None) or {}).get("body")
            if body:
                if body in seen:
                    continue
                seen.add(body)
            kept.append(script)
        scripts[:] = kept
    if not context.get("default_mode"):
        context["default_mode"] = "auto"


def setup(app):
    app.connect("config-inited", _config)
    app.connect("doctree-read", _figure_downloads, priority=400)
    app.connect("html-page-context", _page, priority=900)
    app.add_css_file("reader.css")
    app.add_js_file("reader.js", defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

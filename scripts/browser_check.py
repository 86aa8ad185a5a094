#!/usr/bin/env python3
"""Check the built website as readers meet it: every TOC page in a real (headless) Chromium, at 1280 and 390 px.

The book in _build/html is served on 127.0.0.1 (random free ports, `http.server` in threads) and Debian's
/usr/bin/chromium is driven with Playwright (async API, one browser, --jobs pages at a time; Playwright's own browser
download needs the network, so `executable_path` is used). Each of the --jobs workers keeps one tab per width and
navigates it from page to page, as a reader does (class Tab: a fresh tab per page cost as much Chromium CPU as the
pages themselves). Every page listed in _toc.yml (page path ->
_build/html/<path>.html) is opened at two window widths, a laptop (1280 px) and a phone (390 px, mobile viewport),
and checked as follows (both widths unless stated):

* math       -- the number of `mjx-container` elements once `MathJax.startup.promise` resolved; it must be
               > 0 when the source .md has math ($...$, $$...$$, {math}), outside code; no MathJax error node;
* equations  -- every display equation whole: a display equation is CLIPPED when its box leaves the text column,
               when its glyphs reach past its box without the box scrolling, or when its equation number covers a
               glyph. An equation that scrolls inside its own box (a line too long for a phone) is allowed and
               counted as "scrolling". Clipped: must be none; and none may be line-broken by MathJax for a width
               much smaller than its box ("misbroken": a short equation shredded into many lines);
* wide cells -- code cells (visible inputs) and their outputs (text, tables, images, figures) that are wider than
               the text column (cut at its edge or scrolling sideways): must be none;
* raw TeX    -- in the visible text outside code (and the page <title>): TeX delimiters MathJax did not typeset
               (`\\(`, `\\[`, `$$`), unrendered markdown tables and MyST roles, and TeX or ASCII pseudo-TeX
               (`_{`, `^{`, `\\frac` or another TeX macro, `alpha_`, `q_L`, `bar(`): must be none;
* e-notation -- Python e-notation (`1.45e+20`, `7.1e-06`) in the visible text outside code: must be none;
* numbering  -- every figure/table caption shows the paper's number (`fig-1` -> "Fig. 1", `fig-3-upper` ->
               "Fig. 3 (upper)", `tab-2` -> "Table 2"), and every other figure/table the book's own "Fig. B.n" /
               "Table B.n", so no book figure can be taken for one of the paper's (1280 px);
* images     -- every <img> loaded (complete, naturalWidth > 0);
* links      -- every same-origin link answers HTTP 200 on the local server, and every #anchor exists as an
               id (or <a name>) on its target page (1280 px);
* offsite    -- requests to any host other than 127.0.0.1: must be none (every other host name resolves
               to NOTFOUND in this browser, so an offline reader would see exactly what this check sees);
* console    -- console errors, uncaught page errors and failed requests on a first load (fresh profile, empty
               localStorage): must be none (ALLOWED_CONSOLE is empty; it documents what may ever be allowed);
* widgets    -- pages that embed ipywidgets state or bokeh figures must show their controls; every interactive
               figure (a `.u1x-figure`: uPlot + book/_assets/plane/planeplot.js) must be drawn (coloured curves on
               its canvas), with its zoom reset, its legend and, when its data has several views, its menu; at
               1280 px each is also used as a reader would: hovering a curve shows its readout (curve, m_X, g_X),
               a legend click hides and shows a curve, dragging a box zooms and "Reset zoom" restores the axes, and
               every entry of its menu draws;
* a full-page screenshot per width, <screenshots>/1280/<page>.png and <screenshots>/390/<page>.png.

The report has per-width totals (report["counts"]["1280"|"390"]: clipped_equations, scrolling_equations,
wide_cells, raw_tex, e_notation, console_errors, numbering, ...). It also measures the site (size of
_build/html, heaviest page) and, with --file-url, whether the site works when index.html is opened from disk
(file://): informational only, it never fails the check.

Output: one JSON report (_build/browser_report.json by default); exit status 1 on any failure, 2 if the
check could not run (no build, no chromium, no playwright). Total time is printed.

Usage: python scripts/browser_check.py [--html _build/html] [--toc _toc.yml] [--report FILE]
                                       [--screenshots DIR | --no-screenshots] [--file-url] [--jobs N]
                                       [--widths 1280,390] [--pages PAGE ...]
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import json
import re
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
#: Two of these flags only make the pass cheaper; neither changes what a page does (measured: the report's checks, math
#: counts, equations and figure uses are identical with and without them).
#: * --disable-features=WebUIOmnibox...: Chromium 156 preloads two WebUI renderers (the address bar's popup) for every
#:   browser context, which headless never shows (2.9 s of CPU per pass).
#: * --js-flags=--no-maglev --no-turbofan: V8 without its optimising compilers (the interpreter and its baseline compiler
#:   Sparkplug run the same code). A page's scripts -- MathJax's typesetting mostly -- run for about a second, and each
#:   navigation starts a new page with no compiled code, so the background compiles never paid back: on two busy cores
#:   the pass took 59-62 s of CPU and 32-34 s with them, 45-46 s and 24.5-25.5 s without (both flags together).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                 "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
                 "--js-flags=--no-maglev --no-turbofan"]
VIEWPORT = {"width": 1280, "height": 900}          # the laptop
#: The two widths a reader meets the site at: name -> Playwright context options. The phone is an iPhone-12-sized
#: mobile viewport (device scale 1, so the screenshots stay small; layout depends on CSS px only).
WIDTHS = {
    "1280": {"viewport": VIEWPORT},
    "390": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
NAV_TIMEOUT_MS = 30_000
MATHJAX_TIMEOUT_MS = 5_000   # after the load event; tex-chtml.js is a deferred script, so it normally ran already

#: Console messages that are known to be harmless: (regex on the message text, why it is harmless). Empty: a reader's
#: first load logs nothing. The three messages every stock Jupyter Book 1.x page logs are removed at the source by
#: book/_ext/reader_pages.py: the duplicated inline `const THEBE_JS_URL` block (SyntaxError), pydata-sphinx-theme's
#: "Got invalid theme mode" on an empty localStorage (default_mode is set), and the /favicon.ico 404 (the book
#: declares its own favicon). Anything logged as an error fails the page.
ALLOWED_CONSOLE: list[tuple[str, str]] = []

# --------------------------------------------------------------------------------------------- TOC


def toc_pages(toc_file: Path) -> list[str]:
    """Every `root:`/`file:` entry of a jb-book _toc.yml, depth first, in reading order."""
    def walk(node) -> list[str]:
        out = []
        if isinstance(node, dict):
            for key in ("root", "file"):
                if key in node:
                    out.append(str(node[key]))
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []) or []:
                    out.extend(walk(child))
        return out
    return walk(yaml.safe_load(toc_file.read_text(encoding="utf-8")))


def _strip_code(md: str) -> str:
    """MyST source without front matter and code: code cells, plain/language fences, code directives and
    inline code are dropped; other directives ({note}, {admonition}, ...) hold prose and are kept, and a
    {math} directive is replaced by `$$`."""
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    kept, fence, open_directives = [], None, []
    for line in md.splitlines():
        if fence is not None:              # inside a code block: skip up to its closing fence
            if line.strip() == fence:
                fence = None
            continue
        if open_directives and line.strip() == open_directives[-1]:
            open_directives.pop()          # closing fence of a prose directive
            continue
        m = re.match(r"^\s*(`{3,}|~{3,}|:{3,})\s*(\{[^}]*\})?", line)
        if not m:
            kept.append(line)
        elif m.group(2) in ("{code-cell}", "{code-block}", "{code}", "{sourcecode}", "{literalinclude}") or (
                m.group(2) is None and m.group(1)[0] != ":"):
            fence = m.group(1)            # a code fence, with or without a language
        else:                             # a directive: its body is prose (or TeX for {math})
            open_directives.append(m.group(1))
            if m.group(2) == "{math}":
                kept.append("$$")
    text = "\n".join(kept)
    text = re.sub(r"``.+?``", "", text)                 # ``inline code``
    text = re.sub(r"(?<!\})`[^`\n]+`", "", text)        # `inline code`, but keep {role}`...`
    return text


@functools.lru_cache(maxsize=None)
def source_has_math(md_file: Path) -> bool:
    """True when the page's .md source has $...$, $$...$$ or {math} outside code."""
    if not md_file.is_file():
        return False
    text = _strip_code(md_file.read_text(encoding="utf-8"))
    return bool(re.search(r"\$\$|\{math\}|(?<![\\$])\$[^$\n]+?(?<![\\\s])\$", text))


# ----------------------------------------------------------------------------------- static HTML


class _Ids(HTMLParser):
    """All fragment targets of a page: id attributes and <a name=...>."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])


@functools.lru_cache(maxsize=None)
def page_ids(html_file: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(html_file.read_text(encoding="utf-8", errors="replace"))
    return frozenset(parser.ids)


def dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# -------------------------------------------------------------------------------------- server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the report readable
        pass

    def log_request(self, code="-", size="-"):
        # Server-side log of (path, status): also sees requests the page cannot (Chromium's own favicon fetch).
        self.server.request_log.append((self.path, int(code) if str(code).isdigit() else 0))

    def end_headers(self):
        # Let the browser cache the theme/MathJax assets between pages, as any web host would;
        # HTML pages are always re-fetched.
        if not self.path.split("?")[0].endswith((".html", "/")):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64   # listen backlog (default 5): a page opens many connections at once
    request_log: list[tuple[str, int]]

    def handle_error(self, request, client_address):
        # Chromium drops connections it no longer needs (BrokenPipe/ConnectionReset): not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    server.request_log = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@functools.lru_cache(maxsize=None)
def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code
    except (urllib.error.URLError, socket.timeout, OSError):
        return 0


# ------------------------------------------------------------------------------- in-page scripts

JS_MATH = r"""async (timeoutMs) => {
  const mjxScript = [...document.scripts].some(s => /mathjax/i.test(s.src || ''));
  if (!mjxScript) return {loaded: false, count: document.querySelectorAll('mjx-container').length};
  const t0 = performance.now();
  while (!(window.MathJax && window.MathJax.startup && window.MathJax.startup.promise)) {
    if (performance.now() - t0 > timeoutMs) return {loaded: false, timeout: true, count: 0};
    await new Promise(r => setTimeout(r, 50));
  }
  await window.MathJax.startup.promise;
  return {loaded: true, version: window.MathJax.version || null,
          count: document.querySelectorAll('mjx-container').length,
          display: document.querySelectorAll('mjx-container[display="true"]').length,
          errors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
          // a TeX macro inside \text{...} is printed literally without the textmacros package:
          // "(90\% C.L.)" shows the backslash; the assistive MathML keeps the text
          tex_in_text: [...document.querySelectorAll('mjx-assistive-mml mtext')].map(t => t.textContent)
                         .filter(t => /\\[A-Za-z%&$#_{}]/.test(t))};
}"""

JS_IMAGES = """async (timeoutMs) => {
  const imgs = [...document.images];
  imgs.forEach(i => { if (i.loading === 'lazy') i.loading = 'eager'; });
  await Promise.race([
    Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.addEventListener('load', r);
                                                                        i.addEventListener('error', r); }))),
    new Promise(r => setTimeout(r, timeoutMs))]);
  return imgs.map(i => ({src: i.currentSrc || i.src, complete: i.complete, width: i.naturalWidth,
                         alt: i.alt || ''}));
}"""

#: What the reader sees as text, outside code and typeset math: one scan of the visible text nodes.
#:  unrendered -- TeX delimiters MathJax did not typeset; an unrendered markdown table rule (|---|---|, or |—|—|
#:                after smart-dash substitution); a MyST role that was not parsed ({cite}`...`, {glue:text}`...`);
#:  pseudo_tex -- TeX or ASCII pseudo-TeX written as text: `_{`, `^{`, a TeX macro (\frac, \alpha, ...), a Greek
#:                name or a one/two-letter symbol followed by `_` (alpha_B, q_L, m_X), `x^2`, `bar(`;
#:  e_notation -- Python e-notation: 1.45e+20, 7.1e-06, 0.000e+00.
#: Excluded: code (pre, code, kbd, samp, .highlight, code-cell inputs), MathJax output, scripts and styles,
#: invisible text (display: none, visibility: hidden, collapsed <details>).
JS_TEXT = r"""() => {
  const skip = 'PRE, CODE, KBD, SAMP, SCRIPT, STYLE, TEXTAREA, MJX-CONTAINER, MJX-ASSISTIVE-MML, .highlight, ' +
               '.cell_input, .MathJax, .headerlink';
  const tex = String.raw`\\\(|\\\[|\$\$`;
  const table = String.raw`\|\s*:?[-\u2013\u2014]+:?\s*\|\s*:?[-\u2013\u2014]+:?\s*\|`;
  const role = String.raw`\{(?:cite|glue|eq|ref|numref|doc|math|term)(?::\w+)*\}\``;
  const greek = 'alpha|beta|gamma|delta|Delta|epsilon|varepsilon|zeta|eta|theta|kappa|lambda|Lambda|mu|nu|xi|' +
                'pi|rho|sigma|Sigma|tau|phi|Phi|chi|psi|Psi|omega|Omega|Gamma';
  const pseudo = String.raw`_\{|\^\{|\\(?:[A-Za-z]{2,}|[,;!])|\b(?:${greek})_|(?<![\w/.-])[A-Za-z]{1,2}_[A-Za-z0-9]|` +
                 String.raw`(?<![\w/.-])[A-Za-z]\^[-+0-9A-Za-z]|\bbar\(`;
  const enot = String.raw`(?<![\w.])\d+(?:\.\d+)?e[+-]?\d+(?![\w.])`;
  const res = {unrendered: new RegExp([tex, table, role].join('|'), 'g'), pseudo_tex: new RegExp(pseudo, 'g'),
               e_notation: new RegExp(enot, 'gi')};
  const out = {unrendered: [], pseudo_tex: [], e_notation: []};
  const visible = el => el.checkVisibility ? el.checkVisibility({checkVisibilityCSS: true})
                                           : el.getClientRects().length > 0;
  const where = el => { const s = el.closest('section[id], figure[id], table[id], nav, header, footer');
                        return s ? (s.id ? '#' + s.id : s.tagName.toLowerCase()) : 'body'; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Map();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(skip)) continue;
    const t = n.nodeValue;
    if (!t || !t.trim()) continue;
    let vis = seen.get(el);
    if (vis === undefined) { vis = visible(el); seen.set(el, vis); }
    if (!vis) continue;
    for (const [key, re] of Object.entries(res)) {
      re.lastIndex = 0;
      const m = re.exec(t);  // one hit per text node is enough to locate the problem
      if (m) out[key].push(where(el) + ': ' + t.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, ' ').trim());
    }
  }
  return out;
}"""

#: Layout as the reader sees it at the current width.
#:  equations -- every visible display equation: "clipped" when its box leaves the text column, when its glyphs
#:               (mjx-c) reach past the box and the box does not scroll, or when its equation number overlaps a
#:               glyph in the visible part of the box; "scrolling" when it scrolls inside its own box;
#:  wide      -- visible code-cell inputs and outputs (pre, tables, images, plots, HTML outputs) wider than the
#:               text column: reaching past the column, or scrolling sideways (cut at the box's edge).
JS_LAYOUT = r"""(vw) => {
  const col = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const A = col.getBoundingClientRect();
  const visible = el => el.checkVisibility ? el.checkVisibility({checkVisibilityCSS: true})
                                           : el.getClientRects().length > 0;
  const where = el => { const s = el.closest('section[id], figure[id]'); return s ? '#' + s.id : 'body'; };
  const label = el => { const d = el.closest('div.math'); const e = d && d.querySelector('.eqno');
                        return (e ? e.textContent.replace(/[^\w().-]/g, '') + ' ' : '') + where(el); };
  const clipped = [], scrolling = [];
  let displays = 0;
  for (const c of document.querySelectorAll('mjx-container[display="true"]')) {
    if (!visible(c)) continue;
    displays++;
    const C = c.getBoundingClientRect();
    const glyphs = [...c.querySelectorAll('mjx-c, mjx-mtext, mjx-utext')].map(g => g.getBoundingClientRect())
                     .filter(r => r.width > 0);
    if (!glyphs.length) continue;
    const right = Math.max(...glyphs.map(r => r.right)), left = Math.min(...glyphs.map(r => r.left));
    const st = getComputedStyle(c);
    const scrolls = c.scrollWidth > c.clientWidth + 1 && /auto|scroll/.test(st.overflowX);
    let why = null;
    if (C.right > A.right + 2 || C.left < A.left - 2) why = 'its box leaves the text column';
    else if (!scrolls && (right > C.right + 1 || left < C.left - 1)) why = 'cut at the edge of its box';
    else {
      const d = c.closest('div.math'), e = d && d.querySelector('.eqno');
      if (e && visible(e)) {
        const E = e.getBoundingClientRect();
        const hit = glyphs.some(g => g.right > C.left && g.left < C.right &&           // in the visible window
                                     E.left < g.right - 1 && E.right > g.left + 1 && E.top < g.bottom - 1 && E.bottom > g.top + 1);
        if (hit) why = 'its equation number covers part of it';
      }
    }
    if (why) clipped.push(label(c) + ': ' + why);
    else if (scrolls) scrolling.push(label(c));
  }
  // MathJax 4 line-breaks a display for the container width it measured when typesetting; a width much smaller
  // than the box it sits in (e.g. a flex layout around it) breaks short equations into many lines
  const misbroken = [];
  const items = (window.MathJax && MathJax.startup && MathJax.startup.document && MathJax.startup.document.math) || [];
  for (const m of items) {
    const root = m.display && m.typesetRoot, w = m.metrics && m.metrics.containerWidth;
    if (!root || !root.isConnected || !visible(root) || !(w > 0)) continue;
    const box = root.parentElement, bs = getComputedStyle(box);
    const avail = box.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
    if (w < 0.9 * avail - 4 && root.querySelector('mjx-linebox'))
      misbroken.push(label(root) + `: line-broken for ${Math.round(w)} px in a ${Math.round(avail)} px box`);
  }
  // code cells and outputs
  const wide = [];
  const seen = new Set();
  const sel = 'div.cell_input pre, div.cell_output pre, div.cell_output table, div.cell_output img, ' +
              'div.cell_output svg, div.cell_output .u1x-figure, div.cell_output .pst-scrollable-table-container, ' +
              'div.cell_output div.output, div.cell_input, div.cell_output';
  for (const el of document.querySelectorAll(sel)) {
    if (!visible(el) || el.closest('.u1x-figure .uplot')) continue;
    const R = el.getBoundingClientRect();
    if (R.width === 0) continue;
    const st = getComputedStyle(el);
    const scrolls = el.scrollWidth > el.clientWidth + 1 && /auto|scroll|hidden/.test(st.overflowX) && el.clientWidth > 0;
    const past = R.right > A.right + 2 || R.left < A.left - 2;
    if (!(scrolls || past)) continue;
    const cell = el.closest('div.cell');
    const kind = el.closest('div.cell_input') ? 'code' : 'output';
    const key = (cell ? [...document.querySelectorAll('div.cell')].indexOf(cell) : -1) + kind;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = (el.textContent || el.getAttribute('alt') || el.tagName).replace(/\s+/g, ' ').trim().slice(0, 50);
    wide.push(`${kind} in ${where(el)} (${Math.round(Math.max(R.width, el.scrollWidth))} px > ` +
              `${Math.round(A.width)} px column): ${text}`);
  }
  // the page itself wider than the window (on a phone the browser then zooms out: everything gets smaller);
  // the outermost elements that reach past the window's right edge are named
  const overflow = [];
  if (document.documentElement.scrollWidth > vw + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 1 || r.width === 0 || !visible(el)) continue;
      const p = el.parentElement && el.parentElement.getBoundingClientRect();
      if (p && p.right > vw + 1) continue;
      overflow.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].slice(0, 2).join('.')} ` +
                    `in ${where(el)} (right edge ${Math.round(r.right)} px)`);
      if (overflow.length >= 5) break;
    }
  }
  return {column_px: Math.round(A.width), displays, clipped, scrolling, misbroken, wide,
          page_scrolls_sideways: document.documentElement.scrollWidth > vw + 1, overflow};
}"""

#: Every numbered figure and table: its id(s) and the number its caption shows.
JS_CAPTIONS = r"""() => [...document.querySelectorAll('figure, table, div.figure')].map(el => {
  const n = el.querySelector(':scope > figcaption .caption-number, :scope > caption .caption-number, :scope > .caption .caption-number');
  const ids = [el.id, ...[...el.querySelectorAll(':scope > span[id]')].map(s => s.id)].filter(Boolean);
  return {tag: el.tagName.toLowerCase(), ids, number: n ? n.textContent.trim() : null};
}).filter(c => c.number !== null || c.ids.some(i => /^(fig|tab)-/.test(i)))"""

JS_LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => a.href)"""

#: Every URL this document loaded (the navigation and each resource entry, cache hits included): the page weight.
#: The same list the Playwright `response` events gave (checked on every page at both widths when this replaced
#: them), without one Python callback per response. The buffer holds 250 entries by default; a page never nears it,
#: and `full` says when it would.
JS_RESOURCES = """() => { const r = performance.getEntriesByType('resource');
  return {urls: [location.href, ...r.map(e => e.name)], full: r.length >= 250}; }"""

JS_WIDGETS = r"""() => {
  const q = s => document.querySelectorAll(s).length;
  const views = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
  const unrendered = views.filter(s => !(s.parentElement &&
      s.parentElement.querySelector('.jupyter-widgets, .widget-box, .lm-Widget, .p-Widget'))).length;
  // interactive figures (planeplot.js on uPlot): each drawn -- its canvas holds coloured pixels (the curves; axes and
  // grid are gray) --, with its zoom reset, its legend buttons, and one menu when its data (the JSON the div names in
  // data-figure, read here, not from the drawing code) has more than one view
  const figures = [...document.querySelectorAll('.u1x-figure')].map(f => {
    let views = 1;
    const src = f.dataset.figure ? document.getElementById(f.dataset.figure) : null;
    if (f.dataset.figure) { try { views = JSON.parse(src.textContent).views.length; } catch (e) { views = -1; } }
    let coloured = 0;
    for (const cv of f.querySelectorAll('.uplot canvas')) {
      if (!cv.width || !cv.height) continue;
      const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
      for (let i = 0; i < d.length; i += 16)
        if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) coloured++;
    }
    const menu = f.querySelector('select.pp-menu');
    return {id: f.id || f.getAttribute('data-u1x') || '', views, drawn: coloured >= 50, coloured_px: coloured,
            reset: !!f.querySelector('button.pp-reset'), legend_items: f.querySelectorAll('.pp-legend button').length,
            menus_expected: views > 1 ? 1 : 0, menus: menu ? 1 : 0, menu_options: menu ? menu.options.length : 0};
  });
  const bokehRoots = [...document.querySelectorAll('[data-root-id], .bk-root')];
  return {
    widget_state: q('script[type="application/vnd.jupyter.widget-state+json"]'),
    widget_views: views.length, widget_views_unrendered: unrendered,
    widget_controls: q('.jupyter-widgets input, .jupyter-widgets select, .jupyter-widgets button, ' +
                       '.widget-slider, .widget-dropdown, .noUi-target'),
    figures: figures.length, interactive_figures: figures,
    bokeh: bokehRoots.length, bokeh_drawn: bokehRoots.filter(b => b.querySelector('canvas')).length,
    bokeh_controls: q('.bk-input, .bk-btn, .noUi-target, .bk-slider-title'),
  };
}"""


#: One interactive figure's state (the page's own planeplot handle): where its plot area is, a point on a visible
#: curve inside it (its pixel), the axes' ranges, the view shown, how many series are visible and how many coloured
#: pixels its canvas has.
JS_FIGURE_STATE = r"""id => {
  const f = document.getElementById(id) || document.querySelector('.u1x-figure[data-u1x="' + id + '"]');
  const u = f && f.planePlot && f.planePlot.uplot;
  if (!u) return null;
  const o = u.over.getBoundingClientRect();
  let target = null, lines = 0;
  for (let s = 1; s < u.series.length; s++) {
    const ser = u.series[s];
    if (!ser.show || !(ser.width > 0)) continue;  // lines (fills and bands are drawn with width 0)
    const ys = u.data[s], defined = [];
    ys.forEach((v, i) => { if (typeof v === 'number') defined.push(i); });
    if (!defined.length) continue;
    lines++;
    const i = defined[Math.floor(defined.length / 2)];
    const px = u.valToPos(u.data[0][i], 'x'), py = u.valToPos(ys[i], 'y');
    if (!target && px > 3 && px < o.width - 3 && py > 3 && py < o.height - 3) target = {x: o.left + px, y: o.top + py};
  }
  let coloured = 0;
  for (const cv of f.querySelectorAll('.uplot canvas')) {
    const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
    for (let i = 0; i < d.length; i += 16)
      if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) coloured++;
  }
  const tip = f.querySelector('.pp-tip');
  return {over: {x: o.left, y: o.top, w: o.width, h: o.height}, target, lines, coloured,
          x: [u.scales.x.min, u.scales.x.max], y: [u.scales.y.min, u.scales.y.max], view: f.dataset.view,
          shown: u.series.filter(x => x.show).length, tip: tip && !tip.hidden ? tip.textContent : null};
}"""


async def use_figure(pw_page, fig_id: str) -> dict:
    """Use one interactive figure as a reader does (real mouse events): hover a curve (the readout must name a curve
    and give m_X in GeV and g_X), click the first legend entry twice (the visible series change, then come back),
    drag a box (both axes zoom in) and press "Reset zoom" (the axes come back), and choose every entry of its menu
    (each view is shown; a view with curves draws them). Returns {"problems": [...], ...}; leaves the figure as found."""
    out: dict = {"problems": []}
    sel = '.u1x-figure[data-u1x="plane"]' if fig_id == "plane" else f"#{fig_id}"
    box = await pw_page.query_selector(sel)
    if box is None:
        out["problems"].append("not found for the interaction check")
        return out
    await box.scroll_into_view_if_needed()
    st = await pw_page.evaluate(JS_FIGURE_STATE, fig_id)
    if st is None:
        out["problems"].append("no uPlot instance behind the figure")
        return out
    x0, y0 = st["x"], st["y"]
    # hover
    if st["target"]:
        await pw_page.mouse.move(st["target"]["x"], st["target"]["y"])
        await pw_page.wait_for_timeout(50)
        tip = (await pw_page.evaluate(JS_FIGURE_STATE, fig_id))["tip"]
        out["hover"] = tip
        if not tip or not re.search(r"mX = .+ GeV", tip) or "gX = " not in tip:
            out["problems"].append(f"hovering a curve shows no readout (curve, m_X, g_X): {tip!r}")
    else:
        out["problems"].append("no visible curve inside the plot to hover")
    # legend entry: off and on again
    entry = await box.query_selector(".pp-legend button")
    if entry:
        await entry.click()
        off = await pw_page.evaluate(JS_FIGURE_STATE, fig_id)
        await entry.click()
        on = await pw_page.evaluate(JS_FIGURE_STATE, fig_id)
        if not (off["shown"] < st["shown"] and on["shown"] == st["shown"]):
            out["problems"].append(f"a legend click does not hide/show its curve (visible series {st['shown']} -> "
                                   f"{off['shown']} -> {on['shown']})")
    # box zoom, then reset
    o = st["over"]
    await pw_page.mouse.move(o["x"] + 0.25 * o["w"], o["y"] + 0.25 * o["h"])
    await pw_page.mouse.down()
    await pw_page.mouse.move(o["x"] + 0.6 * o["w"], o["y"] + 0.65 * o["h"], steps=8)
    await pw_page.mouse.up()
    zoomed = await pw_page.evaluate(JS_FIGURE_STATE, fig_id)
    if not (zoomed["x"][0] > x0[0] and zoomed["x"][1] < x0[1] and zoomed["y"][0] > y0[0] and zoomed["y"][1] < y0[1]):
        out["problems"].append(f"dragging a box does not zoom: x {x0} -> {zoomed['x']}, y {y0} -> {zoomed['y']}")
    reset = await box.query_selector("button.pp-reset")
    await reset.click()
    back = await pw_page.evaluate(JS_FIGURE_STATE, fig_id)
    if not all(abs(a / b - 1) < 1e-9 for a, b in zip(back["x"] + back["y"], x0 + y0)):
        out["problems"].append(f"'Reset zoom' does not restore the axes: {back['x']}, {back['y']} (want {x0}, {y0})")
    await pw_page.mouse.move(0, 0)
    # every entry of the menu
    menu = await box.query_selector("select.pp-menu")
    if menu:
        n = await menu.evaluate("m => m.options.length")
        views = []
        for i in [*range(1, n), 0]:
            await menu.select_option(str(i))
            v = await pw_page.evaluate(JS_FIGURE_STATE, fig_id)
            views.append({"view": v["view"], "lines": v["lines"], "coloured": v["coloured"]})
            if v["view"] != str(i) or (v["lines"] and v["coloured"] < 50):
                out["problems"].append(f"menu entry {i}: view {v['view']} shown, {v['lines']} curves, "
                                       f"{v['coloured']} coloured pixels")
        out["views"] = views
    return out


# ------------------------------------------------------------------------------------ the check


def _console_allowed(text: str) -> str | None:
    """The allow-list reason when `text` is known harmless, else None."""
    for pattern, why in ALLOWED_CONSOLE:
        if re.search(pattern, text):
            return why
    return None


#: The paper's figures and tables (labels shared with the chapters, book/conventions.md): label -> caption number.
PAPER_FIGURE = re.compile(r"^fig-([1-3])(?:-(upper|lower|left|right))?$")
PAPER_TABLE = re.compile(r"^tab-([1-6])$")


def expected_caption(tag: str, ids: list[str]) -> re.Pattern:
    """The caption number a figure/table with these ids must show: the paper's ("Fig. 3 (upper)", "Table 2")
    for a paper label, else the book's own ("Fig. B.4", "Table B.1")."""
    word = "Table" if tag == "table" else "Fig."
    pattern = PAPER_TABLE if tag == "table" else PAPER_FIGURE
    for i in ids:
        m = pattern.match(i)
        if m:
            panel = f" ({m.group(2)})" if m.lastindex and m.lastindex > 1 and m.group(2) else ""
            return re.compile(re.escape(f"{word} {m.group(1)}{panel}") + "$")
    return re.compile(re.escape(word) + r" B\.\d+$")


#: Report keys counted per width (report["counts"][width][key]).
COUNT_KEYS = ("clipped_equations", "misbroken_equations", "scrolling_equations", "wide_cells", "raw_tex", "e_notation", "unrendered",
              "console_errors", "numbering", "pages_scrolling_sideways")


JS_LECTURE = r"""() => ({
  objectives: document.querySelectorAll('.admonition.learning-objectives').length,
  summaries: document.querySelectorAll('.admonition.chapter-summary').length,
  exercises: [...document.querySelectorAll('div.exercise')].map(e => (e.querySelector('.caption-number') || {}).textContent || ''),
  solutions: document.querySelectorAll('div.solution').length,
  solutions_hidden: [...document.querySelectorAll('div.solution')].filter(s => {
    const title = s.querySelector(':scope > .admonition-title'), body = s.querySelector(':scope > section');
    return s.classList.contains('toggle-hidden') && title && body &&
           s.getBoundingClientRect().bottom < body.getBoundingClientRect().top + 5; }).length,
})"""


class Tab:
    """One browser tab of a worker at one width (its own browser context, created on first use), navigated from
    page to page with page.goto, as a reader moves through the site in one tab.

    Opening a fresh tab per page (as before) cost about as much Chromium CPU as the pages themselves: a new tab is a
    new renderer for about:blank, then another for the site, and the page's scripts, style sheets and MathJax fonts
    are compiled/parsed/decoded anew; reusing the tab keeps those caches (the checks' results were identical, page by
    page, at both widths). The listeners are attached once and write to `events`, which check_page replaces before
    each navigation, so every console error or failed request is reported against the page being checked (one
    logged late by the previous document is reported too, against the next page: never dropped). The one exception
    is a request of the previous document that the navigation itself cancelled (net::ERR_ABORTED, e.g. the
    browser's favicon fetch): closing the tab, as the check did before, cancelled it just the same, unreported."""

    def __init__(self, browser, width: str):
        self.browser, self.width = browser, width
        self.context = self.page = None
        self.events: dict[str, list] = {}

    async def open(self):
        self.events = {"console": [], "offsite": [], "failed": [], "issued": set()}
        if self.page is None:
            self.context = await self.browser.new_context(**WIDTHS[self.width], service_workers="block")
            self.page = page = await self.context.new_page()
            page.on("console", lambda m: self.events["console"].append((m.type, m.text))
                    if m.type in ("error", "assert") else None)
            page.on("pageerror", lambda e: self.events["console"].append(("pageerror", str(e))))

            def on_request(req):
                self.events["issued"].add(req)
                parts = urlsplit(req.url)
                if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
                    self.events["offsite"].append(req.url)
            # (No page.route(): routing disables Chromium's HTTP cache and doubles the time. Other hosts cannot
            # be reached anyway: the browser runs with --host-resolver-rules mapping every name but 127.0.0.1
            # to NOTFOUND, so an offline reader's view is reproduced even on a machine with network.)
            page.on("request", on_request)
            def on_failed(req):
                if urlsplit(req.url).hostname != "127.0.0.1":
                    return
                if req not in self.events["issued"] and "ERR_ABORTED" in str(req.failure):
                    return   # the previous document's request, cancelled by this navigation (see above)
                self.events["failed"].append(f"{req.url} ({req.failure})")
            page.on("requestfailed", on_failed)
        return self.page

    async def close(self):
        if self.context is not None:
            await self.context.close()


async def check_page(tab: Tab, base: str, html_dir: Path, page: str, src_dir: Path, width: str,
                     shots: Path | None, server_log: list[tuple[str, int]]) -> dict:
    """Open one TOC page at one width (in the worker's tab for that width) and run every per-page check; returns
    that width's report entry. Links, captions and the page weight are checked at 1280 px only (they do not depend
    on the width)."""
    url = f"{base}/{page}.html"
    laptop = width == "1280"
    rec: dict = {"url": url, "width": int(width), "failures": [], "warnings": []}
    fail = rec["failures"].append
    html_file = html_dir / f"{page}.html"
    if not html_file.is_file():
        fail(f"page not built: {html_file.relative_to(html_dir.parent)} missing")
        return rec
    rec["html_bytes"] = html_file.stat().st_size

    tb = time.perf_counter()
    phase: dict[str, float] = {}
    pw_page = await tab.open()   # one tab per worker and width, navigated from page to page (see Tab)
    events = tab.events          # this page's console errors, offsite and failed requests
    bad_responses, resources = [], None
    log_start = len(server_log)

    try:
        resp = await pw_page.goto(url, wait_until="load", timeout=NAV_TIMEOUT_MS)
        phase["load"] = time.perf_counter()
        rec["status"] = resp.status if resp else None
        if not resp or resp.status != 200:
            fail(f"page answered HTTP {rec['status']}")
        math = await pw_page.evaluate(JS_MATH, MATHJAX_TIMEOUT_MS)
        rec["math"] = math
        rec["source_has_math"] = source_has_math(src_dir / f"{page}.md")
        if rec["source_has_math"] and not math.get("count"):
            fail(f"source has math but 0 mjx-container rendered (MathJax loaded={math.get('loaded')})")
        if math.get("errors"):
            fail(f"{math['errors']} MathJax error node(s) (mjx-merror)")
        if math.get("tex_in_text"):
            fail(f"{len(math['tex_in_text'])} TeX macro(s) printed literally inside \\text{{}}: "
                 f"{math['tex_in_text'][:3]}")
        images = await pw_page.evaluate(JS_IMAGES, 10_000)
        rec["images"] = len(images)
        broken = [i["src"] for i in images if not (i["complete"] and i["width"] > 0)]
        rec["images_broken"] = broken
        if broken:
            fail(f"{len(broken)} image(s) not loaded: {broken[:3]}")
        await pw_page.evaluate("() => document.fonts.ready.then(() => document.fonts.size)")  # final layout
        phase["math+images"] = time.perf_counter()

        layout = await pw_page.evaluate(JS_LAYOUT, WIDTHS[width]["viewport"]["width"])
        rec["column_px"] = layout["column_px"]
        rec["display_equations"] = layout["displays"]
        rec["clipped_equations"] = layout["clipped"]
        rec["scrolling_equations"] = layout["scrolling"]
        rec["misbroken_equations"] = layout["misbroken"]
        rec["wide_cells"] = layout["wide"]
        rec["pages_scrolling_sideways"] = int(layout["page_scrolls_sideways"])
        if layout["clipped"]:
            fail(f"{len(layout['clipped'])} display equation(s) clipped at {width} px: {layout['clipped'][:4]}")
        if layout["misbroken"]:
            fail(f"{len(layout['misbroken'])} display equation(s) broken into lines for a much narrower width than "
                 f"their box at {width} px: {layout['misbroken'][:3]}")
        if layout["wide"]:
            fail(f"{len(layout['wide'])} code cell(s)/output(s) wider than the text column at {width} px: "
                 f"{layout['wide'][:3]}")
        if layout["page_scrolls_sideways"]:
            fail(f"the page is wider than the window at {width} px (it scrolls sideways, or a phone zooms out): "
                 f"{layout['overflow']}")

        text = await pw_page.evaluate(JS_TEXT)
        title = await pw_page.title()
        if re.search(r"\\\(|\\\[|\$\$", title):
            text["unrendered"].append(f"<title>: {title}")
        if re.search(r"_\{|\^\{|\\[A-Za-z]{2,}|(?<![\w/.-])[A-Za-z]{1,2}_[A-Za-z0-9]", title):
            text["pseudo_tex"].append(f"<title>: {title}")
        rec["unrendered"], rec["raw_tex"], rec["e_notation"] = text["unrendered"], text["pseudo_tex"], text["e_notation"]
        if rec["unrendered"]:
            fail(f"{len(rec['unrendered'])} piece(s) of unrendered TeX/markdown in the visible text, "
                 f"first: {rec['unrendered'][0]!r}")
        if rec["raw_tex"]:
            fail(f"{len(rec['raw_tex'])} piece(s) of TeX/ASCII pseudo-TeX in the visible text: {rec['raw_tex'][:4]}")
        if rec["e_notation"]:
            fail(f"{len(rec['e_notation'])} number(s) in Python e-notation in the visible text: "
                 f"{rec['e_notation'][:4]}")

        if laptop:
            rec["captions"] = captions = await pw_page.evaluate(JS_CAPTIONS)
            rec["numbering"] = []
            for cap in captions:
                want = expected_caption(cap["tag"], cap["ids"])
                if cap["number"] is None:
                    rec["numbering"].append(f"{cap['tag']} {cap['ids']} has a paper/book label but no caption number")
                elif not want.match(cap["number"]):
                    rec["numbering"].append(f"{cap['tag']} {cap['ids']} shows {cap['number']!r}, "
                                            f"expected {want.pattern.replace(chr(92), '')!r}")
            if rec["numbering"]:
                fail(f"{len(rec['numbering'])} caption(s) not numbered as in the paper: {rec['numbering'][:4]}")

        if laptop and page.startswith("notebooks/"):
            # issue 18 (lecture kit): objectives, summary, >= 3 numbered exercises with hidden solutions
            rec["lecture"] = lec = await pw_page.evaluate(JS_LECTURE)
            if lec["objectives"] != 1 or lec["summaries"] != 1:
                fail(f"lecture kit: {lec['objectives']} learning-objectives and {lec['summaries']} chapter-summary "
                     "blocks (want 1 and 1)")
            if len(lec["exercises"]) < 3 or not all(re.match(r"Exercise \d+", e) for e in lec["exercises"]):
                fail(f"lecture kit: exercises {lec['exercises']} (want >= 3, numbered 'Exercise N')")
            if lec["solutions"] < 3 or lec["solutions_hidden"] != lec["solutions"]:
                fail(f"lecture kit: {lec['solutions_hidden']} of {lec['solutions']} solutions hidden (want all, >= 3)")

        rec["widgets"] = widgets = await pw_page.evaluate(JS_WIDGETS)
        if widgets["widget_views"] and (widgets["widget_views_unrendered"] or not widgets["widget_controls"]):
            fail(f"ipywidgets: {widgets['widget_views_unrendered']} of {widgets['widget_views']} widget views "
                 f"not rendered, {widgets['widget_controls']} controls found")
        for fig in widgets["interactive_figures"]:
            name = f"interactive figure #{fig['id']}"
            if fig["views"] < 1:
                fail(f"{name}: its data (JSON) is missing or unreadable")
            if not fig["drawn"]:
                fail(f"{name} not drawn (are uPlot and planeplot.js loaded? {fig['coloured_px']} coloured pixels)")
            elif not fig["reset"] or not fig["legend_items"]:
                fail(f"{name}: controls missing (zoom reset: {fig['reset']}, legend entries: {fig['legend_items']})")
            if fig["menus"] < fig["menus_expected"] or (fig["menus"] and fig["menu_options"] != fig["views"]):
                fail(f"{name}: {fig['menus']}/{fig['menus_expected']} menus drawn, {fig['menu_options']} entries "
                     f"for {fig['views']} views")
            if laptop and fig["drawn"]:
                rec.setdefault("figure_use", {})[fig["id"]] = use = await use_figure(pw_page, fig["id"])
                for problem in use["problems"]:
                    fail(f"{name}: {problem}")
        if widgets["bokeh"] and widgets["bokeh_drawn"] == 0:
            fail("bokeh: figure root present but nothing drawn")
        if laptop:
            rec["links"] = sorted(set(await pw_page.evaluate(JS_LINKS)))
        resources = await pw_page.evaluate(JS_RESOURCES)
        phase["checks"] = time.perf_counter()
        if shots is not None:
            shot = shots / width / f"{page}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            await pw_page.screenshot(path=str(shot), full_page=True)
            rec["screenshot"] = str(shot)
    except Exception as err:  # noqa: BLE001 - report any browser failure against the page
        fail(f"browser error: {type(err).__name__}: {str(err).splitlines()[0]}")
        try:
            resources = await pw_page.evaluate(JS_RESOURCES)
        except Exception:  # noqa: BLE001 - no weight for a page the browser could not show
            pass
    console, offsite, failed = events["console"], events["offsite"], events["failed"]
    rec["seconds"] = round(time.perf_counter() - tb, 2)
    bad_responses += [(code, base + path) for path, code in server_log[log_start:] if code >= 400]
    last = tb
    rec["phase_seconds"] = {}
    for name, stamp in list(phase.items()) + [("screenshot+close", time.perf_counter())]:
        rec["phase_seconds"][name] = round(stamp - last, 2)
        last = stamp

    # console errors (a first load: every context starts with an empty profile)
    rec["console_errors"], rec["console_allowed"] = [], []
    for kind, text in console:
        why = _console_allowed(text)
        (rec["console_allowed"] if why else rec["console_errors"]).append(f"[{kind}] {text}")
    if rec["console_errors"]:
        fail(f"{len(rec['console_errors'])} console error(s), first: {rec['console_errors'][0]}")
    rec["bad_responses"] = [f"{s} {u}" for s, u in bad_responses]
    for status, bad in bad_responses:
        fail(f"resource answered HTTP {status}: {bad}")
    rec["failed_requests"] = failed
    if failed:
        fail(f"{len(failed)} local request(s) failed: {failed[:3]}")
    rec["offsite_requests"] = offsite
    if offsite:
        fail(f"{len(offsite)} request(s) to other hosts: {offsite[:3]}")
    # page weight = bytes of every local file the page loaded (HTML, CSS, JS, fonts, images)
    urls = resources["urls"] if resources else []
    if resources and resources["full"]:
        rec["warnings"].append("resource timing buffer full: page weight may be incomplete")
    local_paths = {unquote(urlsplit(u).path) for u in urls if urlsplit(u).netloc == urlsplit(base).netloc}
    files = {html_dir / p.lstrip("/") for p in local_paths}
    rec["requests"] = len(urls)
    rec["page_weight_bytes"] = sum(f.stat().st_size for f in files if f.is_file())
    return rec


def check_links(pages: dict, html_dir: Path) -> None:
    """Every same-origin link of every page: HTTP 200, and its #fragment is an id on the target page."""
    for page, rec in pages.items():
        origin = urlsplit(rec["url"]).netloc  # each worker has its own server (port)
        rec["links_checked"] = 0
        for link in rec.pop("links", []):
            parts = urlsplit(link)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            rec["links_checked"] += 1
            target, frag = urldefrag(link)
            status = http_status(target)
            if status != 200:
                rec["failures"].append(f"link {link} -> HTTP {status}")
                continue
            frag = unquote(frag)
            if not frag:
                continue
            path = unquote(urlsplit(target).path).lstrip("/") or "index.html"
            target_file = html_dir / path
            if target_file.is_dir():
                target_file = target_file / "index.html"
            if target_file.suffix == ".html" and frag not in page_ids(target_file):
                rec["failures"].append(f"link {link}: anchor #{frag} not found in {path}")


async def check_file_url(browser, html_dir: Path, pages: list[str], src_dir: Path,
                         interactive: list[str]) -> dict:
    """Open the site from disk (file://), as a reader who unzipped it would: index.html must redirect to the
    first page; the first page with math, and every page with an interactive figure, must show typeset math,
    their images and figures; the "next" link must work. Informational: it never fails the check."""
    out: dict = {"index": (html_dir / "index.html").as_uri(), "pages": {}}
    math_page = next((p for p in pages if source_has_math(src_dir / f"{p}.md")), pages[0] if pages else None)
    ctx = await browser.new_context(viewport=VIEWPORT)
    errors: list[str] = []
    try:
        page = await ctx.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        await page.goto(out["index"], wait_until="load", timeout=NAV_TIMEOUT_MS)
        try:  # index.html is a meta-refresh to the root page
            await page.wait_for_url(re.compile(r".*(?<!index)\.html$"), timeout=5_000)
        except Exception:  # noqa: BLE001 - reported through index_redirects_to
            pass
        out["index_redirects_to"] = page.url
        ok = page.url != out["index"]
        for name in dict.fromkeys([p for p in [math_page] if p] + interactive):
            await page.goto((html_dir / f"{name}.html").as_uri(), wait_until="load", timeout=NAV_TIMEOUT_MS)
            rec = {"math": await page.evaluate(JS_MATH, MATHJAX_TIMEOUT_MS),
                   "unrendered": (await page.evaluate(JS_TEXT))["unrendered"],
                   "images_broken": [i["src"] for i in await page.evaluate(JS_IMAGES, 5_000)
                                     if not (i["complete"] and i["width"] > 0)],
                   "figures_drawn": [f["drawn"] for f in (await page.evaluate(JS_WIDGETS))["interactive_figures"]]}
            rec["ok"] = (bool(rec["math"].get("count")) or not source_has_math(src_dir / f"{name}.md")) and \
                not rec["unrendered"] and not rec["images_broken"] and all(rec["figures_drawn"])
            ok = ok and rec["ok"]
            out["pages"][name] = rec
        if math_page:  # navigation: the "next" link of the math page
            await page.goto((html_dir / f"{math_page}.html").as_uri(), wait_until="load", timeout=NAV_TIMEOUT_MS)
            nxt = await page.query_selector("a.right-next")
            if nxt:
                await nxt.click()
                await page.wait_for_load_state("load")
                out["next_link_lands_on"] = page.url
                ok = ok and page.url.endswith(".html") and not page.url.endswith(f"/{math_page}.html")
        out["works"] = ok
    except Exception as err:  # noqa: BLE001
        out["works"] = False
        out["error"] = f"{type(err).__name__}: {str(err).splitlines()[0]}"
    finally:
        await ctx.close()
    out["console_errors"] = [e for e in errors if not _console_allowed(e)]
    return out


async def run_browser(args, toc: list[str], html_dir: Path, src_dir: Path, shots: Path | None,
                      report: dict, timings: dict) -> dict[str, dict]:
    """Check every TOC page at every width with `args.jobs` workers, then the links, then (optionally) file://.

    One browser. Each worker has its own HTTP server (own port) and one browser context (one tab, see Tab) per
    width, and takes (page, width) tasks one at a time, so the server log of a worker tells exactly which requests
    a page made (and which failed). Returns {page: {"url", "failures", "warnings", "widths": {width: record}, ...}}, where
    the top level repeats the 1280-px record's keys (math, widgets, weights) and every failure is prefixed by
    its width."""
    from playwright.async_api import async_playwright

    widths = args.widths
    tasks = [(page, w) for page in toc for w in widths]
    jobs = max(1, min(args.jobs, len(tasks) or 1))
    servers = [serve(html_dir) for _ in range(jobs)]
    report["base_urls"] = [base for _, base in servers]
    results: dict[tuple[str, str], dict] = {}
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for task in tasks:
        queue.put_nowait(task)
    t = time.perf_counter()
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            report["chromium"] = browser.version

            async def worker(server, base):
                tabs = {}
                while not queue.empty():
                    page, width = queue.get_nowait()
                    if width not in tabs:
                        tabs[width] = Tab(browser, width)
                    rec = await check_page(tabs[width], base, html_dir, page, src_dir, width, shots,
                                           server.request_log)
                    results[page, width] = rec
                    status = "ok" if not rec["failures"] else f"FAIL ({len(rec['failures'])})"
                    print(f"[browser_check] {page} @{width}: {status} ({rec.get('seconds', 0):.1f} s, "
                          f"{rec.get('math', {}).get('count', 0)} math)", flush=True)
                for tab in tabs.values():
                    await tab.close()

            await asyncio.gather(*(worker(server, base) for server, base in servers))
            timings["pages"] = round(time.perf_counter() - t, 2)
            t = time.perf_counter()
            first = widths[0]
            check_links({page: results[page, first] for page in toc}, html_dir)
            timings["links"] = round(time.perf_counter() - t, 2)
            pages = {}
            for page in toc:  # reading order
                per_width = {w: results[page, w] for w in widths}
                top = {k: v for k, v in per_width[first].items() if k not in ("failures", "warnings")}
                top["failures"] = [f"[{w} px] {m}" for w in widths for m in per_width[w]["failures"]]
                top["warnings"] = [f"[{w} px] {m}" for w in widths for m in per_width[w]["warnings"]]
                top["widths"] = per_width
                pages[page] = top
            if args.file_url:
                t = time.perf_counter()
                interactive = [p for p, r in pages.items()
                               if r.get("widgets", {}).get("figures") or r.get("widgets", {}).get("widget_views")]
                report["file_url"] = await check_file_url(browser, html_dir, toc, src_dir, interactive)
                timings["file_url"] = round(time.perf_counter() - t, 2)
            await browser.close()
    finally:
        for server, _ in servers:
            server.shutdown()
            server.server_close()
    return pages


def count(pages: dict, widths: list[str]) -> dict:
    """Per-width totals over the site of what the reader-facing checks count (report["counts"])."""
    out = {}
    for w in widths:
        recs = [r["widths"][w] for r in pages.values() if w in r.get("widths", {})]
        c = {key: sum(len(r.get(key, [])) if isinstance(r.get(key), list) else int(r.get(key) or 0) for r in recs)
             for key in COUNT_KEYS}
        c["display_equations"] = sum(r.get("display_equations", 0) for r in recs)
        c["pages_failing"] = sum(bool(r["failures"]) for r in recs)
        out[w] = c
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="built site (default _build/html)")
    ap.add_argument("--toc", type=Path, default=ROOT / "_toc.yml", help="jb-book TOC (default _toc.yml)")
    ap.add_argument("--source", type=Path, default=None, help="folder of the .md sources (default: the TOC's)")
    ap.add_argument("--report", type=Path, default=None,
                    help="JSON report (default <html>/../browser_report.json)")
    ap.add_argument("--screenshots", type=Path, default=None, help="default <html>/../screenshots")
    ap.add_argument("--no-screenshots", action="store_true")
    ap.add_argument("--file-url", action="store_true", help="also try index.html via file:// (informational)")
    ap.add_argument("--chromium", default=CHROMIUM)
    ap.add_argument("--jobs", type=int, default=2,
                    help="pages checked at the same time (default 2: a page keeps one core busy while it loads and "
                         "typesets its math, so more jobs than cores only add switching)")
    ap.add_argument("--widths", default=",".join(WIDTHS),
                    help=f"window widths to check, comma-separated (default {','.join(WIDTHS)})")
    ap.add_argument("--pages", nargs="*", default=None, help="only these TOC pages (default: all)")
    args = ap.parse_args(argv)
    args.widths = [w.strip() for w in args.widths.split(",") if w.strip()]
    unknown = [w for w in args.widths if w not in WIDTHS]
    if unknown:
        ap.error(f"unknown width(s) {unknown}; known: {list(WIDTHS)}")

    t0 = time.perf_counter()
    html_dir = args.html.resolve()
    build_dir = html_dir.parent
    src_dir = (args.source or args.toc.resolve().parent).resolve()
    report_file = args.report or build_dir / "browser_report.json"
    shots = None if args.no_screenshots else (args.screenshots or build_dir / "screenshots")
    if not (html_dir / "index.html").is_file():
        print(f"[browser_check] no built site: {html_dir / 'index.html'} missing (make book)", file=sys.stderr)
        return 2
    if not Path(args.chromium).is_file():
        print(f"[browser_check] {args.chromium} missing (apt-get install -y chromium)", file=sys.stderr)
        return 2
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        print("[browser_check] playwright is not installed (pip install playwright==1.65.2)", file=sys.stderr)
        return 2

    toc = toc_pages(args.toc)
    if args.pages:
        toc = [p for p in toc if p in args.pages]
    report: dict = {
        "ok": False, "html": str(html_dir), "toc": str(args.toc), "toc_pages": toc,
        "allowed_console": [{"pattern": p, "why": w} for p, w in ALLOWED_CONSOLE], "widths": args.widths,
    }
    timings: dict[str, float] = {}
    pages = asyncio.run(run_browser(args, toc, html_dir, src_dir, shots, report, timings))
    report["phase_seconds"] = timings
    report["pages"] = pages
    report["counts"] = count(pages, args.widths)
    widget_pages = [p for p, r in pages.items() if r.get("widgets", {}).get("widget_views")
                    or r.get("widgets", {}).get("figures") or r.get("widgets", {}).get("bokeh")]
    report["interactive_pages"] = widget_pages
    if not widget_pages:
        report["interactive_note"] = ("no page embeds ipywidgets, an interactive figure or bokeh output: "
                                      "the widget-controls check had nothing to check")
    report["site_bytes"] = dir_size(html_dir)
    mathjax = html_dir / "_static" / "mathjax"
    report["mathjax_bytes"] = dir_size(mathjax) if mathjax.is_dir() else 0
    built = [(r["html_bytes"], p) for p, r in pages.items() if "html_bytes" in r]
    weights = [(r["page_weight_bytes"], p) for p, r in pages.items() if "page_weight_bytes" in r]
    report["largest_html"] = {"page": max(built)[1], "bytes": max(built)[0]} if built else None
    report["heaviest_page"] = {"page": max(weights)[1], "bytes": max(weights)[0]} if weights else None
    report["page_weight_note"] = ("page_weight_bytes: the local files the page listed in its resource timing, in a tab "
                                  "that had shown other pages; Chromium may hand a page MathJax font files it holds in "
                                  "memory without the page needing them, so this can exceed a cold load (see "
                                  "scripts/benchmark.py for the cold-cache weight)")
    failures = {p: r["failures"] for p, r in pages.items() if r["failures"]}
    report["failures"] = failures
    report["warnings"] = {p: r["warnings"] for p, r in pages.items() if r.get("warnings")}
    report["ok"] = not failures and bool(pages)
    report["seconds"] = round(time.perf_counter() - t0, 2)
    report_file.parent.mkdir(parents=True, exist_ok=True)
    report_file.write_text(json.dumps(report, indent=1, sort_keys=False) + "\n", encoding="utf-8")

    for page, msgs in report["warnings"].items():
        for msg in msgs:
            print(f"[browser_check] warning {page}: {msg}")
    for page, msgs in failures.items():
        for msg in msgs:
            print(f"[browser_check] FAIL {page}: {msg}", file=sys.stderr)
    if "interactive_note" in report:
        print(f"[browser_check] {report['interactive_note']}")
    if "file_url" in report:
        fu = report["file_url"]
        counts = {p: r["math"].get("count") for p, r in fu.get("pages", {}).items()}
        print(f"[browser_check] file:// works: {fu.get('works')} (math typeset: {counts}; "
              f"console errors: {len(fu.get('console_errors', []))})")
    for w, c in report["counts"].items():
        print(f"[browser_check] {w} px: " + ", ".join(f"{k} {v}" for k, v in c.items()))
    print(f"[browser_check] site {report['site_bytes'] / 1e6:.1f} MB "
          f"(MathJax {report['mathjax_bytes'] / 1e6:.1f} MB); "
          f"heaviest page {report['heaviest_page']}")
    print(f"[browser_check] {len(pages)} pages, {'OK' if report['ok'] else 'FAILED'}; "
          f"report {report_file}; total {report['seconds']:.1f} s")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

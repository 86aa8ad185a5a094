#!/usr/bin/env python3
"""Check the built website as readers meet it: every TOC page in a real (headless) Chromium.

The book in _build/html is served on 127.0.0.1 (random free ports, `http.server` in threads) and Debian's
/usr/bin/chromium is driven with Playwright (async API, --jobs pages at a time; Playwright's own browser
download needs the network, so `executable_path` is used). For every page listed in _toc.yml
(page path -> _build/html/<path>.html) it records:

* math       -- the number of `mjx-container` elements once `MathJax.startup.promise` resolved; it must be
               > 0 when the source .md has math ($...$, $$...$$, {math}), outside code;
* unrendered -- leftover TeX delimiters `\\(`, `\\[` or `$$` in the visible text or the page <title> (code
               excluded), and other unrendered source there: markdown table rows (`|---|`, e.g. a
               text/markdown cell output rendered as commonmark) and MyST roles ({cite}`...`): must be none;
* images     -- every <img> loaded (complete, naturalWidth > 0);
* links      -- every same-origin link answers HTTP 200 on the local server, and every #anchor exists as an
               id (or <a name>) on its target page;
* offsite    -- requests to any host other than 127.0.0.1: must be none (every other host name resolves
               to NOTFOUND in this browser, so an offline reader would see exactly what this check sees);
* console    -- console errors and uncaught page errors: must be none, apart from ALLOWED_CONSOLE below;
* widgets    -- pages that embed ipywidgets state or plotly/bokeh figures must show their controls
               (a no-op, reported as such, when no page has any);
* a full-page screenshot, _build/screenshots/<page>.png.

It also measures the site (size of _build/html, heaviest page) and, with --file-url, whether the site
works when index.html is opened from disk (file://): informational only, it never fails the check.

Output: one JSON report (_build/browser_report.json by default); exit status 1 on any failure, 2 if the
check could not run (no build, no chromium, no playwright). Total time is printed.

Usage: python scripts/browser_check.py [--html _build/html] [--toc _toc.yml] [--report FILE]
                                       [--screenshots DIR | --no-screenshots] [--file-url] [--jobs N]
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
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
VIEWPORT = {"width": 1280, "height": 900}
NAV_TIMEOUT_MS = 30_000
MATHJAX_TIMEOUT_MS = 5_000   # after the load event; tex-chtml.js is a deferred script, so it normally ran already

#: Console messages that every Jupyter Book 1.x page (sphinx-book-theme 1.3 / pydata-sphinx-theme 0.17)
#: prints and that do not affect what the reader sees (shared/TOOLING.md section 7.1). Each entry is
#: (regex on the message text, why it is harmless). Anything else logged as an error fails the page.
ALLOWED_CONSOLE = [
    (r"Identifier 'THEBE_JS_URL' has already been declared",
     "every JB1 page carries the inline sphinx-thebe block `<script>const THEBE_JS_URL = ...` twice in its "
     "<head> (as it does the togglebutton selector); the second copy throws this SyntaxError inside its own "
     "<script> and nothing else. Thebe is off (launch_buttons.thebe: false), nothing reads the constant, and "
     "thebe is never fetched."),
    (r"Got invalid theme mode",
     "pydata-sphinx-theme sets <html data-mode> from localStorage ('' on a fresh profile, as for any "
     "first-time reader), then logs 'Got invalid theme mode: . Resetting to auto.' and uses 'auto' "
     "(light/dark from the system); the colour-mode button works."),
    (r"favicon\.ico",
     "Chromium fetches /favicon.ico by itself; the book sets no favicon (html.favicon unset), the server "
     "answers 404 and the tab shows the default icon. Nothing on the page is missing."),
]

#: Chromium logs a failed load as "Failed to load resource: the server responded with a status of 404" without
#: the URL, and its own favicon fetch is invisible to the page; such a message is allowed only when the
#: server log shows that every 4xx/5xx answer during this page was for /favicon.ico (see _console_allowed).
_FAILED_RESOURCE = re.compile(r"^Failed to load resource")

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
          // a TeX macro inside \text{...} is printed literally by MathJax 3 without the textmacros
          // package: "(90\% C.L.)" shows the backslash; the assistive MathML keeps the text
          tex_in_text: [...document.querySelectorAll('mjx-assistive-mml mtext')].map(t => t.textContent)
                         .filter(t => /\\[A-Za-z%&$#_{}]/.test(t)),
          // display equations wider than the text column: readers must scroll sideways to see the end
          too_wide: [...document.querySelectorAll('mjx-container[display="true"]')].filter(c => {
              const m = c.querySelector('mjx-math');
              return m && m.getBoundingClientRect().width > c.clientWidth + 2; })
            .map(c => { const h = c.closest('[id]'); const n = c.closest('div.math, .math-wrapper');
                        const lab = n && n.querySelector('.eqno');
                        const num = lab ? lab.textContent.replace(/[^\w().-]/g, '') + ' ' : '';
                        return num + '#' + (h ? h.id : '?'); })};
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

JS_RAW_TEX = r"""() => {
  const skip = 'PRE, CODE, SCRIPT, STYLE, TEXTAREA, MJX-CONTAINER, MJX-ASSISTIVE-MML, .highlight, .MathJax';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  // TeX delimiters MathJax did not typeset; an unrendered markdown table rule (|---|---|, or |—|—| after
  // smart-dash substitution: a text/markdown cell output rendered as commonmark, or a cell holding a |);
  // a MyST role that was not parsed ({cite}`...`, {glue:text}`...`).
  const tex = String.raw`\\\(|\\\[|\$\$`;
  const table = String.raw`\|\s*:?[-\u2013\u2014]+:?\s*\|\s*:?[-\u2013\u2014]+:?\s*\|`;
  const role = String.raw`\{(?:cite|glue|eq|ref|numref|doc|math|term)(?::\w+)*\}\``;
  const re = new RegExp([tex, table, role].join('|'), 'g');
  const hits = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(skip)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const t = n.nodeValue;
    re.lastIndex = 0;
    const m = re.exec(t);  // one hit per text node is enough to locate the problem
    if (m) hits.push(t.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
  }
  return hits;
}"""

JS_LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => a.href)"""

JS_WIDGETS = r"""() => {
  const q = s => document.querySelectorAll(s).length;
  const views = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
  const unrendered = views.filter(s => !(s.parentElement &&
      s.parentElement.querySelector('.jupyter-widgets, .widget-box, .lm-Widget, .p-Widget'))).length;
  // plotly: every figure drawn (an SVG), with its modebar (zoom/pan/reset), and every dropdown/button menu
  // and slider of its layout drawn (one .updatemenu-header-group per menu, one .slider-group per slider)
  const visible = a => (a || []).filter(m => m.visible !== false).length;
  const plots = [...document.querySelectorAll('.plotly-graph-div')].map(p => ({
      id: p.id, drawn: !!p.querySelector('.main-svg'),
      modebar_buttons: p.querySelectorAll('.modebar-btn').length,
      legend_items: p.querySelectorAll('.legend .traces').length,
      menus_expected: visible((p.layout || {}).updatemenus),
      menus: p.querySelectorAll('.updatemenu-header-group').length,
      sliders_expected: visible((p.layout || {}).sliders), sliders: p.querySelectorAll('.slider-group').length}));
  const bokehRoots = [...document.querySelectorAll('[data-root-id], .bk-root')];
  return {
    widget_state: q('script[type="application/vnd.jupyter.widget-state+json"]'),
    widget_views: views.length, widget_views_unrendered: unrendered,
    widget_controls: q('.jupyter-widgets input, .jupyter-widgets select, .jupyter-widgets button, ' +
                       '.widget-slider, .widget-dropdown, .noUi-target'),
    plotly: plots.length, plotly_figures: plots,
    bokeh: bokehRoots.length, bokeh_drawn: bokehRoots.filter(b => b.querySelector('canvas')).length,
    bokeh_controls: q('.bk-input, .bk-btn, .noUi-target, .bk-slider-title'),
  };
}"""


# ------------------------------------------------------------------------------------ the check


def _console_allowed(text: str, bad_responses: list[tuple[int, str]]) -> str | None:
    """The allow-list reason when `text` is known harmless, else None."""
    for pattern, why in ALLOWED_CONSOLE:
        if re.search(pattern, text):
            return why
    if _FAILED_RESOURCE.search(text) and bad_responses and all(
            urlsplit(u).path.endswith("favicon.ico") for _, u in bad_responses):
        return ALLOWED_CONSOLE[2][1]
    return None


async def check_page(context, base: str, html_dir: Path, page: str, src_dir: Path,
                     shots: Path | None, server_log: list[tuple[str, int]]) -> dict:
    """Open one TOC page and run every per-page check; returns the page's report entry."""
    url = f"{base}/{page}.html"
    rec: dict = {"url": url, "failures": [], "warnings": []}
    fail = rec["failures"].append
    html_file = html_dir / f"{page}.html"
    if not html_file.is_file():
        fail(f"page not built: {html_file.relative_to(html_dir.parent)} missing")
        return rec
    rec["html_bytes"] = html_file.stat().st_size

    console, offsite, responses, bad_responses, failed, local_paths = [], [], [], [], [], set()
    tb = time.perf_counter()
    phase: dict[str, float] = {}
    pw_page = await context.new_page()
    pw_page.on("console", lambda m: console.append((m.type, m.text)) if m.type in ("error", "assert") else None)
    pw_page.on("pageerror", lambda e: console.append(("pageerror", str(e))))

    def on_response(resp):
        responses.append(resp.url)
        if urlsplit(resp.url).netloc == urlsplit(base).netloc:
            local_paths.add(unquote(urlsplit(resp.url).path))
    pw_page.on("response", on_response)
    log_start = len(server_log)

    def on_request(req):
        parts = urlsplit(req.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
            offsite.append(req.url)
    # (No page.route(): routing disables Chromium's HTTP cache and doubles the time. Other hosts cannot
    # be reached anyway: the browser runs with --host-resolver-rules mapping every name but 127.0.0.1
    # to NOTFOUND, so an offline reader's view is reproduced even on a machine with network.)
    pw_page.on("request", on_request)
    pw_page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})")
               if urlsplit(r.url).hostname == "127.0.0.1" else None)

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
        if math.get("too_wide"):  # readable by scrolling, so a warning, not a failure
            rec["warnings"].append(f"{len(math['too_wide'])} display equation(s) wider than the text column "
                                   f"at {VIEWPORT['width']} px: {math['too_wide'][:5]}")
        phase["math"] = time.perf_counter()
        raw = await pw_page.evaluate(JS_RAW_TEX)
        title = await pw_page.title()
        if re.search(r"\\\(|\\\[|\$\$", title):
            raw.append(f"<title>: {title}")
        rec["unrendered"] = raw
        if raw:
            fail(f"{len(raw)} piece(s) of unrendered TeX/markdown in the visible text, first: {raw[0]!r}")
        images = await pw_page.evaluate(JS_IMAGES, 10_000)
        rec["images"] = len(images)
        broken = [i["src"] for i in images if not (i["complete"] and i["width"] > 0)]
        rec["images_broken"] = broken
        if broken:
            fail(f"{len(broken)} image(s) not loaded: {broken[:3]}")
        rec["widgets"] = widgets = await pw_page.evaluate(JS_WIDGETS)
        if widgets["widget_views"] and (widgets["widget_views_unrendered"] or not widgets["widget_controls"]):
            fail(f"ipywidgets: {widgets['widget_views_unrendered']} of {widgets['widget_views']} widget views "
                 f"not rendered, {widgets['widget_controls']} controls found")
        for fig in widgets["plotly_figures"]:
            if not fig["drawn"]:
                fail(f"plotly figure #{fig['id']} not drawn (is plotly.js loaded?)")
            elif not fig["modebar_buttons"]:
                fail(f"plotly figure #{fig['id']} has no modebar (no zoom/pan/reset controls)")
            if fig["drawn"] and (fig["menus"] < fig["menus_expected"] or fig["sliders"] < fig["sliders_expected"]):
                fail(f"plotly figure #{fig['id']}: {fig['menus']}/{fig['menus_expected']} menus and "
                     f"{fig['sliders']}/{fig['sliders_expected']} sliders drawn")
        if widgets["bokeh"] and widgets["bokeh_drawn"] == 0:
            fail("bokeh: figure root present but nothing drawn")
        rec["links"] = sorted(set(await pw_page.evaluate(JS_LINKS)))
        await pw_page.evaluate("() => document.fonts.ready.then(() => document.fonts.size)")  # fonts in the shot
        phase["checks"] = time.perf_counter()
        if shots is not None:
            shot = shots / f"{page}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            await pw_page.screenshot(path=str(shot), full_page=True)
            rec["screenshot"] = str(shot)
    except Exception as err:  # noqa: BLE001 - report any browser failure against the page
        fail(f"browser error: {type(err).__name__}: {str(err).splitlines()[0]}")
    finally:
        await pw_page.close()
    rec["seconds"] = round(time.perf_counter() - tb, 2)
    bad_responses += [(code, base + path) for path, code in server_log[log_start:] if code >= 400]
    last = tb
    rec["phase_seconds"] = {}
    for name, stamp in list(phase.items()) + [("screenshot+close", time.perf_counter())]:
        rec["phase_seconds"][name] = round(stamp - last, 2)
        last = stamp

    # console errors, with the allow-list
    rec["console_errors"], rec["console_allowed"] = [], []
    for kind, text in console:
        why = _console_allowed(text, bad_responses)
        (rec["console_allowed"] if why else rec["console_errors"]).append(f"[{kind}] {text}")
    if rec["console_errors"]:
        fail(f"{len(rec['console_errors'])} console error(s), first: {rec['console_errors'][0]}")
    rec["bad_responses"] = [f"{s} {u}" for s, u in bad_responses]
    for status, bad in bad_responses:
        if not urlsplit(bad).path.endswith("favicon.ico"):
            fail(f"resource answered HTTP {status}: {bad}")
    rec["failed_requests"] = failed
    if failed:
        fail(f"{len(failed)} local request(s) failed: {failed[:3]}")
    rec["offsite_requests"] = offsite
    if offsite:
        fail(f"{len(offsite)} request(s) to other hosts: {offsite[:3]}")
    # page weight = bytes of every local file the page loaded (HTML, CSS, JS, fonts, images)
    files = {html_dir / p.lstrip("/") for p in local_paths}
    rec["requests"] = len(responses)
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
                   "unrendered": await page.evaluate(JS_RAW_TEX),
                   "images_broken": [i["src"] for i in await page.evaluate(JS_IMAGES, 5_000)
                                     if not (i["complete"] and i["width"] > 0)],
                   "plotly_drawn": [f["drawn"] for f in (await page.evaluate(JS_WIDGETS))["plotly_figures"]]}
            rec["ok"] = (bool(rec["math"].get("count")) or not source_has_math(src_dir / f"{name}.md")) and \
                not rec["unrendered"] and not rec["images_broken"] and all(rec["plotly_drawn"])
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
    out["console_errors"] = [e for e in errors if not _console_allowed(e, [(404, "favicon.ico")])]
    return out


async def run_browser(args, toc: list[str], html_dir: Path, src_dir: Path, shots: Path | None,
                      report: dict, timings: dict) -> dict[str, dict]:
    """Check every TOC page with `args.jobs` workers, then the links, then (optionally) file://.

    Each worker has its own HTTP server (own port) and browser context and takes pages one at a time,
    so the server log of a worker tells exactly which requests a page made (and which failed)."""
    from playwright.async_api import async_playwright

    jobs = max(1, min(args.jobs, len(toc) or 1))
    servers = [serve(html_dir) for _ in range(jobs)]
    report["base_urls"] = [base for _, base in servers]
    results: dict[str, dict] = {}
    queue: asyncio.Queue[str] = asyncio.Queue()
    for page in toc:
        queue.put_nowait(page)
    t = time.perf_counter()
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            report["chromium"] = browser.version

            async def worker(server, base):
                context = await browser.new_context(viewport=VIEWPORT, service_workers="block")
                while not queue.empty():
                    page = queue.get_nowait()
                    rec = await check_page(context, base, html_dir, page, src_dir, shots, server.request_log)
                    results[page] = rec
                    status = "ok" if not rec["failures"] else f"FAIL ({len(rec['failures'])})"
                    print(f"[browser_check] {page}: {status} ({rec.get('seconds', 0):.1f} s, "
                          f"{rec.get('math', {}).get('count', 0)} math)", flush=True)
                await context.close()

            await asyncio.gather(*(worker(server, base) for server, base in servers))
            timings["pages"] = round(time.perf_counter() - t, 2)
            pages = {page: results[page] for page in toc}  # reading order
            t = time.perf_counter()
            check_links(pages, html_dir)
            timings["links"] = round(time.perf_counter() - t, 2)
            if args.file_url:
                t = time.perf_counter()
                interactive = [p for p, r in pages.items()
                               if r.get("widgets", {}).get("plotly") or r.get("widgets", {}).get("widget_views")]
                report["file_url"] = await check_file_url(browser, html_dir, toc, src_dir, interactive)
                timings["file_url"] = round(time.perf_counter() - t, 2)
            await browser.close()
    finally:
        for server, _ in servers:
            server.shutdown()
            server.server_close()
    return pages


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
                    help="pages checked at the same time (default 2: one per core of the project's machine)")
    args = ap.parse_args(argv)

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
    report: dict = {
        "ok": False, "html": str(html_dir), "toc": str(args.toc), "toc_pages": toc,
        "allowed_console": [{"pattern": p, "why": w} for p, w in ALLOWED_CONSOLE],
    }
    timings: dict[str, float] = {}
    pages = asyncio.run(run_browser(args, toc, html_dir, src_dir, shots, report, timings))
    report["phase_seconds"] = timings
    report["pages"] = pages
    widget_pages = [p for p, r in pages.items() if r.get("widgets", {}).get("widget_views")
                    or r.get("widgets", {}).get("plotly") or r.get("widgets", {}).get("bokeh")]
    report["interactive_pages"] = widget_pages
    if not widget_pages:
        report["interactive_note"] = ("no page embeds ipywidgets, plotly or bokeh output: "
                                      "the widget-controls check had nothing to check")
    report["site_bytes"] = dir_size(html_dir)
    mathjax = html_dir / "_static" / "mathjax"
    report["mathjax_bytes"] = dir_size(mathjax) if mathjax.is_dir() else 0
    built = [(r["html_bytes"], p) for p, r in pages.items() if "html_bytes" in r]
    weights = [(r["page_weight_bytes"], p) for p, r in pages.items() if "page_weight_bytes" in r]
    report["largest_html"] = {"page": max(built)[1], "bytes": max(built)[0]} if built else None
    report["heaviest_page"] = {"page": max(weights)[1], "bytes": max(weights)[0]} if weights else None
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
    print(f"[browser_check] site {report['site_bytes'] / 1e6:.1f} MB "
          f"(MathJax {report['mathjax_bytes'] / 1e6:.1f} MB); "
          f"heaviest page {report['heaviest_page']}")
    print(f"[browser_check] {len(pages)} pages, {'OK' if report['ok'] else 'FAILED'}; "
          f"report {report_file}; total {report['seconds']:.1f} s")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The whole book as one printable PDF, with the paper's numbering, plus an instructor edition with the solutions.

1. Outputs: `scripts/execute.py` brings the notebook pages up to date and primes the jupyter-cache, exactly as for the
   website (a page is executed only if what it uses changed; normally nothing runs).
2. `singlehtml`: Sphinx (through Jupyter Book's `build_sphinx`, same _config.yml, same extensions, so
   book/_ext/paper_eqno.py gives the paper's numbers (2.9), Fig. 3 (upper), Table 2 and the book's own B.n) renders
   every page of the TOC into ONE page, _build/singlehtml/book/intro.html (the TOC's root), from the cached outputs. It uses its own doctree
   folder (_build/.doctrees-singlehtml), so the website's incremental state is untouched; a build that executed a
   notebook itself fails.
3. Print: headless Chromium (Playwright, Debian's /usr/bin/chromium, as scripts/browser_check.py) opens that page from
   disk, waits for MathJax 4 (the site's vendored copy) and prints it, A4, with page numbers:
   * _build/pdf/book.pdf            -- for students: solutions removed (sphinx-exercise solutions, "Solution"
                                       dropdowns, and the code cells collapsed with hide-cell);
   * _build/pdf/book-instructor.pdf -- every solution and collapsed cell expanded.
   The reader edition is copied to _build/html/pdf/ (when the website is built), where the landing and teaching pages
   link it; the instructor edition stays in _build/pdf/.

Skips everything when nothing the book is made of changed since the last successful run (stamp in
_build/pdf/.state.json; --force to rebuild). Prints the build time and the page counts (pdfinfo, poppler-utils).

Usage: python scripts/build_pdf.py [--force] [--keep-going]
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
SINGLE = BUILD / "singlehtml"
DOCTREES = BUILD / ".doctrees-singlehtml"
OUT = BUILD / "pdf"
STATE = OUT / ".state.json"
CHROMIUM = "/usr/bin/chromium"
sys.path.insert(0, str(ROOT / "scripts"))
import execute  # noqa: E402

EDITIONS = {"book.pdf": "student", "book-instructor.pdf": "instructor"}

#: after the instructor edition is printed, the same page becomes the student edition (MathJax runs once)
TO_STUDENT = r"""() => {
  const isSolutionAdmonition = n => {
    const t = n.querySelector(':scope > .admonition-title');
    return t && /^\s*Solution/.test(t.textContent);
  };
  document.querySelectorAll('div.solution, .solution.admonition, div.cell.tag_hide-cell, div.cell.tag_hide_cell')
    .forEach(n => n.remove());
  document.querySelectorAll('.admonition.dropdown').forEach(n => { if (isSolutionAdmonition(n)) n.remove(); });
  document.querySelector('.pdf-edition').textContent = 'Reader edition (exercises without solutions)';
  return document.querySelectorAll('mjx-container').length;
}"""

#: runs in the page before printing (edition: "instructor"; TO_STUDENT turns it into the student edition)
PREPARE = r"""async (edition) => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  // links into the same (single) page: "book/intro.html#x" -> "#x", so they become links inside the PDF
  const self = document.documentElement.getAttribute('data-root-page') || ROOT_PAGE;
  document.querySelectorAll('a[href]').forEach(a => {
    const h = a.getAttribute('href');
    if (h.startsWith(self + '#')) a.setAttribute('href', h.slice(self.length));
  });
  const removeAll = sel => document.querySelectorAll(sel).forEach(n => n.remove());
  // site chrome that makes no sense on paper
  removeAll('.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, .bd-footer-article, ' +
            '.header-article, .prev-next-area, .headerlink, .toggle-button, .figure-downloads, #pst-back-to-top, ' +
            '.bd-header-announcement, .search-button__wrapper, .skip-link');
  // everything that stays is shown: toggles and <details> open, collapsed inputs/outputs visible
  document.querySelectorAll('details').forEach(d => d.open = true);
  document.querySelectorAll('.toggle-hidden').forEach(n => n.classList.remove('toggle-hidden'));
  document.querySelectorAll('.toggle-details, .toggle-details__container').forEach(n => n.classList.remove('toggle-details'));
  document.querySelectorAll('[hidden]').forEach(n => { if (!n.closest('mjx-container')) n.hidden = false; });
  const cover = document.createElement('section');
  cover.className = 'pdf-cover';
  cover.innerHTML = '<h1>' + document.title.replace(/\s*[—|-]+\s*[^—|]*$/, '') + '</h1>' +
    '<p class="pdf-paper">The executable companion of L. Di Luzio, M. Nardecchia, S. Scacco, C. Toni, <em>A framework ' +
    'for missing-energy searches with anomalous light vectors</em>, arXiv:2603.04394 (CC BY 4.0).</p>' +
    '<p class="pdf-edition">Instructor edition (with the solutions)</p>' +
    '<p class="pdf-note">Equation, figure and table numbers are the paper\'s; the book\'s own are numbered B.n. ' +
    'Every number is computed by the tested <code>physics</code> package.</p>';
  const main = document.querySelector('main .bd-article, article.bd-article, main') || document.body;
  main.insertBefore(cover, main.firstChild);
  const style = document.createElement('style');
  style.textContent = `
    .pdf-cover { break-after: page; padding-top: 30vh; }
    .pdf-cover h1 { font-size: 2.2em; } .pdf-cover p { font-size: 1.1em; max-width: 38em; }
    .bd-main, .bd-content, .bd-article-container, .bd-page-width { max-width: none !important; width: 100% !important; }
    /* the theme's 32 px left margin on .bd-content and the article's 16 px padding sat on top of width: 100%, so every
       page's text ran 48 px past the printed area and was cut at the right edge */
    .bd-content, .bd-article-container, .bd-article { margin: 0 !important; padding-left: 0 !important;
                                                      padding-right: 0 !important; }
    .bd-container__inner { display: block !important; }
    body { font-size: 10.5pt; }
    span[id^="document-"] + section { break-before: page; }
    div.cell div.cell_input, div.highlight pre { white-space: pre-wrap; word-break: break-word; }
    div.cell_output img, figure img { max-width: 100% !important; height: auto !important; }
    mjx-container[display="true"] { overflow: visible !important; }
    /* no shadows on paper: Chromium prints each box-shadow as a 300 dpi JPEG soft mask (2.2 MB of the 5.2 MB PDF);
       :not(#pdf-none) lifts the rule above the theme's own !important class selectors */
    *:not(#pdf-none), *:not(#pdf-none)::before, *:not(#pdf-none)::after { box-shadow: none !important; text-shadow: none !important; }
    /* square corners on paper: Chromium draws every rounded corner (code cells, admonitions, inline code, buttons) as
       Bezier curves, 30% of the page content (59,000 curves; the reader edition 2.82 -> 2.36 MB before compact()) */
    *:not(#pdf-none), *:not(#pdf-none)::before, *:not(#pdf-none)::after { border-radius: 0 !important; }
  `;
  document.head.appendChild(style);
  // figures and images: wait until every image is decoded
  await Promise.all(Array.from(document.images).map(i => i.complete ? 0 : new Promise(r => { i.onload = i.onerror = r; })));
  const titles = Array.from(document.querySelectorAll('span[id^="document-"]')).map(s => {
    const sec = s.nextElementSibling; const h = sec && sec.querySelector('h1, h2');
    return h ? h.textContent.replace(/[#¶]\s*$/, '').trim() : s.id; });
  // nothing may run past the printed width (paper does not scroll): the outermost elements whose box ends right of it
  const W = document.documentElement.clientWidth, cut = [];
  for (const el of document.querySelectorAll('main *')) {
    if (el.tagName === 'MJX-SPACER') continue;  // MathJax's glue at an inline line break: no ink
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > W + 1 && !cut.some(c => c.contains(el))) cut.push(el);
  }
  const where = el => { const s = el.closest('section[id]'); return (s ? '#' + s.id + ' ' : '') + el.tagName.toLowerCase() +
    (el.className && el.className.toString() ? '.' + el.className.toString().trim().split(/\s+/).join('.') : '') +
    ' "' + el.textContent.trim().slice(0, 50) + '" (' + Math.round(el.getBoundingClientRect().right - W) + ' px)'; };
  return {titles, math: document.querySelectorAll('mjx-container').length, cut_off: cut.map(where),
          merror: document.querySelectorAll('mjx-merror').length,
          solutions: document.querySelectorAll('div.solution, .admonition.dropdown').length};
}"""

#: A4 (210 mm) minus the 14 mm left and right margins of page.pdf below, in CSS px (96 per inch)
PRINT_WIDTH_PX = round((210 - 2 * 14) / 25.4 * 96)

FOOTER = ('<div style="font-size:8px;width:100%;padding:0 12mm;color:#555;display:flex;justify-content:space-between">'
          '<span>Anomalous light vectors: an executable companion (arXiv:2603.04394)</span>'
          '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def single_page() -> Path:
    """The one page singlehtml writes: the TOC's root document (book/intro -> _build/singlehtml/book/intro.html)."""
    import yaml

    root = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    return SINGLE / f"{root}.html"


#: the website loads MathJax's assistive MathML (hidden MathML beside every formula, for screen readers); a printed,
#: untagged PDF has no use for it, and laying it out made printing about a third slower (3255 formulas)
ASSISTIVE = ', "a11y/assistive-mml"]'


def print_page() -> Path:
    """The singlehtml page, copied to the output root: Sphinx writes it as book/intro.html but with links relative to
    the output root (_static/, _images/), so it is printed from there; MathJax there loads no assistive MathML."""
    target = SINGLE / "print.html"
    text = single_page().read_text(encoding="utf-8")
    if ASSISTIVE not in text:
        raise RuntimeError(f"MathJax configuration of {single_page()} changed: no {ASSISTIVE!r} to drop for printing")
    target.write_text(text.replace(ASSISTIVE, "]", 1), encoding="utf-8")
    return target


def stamp() -> str:
    import build_book

    h = hashlib.sha256()
    h.update(build_book.site_hash().encode())
    h.update(build_book.tree_stamp().encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()


def singlehtml(keep_going: bool) -> int:
    """Render the book into _build/singlehtml (a subprocess: a clean Sphinx application)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from jupyter_book.sphinx import build_sphinx\n"
        f"root = Path({str(ROOT)!r})\n"
        "res = build_sphinx(root, root / '_build' / 'singlehtml', noconfig=True, path_config=root / '_config.yml',\n"
        "                   confoverrides={'nitpicky': True, 'latex_individualpages': False}, doctreedir=root / '_build' / '.doctrees-singlehtml',\n"
        f"                   builder='singlehtml', warningiserror=True, keep_going={keep_going!r}, quiet=True)\n"
        "sys.exit(res if isinstance(res, int) else 1)\n"
    )
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.call([sys.executable, "-c", code], cwd=ROOT, env=env)


async def _print() -> dict:
    from playwright.async_api import async_playwright

    info = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
        # the printed text width (A4 minus margins): MathJax breaks long displays for it, and the cut-off check uses it
        page = await browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1000})
        offsite = []
        page.on("request", lambda r: offsite.append(r.url) if not r.url.startswith(("file:", "data:", "blob:"))
                else None)
        await page.goto(print_page().as_uri(), wait_until="load", timeout=180_000)
        await page.emulate_media(media="print")
        root = single_page().relative_to(SINGLE).as_posix()
        result = await page.evaluate(PREPARE.replace("ROOT_PAGE", json.dumps(root)), "instructor")
        for name in ("book-instructor.pdf", "book.pdf"):
            if name == "book.pdf":
                result = {**result, "math": await page.evaluate(TO_STUDENT)}
            await page.wait_for_timeout(300)
            await page.pdf(path=str(OUT / name), format="A4", print_background=True, display_header_footer=True,
                           header_template="<span></span>", footer_template=FOOTER,
                           margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
            info[name] = {**result, "offsite": list(offsite)}
        await browser.close()
    return info


def compact(pdf_path: Path) -> dict:
    """Rewrite a printed edition smaller, losslessly, with pikepdf (qpdf). Chromium writes every image as 8-bit RGB and
    every object on its own; here:

    * an RGB image of at most 256 colours (the book's figures are palette PNGs) becomes an /Indexed image of exactly
      those colours (np.unique: one byte per pixel instead of three);
    * objects are packed into compressed object streams, and every Flate stream is recompressed at zlib level 9.

    Lossless by check, not by assumption: each rewritten image is decoded again and compared with the original pixel
    by pixel (a mismatch keeps the original), and the text of every page (pdftotext) and the page count must be
    unchanged, or this raises and the build fails. Returns the byte counts."""
    import numpy as np
    import pikepdf

    before = pdf_path.stat().st_size
    tmp = pdf_path.with_suffix(".compact.pdf")
    images = {"indexed": 0, "kept": 0}
    pikepdf.settings.set_flate_compression_level(9)
    with pikepdf.open(pdf_path) as pdf:
        for obj in pdf.objects:
            if not (isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"):
                continue
            cs = obj.get("/ColorSpace")
            rgb = cs == "/DeviceRGB" or (isinstance(cs, pikepdf.Array) and cs[0] == "/ICCBased"
                                         and int(cs[1].get("/N", 0)) == 3)
            if not rgb or obj.get("/BitsPerComponent") != 8 or obj.get("/Filter") != "/FlateDecode" \
                    or "/DecodeParms" in obj:
                continue
            w, h = int(obj.Width), int(obj.Height)
            pixels = obj.read_bytes()
            if len(pixels) != 3 * w * h:
                continue
            rgb24 = np.frombuffer(pixels, np.uint8).reshape(-1, 3).astype(np.uint32)
            keys, index = np.unique((rgb24[:, 0] << 16) | (rgb24[:, 1] << 8) | rgb24[:, 2], return_inverse=True)
            colours = np.stack([keys >> 16, (keys >> 8) & 255, keys & 255], axis=1)
            if len(colours) > 256:
                images["kept"] += 1
                continue
            raw = obj.read_raw_bytes()
            obj.write(index.astype(np.uint8).tobytes())
            obj.ColorSpace = pikepdf.Array([pikepdf.Name.Indexed, cs, len(colours) - 1,
                                            pikepdf.String(colours.astype(np.uint8).tobytes())])
            if pikepdf.PdfImage(obj).as_pil_image().convert("RGB").tobytes() != pixels:
                obj.write(raw, filter=pikepdf.Name.FlateDecode)
                obj.ColorSpace = cs
                images["kept"] += 1
                continue
            images["indexed"] += 1
        pdf.save(tmp, compress_streams=True, recompress_flate=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    text = [subprocess.run(["pdftotext", "-enc", "UTF-8", str(f), "-"], capture_output=True, check=True).stdout
            for f in (pdf_path, tmp)]
    if text[0] != text[1] or pages(pdf_path) != pages(tmp):
        tmp.unlink()
        raise RuntimeError(f"compacting {pdf_path.name} changed its text or its page count")
    tmp.replace(pdf_path)
    return {"bytes_before": before, "bytes_after": pdf_path.stat().st_size, "images": images}


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    ap.add_argument("--keep-going", action="store_true", help="pass --keep-going to Sphinx (report all warnings)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    rc = execute.main([])
    if rc:
        print("[build_pdf] FAILED: a notebook page did not execute", file=sys.stderr)
        return rc
    current = stamp()
    try:
        state = json.loads(STATE.read_text())
    except (OSError, ValueError):
        state = {}
    have = all((OUT / n).is_file() for n in EDITIONS)
    if not args.force and have and state.get("stamp") == current and state.get("ok"):
        _publish()
        print(f"[build_pdf] up to date ({time.perf_counter() - t0:.1f} s): {', '.join(str(OUT / n) for n in EDITIONS)}")
        return 0
    STATE.write_text(json.dumps({"stamp": "", "ok": False}))
    before = execute.cache_record_ids()
    t1 = time.perf_counter()
    rc = singlehtml(args.keep_going)
    t_html = time.perf_counter() - t1
    if rc or not single_page().is_file():
        print(f"[build_pdf] FAILED: the singlehtml build failed (exit {rc})", file=sys.stderr)
        return rc or 1
    if execute.cache_record_ids() - before:
        print("[build_pdf] FAILED: the singlehtml build executed a notebook (its jupyter-cache was not primed)",
              file=sys.stderr)
        return 1
    t2 = time.perf_counter()
    info = asyncio.run(_print())
    t_print = time.perf_counter() - t2
    t3 = time.perf_counter()
    compacted = {name: compact(OUT / name) for name in info}
    t_compact = time.perf_counter() - t3
    ok = True
    summary = {}
    for name, res in info.items():
        n = pages(OUT / name)
        summary[name] = {"pages": n, "bytes": (OUT / name).stat().st_size, "printed_bytes": compacted[name]["bytes_before"],
                         "images_indexed": compacted[name]["images"]["indexed"], "chapters": len(res["titles"]),
                         "math": res["math"], "merror": res["merror"], "offsite": len(res["offsite"]),
                         "cut_off": res["cut_off"]}
        if res["offsite"] or res["merror"] or res["cut_off"] or n == 0:
            ok = False
            print(f"[build_pdf] {name}: {len(res['offsite'])} external requests, {res['merror']} MathJax errors, "
                  f"{len(res['cut_off'])} elements cut off at the right edge: " + "; ".join(res["cut_off"][:10]),
                  file=sys.stderr)
    seconds = time.perf_counter() - t0
    summary.update(seconds=round(seconds, 1), singlehtml_s=round(t_html, 1), print_s=round(t_print, 1),
                   compact_s=round(t_compact, 1))
    STATE.write_text(json.dumps({"stamp": current if ok else "", "ok": ok, "summary": summary}, indent=1))
    _publish()
    for name, s in summary.items():
        if isinstance(s, dict):
            print(f"[build_pdf] {OUT / name}: {s['pages']} pages, {s['bytes'] / 1e6:.2f} MB (printed "
                  f"{s['printed_bytes'] / 1e6:.2f} MB), "
                  f"{s['chapters']} pages of the TOC, {s['math']} typeset formulas")
    print(f"[build_pdf] {'OK' if ok else 'FAILED'} in {seconds:.1f} s (singlehtml {t_html:.1f} s, "
          f"printing {t_print:.1f} s, compacting {t_compact:.1f} s)")
    return 0 if ok else 1


#: the editions copied into the website (_build/html/pdf/); the instructor edition (about 8 MB) is not: its solutions
#: are on the chapter pages already (collapsed), and instructors take the file from _build/pdf/
PUBLISHED = ("book.pdf",)


def publish_if_current() -> bool:
    """Called by scripts/build_book.py after it built the website: copy the reader edition into the site if the PDF is
    up to date with the sources (the PDF and the website are built side by side in `make test`; whichever finishes
    last puts the PDF into the site)."""
    try:
        state = json.loads(STATE.read_text())
    except (OSError, ValueError):
        return False
    if not (state.get("ok") and state.get("stamp") == stamp() and all((OUT / n).is_file() for n in PUBLISHED)):
        return False
    _publish()
    return True


def _publish():
    """Copy the reader edition next to the website (the landing and teaching pages link ../pdf/book.pdf)."""
    html = BUILD / "html"
    if (html / "index.html").is_file():
        (html / "pdf").mkdir(exist_ok=True)
        for name in PUBLISHED:
            if (OUT / name).is_file():
                shutil.copyfile(OUT / name, html / "pdf" / name)


if __name__ == "__main__":
    sys.exit(main())

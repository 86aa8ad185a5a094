#!/usr/bin/env python3
"""Check the lecture decks (_build/html/slides/lecture-N.html) in headless Chromium: offline, math typeset, no errors.

Every deck of the teaching plan (book/teaching.md; scripts/build_slides.py writes them) is opened from a local http
server (127.0.0.1, random port), and the largest deck (most slides) also from file:// -- every deck from file:// with
--file-all. The decks are one template over one set of assets (reveal.js, MathJax, fonts, ../_images), so what can
break only from disk (assets resolved from file://, fonts, origin rules) breaks for every deck alike; opening each deck
both ways doubled the time (12 loads, 29 s) for no failure the single file:// load would miss. Each load checks:
* reveal.js started (``Reveal.isReady()``) and the deck has > 3 slides;
* MathJax 4 finished (``MathJax.startup.promise``), the deck has typeset math (``mjx-container`` > 0), no MathJax
  error node (``mjx-merror``) and no raw TeX left in the slides' visible text (``\\(``, ``\\[``, ``$$``);
* every <img> loaded;
* zero requests to any host other than the local one (every other host resolves to nothing in this browser) and zero
  failed requests, console errors or page errors;
* a screenshot of the title slide and of the first slide with display math: <screenshots>/slides/lecture-N-*.png.

Output: a JSON report (_build/slides_report.json); exit 1 on any failure, 2 if it could not run (no decks, no
chromium/playwright). Usage: python scripts/slides_check.py [--html _build/html] [--no-screenshots] [--no-http]
[--file-all]
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import json
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--allow-file-access-from-files",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
#: Decks checked at the same time (each in its own browser context).
TABS = 2

PROBE = """async () => {
  const t0 = performance.now();
  while (!(window.Reveal && Reveal.isReady && Reveal.isReady()) && performance.now() - t0 < 15000)
    await new Promise(r => setTimeout(r, 50));
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await Promise.race([MathJax.startup.promise, new Promise(r => setTimeout(r, 20000))]);
  }
  const slides = document.querySelectorAll('.reveal .slides > section');
  let text = '';
  slides.forEach(s => { const c = s.cloneNode(true); c.querySelectorAll('mjx-container, script, style').forEach(n => n.remove()); text += c.textContent + '\\n'; });
  const imgs = Array.from(document.images);
  let firstDisplay = -1;
  slides.forEach((s, i) => { if (firstDisplay < 0 && s.querySelector('mjx-container[display="true"]')) firstDisplay = i; });
  return {
    ready: !!(window.Reveal && Reveal.isReady && Reveal.isReady()),
    slides: slides.length,
    math: document.querySelectorAll('mjx-container').length,
    display_math: document.querySelectorAll('mjx-container[display="true"]').length,
    merror: document.querySelectorAll('mjx-merror').length,
    raw_tex: (text.match(/\\\\\\(|\\\\\\[|\\$\\$/g) || []).length,
    images: imgs.length,
    broken_images: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src')),
    first_display_slide: firstDisplay,
  };
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def decks(html: Path) -> list[Path]:
    import build_slides
    return [html / "slides" / f"lecture-{lec['n']}.html" for lec in build_slides.lecture_plan()]


async def check_deck(context, url: str, local_prefixes: tuple[str, ...], shots: Path | None, name: str) -> dict:
    page = await context.new_page()
    offsite, failed, console = [], [], []
    page.on("request", lambda r: offsite.append(r.url) if not r.url.startswith(local_prefixes) else None)
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    t0 = time.perf_counter()
    await page.goto(url, wait_until="load", timeout=30_000)
    result = await page.evaluate(PROBE)
    result["load_s"] = round(time.perf_counter() - t0, 2)
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(shots / f"{name}-title.png"))
        if result["first_display_slide"] >= 0:
            await page.evaluate(f"Reveal.slide({result['first_display_slide']})")
            await page.wait_for_timeout(300)
            await page.screenshot(path=str(shots / f"{name}-math.png"))
    await page.close()
    result.update(url=url, offsite=offsite, failed=failed, console=console)
    problems = []
    if not result["ready"]:
        problems.append("reveal.js did not start")
    if result["slides"] <= 3:
        problems.append(f"only {result['slides']} slides")
    if result["math"] == 0:
        problems.append("no typeset math")
    if result["merror"] or result["raw_tex"]:
        problems.append(f"{result['merror']} MathJax errors, {result['raw_tex']} raw TeX delimiters")
    if result["broken_images"]:
        problems.append(f"broken images {result['broken_images']}")
    if offsite:
        problems.append(f"{len(offsite)} external requests")
    if failed or console:
        problems.append(f"{len(failed)} failed requests, {len(console)} console errors")
    result["problems"] = problems
    return result


async def run(args, paths: list[Path]) -> dict:
    from playwright.async_api import async_playwright

    report = {"decks": {}}
    server, base = (None, None) if args.no_http else serve(args.html)
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            # one browser context per mode (file://, http): the decks share reveal.js, MathJax and its fonts, which the
            # context then parses once; every deck gets its own page and listeners, TABS pages at a time
            contexts = {mode: await browser.new_context(viewport={"width": 1280, "height": 760})
                        for mode in ("file", "http")}
            limit = asyncio.Semaphore(TABS)

            async def one(mode, url, prefixes, shots, name):
                async with limit:
                    return await check_deck(contexts[mode], url, prefixes, shots, name)

            jobs = {}
            largest = max(paths, key=lambda p: p.read_text(encoding="utf-8").count("<section"))
            for path in paths:
                name = path.stem
                if args.file_all or path == largest or not base:
                    jobs[(name, "file")] = one("file", path.resolve().as_uri(), ("file://", "data:", "blob:"),
                                               args.shots, name)
                if base:
                    rel = path.resolve().relative_to(args.html.resolve()).as_posix()
                    shots = None if (name, "file") in jobs else args.shots  # screenshots: one load per deck
                    jobs[(name, "http")] = one("http", f"{base}/{rel}", (base, "data:", "blob:"), shots, name)
            results = await asyncio.gather(*jobs.values())
            for (name, mode), result in zip(jobs, results):
                report["decks"].setdefault(name, {})[mode] = result
            for context in contexts.values():
                await context.close()
            await browser.close()
    finally:
        if server:
            server.shutdown()
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    ap.add_argument("--report", type=Path, default=None)
    ap.add_argument("--screenshots", dest="shots", type=Path, default=None)
    ap.add_argument("--no-screenshots", action="store_true")
    ap.add_argument("--no-http", action="store_true", help="check from file:// only (every deck)")
    ap.add_argument("--file-all", action="store_true",
                    help="open every deck from file:// too (default: only the largest deck; all of them over http)")
    args = ap.parse_args(argv)
    args.html = args.html.resolve()
    if args.no_screenshots:
        args.shots = None
    elif args.shots is None:
        args.shots = args.html.parent / "screenshots" / "slides"
    report_path = args.report or args.html.parent / "slides_report.json"
    paths = decks(args.html)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing or not Path(CHROMIUM).exists():
        print(f"[slides_check] cannot run: missing {missing or CHROMIUM} (make slides)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    report = asyncio.run(run(args, paths))
    report["seconds"] = round(time.perf_counter() - t0, 1)
    report_path.write_text(json.dumps(report, indent=1))
    bad = 0
    for name, entry in report["decks"].items():
        for mode, r in entry.items():
            status = "OK" if not r["problems"] else "FAIL: " + "; ".join(r["problems"])
            bad += bool(r["problems"])
            print(f"[slides_check] {name} ({mode}): {r['slides']} slides, {r['math']} math, {r['images']} images, "
                  f"{len(r['offsite'])} external requests, {r['load_s']} s -- {status}")
    print(f"[slides_check] {'OK' if not bad else f'{bad} FAILED'} ({report['seconds']} s); report {report_path}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

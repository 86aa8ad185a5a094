#!/usr/bin/env python3
"""Cross-implementation and hostile-URL check of the static explorer page ("Your own U(1)_X in the browser").

The page (notebooks/11_explorer.md, book/_assets/explorer/explorer.js) recomputes the explorer in the browser from the
universal curves exported by physics.viz.universal and writes its result as JSON into <script id="explorer-result">.
This check

* cross-implementation: draws N >= 20 charge assignments at random (seeded; alpha_{B+L} = 0 among them, rationals,
  negative charges, both families A.6 and A.11 with a shift, m_X in every channel's range), has the page compute each
  configuration from its URL query string (decoded by the browser's URLSearchParams as the page's init() decodes
  location.search, then the page's own update, all cases in one in-page call), and compares #explorer-result with
  `python -m physics explore ... --json` (the same CLI function, `physics.cli.main`): exact strings for rationals,
  relative 1e-6 for floats, equal key sets for the limits; it also checks that models with alpha_B != 0 get a bound
  wherever a channel with data is open; the cases URL_CASES are also loaded from their URL (a full page load) and
  must give the CLI's result and the in-page one;
* bad input: a non-rational charge and an m_X outside every channel give a visible message and no console error;
* hostile URL: script/markup payloads in every query parameter (one full page load per payload, TABS pages at a time)
  execute nothing (no dialog, no global set, no injected element), a message is shown, and the console stays clean;
* budget: the page's own update time (performance.now(), reported by the page): parse + recompute the whole plane +
  tables must take <= 50 ms (median); the figure's redraw (uPlot) is reported separately with the machine's load average; and
  the bytes the page loads beyond the shared assets (<= 1 MB).

Used by scripts/browser_check.py (hook: ``report["explorer"] = await explorer_check.run(browser, base_url)``) and by
tests/test_explorer_page.py; standalone: ``python scripts/explorer_check.py [--html _build/html] [--n 24]``.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import math
import random
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAGE = "notebooks/11_explorer.html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
REL = 1e-6
#: Keys of #explorer-result compared with the CLI (the page adds ok, plotted, update_ms, family, plane-free extras).
EXACT_KEYS = ("alpha_BL", "alphas", "traces", "witten_ok")
ANOMALY_KEYS = ("sm", "anomalons", "singlets", "total", "left", "witten_count", "anomaly_free")
FLOAT_KEYS = ("naturalness_bound_TeV", "B_invisible", "X_decays", "BR", "BR_Emiss", "gX_max", "point",
              "viable_intervals_GeV")
HOSTILE = ['<script>window.__u1x_pwned=1</script>', '"><img src=x onerror="window.__u1x_pwned=1">',
           "javascript:window.__u1x_pwned=1", "1/3<svg onload=window.__u1x_pwned=1>", "';window.__u1x_pwned=1;//",
           "{{constructor.constructor('window.__u1x_pwned=1')()}}"]
PARAMS = ("alpha_B", "alpha_e", "alpha_mu", "alpha_tau", "family", "m", "shift", "mX", "gX")


# ------------------------------------------------------------------------------------------------ cases
def _rational(rng: random.Random) -> Fraction:
    return Fraction(rng.choice([-3, -2, -1, -1, 0, 0, 0, 1, 1, 1, 2, 3]), rng.choice([1, 1, 1, 2, 3]))


def random_cases(n: int = 24, seed: int = 20260304) -> list[dict]:
    """n page configurations (URL query dicts), seeded; see the module docstring for what they cover."""
    from physics.pheno import rates  # noqa: PLC0415

    rng = random.Random(seed)
    ranges = {ch: rates.mass_range(ch) for ch in rates.CHANNELS}
    # one m_X inside each channel's range (log-uniform), then random ones; never closer than 1e-3 to an endpoint
    channels = list(ranges)
    fixed = [{"alpha_tau": "1", "family": "A.6", "m": "3", "mX": "2.1", "gX": "0.018"},      # the paper's point
             {"alpha_mu": "1", "alpha_tau": "-1", "mX": "2.1", "gX": "0.018"},              # alpha_B+L = 0
             {"alpha_B": "1", "alpha_e": "-1", "alpha_mu": "-1", "alpha_tau": "-1", "mX": "1.02", "gX": "1e-3"},  # B-L
             {"alpha_B": "1", "alpha_tau": "-1", "family": "A.11", "m": "1", "shift": "1/2", "mX": "0.2",
              "gX": "3e-4"}]
    cases = list(fixed)
    k = 0
    while len(cases) < n:
        a = {key: _rational(rng) for key in ("alpha_B", "alpha_e", "alpha_mu", "alpha_tau")}
        if k % 5 == 4:  # force alpha_B+L = 0
            a["alpha_B"] = -(a["alpha_e"] + a["alpha_mu"] + a["alpha_tau"]) / 3
        if all(v == 0 for v in a.values()):
            continue
        abl = a["alpha_B"] + (a["alpha_e"] + a["alpha_mu"] + a["alpha_tau"]) / 3
        ch = channels[k % len(channels)]
        lo, hi = ranges[ch]
        lo = max(lo, 1.2e-3)
        mX = math.exp(rng.uniform(math.log(lo), math.log(hi * (1 - 1e-3))))
        case = {key: str(v) for key, v in a.items()}
        case["mX"] = f"{mX:.6g}"
        case["gX"] = f"{10 ** rng.uniform(-6, -0.5):.4g}"
        if abl != 0:
            fam = rng.choice(["A.6", "A.11", "none"])
            if fam == "A.6":
                case.update(family="A.6", m=str(rng.randint(2, 8)))
            elif fam == "A.11":
                case.update(family="A.11", m=str(rng.randint(1, 6)), shift=str(_rational(rng)))
        cases.append(case)
        k += 1
    return cases


def cli_argv(case: dict) -> list[str]:
    """`python -m physics explore` arguments for a page configuration."""
    argv = ["explore", "--json"]
    for key in ("B", "e", "mu", "tau"):
        v = case.get(f"alpha_{key}", "0")
        if Fraction(v) != 0:
            argv += ["--alpha", f"{key}={v}"]
    if case.get("family", "none") != "none":
        argv += ["--family", case["family"], "--m", case["m"]]
        if case["family"] == "A.11":
            argv += [f"--shift={case.get('shift', '0')}"]
    if case.get("mX"):
        argv += ["--mX", case["mX"]]
    if case.get("gX"):
        argv += ["--gX", case["gX"]]
    return argv


def cli_reference(case: dict) -> dict:
    """The CLI's JSON for `case` (physics.cli.main in this process: the code path of `python -m physics explore`)."""
    from physics import cli  # noqa: PLC0415

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = cli.main(cli_argv(case))
    if rc != 0:
        raise RuntimeError(f"CLI failed for {case}: rc {rc}")
    return json.loads(buf.getvalue())


# ------------------------------------------------------------------------------------------------ comparison
def _close(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            out.append(f"{path}: keys differ, page {sorted(a)} vs CLI {sorted(b)}")
            return
        for k in a:
            _close(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path}: lengths differ, page {len(a)} vs CLI {len(b)}")
            return
        for i, (x, y) in enumerate(zip(a, b)):
            _close(x, y, f"{path}[{i}]", out)
    elif isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str) or a is None or b is None:
        if a != b:
            out.append(f"{path}: page {a!r} vs CLI {b!r}")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if not math.isclose(a, b, rel_tol=REL, abs_tol=0.0):
            out.append(f"{path}: page {a!r} vs CLI {b!r} (rel {abs(a / b - 1) if b else math.inf:.2e})")
    elif a != b:
        out.append(f"{path}: page {a!r} vs CLI {b!r}")


def compare(page: dict, ref: dict) -> list[str]:
    """Differences between the page's result and the CLI's (empty list: equal)."""
    out = []
    if not page.get("ok"):
        return [f"page reported errors: {page.get('errors')}"]
    for k in EXACT_KEYS:
        if page.get(k) != ref.get(k):
            out.append(f"{k}: page {page.get(k)!r} vs CLI {ref.get(k)!r}")
    for k in ANOMALY_KEYS:
        if page["anomalies"].get(k) != ref["anomalies"].get(k):
            out.append(f"anomalies.{k}: page {page['anomalies'].get(k)!r} vs CLI {ref['anomalies'].get(k)!r}")
    if page["suggestions"]["singlets_needed"] != ref["suggestions"]["singlets_needed"]:
        out.append(f"singlets_needed: page {page['suggestions']['singlets_needed']} vs CLI "
                   f"{ref['suggestions']['singlets_needed']}")
    for k in FLOAT_KEYS:
        _close(page.get(k), ref.get(k), k, out)
    if set(page.get("BR_unphysical", {})) != set(ref.get("BR_unphysical", {})):
        out.append(f"BR_unphysical keys: page {sorted(page.get('BR_unphysical', {}))} vs CLI "
                   f"{sorted(ref.get('BR_unphysical', {}))}")
    if set(page["gX_max_skipped"]) != set(ref["gX_max_skipped"]):
        out.append(f"gX_max_skipped keys: page {sorted(page['gX_max_skipped'])} vs CLI {sorted(ref['gX_max_skipped'])}")
    return out


def baryon_bounds_ok(ref: dict) -> bool:
    """alpha_B != 0 (and alpha_B+L != 0, B(X -> E_miss) > 0): every open channel with data at m_X has a bound; a channel
    may be skipped only as kinematically closed, without a dataset, or outside its dataset's mass range."""
    if ref["alphas"]["B"] == "0" or ref["alpha_BL"] == "0" or not ref["B_invisible"]:
        return True
    allowed = ("kinematically closed", "no limit dataset", "outside the mass range")
    return all(any(a in why for a in allowed) for why in ref["gX_max_skipped"].values())


# ------------------------------------------------------------------------------------------------ browser
async def _load(page, url: str) -> dict:
    await page.goto(url, wait_until="load")
    await page.wait_for_function("() => { const e = document.getElementById('explorer-result');"
                                 " return e && e.textContent.length > 2; }", timeout=15000)
    return json.loads(await page.eval_on_selector("#explorer-result", "e => e.textContent"))


#: In-page runs of many configurations in one call.  Each query string (built by urlencode, as for a page URL) is
#: decoded by the browser's URLSearchParams and reduced to the explorer's parameters exactly as the page's init() does
#: with location.search, then handed to U1XExplorer.run (the page's own update: parse, recompute, tables, figure,
#: #explorer-result).  Per case: the text of #explorer-result and the message box's visible text.
_RUN_QUERIES = """queries => queries.map(qs => {
  const q = new URLSearchParams(qs), given = {};
  for (const k of window.U1XExplorer.PARAMS) if (q.has(k)) given[k] = q.get(k);
  window.U1XExplorer.run(given);
  const box = document.getElementById('u1x-explorer'), msg = box.querySelector('[data-u1x=message]');
  return [document.getElementById('explorer-result').textContent,
          !msg.hidden && msg.offsetHeight > 0 ? msg.textContent : ''];
})"""
_SHOWN = "e => !e.hidden && e.offsetHeight > 0 ? e.textContent : ''"
#: The explorer's figure as drawn: a checksum of its first curve (the values uPlot was given), its legend and canvas.
_FIGURE = """() => { const f = document.querySelector('#u1x-explorer .u1x-figure'), u = f && f.planePlot && f.planePlot.uplot;
  if (!u) return null;
  const ys = u.data[1] || [];
  return {curve: ys.reduce((a, v) => a + (typeof v === 'number' ? Math.log(v) : 0), 0), points: ys.length,
          legend: [...f.querySelectorAll('.pp-legend button')].map(b => b.textContent),
          canvas: !!f.querySelector('.uplot canvas')}; }"""
_PWNED = ("() => window.__u1x_pwned === 1 || !!document.querySelector("
          "'#u1x-explorer img, #u1x-explorer svg[onload], #u1x-explorer script:not(#explorer-result)')")
#: Pages loaded at the same time for the URL checks (the loads wait on the network and the renderer, not the CPU only).
TABS = 2
#: Cross-implementation cases also checked through a full page load of their URL (init() reading location.search);
#: the paper's point (family A.6) and the case with every parameter set (family A.11 with a shift).
URL_CASES = (0, 3)
_VOLATILE = ("update_ms", "timing_ms")


def _same_result(a: dict, b: dict) -> bool:
    return {k: v for k, v in a.items() if k not in _VOLATILE} == {k: v for k, v in b.items() if k not in _VOLATILE}


async def run(browser, base_url: str, n: int = 24, seed: int = 20260304) -> dict:
    """The whole check against the site served at base_url (a running Playwright browser).  Returns a report with
    "ok" (bool), "failures" (list), "cases", "update_ms" (median, max), "page_bytes".

    Page loads dominate the time, so the cross-implementation cases and the bad inputs are computed by the page in
    one in-page call each (the query decoded as init() decodes location.search, then the page's own update), and
    full loads are kept for what only a load shows: the default page and its weight, the URL path (URL_CASES,
    compared with the CLI and with the in-page result) and every hostile payload; those loads run TABS pages at a
    time, each page with the same console, dialog and response listeners."""
    page_url = f"{base_url}/{PAGE}"
    report = {"page": PAGE, "failures": [], "cases": 0, "baryon_cases": 0, "alphaBL0_cases": 0, "page_loads": 0}
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    console, dialogs, requests, failed = [], [], [], []

    async def new_page():
        page = await ctx.new_page()
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (dialogs.append(d.message), asyncio.ensure_future(d.dismiss())))
        page.on("response", lambda r: requests.append(r.url))
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        return page

    async def load(page, url):
        report["page_loads"] += 1
        return await _load(page, url)

    times = []
    try:
        page = await new_page()
        # first load: defaults (the paper's tau model), and the page weight
        first = await load(page, page_url)
        if not first.get("ok") or not first.get("plotted"):
            report["failures"].append(f"default page: ok={first.get('ok')} plotted={first.get('plotted')}")
        own = [u for u in requests if "/explorer/" in u or u.split("?")[0].endswith(PAGE)]
        sizes = {}
        for u in own:
            body = await page.evaluate("async u => (await (await fetch(u)).arrayBuffer()).byteLength", u)
            sizes[u.split("/")[-1].split("?")[0]] = body
        report["page_bytes"] = {"files": sizes, "total": sum(sizes.values())}
        if report["page_bytes"]["total"] > 1_000_000:
            report["failures"].append(f"page weight {report['page_bytes']['total']} B > 1 MB beyond shared assets")

        # cross-implementation: every case computed by the page (one in-page call) and by the CLI
        cases = random_cases(n, seed)
        in_page = [json.loads(text) for text, _ in await page.evaluate(_RUN_QUERIES, [urlencode(c) for c in cases])]
        for case, res in zip(cases, in_page):
            if res.get("ok") and not res.get("plotted"):
                report["failures"].append({"case": case, "diff": ["the figure was not redrawn (plotted=false)"]})
            ref = cli_reference(case)
            diff = compare(res, ref)
            report["cases"] += 1
            report["baryon_cases"] += ref["alphas"]["B"] != "0"
            report["alphaBL0_cases"] += ref["alpha_BL"] == "0"
            if res.get("update_ms") is not None:
                times.append(res["update_ms"])
            if diff:
                report["failures"].append({"case": case, "diff": diff[:8]})
            if not baryon_bounds_ok(ref):
                report["failures"].append({"case": case, "diff": ["alpha_B != 0 model without a bound"]})
        # live redraw: the figure shows the recomputed plane after an in-place update (its first curve and its legend
        # follow the model: L_mu differs from the default L_tau above 2 m_mu), and is the page's own uPlot drawing
        before = await page.evaluate(_FIGURE)
        await page.evaluate("raw => window.U1XExplorer.run(raw)", {"alpha_mu": "1", "alpha_tau": "0"})
        after = await page.evaluate(_FIGURE)
        await page.evaluate("raw => window.U1XExplorer.run(raw)", {})
        report["figure"] = {"before": before, "after": after}
        if not before or not after or before["curve"] == after["curve"] or not after["legend"] or not after["canvas"]:
            report["failures"].append(f"the figure is not redrawn live: {report['figure']}")
        # re-run updates in place (no reload) to time the plane update alone
        # (one call per update, as a reader's edits come one at a time: the timings are not those of a batch)
        parts, in_place = [], []
        for case in random_cases(10, seed + 1):
            t = await page.evaluate("raw => { const r = window.U1XExplorer.run(raw); return [r.update_ms, r.timing_ms]; }",
                                    case)
            times.append(t[0])
            in_place.append(t[0])
            parts.append(t[1])
        report["update_ms"] = {"median": statistics.median(times), "max": max(times), "n": len(times),
                               "median_compute": statistics.median(p["compute"] for p in parts),
                               "median_tables": statistics.median(p["tables"] for p in parts),
                               "median_plot": statistics.median(p["plot"] for p in parts)}
        # budget: recomputing the whole plane and the tables <= 50 ms (median); the figure's redraw is reported apart,
        # it is the plotting library's time and scales with the machine's load (report["load_average"])
        recast = statistics.median(p["compute"] + p["tables"] for p in parts)
        report["update_ms"]["median_recast"] = recast
        # the whole in-place update as a reader sees it: parse + recompute + tables + redraw of the figure (no reload)
        report["update_ms"]["median_in_place"] = statistics.median(in_place)
        if recast > 50:
            report["failures"].append(f"recast time median {recast:.1f} ms > 50 ms")
        with contextlib.suppress(OSError):
            import os  # noqa: PLC0415
            report["load_average"] = os.getloadavg()

        # bad input: visible message, no console error (in-page; every hostile load below is also bad input from a URL)
        bad = (("non-rational", {"alpha_tau": "one third", "mX": "1"}),
               ("mX outside every channel", {"alpha_tau": "1", "mX": "150"}),
               ("family with alpha_B+L = 0", {"alpha_mu": "1", "alpha_tau": "-1", "family": "A.6", "m": "3"}))
        for (label, _), (text, shown) in zip(bad, await page.evaluate(_RUN_QUERIES, [urlencode(c) for _, c in bad])):
            res = json.loads(text)
            if res.get("ok") or not shown.strip():
                report["failures"].append(f"bad input ({label}): ok={res.get('ok')}, message shown={bool(shown)}")
        # full page loads, TABS at a time: the URL path, and hostile URLs (payloads in every parameter)
        jobs = [("url", i, cases[i]) for i in URL_CASES if i < len(cases)]
        jobs += [("hostile", payload, {k: payload for k in PARAMS}) for payload in HOSTILE]
        queue = list(reversed(jobs))

        async def worker(pg):
            while queue:
                kind, label, case = queue.pop()
                res = await load(pg, f"{page_url}?{urlencode(case)}")
                if kind == "url":
                    diff = compare(res, cli_reference(case))
                    if diff:
                        report["failures"].append({"case": case, "url": True, "diff": diff[:8]})
                    if not _same_result(res, in_page[label]):
                        report["failures"].append({"case": case, "diff": ["URL load and in-page run differ"]})
                    continue
                shown = await pg.eval_on_selector("#u1x-explorer [data-u1x=message]", _SHOWN)
                pwned = await pg.evaluate(_PWNED)
                if pwned or res.get("ok") or not shown.strip():
                    report["failures"].append(f"hostile payload {label!r}: executed={pwned}, ok={res.get('ok')}, "
                                              f"message shown={bool(shown)}")

        pages = [page] + [await new_page() for _ in range(max(1, min(TABS, len(jobs))) - 1)]
        await asyncio.gather(*(worker(pg) for pg in pages))
        if dialogs:
            report["failures"].append(f"dialogs opened: {dialogs}")
        # theme noise present on every page of the site (shared/TOOLING.md section 7.1) is the site check's business
        theme = ("THEBE_JS_URL", "invalid theme mode", "Failed to load resource")
        noise = [c for c in console if not any(t in c for t in theme)]
        bad_requests = [f for f in failed if "favicon" not in f]
        if bad_requests:
            report["failures"].append({"failed_requests": bad_requests[:10]})
        if noise:
            report["failures"].append({"console_errors": noise[:10]})
        report["console_errors"] = len(noise)
    finally:
        await ctx.close()
    report["ok"] = not report["failures"]
    return report


async def _main_async(html: Path, n: int, screenshots: Path | None) -> dict:
    from playwright.async_api import async_playwright  # noqa: PLC0415

    sys.path.insert(0, str(ROOT / "scripts"))
    from browser_check import serve  # noqa: PLC0415

    server, base = serve(html)
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                report = await run(browser, base, n=n)
                if screenshots:
                    screenshots.mkdir(parents=True, exist_ok=True)
                    for width in (1280, 390):
                        ctx = await browser.new_context(viewport={"width": width, "height": 900})
                        pg = await ctx.new_page()
                        await _load(pg, f"{base}/{PAGE}?alpha_B=1&alpha_e=-1&alpha_mu=-1&alpha_tau=-1&mX=1.02&gX=0.001"
                                    if width == 390 else f"{base}/{PAGE}")
                        box = await pg.query_selector("#u1x-explorer")
                        await box.screenshot(path=str(screenshots / f"explorer_{width}.png"))
                        await ctx.close()
            finally:
                await browser.close()
    finally:
        server.shutdown()
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--screenshots", type=Path, default=None)
    args = ap.parse_args(argv)
    if not (args.html / PAGE).is_file():
        print(f"no built page {args.html / PAGE}", file=sys.stderr)
        return 2
    t0 = time.time()
    report = asyncio.run(_main_async(args.html, args.n, args.screenshots))
    report["seconds"] = round(time.time() - t0, 1)
    print(json.dumps(report, indent=1, default=str))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

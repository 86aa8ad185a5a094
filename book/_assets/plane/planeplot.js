/*
 * planeplot.js -- the book's interactive (m_X, g_X) figures, drawn with uPlot (book/_vendor/uplot, MIT).
 *
 * Used by the chapters' figures (Fig. 3 interactive on notebooks/06_summary_plane, the benchmark planes on
 * notebooks/11_explorer: Python writes a figure spec, physics.viz.interactive.figure_html) and by the static explorer
 * (book/_assets/explorer/explorer.js calls PlanePlot.render on every update).  book/_ext/uplot_assets.py loads uPlot,
 * its CSS, this file and planeplot.css on exactly the pages that contain a `.u1x-figure` element.
 *
 * A spec (JSON; written by physics/viz/interactive.py, which documents it):
 *   {"scale": 10000, "height": 480,
 *    "x": {"title": "m<sub>X</sub> [GeV]", "range": [lo, hi], "data": ARRAY}, "y": {"title": ..., "range": [lo, hi]},
 *    "arrays": [ARRAY, ...],                       shared by the views (an array used twice is stored once)
 *    "views": [{"label", "title", "items": [...], "legend": [...]}, ...]}   more than one view: a menu
 * ARRAY: a plain list of numbers/null (explorer.js), or the compact log form {"seg": [[i0, i1, k0, dd1, dd2, ...]],
 *   "step": s}: per run of finite values from index i0 to i1, the values 10^(k/scale) with k given by its first
 *   value and its second differences (integers; exact, so nothing accumulates), one value every `step` indices plus
 *   the run's last one (the indices between are skipped, drawn as straight segments); outside the runs: gaps.
 * items (drawn in this order): {"kind": "line", "y", "colour", "dash", "width"}, {"kind": "fill", "y" | "min_of": [..],
 *   "to": "top"|"bottom", "colour", "alpha"} (the region between a curve -- or the pointwise minimum of several -- and
 *   the top/bottom of the plot), {"kind": "band", "lo", "hi", "colour", "alpha"}, {"kind": "point", "x", "y",
 *   "err": [lo, hi], "symbol": "star"|"diamond-open", "colour"}; each with optional "name" (legend label and hover
 *   name), "group" (default: the name), "show": false (hidden at first), "swatch" (legend swatch override).  The
 *   legend has one button per group, from the group's first named item; a button toggles every item of its group.
 *
 * What the reader gets: log-log axes (labels 10^n, and 1-2-5 when zoomed to a few decades), the legend (click to hide
 * or show; hidden-at-first entries are struck through), a readout of the nearest curve or point under the cursor
 * (curve, m_X, g_X), box zoom by dragging (a mostly horizontal drag zooms m_X only), "Reset zoom" and double-click to
 * reset, and the menu of views.  Labels are trusted text with <sub>/<sup> only; they are built as DOM nodes (never
 * innerHTML), so a label can never inject markup.
 */
(function (root) {
  "use strict";

  const SUPERSCRIPT = { "-": "\u207b", "0": "\u2070", "1": "\u00b9", "2": "\u00b2", "3": "\u00b3", "4": "\u2074",
                        "5": "\u2075", "6": "\u2076", "7": "\u2077", "8": "\u2078", "9": "\u2079" };
  const DASHES = { solid: null, dash: [8, 5], dot: [2, 3], dashdot: [8, 4, 2, 4] };

  // ---------------------------------------------------------------------------------------------
  // Data
  // ---------------------------------------------------------------------------------------------
  /** An ARRAY of the spec as a list of n values: numbers, null (gap) or undefined (skipped between samples). */
  function decode(arr, n, scale) {
    if (Array.isArray(arr)) return arr.map(v => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : null));
    if (n === undefined) n = Math.max(0, ...arr.seg.map(s => s[1] + 1));
    const out = new Array(n).fill(null), step = arr.step || 1;
    for (const s of arr.seg) {
      const i0 = s[0], i1 = s[1], count = s.length - 2;
      let k = s[2], d = 0;
      for (let i = i0 + 1; i < i1; i++) if ((i - i0) % step) out[i] = undefined;
      for (let j = 0; j < count; j++) {
        if (j > 0) { d += s[2 + j]; k += d; }
        out[j < count - 1 ? i0 + j * step : i1] = Math.pow(10, k / scale);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Text: <sub>/<sup> labels as DOM nodes, numbers as a x 10^n
  // ---------------------------------------------------------------------------------------------
  function rich(text) {
    const span = document.createElement("span");
    let cur = span;
    for (const part of String(text).split(/(<\/?(?:sub|sup)>)/)) {
      const m = /^<(\/?)(sub|sup)>$/.exec(part);
      if (!m) { if (part) cur.appendChild(document.createTextNode(part)); continue; }
      if (m[1]) { if (cur !== span) cur = span; continue; }
      const e = document.createElement(m[2]); span.appendChild(e); cur = e;
    }
    return span;
  }
  function plain(text) { return String(text).replace(/<\/?(?:sub|sup)>/g, ""); }
  function supText(n) { return String(n).split("").map(c => SUPERSCRIPT[c] || c).join(""); }

  /** A value with 3 significant digits as DOM nodes: 0.0123 or 1.23 x 10^-5 (never e-notation). */
  function number(v) {
    const e = Math.floor(Math.log10(Math.abs(v)));
    if (e >= -3 && e <= 3) return document.createTextNode(String(Number(v.toPrecision(3))));
    let mant = Number((v / Math.pow(10, e)).toPrecision(3)), ex = e;
    if (Math.abs(mant) >= 10) { mant /= 10; ex += 1; }
    const s = document.createElement("span"), sup = document.createElement("sup");
    s.appendChild(document.createTextNode(mant + " \u00d7 10")); sup.textContent = String(ex).replace("-", "\u2212");
    s.appendChild(sup);
    return s;
  }

  /** Tick labels of a log axis: 10^n at decades; with few decades in view also 2 and 5 (and all, below one decade). */
  function logTicks(u, splits, axisIdx) {
    const sc = u.scales[u.axes[axisIdx].scale], span = Math.log10(sc.max / sc.min);
    return splits.map(v => {
      const e = Math.round(Math.log10(v)), mant = Number((v / Math.pow(10, e)).toPrecision(6));
      const lead = Number((v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9))).toPrecision(6));
      if (mant === 1) return e === 0 ? "1" : e === 1 ? "10" : "10" + supText(e);
      if (span > 2.5 || (span > 1 && lead !== 2 && lead !== 5)) return "";
      const ee = Math.floor(Math.log10(v) + 1e-9);
      return ee >= -3 && ee <= 3 ? String(Number(v.toPrecision(3))) : lead + "\u00d710" + supText(ee);
    });
  }
  function decadeGrid(u, splits, axisIdx) {
    const sc = u.scales[u.axes[axisIdx].scale];
    if (Math.log10(sc.max / sc.min) <= 2.5) return splits;
    return splits.map(v => (Number((v / Math.pow(10, Math.round(Math.log10(v)))).toPrecision(6)) === 1 ? v : null));
  }

  function rgba(hex, alpha) {
    const h = hex.replace("#", ""), f = h.length === 3 ? h.split("").map(c => c + c).join("") : h;
    const n = parseInt(f, 16);
    return "rgba(" + ((n >> 16) & 255) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + (alpha === undefined ? 1 : alpha) + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // Markers (canvas)
  // ---------------------------------------------------------------------------------------------
  function marker(ctx, symbol, x, y, r, colour) {
    ctx.beginPath();
    if (symbol === "star") {
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 ? r * 0.45 : r;
        ctx[i ? "lineTo" : "moveTo"](x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
    } else if (symbol && symbol.startsWith("diamond")) {
      ctx.moveTo(x, y - r); ctx.lineTo(x + r * 0.75, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r * 0.75, y);
    } else {
      ctx.arc(x, y, r * 0.6, 0, 2 * Math.PI);
    }
    ctx.closePath();
    if (!(symbol || "").endsWith("-open")) { ctx.fillStyle = colour; ctx.fill(); ctx.strokeStyle = "#000"; }
    else ctx.strokeStyle = colour;
    ctx.stroke();
  }

  function swatch(sw) {
    const c = document.createElement("canvas"), px = root.devicePixelRatio || 1, w = 26, h = 12;
    c.width = w * px; c.height = h * px; c.style.width = w + "px"; c.style.height = h + "px";
    c.className = "pp-swatch"; c.setAttribute("aria-hidden", "true");
    const ctx = c.getContext("2d");
    if (!ctx) return c;
    ctx.scale(px, px);
    if (sw.kind === "line") {
      ctx.strokeStyle = sw.colour; ctx.lineWidth = Math.min(sw.width || 2, 3);
      if (DASHES[sw.dash]) ctx.setLineDash(DASHES[sw.dash]);
      ctx.beginPath(); ctx.moveTo(1, h / 2); ctx.lineTo(w - 1, h / 2); ctx.stroke();
    } else if (sw.kind === "point") {
      ctx.lineWidth = 1; marker(ctx, sw.symbol, w / 2, h / 2, 5.5, sw.colour);
    } else {
      ctx.fillStyle = rgba(sw.colour, sw.alpha); ctx.fillRect(1, 1, w - 2, h - 2);
    }
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // One figure
  // ---------------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.appendChild(typeof text === "string" ? document.createTextNode(text) : text);
    return e;
  }

  /** Draw `spec` into `box` (replacing a previous drawing there). Returns a handle: {uplot, spec, view, setView(i),
   *  setGroup(group, show), reset(), destroy()}; box.planePlot is the same handle. */
  function render(box, spec, options) {
    if (typeof root.uPlot !== "function") throw new Error("uPlot is not loaded (_static/uplot/uPlot.iife.min.js)");
    options = options || {};
    const prev = box.planePlot;
    const hidden = options.keepState && prev ? prev.hidden : {};   // legend state kept across live redraws
    if (prev) prev.destroy();
    box.replaceChildren();
    box.classList.add("pp");
    const scale = spec.scale || 1;
    const x = decode(spec.x.data, undefined, scale), n = x.length;
    const arrays = (spec.arrays || []).map(a => decode(a, n, scale));
    const views = spec.views;
    const X0 = spec.x.range[0], X1 = spec.x.range[1], Y0 = spec.y.range[0], Y1 = spec.y.range[1];

    const bar = el("div", "pp-bar");
    let menu = null;
    if (views.length > 1) {
      menu = el("select", "pp-menu");
      menu.setAttribute("aria-label", spec.menu_label || "model");
      views.forEach((v, i) => { const o = el("option", null, plain(v.label)); o.value = String(i); menu.appendChild(o); });
      const lab = el("label", "pp-menu-label", (spec.menu_label || "model") + " ");
      lab.appendChild(menu);
      bar.appendChild(lab);
    }
    const resetBtn = el("button", "pp-reset", "Reset zoom");
    resetBtn.type = "button";
    bar.appendChild(resetBtn);
    bar.appendChild(el("span", "pp-hint", "Drag a box to zoom, double-click to reset; click a legend entry to show or hide it."));
    const title = el("div", "pp-title");
    const frame = el("div", "pp-frame");
    const ytitle = el("div", "pp-ytitle", rich(spec.y.title)), plot = el("div", "pp-plot"), xtitle = el("div", "pp-xtitle", rich(spec.x.title));
    frame.append(ytitle, plot, xtitle);
    const legend = el("div", "pp-legend");
    legend.setAttribute("role", "group"); legend.setAttribute("aria-label", "legend: click an entry to show or hide it");
    const tip = el("div", "pp-tip"); tip.hidden = true; tip.setAttribute("role", "status");
    const dot = el("div", "pp-dot"); dot.hidden = true;
    box.append(bar, title, frame, legend);

    const handle = { spec, hidden, view: 0, uplot: null, box };
    let items = [], seriesOf = [], points = [];

    const groupOf = it => (it.group !== undefined ? it.group : it.name);
    /** The legend of a view: one entry per group, from its first named item (physics.viz.interactive.legend). */
    function legendOf(view) {
      const out = [], seen = new Set();
      for (const it of view.items) {
        const g = groupOf(it);
        if (it.name === undefined || seen.has(g)) continue;
        seen.add(g);
        out.push({ label: it.name, group: g, show: it.show !== false,
                   swatch: Object.assign({ kind: it.kind === "band" ? "fill" : it.kind, colour: it.colour, alpha: it.alpha,
                                           dash: it.dash, width: it.width, symbol: it.symbol }, it.swatch || {}) });
      }
      return out;
    }
    function shown(group, entries) {
      if (group in hidden) return !hidden[group];
      const e = entries.find(x => x.group === group);
      return e ? e.show : true;
    }
    /** Pointwise minimum of several curves (null where none is defined). */
    function minOf(list) {
      return x.map((_, i) => {
        let m = null;
        for (const a of list) { const v = a[i]; if (typeof v === "number" && (m === null || v < m)) m = v; }
        return m;
      });
    }

    function size() {
      const w = Math.max(200, Math.floor(plot.clientWidth || box.clientWidth || 600));
      const h = spec.height ? Math.min(spec.height, Math.max(300, Math.round(w * 0.85))) : Math.round(w * 0.7);
      return { width: w, height: h };
    }

    function drawPoints(u) {
      const ctx = u.ctx, px = root.uPlot.pxRatio || 1, b = u.bbox;
      ctx.save();
      ctx.beginPath(); ctx.rect(b.left, b.top, b.width, b.height); ctx.clip();
      for (const p of points) {
        if (!p.visible) continue;
        const cx = u.valToPos(p.x, "x", true), cy = u.valToPos(p.y, "y", true);
        ctx.lineWidth = 1.2 * px; ctx.strokeStyle = "#000";
        if (p.err) {
          const y0 = u.valToPos(p.err[0], "y", true), y1 = u.valToPos(p.err[1], "y", true), cap = 5 * px;
          ctx.beginPath();
          ctx.moveTo(cx, y0); ctx.lineTo(cx, y1);
          ctx.moveTo(cx - cap, y0); ctx.lineTo(cx + cap, y0); ctx.moveTo(cx - cap, y1); ctx.lineTo(cx + cap, y1);
          ctx.stroke();
        }
        marker(ctx, p.symbol, cx, cy, (p.size || 8) * px, p.colour);
      }
      ctx.restore();
    }

    function hideTip() { tip.hidden = true; dot.hidden = true; }
    function showTip(u, hit) {
      tip.replaceChildren();
      tip.appendChild(el("div", "pp-tip-name", rich(hit.name)));
      const mx = el("div", null, rich("m<sub>X</sub> = ")); mx.appendChild(number(hit.x)); mx.appendChild(document.createTextNode(" GeV"));
      const gx = el("div", null, rich("g<sub>X</sub> = ")); gx.appendChild(number(hit.y));
      tip.append(mx, gx);
      tip.hidden = false; dot.hidden = false;
      dot.style.left = hit.px + "px"; dot.style.top = hit.py + "px"; dot.style.borderColor = hit.colour;
      const W = u.over.clientWidth, H = u.over.clientHeight;
      tip.style.left = (hit.px + 12 + tip.offsetWidth > W ? Math.max(0, hit.px - 12 - tip.offsetWidth) : hit.px + 12) + "px";
      tip.style.top = Math.min(Math.max(0, hit.py - tip.offsetHeight - 8), Math.max(0, H - tip.offsetHeight)) + "px";
    }
    /** The curve or point nearest to the cursor (within 20 px vertically / 14 px for points), or null. */
    function nearest(u) {
      const { left, top, idx } = u.cursor;
      if (left === undefined || left === null || left < 0 || idx === null || idx === undefined) return null;
      let best = null;
      for (const p of points) {
        if (!p.visible) continue;
        const px = u.valToPos(p.x, "x"), py = u.valToPos(p.y, "y"), d = Math.hypot(px - left, py - top);
        if (d <= 14 && (!best || d < best.d)) best = { d: d - 100, name: p.name, x: p.x, y: p.y, px, py, colour: p.colour };
      }
      if (best) return best;
      items.forEach((it, k) => {
        if (it.kind !== "line") return;
        const s = seriesOf[k][0];
        if (!u.series[s].show) return;
        const v = u.data[s][idx];
        if (typeof v !== "number") return;
        const py = u.valToPos(v, "y"), d = Math.abs(py - top);
        if (d <= 20 && (!best || d < best.d)) best = { d, name: it.name, x: x[idx], y: v, px: u.valToPos(x[idx], "x"), py, colour: it.colour };
      });
      return best;
    }

    function build(vi) {
      if (handle.uplot) { handle.uplot.destroy(); handle.uplot = null; }
      hideTip();
      const view = views[vi];
      handle.view = vi;
      title.replaceChildren(rich(view.title || ""));
      title.hidden = !view.title;
      items = view.items; seriesOf = []; points = [];
      const series = [{}], data = [x], bands = [], entries = legendOf(view);
      const addSeries = (s, arr) => { series.push(Object.assign({ points: { show: false }, spanGaps: false }, s)); data.push(arr); return series.length - 1; };
      items.forEach(it => {
        const vis = shown(groupOf(it), entries);
        if (it.kind === "line") {
          seriesOf.push([addSeries({ label: plain(it.name), stroke: it.colour, width: it.width || 2, dash: DASHES[it.dash] || undefined, show: vis }, arrays[it.y])]);
        } else if (it.kind === "fill") {
          const to = it.to === "top" ? (u => u.scales.y.max) : (u => u.scales.y.min);
          const y = it.min_of ? minOf(it.min_of.map(k => arrays[k])) : arrays[it.y];
          seriesOf.push([addSeries({ stroke: "rgba(0,0,0,0)", width: 0, fill: rgba(it.colour, it.alpha), fillTo: to, show: vis }, y)]);
        } else if (it.kind === "band") {
          const hi = addSeries({ stroke: "rgba(0,0,0,0)", width: 0, show: vis }, arrays[it.hi]);
          const lo = addSeries({ stroke: "rgba(0,0,0,0)", width: 0, show: vis }, arrays[it.lo]);
          bands.push({ series: [hi, lo], fill: rgba(it.colour, it.alpha) });
          seriesOf.push([hi, lo]);
        } else if (it.kind === "point") {
          points.push(Object.assign({ visible: vis }, it));
          seriesOf.push([]);
        } else {
          seriesOf.push([]);
        }
      });
      const axis = { stroke: "#333", grid: { stroke: "rgba(0,0,0,0.09)", width: 1, filter: decadeGrid },
                     ticks: { stroke: "rgba(0,0,0,0.35)", width: 1, size: 5 }, values: logTicks, font: "12px system-ui, sans-serif" };
      const opts = Object.assign(size(), {
        mode: 1, legend: { show: false }, bands,
        scales: { x: { distr: 3, log: 10, auto: false, range: keepRange("x") },
                  y: { distr: 3, log: 10, auto: false, range: keepRange("y") } },
        axes: [Object.assign({}, axis, { size: 36 }), Object.assign({}, axis, { size: 52 })],
        series,
        cursor: { drag: { x: true, y: true, uni: 40, setScale: true }, points: { show: false }, focus: { prox: -1 },
                  bind: { dblclick: () => () => { reset(); return null; } } },
        hooks: { draw: [drawPoints], setCursor: [u => { const hit = nearest(u); if (hit) showTip(u, hit); else hideTip(); }],
                 setSelect: [() => hideTip()],
                 setScale: [(u, key) => { const sc = u.scales[key]; if (valid(sc.min, sc.max)) current[key] = [sc.min, sc.max]; }] },
      });
      const u = new root.uPlot(opts, data, plot);
      u.over.append(dot, tip);
      u.over.addEventListener("mouseleave", hideTip);
      handle.uplot = u;
      reset();
      // the legend: one button per entry
      legend.replaceChildren();
      entries.forEach(entry => {
        const b = el("button", "pp-entry");
        b.type = "button";
        b.appendChild(swatch(entry.swatch));
        b.appendChild(rich(entry.label));
        const on = shown(entry.group, entries);
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.dataset.group = entry.group;
        b.addEventListener("click", () => handle.setGroup(entry.group, b.getAttribute("aria-pressed") !== "true"));
        legend.appendChild(b);
      });
      box.dataset.view = String(vi);
    }

    // The axes' ranges: set by the spec, a drag (zoom) or reset only.  uPlot re-ranges its scales when a series is
    // shown or hidden; for these fixed (non-auto) log scales it would pass no values, so the current range is kept.
    const current = { x: [X0, X1], y: [Y0, Y1] };
    const valid = (a, b) => typeof a === "number" && typeof b === "number" && a > 0 && b > a && Number.isFinite(b);
    function keepRange(key) { return (u, a, b) => (valid(a, b) ? [a, b] : current[key].slice()); }

    function reset() {
      const u = handle.uplot;
      if (!u) return;
      u.batch(() => { u.setScale("x", { min: X0, max: X1 }); u.setScale("y", { min: Y0, max: Y1 }); });
    }

    handle.setGroup = (group, on) => {
      hidden[group] = !on;
      const u = handle.uplot;
      u.batch(() => items.forEach((it, k) => {
        if (groupOf(it) !== group) return;
        for (const s of seriesOf[k]) u.setSeries(s, { show: on });
      }));
      points.forEach(p => { if (groupOf(p) === group) p.visible = on; });
      u.redraw(false, false);
      legend.querySelectorAll("button.pp-entry").forEach(b => { if (b.dataset.group === group) b.setAttribute("aria-pressed", on ? "true" : "false"); });
      hideTip();
    };
    handle.setView = i => { build(i); if (menu) menu.value = String(i); };
    handle.reset = reset;
    handle.destroy = () => { if (ro) ro.disconnect(); if (handle.uplot) handle.uplot.destroy(); handle.uplot = null; };
    handle.hidden = hidden;

    resetBtn.addEventListener("click", reset);
    if (menu) menu.addEventListener("change", () => build(Number(menu.value)));
    let ro = null;
    if (root.ResizeObserver) {
      let lastW = 0;
      ro = new ResizeObserver(() => {
        const s = size();
        if (handle.uplot && Math.abs(s.width - lastW) > 1) { lastW = s.width; handle.uplot.setSize(s); }
      });
      ro.observe(plot);
    }
    box.planePlot = handle;
    build(0);
    box.dataset.drawn = "true";
    return handle;
  }

  /** Every <div class="u1x-figure" data-figure="ID"> of the page, with its spec from <script type="application/json" id="ID">. */
  function init() {
    document.querySelectorAll(".u1x-figure[data-figure]").forEach(box => {
      try {
        const src = document.getElementById(box.dataset.figure);
        if (!src) throw new Error("figure data #" + box.dataset.figure + " missing");
        render(box, JSON.parse(src.textContent));
      } catch (err) {
        box.dataset.drawn = "false";
        box.replaceChildren(el("p", "pp-error", "This interactive figure could not be drawn: " + err.message));
        console.error("planeplot: figure #" + box.id + ": " + err.message);
      }
    });
  }

  root.PlanePlot = { render, decode, init };
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
  }
})(typeof window !== "undefined" ? window : globalThis);

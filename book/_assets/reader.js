/* reader.js -- small reader-facing behaviour for every page (book/_ext/reader_pages.py adds it).
   1. Figures: click a figure's image to see it enlarged (Escape or a click closes it); the enlarged view links the
      full-resolution file.
   2. Tables that do not fit their column are shown stacked, one card per row (CSS: table.stacked).
   3. The ledger's status filter: buttons [data-ledger-filter] show only the rows of one status.
   4. Search excerpts: equations are left out and inline math is shown as text, not as raw TeX. */
(function () {
  "use strict";

  function enlarge(img, href) {
    const box = document.createElement("div");
    box.className = "figure-lightbox";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Enlarged figure");
    const bar = document.createElement("div");
    bar.className = "figure-lightbox-bar";
    bar.innerHTML = '<span>Scroll or pinch to zoom; Esc or click to close</span>';
    const link = document.createElement("a");
    link.href = href; link.textContent = "open the image file"; link.target = "_blank";
    bar.appendChild(link);
    const big = document.createElement("img");
    big.src = href; big.alt = img.alt;
    box.append(bar, big);
    const close = (e) => { if (e.target === link) return; box.remove(); document.removeEventListener("keydown", esc); };
    const esc = (e) => { if (e.key === "Escape") close(e); };
    box.addEventListener("click", close);
    document.addEventListener("keydown", esc);
    document.body.appendChild(box);
  }

  function figures() {
    document.querySelectorAll("figure img, div.cell_output img").forEach((img) => {
      if (img.closest("a")) return;
      const a = document.createElement("a");
      a.className = "figure-enlarge";
      a.href = img.getAttribute("src");
      a.title = "Click to enlarge";
      img.replaceWith(a);
      a.appendChild(img);
      a.addEventListener("click", (e) => { e.preventDefault(); enlarge(img, a.href); });
    });
  }

  // A stacked cell starts with its column's name: a copy of the header cell's nodes (so math in a header shows as
  // typeset math, not as its TeX), made once, after MathJax has typeset the headers.
  function labelCells(t) {
    const heads = [...t.querySelectorAll("thead th")];
    if (t.dataset.labelled || heads.some((th) => th.querySelector(".math") && !th.querySelector("mjx-container"))) return;
    t.querySelectorAll("tbody tr").forEach((tr) => {
      [...tr.children].forEach((td, i) => {
        if (!heads[i] || !heads[i].textContent.trim() && !heads[i].querySelector("mjx-container")) return;
        const label = document.createElement("span");
        label.className = "stack-label";
        label.setAttribute("aria-hidden", "true");  // a screen reader reads the table's own header
        heads[i].childNodes.forEach((n) => label.appendChild(n.cloneNode(true)));
        label.append(": ");
        td.insertBefore(label, td.firstChild);
      });
    });
    t.dataset.labelled = "1";
  }

  // Which tables to stack is decided for all tables at once: every table is measured unstacked (one forced layout of
  // the page), then the classes are set. Measuring and re-classing table by table forced a layout per table (this
  // script's own time on ch. 5 at 390 px: 0.38 -> 0.11 s; the page's total main-thread time changed little, since
  // the browser does most of that layout anyway).
  function stackTables() {
    const tables = [...document.querySelectorAll("article table:not(.ledger)")].filter((t) => t.querySelector("thead th"));
    tables.forEach((t) => t.classList.remove("stacked"));
    const wide = tables.map((t) => {
      const box = t.closest(".pst-scrollable-table-container") || t.parentElement;
      return t.scrollWidth > box.clientWidth + 1;
    });
    tables.forEach((t, i) => {
      if (!wide[i]) return;
      t.classList.add("stacked");
      labelCells(t);
    });
  }

  // Run `fn` once MathJax has typeset the page (at once on a page without MathJax). This script is deferred and runs
  // before MathJax's startup.js, so MathJax.startup may not exist yet: then wait for the load event and look again.
  function whenTypeset(fn) {
    const mj = window.MathJax;
    if (mj && mj.startup && mj.startup.promise) mj.startup.promise.then(fn, fn);
    else if (mj && document.readyState !== "complete") window.addEventListener("load", () => whenTypeset(fn), {once: true});
    else fn();
  }

  function ledgerFilter() {
    document.querySelectorAll("[data-ledger-filter]").forEach((button) => {
      button.addEventListener("click", () => {
        const status = button.dataset.ledgerFilter;
        const group = button.closest(".status-counts");
        const active = button.classList.contains("active") || status === "all";
        group.querySelectorAll("button").forEach((b) => b.classList.remove("active"));
        if (!active) button.classList.add("active");
        document.querySelectorAll("table.ledger.filterable tbody tr").forEach((tr) => {
          tr.hidden = !active && tr.dataset.status !== status;
        });
      });
    });
  }

  const GREEK = {alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η",
    theta: "θ", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ",
    phi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ", Lambda: "Λ", Sigma: "Σ", Phi: "Φ", Psi: "Ψ",
    Omega: "Ω", to: "→", rightarrow: "→", times: "×", le: "≤", leq: "≤", ge: "≥", geq: "≥", simeq: "≃",
    approx: "≈", sim: "∼", lesssim: "≲", gtrsim: "≳", pm: "±", ell: "ℓ", infty: "∞", partial: "∂", sum: "Σ",
    cdot: "·", ll: "≪", gg: "≫", neq: "≠", ne: "≠", sqrt: "√", quad: " ", qquad: " "};

  function texToText(tex) {
    return tex.replace(/\\[()[\]]/g, "")
      .replace(/\\(?:mathcal|mathrm|mathscr|text|rm|mathbf|boldsymbol|operatorname|overline|bar|tilde|hat)\b/g, "")
      .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, "$1/$2")
      .replace(/\\([A-Za-z]+)/g, (m, name) => GREEK[name] !== undefined ? GREEK[name] : "")
      .replace(/\\[,;!: ]/g, " ")
      .replace(/[_^]/g, "").replace(/[{}]/g, "").replace(/\s+/g, " ").trim();
  }

  function searchExcerpts() {
    // searchtools.js declares `const Search` (a global binding, not a property of window)
    const S = typeof Search !== "undefined" ? Search : null;  // eslint-disable-line no-undef
    if (!S || typeof S.htmlToText !== "function" || S._readerPatched) return;
    const original = S.htmlToText;
    S.htmlToText = function (htmlString, anchor) {
      const doc = new DOMParser().parseFromString(htmlString, "text/html");
      doc.querySelectorAll("div.math, .cell_input, .cell_output pre, nav, .bd-toc, .bd-sidebar-secondary, .header-article, .prev-next-area")
        .forEach((el) => el.remove());
      doc.querySelectorAll("span.math").forEach((el) => el.replaceWith(doc.createTextNode(texToText(el.textContent))));
      return original.call(this, doc.documentElement.outerHTML, anchor);
    };
    S._readerPatched = true;
  }

  function ready() {
    figures();
    stackTables();        // before MathJax: wide tables are stacked from the first paint on a phone
    ledgerFilter();
    searchExcerpts();
    whenTypeset(stackTables);   // once more with the typeset math (its widths differ from the TeX source's)
    let t = null;
    window.addEventListener("resize", () => { clearTimeout(t); t = setTimeout(stackTables, 150); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();

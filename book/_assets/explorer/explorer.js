/*
 * "Your own U(1)_X" -- the book's static explorer (notebooks/11_explorer.md, section "Your own U(1)_X in the browser").
 *
 * What it does: reads the charges alpha_B, alpha_e, alpha_mu, alpha_tau (exact rationals), an anomalon family of
 * Appendix A and a point (m_X, g_X) from the form or the URL query, and recomputes the explorer's outputs in the
 * browser.  It does NOT re-implement the rates or the limits: it RESCALES the universal curves that the Python package
 * exported (window.U1X_UNIVERSAL, written by physics.viz.universal.write_universal_curves into universal_curves.js).
 * The reference is `python -m physics explore ... --json` (physics/pheno/explorer.py); scripts/explorer_check.py
 * checks in a real browser that the page's result (JSON in <script id="explorer-result">) equals it.
 *
 * Where each formula comes from (arXiv:2603.04394 unless stated):
 *   alpha_{B+L} = alpha_B + (alpha_e + alpha_mu + alpha_tau)/3                        Eq. (2.7)
 *   SM parts of (2.2)-(2.6): sum alpha_i, sum alpha_i^3, +-(3/2) alpha_{B+L}, 0          Eqs. (2.2)-(2.6)
 *   anomalon parts: sum n X, n X^3, T(n) X (T = n(n^2-1)/12), n Y^2 X, n Y X^2 over the
 *     left-handed fields of the family                                                 Eqs. (2.2)-(2.6)
 *   families: (A.6) x = 3a/(m(m-1)^2): (2m-1, 0, -x), (m, +-(m-1)/2, x);
 *             (A.11) c = 3a/(m(m+1)): (m+1, +-m/2, +-S - c), (m, +-(m+1)/2, +-S + c)      App. A, a = alpha_{B+L}
 *   Witten: the number of SU(2) multiplets with n = 4l+2 must be even                   Sec. 2.2
 *   singlets N_R for (2.2)/(2.3): exact search with <= 3 rational charges, the same
 *     algorithm as physics.pheno.explorer.singlet_solution                              Sec. 2.2 (iv)
 *   A_XWW^SM = -3 alpha_{B+L}, A_XYY^SM = +3 alpha_{B+L}                                  Eq. (3.2)
 *   BR(channel) = (g_X A_XWW^SM)^2 r(m_X); Z -> gamma X scales with
 *     (c_W^2 A_XWW - s_W^2 A_XYY)^2 (r is exported for A_XYY = -A_XWW)                   Eqs. (3.9)-(3.14)
 *   B(X -> E_miss) = Gamma(nu nubar) / Gamma_total with Gamma(nu_i nubar_i) ~ a_i^2/2,
 *     Gamma(l_i l_i) ~ a_i^2 beta (1 + 2 m_i^2/m^2), Gamma(hadrons) ~ alpha_B^2 R_B(m)
 *     (all x g_X^2 m/(12 pi)); R_B from the exported VMD knots below 2 GeV
 *     (arXiv:1801.04847), N_c x_q^2 beta (1 + 2 m_q^2/m^2) with x_q = 1/3 above        Eq. (3.28) generalised
 *   g_X,max = sqrt(BR_lim / (B(X -> E_miss) r)) / |A_XWW^SM|                             the recast (chapter)
 *   direct line g_X < y m_X/(100 GeV); naturalness line g_X > y m_X/(sqrt(Delta) TeV)  Sec. 3.3
 *   naturalness bound of the family: exported per (family, m), book's reading of        Eq. (2.9)
 *
 * Safety: the URL query is untrusted data.  Values are parsed as numbers/rationals and written with textContent or
 * DOM nodes only (never innerHTML); the result JSON goes into a <script type="application/json"> element.
 */
(function (root) {
  "use strict";

  // ---------------------------------------------------------------------------------------------
  // Exact rationals (BigInt)
  // ---------------------------------------------------------------------------------------------
  function bgcd(a, b) { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) { const t = a % b; a = b; b = t; } return a; }

  class Frac {
    constructor(n, d) {
      n = BigInt(n); d = d === undefined ? 1n : BigInt(d);
      if (d === 0n) throw new Error("division by zero");
      if (d < 0n) { n = -n; d = -d; }
      const g = bgcd(n, d) || 1n;
      this.n = n / g; this.d = d / g;
    }
    static of(x) { return x instanceof Frac ? x : new Frac(x); }
    add(o) { o = Frac.of(o); return new Frac(this.n * o.d + o.n * this.d, this.d * o.d); }
    sub(o) { o = Frac.of(o); return new Frac(this.n * o.d - o.n * this.d, this.d * o.d); }
    mul(o) { o = Frac.of(o); return new Frac(this.n * o.n, this.d * o.d); }
    div(o) { o = Frac.of(o); return new Frac(this.n * o.d, this.d * o.n); }
    neg() { return new Frac(-this.n, this.d); }
    abs() { return new Frac(this.n < 0n ? -this.n : this.n, this.d); }
    pow(k) { let r = new Frac(1n); for (let i = 0; i < k; i++) r = r.mul(this); return r; }
    isZero() { return this.n === 0n; }
    cmp(o) { o = Frac.of(o); const x = this.n * o.d - o.n * this.d; return x < 0n ? -1 : x > 0n ? 1 : 0; }
    eq(o) { return this.cmp(o) === 0; }
    toNumber() { return Number(this.n) / Number(this.d); }
    toString() { return this.d === 1n ? this.n.toString() : this.n.toString() + "/" + this.d.toString(); }
  }

  /** A rational from text: "1", "-1/3", "0.5", "+2".  Returns a Frac or throws Error with a reader's message. */
  function parseRational(text, what) {
    const t = String(text === undefined || text === null ? "" : text).trim();
    let m = /^([+-]?\d{1,30})\s*\/\s*(\d{1,30})$/.exec(t);
    if (m) {
      if (BigInt(m[2]) === 0n) throw new Error(what + ": division by zero in '" + t + "'");
      return new Frac(BigInt(m[1]), BigInt(m[2]));
    }
    m = /^([+-]?)(\d{0,30})(?:\.(\d{1,30}))?$/.exec(t);
    if (m && (m[2] || m[3])) {
      const frac = m[3] || "";
      const n = BigInt((m[2] || "0") + frac) * (m[1] === "-" ? -1n : 1n);
      return new Frac(n, 10n ** BigInt(frac.length));
    }
    throw new Error(what + ": '" + t.slice(0, 40) + "' is not a rational number (write e.g. 1, -1/3 or 0.5)");
  }

  function bisqrt(n) { // floor(sqrt(n)) for BigInt n >= 0
    if (n < 2n) return n;
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (x * x > n) x -= 1n;
    while ((x + 1n) * (x + 1n) <= n) x += 1n;
    return x;
  }
  function rationalSqrt(q) {
    if (q.n < 0n) return null;
    const a = bisqrt(q.n), b = bisqrt(q.d);
    return (a * a === q.n && b * b === q.d) ? new Frac(a, b) : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Model algebra: Eqs. (2.2)-(2.7), (3.2), App. A families, singlets
  // ---------------------------------------------------------------------------------------------
  const CONDITIONS = ["2.2", "2.3", "2.4", "2.5", "2.6"];

  function familyFields(name, m, a, shift) {
    if (name === "A.6") {
      const x = new Frac(3n).mul(a).div(new Frac(BigInt(m) * BigInt(m - 1) * BigInt(m - 1)));
      const y = new Frac(BigInt(m - 1), 2n);
      return [[2 * m - 1, new Frac(0n), x.neg()], [m, y, x], [m, y.neg(), x]];
    }
    if (name === "A.11") {
      const c = new Frac(3n).mul(a).div(new Frac(BigInt(m) * BigInt(m + 1)));
      const S = shift;
      return [[m + 1, new Frac(BigInt(m), 2n), S.sub(c)], [m + 1, new Frac(-BigInt(m), 2n), S.neg().sub(c)],
              [m, new Frac(BigInt(m + 1), 2n), S.add(c)], [m, new Frac(-BigInt(m + 1), 2n), S.neg().add(c)]];
    }
    return [];
  }

  function anomalyTerms(fields) {
    const t = {}; CONDITIONS.forEach(k => { t[k] = new Frac(0n); });
    for (const [n, Y, X] of fields) {
      const N = new Frac(BigInt(n)), T = new Frac(BigInt(n) * BigInt(n * n - 1), 12n);
      t["2.2"] = t["2.2"].add(N.mul(X));
      t["2.3"] = t["2.3"].add(N.mul(X.pow(3)));
      t["2.4"] = t["2.4"].add(T.mul(X));
      t["2.5"] = t["2.5"].add(N.mul(Y).mul(Y).mul(X));
      t["2.6"] = t["2.6"].add(N.mul(Y).mul(X).mul(X));
    }
    return t;
  }

  function twoSinglets(s, c) {
    if (s.isZero()) return null;
    const p = s.pow(3).sub(c).div(s.mul(3n));
    const r = rationalSqrt(s.mul(s).sub(p.mul(4n)));
    if (r === null) return null;
    return [s.sub(r).div(2n), s.add(r).div(2n)].sort((x, y) => x.cmp(y));
  }

  /** physics.pheno.explorer.singlet_solution: <= 3 rational X with sum X = s, sum X^3 = c, or null. */
  function singletSolution(s, c) {
    if (s.isZero() && c.isZero()) return [];
    if (s.pow(3).eq(c)) return [s];
    const two = twoSinglets(s, c);
    if (two) return two;
    const as = s.abs(), ceil = (as.n + as.d - 1n) / as.d;
    const span = ceil * 2n > 2n ? ceil * 2n : 2n;
    // the same work bound as physics.validate.SINGLET_CANDIDATES_MAX: beyond it the search is not run (null)
    if (6n * 7n * span + 6n > 10000n) return null;
    const seen = new Map();
    for (let q = 1n; q <= 6n; q++) for (let k = -span * q; k <= span * q; k++) {
      const t = new Frac(k, q); seen.set(t.toString(), t);
    }
    const cands = [...seen.values()].sort((x, y) => (x.d < y.d ? -1 : x.d > y.d ? 1 : 0) || x.abs().cmp(y.abs())
                                               || ((x.n < 0n ? 1 : 0) - (y.n < 0n ? 1 : 0)));
    for (const t of cands) {
      const tw = twoSinglets(s.sub(t), c.sub(t.pow(3)));
      if (tw) return tw.concat([t]).sort((x, y) => x.cmp(y));
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Universal curves: interpolation and rescaling
  // ---------------------------------------------------------------------------------------------
  function search(xs, x) { // last index i with xs[i] <= x (-1 if x < xs[0])
    let lo = -1, hi = xs.length;
    while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (xs[mid] <= x) lo = mid; else hi = mid; }
    return lo;
  }
  function npInterp(x, xp, fp) { // numpy.interp (linear; edge values outside)
    if (x <= xp[0]) return fp[0];
    const n = xp.length;
    if (x >= xp[n - 1]) return fp[n - 1];
    const j = search(xp, x);
    if (xp[j] === x) return fp[j];
    const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    return slope * (x - xp[j]) + fp[j];
  }

  function makeModel(U) {
    const C = U.constants, grid = U.grid.mX_GeV;
    const lnGrid = grid.map(Math.log);
    const chans = Object.keys(U.channels);

    /** r(m) of a channel: exact at grid points, 4-point Lagrange in ln m of the reduced curve between them. */
    function rate(ch, m) {
      const c = U.channels[ch], s = c.ln_reduced_rate, f = c.first, n = c.count, hi = c.range_GeV[1];
      const kin = c.endpoint_power * Math.log1p(-(m / hi) * (m / hi));
      let i = search(grid, m);
      let val;
      if (i >= f && i < f + n && grid[i] === m) {
        val = s[i - f];
      } else {
        let j = Math.min(Math.max(i - 1 - f, 0), n - 4);
        const x = Math.log(m);
        val = 0;
        for (let a = 0; a < 4; a++) {
          let L = 1;
          for (let b = 0; b < 4; b++) if (a !== b) L *= (x - lnGrid[f + j + b]) / (lnGrid[f + j + a] - lnGrid[f + j + b]);
          val += s[j + a] * L;
        }
      }
      return Math.exp(val + kin);
    }

    function brLimit(ch, m) {
      const lim = U.channels[ch].limit;
      if (!lim) return NaN;
      let best = NaN;
      for (const p of lim.pieces) {
        let v = NaN;
        if (p.kind === "curve") {
          for (const seg of p.segments) {
            const xs = seg.mX_GeV;
            if (m >= xs[0] && m <= xs[xs.length - 1]) v = Math.exp(npInterp(m, xs, seg.ln_BR));
          }
        } else if (m >= p.mX_min_GeV && (p.mX_max_GeV === null || m <= p.mX_max_GeV)) {
          v = p.BR;
        }
        if (!Number.isNaN(v)) best = Number.isNaN(best) ? v : Math.min(best, v);
      }
      return best;
    }

    function pairFactor(m, mass) {
      if (mass === 0) return 1;
      if (m < 2 * mass) return 0;
      const r = (mass / m) ** 2;
      return Math.sqrt(Math.max(1 - 4 * r, 0)) * (1 + 2 * r);
    }

    function baryonRatio(m) { // R_B(m), physics.pheno.hadrons.baryon_ratio
      if (m < C.vmd_match_GeV) return npInterp(m, U.hadrons.vmd_baryon.mX_GeV, U.hadrons.vmd_baryon.R_B);
      let out = 0;
      for (const q of Object.keys(C.quark_threshold_mass_GeV)) out += C.N_c * (1 / 3) ** 2 * pairFactor(m, C.quark_threshold_mass_GeV[q]);
      return out;
    }

    /** Decay fractions of X and B(X -> E_miss), Eq. (3.28) generalised (+ hadrons for alpha_B != 0). */
    function decays(m, al) {
      const lep = ["e", "mu", "tau"];
      const a2 = {}; lep.forEach(f => { a2[f] = al[f].toNumber() ** 2; });
      const inv = a2.e + a2.mu + a2.tau;
      let vis = 0, had = 0;
      lep.forEach(f => { if (a2[f] !== 0) vis += 2 * a2[f] * pairFactor(m, C.lepton_mass_GeV[f]); });
      if (!al.B.isZero()) had = 2 * al.B.toNumber() ** 2 * baryonRatio(m);
      const tot = inv + vis + had;
      if (!(tot > 0)) return { B: 1, fractions: null };
      return { B: inv / tot, fractions: { invisible: inv / tot, charged_leptons: vis / tot, hadrons: had / tot } };
    }

    function zFactor(A_WW, A_YY) { // (c_W^2 A_WW - s_W^2 A_YY)^2 / (c_W^2 + s_W^2)^2 relative to A_YY = -A_WW, A_WW = 1
      const v = (C.cw2 * A_WW - C.sw2 * A_YY) / (C.cw2 + C.sw2);
      return v * v;
    }
    function coupling2(ch, A_WW, A_YY) { return ch === "Z->gammaX" ? zFactor(A_WW, A_YY) : A_WW * A_WW; }

    function massRange(ch) { return U.channels[ch].range_GeV; }

    return { rate, brLimit, decays, baryonRatio, coupling2, massRange, chans, grid, C, U };
  }

  // ---------------------------------------------------------------------------------------------
  // The explorer (mirrors physics.pheno.explorer.explore for the page's inputs)
  // ---------------------------------------------------------------------------------------------
  function fmtRange(lo, hi) { return "(" + lo + ", " + Number(hi.toPrecision(4)) + ")"; }

  function compute(M, inp) {
    const U = M.U, C = M.C;
    const al = inp.alphas;
    const a = al.B.add(al.e.add(al.mu).add(al.tau).div(3n));
    const A_WW = a.mul(-3n), A_YY = a.mul(3n);
    const sm = { "2.2": al.e.add(al.mu).add(al.tau), "2.3": al.e.pow(3).add(al.mu.pow(3)).add(al.tau.pow(3)),
                 "2.4": a.mul(new Frac(3n, 2n)), "2.5": a.mul(new Frac(-3n, 2n)), "2.6": new Frac(0n) };
    const fields = inp.family ? familyFields(inp.family, inp.m, a, inp.shift) : [];
    const an = anomalyTerms(fields);
    const zero = {}; CONDITIONS.forEach(k => { zero[k] = new Frac(0n); });
    const total = {}; CONDITIONS.forEach(k => { total[k] = sm[k].add(an[k]); });
    const witten = fields.filter(f => f[0] % 4 === 2).length;
    const left = {}; CONDITIONS.forEach(k => { if (!total[k].isZero()) left[k] = total[k]; });
    const res = {
      alphas: { B: al.B, e: al.e, mu: al.mu, tau: al.tau }, alpha_BL: a,
      traces: { A_XWW_SM: A_WW, A_XYY_SM: A_YY },
      anomalies: { sm: sm, anomalons: an, singlets: zero, total: total, witten_count: witten, left: left,
                   anomaly_free: Object.keys(left).length === 0 && witten % 2 === 0 },
      witten_ok: witten % 2 === 0,
      suggestions: { singlets_needed: (total["2.2"].isZero() && total["2.3"].isZero()) ? null
                                      : singletSolution(total["2.2"], total["2.3"]) },
      naturalness_bound_TeV: inp.family ? U.families[inp.family].naturalness_bound_TeV[String(inp.m)] : null,
      family: inp.family ? { name: inp.family, m: inp.m, shift: inp.family === "A.11" ? inp.shift : null } : null,
      BR: {}, BR_Emiss: {}, BR_closed: {}, BR_unphysical: {}, gX_max: {}, gX_max_skipped: {}, B_invisible: null, X_decays: null,
      point: null, notes: [],
    };
    const Aww = A_WW.toNumber(), Ayy = A_YY.toNumber();
    const mX = inp.mX, gX = inp.gX;
    if (mX !== null) {
      const d = M.decays(mX, al);
      res.B_invisible = d.B; res.X_decays = d.fractions;
      for (const ch of M.chans) {
        const [lo, hi] = M.massRange(ch);
        if (!(lo < mX && mX < hi)) {
          res.BR_closed[ch] = res.gX_max_skipped[ch] = "kinematically closed: m_X must lie in " + fmtRange(lo, hi) + " GeV";
          continue;
        }
        const r = M.rate(ch, mX), k2 = M.coupling2(ch, Aww, Ayy);
        if (gX !== null) {
          const br = gX * gX * k2 * r;
          if (br <= 1) { res.BR[ch] = br; res.BR_Emiss[ch] = br * d.B; }
          else res.BR_unphysical[ch] = "BR > 1: this (m_X, g_X) is far outside the region where X is a small perturbation";
        }
        if (!U.channels[ch].limit) { res.gX_max_skipped[ch] = "no limit dataset (only BaBar best-fit bands in the shared data)"; continue; }
        if (a.isZero()) { res.gX_max_skipped[ch] = "α_B+L = 0: A_XWW^SM = A_XYY^SM = 0 (Eq. 3.2), no WZ-induced rate"; continue; }
        if (d.B === 0) { res.gX_max_skipped[ch] = "B(X -> E_miss) = 0 at this m_X: X decays only to visible final states"; continue; }
        const lim = M.brLimit(ch, mX);
        if (Number.isNaN(lim)) { res.gX_max_skipped[ch] = "no data of " + U.channels[ch].limit.dataset + " at this m_X"; continue; }
        res.gX_max[ch] = Math.sqrt(lim / (k2 * r * d.B));
      }
    }
    // the plane of Sec. 3.3 on the explorer's grid (exact grid points of the universal curves)
    const idx = U.grid.plane_index, pm = idx.map(i => M.grid[i]);
    const plane = { mX: pm, groups: {}, direct: {}, naturalness: {}, B_invisible: null, viable: null };
    if (!a.isZero()) {
      const binv = pm.map(m => M.decays(m, al).B);
      plane.B_invisible = binv;
      for (const [g, spec] of Object.entries(U.fig3_groups)) {
        plane.groups[g] = pm.map((m, j) => {
          let best = NaN;
          for (const ch of spec.channels) {
            const [lo, hi] = M.massRange(ch);
            if (!(lo < m && m < hi)) continue;
            const lim = M.brLimit(ch, m);
            if (Number.isNaN(lim)) continue;
            const br1 = M.coupling2(ch, Aww, Ayy) * M.rate(ch, m) * binv[j];
            const v = br1 > 0 ? Math.sqrt(lim / br1) : Infinity;
            best = Number.isNaN(best) ? v : Math.min(best, v);
          }
          return best;
        });
      }
      for (const y of C.y_direct) plane.direct[y === 1 ? "y=1" : "y=sqrt(4pi)"] = pm.map(m => y * m / C.m_psi_direct_GeV);
      for (const D of C.deltas) plane.naturalness["Delta=" + D] = pm.map(m => C.y_naturalness * m / (Math.sqrt(D) * C.TeV_GeV));
      const top = pm.map((m, j) => {
        let env = Infinity;
        for (const g of Object.keys(plane.groups)) { const v = plane.groups[g][j]; if (Number.isFinite(v) && v < env) env = v; }
        const dl = plane.direct[C.viable.direct][j];
        return Number.isFinite(env) ? Math.min(env, dl) : dl;
      });
      const low = plane.naturalness[C.viable.naturalness];
      const mask = pm.map((m, j) => low[j] < top[j]);
      const intervals = []; let start = null;
      mask.forEach((v, i) => {
        if (v && start === null) start = i;
        if (start !== null && (!v || i === mask.length - 1)) { intervals.push([pm[start], pm[v ? i : i - 1]]); start = null; }
      });
      plane.viable = { low, top, mask, intervals };
    }
    res.plane = plane;
    res.viable_intervals_GeV = plane.viable ? plane.viable.intervals : [];
    if (mX !== null && gX !== null) {
      const excluded = Object.keys(res.gX_max).filter(ch => gX > res.gX_max[ch]).sort();
      const pt = { mX_GeV: mX, gX: gX, excluded_by: excluded, m_Psi_per_unit_y_GeV: mX / gX };
      if (!a.isZero()) {
        pt.below_naturalness = gX < C.y_naturalness * mX / (Math.sqrt(100) * C.TeV_GeV);
        pt.above_direct = gX > C.y_naturalness * mX / C.m_psi_direct_GeV;
        pt.viable = excluded.length === 0 && !pt.below_naturalness && !pt.above_direct;
      } else {
        pt.viable = excluded.length === 0;
      }
      res.point = pt;
    }
    return res;
  }

  /** JSON form of a result, as physics.pheno.explorer.to_json: Fractions -> "p/q" strings, no plane arrays. */
  function toJSON(res) {
    const conv = v => {
      if (v instanceof Frac) return v.toString();
      if (Array.isArray(v)) return v.map(conv);
      if (v && typeof v === "object") { const o = {}; for (const k of Object.keys(v)) o[k] = conv(v[k]); return o; }
      if (typeof v === "number" && !Number.isFinite(v)) return null;
      return v;
    };
    const out = {};
    for (const k of Object.keys(res)) if (k !== "plane") out[k] = conv(res[k]);
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Input: URL query / form -> validated model, or a list of messages
  // ---------------------------------------------------------------------------------------------
  const PARAMS = ["alpha_B", "alpha_e", "alpha_mu", "alpha_tau", "family", "m", "shift", "mX", "gX"];
  const DEFAULTS = { alpha_B: "0", alpha_e: "0", alpha_mu: "0", alpha_tau: "1", family: "A.6", m: "3", shift: "0",
                     mX: "2.1", gX: "0.018" };

  /** The full page state from URL query values: a shared URL is the whole state, so what it leaves out is 0 (charges),
   *  none (family) or not given (m_X, g_X); an empty query gives the defaults (the paper's tau model at its best fit). */
  function fromQuery(given) {
    if (Object.keys(given).length === 0) return Object.assign({}, DEFAULTS);
    return Object.assign({ alpha_B: "0", alpha_e: "0", alpha_mu: "0", alpha_tau: "0", family: "none", m: "", shift: "0",
                           mX: "", gX: "" }, given);
  }

  function parsePositive(text, what) {
    const t = String(text).trim();
    if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/.test(t)) throw new Error(what + ": '" + t.slice(0, 40) + "' is not a positive number");
    const v = Number(t);
    if (!(v > 0) || !Number.isFinite(v)) throw new Error(what + " must be a positive finite number, got '" + t.slice(0, 40) + "'");
    return v;
  }

  function parseInput(raw, U) {
    const errors = [], inp = { alphas: {}, family: null, m: null, shift: new Frac(0n), mX: null, gX: null };
    const names = { alpha_B: ["B", "α_B"], alpha_e: ["e", "α_e"], alpha_mu: ["mu", "α_μ"], alpha_tau: ["tau", "α_τ"] };
    for (const [key, [k, label]] of Object.entries(names)) {
      try {
        const q = parseRational(raw[key], label);
        // physics.validate.CHARGE_MAX: user charges are p/q with |p|, q <= 10^6
        if (q.abs().n > 1000000n || q.d > 1000000n) throw new Error(label + ": numerator and denominator must be at most 10^6 in size");
        inp.alphas[k] = q;
      } catch (e) { errors.push(e.message); inp.alphas[k] = new Frac(0n); }
    }
    const fam = String(raw.family || "none").trim();
    if (fam !== "none" && fam !== "" && !(fam in U.families)) errors.push("family: '" + fam.slice(0, 20) + "' is not offered here (choose none, A.6 or A.11)");
    else if (fam in U.families) {
      inp.family = fam;
      const spec = U.families[fam], t = String(raw.m).trim();
      if (!/^\d{1,4}$/.test(t) || Number(t) < spec.m_min || Number(t) > spec.m_max) {
        errors.push("m of family " + fam + " must be an integer from " + spec.m_min + " to " + spec.m_max + ", got '" + t.slice(0, 20) + "'");
      } else inp.m = Number(t);
      if (fam === "A.11") { try { inp.shift = parseRational(raw.shift, "shift S of (A.11)"); } catch (e) { errors.push(e.message); } }
    }
    const mxText = String(raw.mX === undefined ? "" : raw.mX).trim();
    if (mxText !== "") {
      try {
        const m = parsePositive(mxText, "m_X");
        const zmax = Math.max(...Object.values(U.channels).map(c => c.range_GeV[1]));
        const gmin = U.grid.mX_GeV[0];
        if (m >= zmax) errors.push("m_X = " + m + " GeV lies outside every channel: the heaviest, Z → γX, needs m_X < m_Z = " + zmax + " GeV");
        else if (m < gmin) errors.push("m_X = " + m + " GeV lies below the exported curves (m_X ≥ " + gmin + " GeV)");
        else inp.mX = m;
      } catch (e) { errors.push(e.message); }
    }
    const gxText = String(raw.gX === undefined ? "" : raw.gX).trim();
    if (gxText !== "") {
      try {
        inp.gX = parsePositive(gxText, "g_X");
        if (mxText === "") errors.push("g_X needs m_X");
        // physics.validate: g_X <= sqrt(4 pi), the perturbative benchmark of Sec. 3.3
        if (inp.gX > Math.sqrt(4 * Math.PI)) errors.push("g_X must be at most √(4π) ≈ 3.545 (perturbativity), got " + gxText.slice(0, 20));
      } catch (e) { errors.push(e.message); }
    }
    const al = inp.alphas;
    if (errors.length === 0 && al.B.isZero() && al.e.isZero() && al.mu.isZero() && al.tau.isZero()) {
      errors.push("all charges vanish: X = 0 is not a U(1)_X (give at least one nonzero α)");
    }
    const a = al.B.add(al.e.add(al.mu).add(al.tau).div(3n));
    if (errors.length === 0 && inp.family && a.isZero()) {
      errors.push("family " + inp.family + " needs α_B+L ≠ 0; these charges have α_B+L = 0 and need no electroweak anomalons (choose family: none)");
    }
    return { inp, errors };
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering (DOM nodes and textContent only)
  // ---------------------------------------------------------------------------------------------
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids) if (k !== null && k !== undefined) e.appendChild(typeof k === "string" ? tx(k) : k);
    return e;
  }
  /** Text with sub/superscripts as DOM nodes: "A_XWW^SM" -> A<sub>XWW</sub><sup>SM</sup>, "g_{X,max}" -> g<sub>X,max</sub>.
   *  Used for the page's own labels and messages (the reader never sees ASCII pseudo-TeX); built with text nodes only. */
  function tx(text) {
    const frag = document.createDocumentFragment(), re = /([A-Za-zα-ωΑ-Ω]+)_(\{[^}]*\}|[A-Za-z0-9+]+)(?:\^(\{[^}]*\}|[A-Za-z]+))?/g;
    const strip = t => (t && t[0] === "{" ? t.slice(1, -1) : t);
    let last = 0, m;
    text = String(text);
    while ((m = re.exec(text)) !== null) {
      frag.appendChild(document.createTextNode(text.slice(last, m.index) + m[1]));
      const sub = document.createElement("sub"); sub.textContent = strip(m[2]); frag.appendChild(sub);
      if (m[3]) { const sup = document.createElement("sup"); sup.textContent = strip(m[3]); frag.appendChild(sup); }
      last = re.lastIndex;
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    const span = document.createElement("span"); span.appendChild(frag);
    return span;
  }
  function sci(x, digits) { // a × 10^n as DOM nodes (no e-notation in the text)
    if (x === null || x === undefined || !Number.isFinite(x)) return document.createTextNode("—");
    if (x === 0) return document.createTextNode("0");
    const e = Math.floor(Math.log10(Math.abs(x)));
    if (e >= -2 && e <= 3) return document.createTextNode(String(Number(x.toPrecision(digits || 3))));
    let mant = Number((x / 10 ** e).toPrecision(digits || 3)), ex = e;
    if (Math.abs(mant) >= 10) { mant /= 10; ex += 1; }
    const s = el("span", {}, String(mant) + " × 10"); s.appendChild(el("sup", {}, String(ex)));
    return s;
  }
  function table(headers, rows) {
    const t = el("table", { class: "u1x-table" });
    t.appendChild(el("thead", {}, el("tr", {}, ...headers.map(h => el("th", {}, h)))));
    const tb = el("tbody");
    rows.forEach(r => tb.appendChild(el("tr", {}, ...r.map(c => el("td", {}, c)))));
    t.appendChild(tb);
    return el("div", { class: "u1x-scroll" }, t);
  }

  function render(box, M, res, inp) {
    const out = box.querySelector("[data-u1x=results]");
    out.replaceChildren();
    const a = res.alpha_BL;
    const fr = v => v.toString();
    out.appendChild(el("h4", {}, "Charges and anomalies"));
    out.appendChild(table(["quantity", "value"], [
      ["α_B+L (Eq. 2.7)", fr(a)],
      ["A_XWW^SM, A_XYY^SM (Eq. 3.2)", fr(res.traces.A_XWW_SM) + ", " + fr(res.traces.A_XYY_SM)],
      ["anomalons", res.family ? "(" + res.family.name + ") m = " + res.family.m + (res.family.shift ? ", S = " + fr(res.family.shift) : "") : "none"],
      ["Witten (SU(2) multiplets with n = 4l+2)", res.anomalies.witten_count + (res.witten_ok ? " (even: ✓)" : " (odd: ✗)")],
      ["singlets N_R needed for (2.2)/(2.3)", res.suggestions.singlets_needed === null
        ? (Object.keys(res.anomalies.left).some(k => k === "2.2" || k === "2.3") ? "no solution with ≤ 3 rational charges (denominator ≤ 6)" : "none")
        : "X = " + res.suggestions.singlets_needed.map(fr).join(", ")],
      ["naturalness bound, Δ = 100 (Eq. 2.9)", res.naturalness_bound_TeV === null ? "— (no anomalons)" : res.naturalness_bound_TeV.toFixed(2) + " TeV"],
    ]));
    out.appendChild(table(["equation", "SM", "anomalons", "total"], CONDITIONS.map(k => [
      "(" + k + ")", fr(res.anomalies.sm[k]), fr(res.anomalies.anomalons[k]), fr(res.anomalies.total[k])])));
    if (a.isZero()) {
      out.appendChild(el("div", { class: "admonition note u1x-note" },
        el("p", { class: "admonition-title" }, "α_B+L = 0: no Wess–Zumino flavour signal"),
        el("p", {}, "A_XWW^SM = A_XYY^SM = 0 (Eq. 3.2): the anomalous couplings that induce K → πX, B → K(*)X, D → πX, " +
          "B → π/ρX and Z → γX vanish, so none of the missing-energy searches of Fig. 3 constrains this model, and " +
          "no electroweak anomalons are needed (no naturalness or direct-search lines). What still applies: (2.2)/(2.3) " +
          "may need right-handed singlets (above), X decays as shown below, and tree-level probes of its couplings " +
          "to leptons or quarks (not part of this book).")));
    }
    if (res.B_invisible !== null) {
      out.appendChild(el("h4", {}, "X decays at m_X = ", sci(inp.mX, 4), " GeV"));
      const f = res.X_decays;
      out.appendChild(table(["", "fraction"], [
        ["B(X → E_miss) (Eq. 3.28 generalised)", sci(res.B_invisible, 4)],
        ["X → ν ν̄ (invisible)", f ? sci(f.invisible, 4) : "—"],
        ["X → charged leptons", f ? sci(f.charged_leptons, 4) : "—"],
        ["X → hadrons" + (inp.mX < M.C.vmd_match_GeV ? " (VMD fit, arXiv:1801.04847)" : " (quarks, N_c = 3)"), f ? sci(f.hadrons, 4) : "—"],
      ]));
      if (!f) out.appendChild(el("p", {}, "No decay is open at tree level here: X leaves the detector (B = 1)."));
      out.appendChild(el("h4", {}, "Channels at m_X = ", sci(inp.mX, 4), " GeV", inp.gX !== null ? ", g_X = " : null, inp.gX !== null ? sci(inp.gX, 4) : null));
      out.appendChild(table(["channel", "BR", "BR × B(X → E_miss)", "g_{X,max}", "note"], M.chans.map(ch => [
        ch.replace("->", " → ").replace("gamma", "γ").replace("pi", "π").replace("rho", "ρ").replace("KL", "K_L"),
        sci(res.BR[ch]), sci(res.BR_Emiss[ch]), sci(res.gX_max[ch]),
        ch in res.gX_max ? (inp.gX !== null && inp.gX > res.gX_max[ch] ? "excludes this g_X" : "") : (res.gX_max_skipped[ch] || "")])));
      if (res.point) {
        out.appendChild(el("p", { class: "u1x-verdict" }, res.point.viable
          ? "The point (m_X, g_X) is viable: below every current limit" + (a.isZero() ? "." : ", below the direct-search line and above the percent-tuning naturalness line.")
          : "The point (m_X, g_X) is not viable: " + [res.point.excluded_by.length ? "excluded by " + res.point.excluded_by.join(", ") : null,
              res.point.below_naturalness ? "below the naturalness line (Δ = 100)" : null,
              res.point.above_direct ? "above the direct-search line (m_Ψ > 100 GeV)" : null].filter(Boolean).join("; ") + "."));
      }
    }
  }

  /** The plane as an interactive figure (book/_assets/plane/planeplot.js on the vendored uPlot): the recast limits of
   *  Fig. 3, the viable band, the direct-search and naturalness lines and the reader's point, every point of the plane's
   *  grid.  The legend's show/hide choices are kept from one update to the next. */
  function drawPlane(div, M, res, inp) {
    if (!root.PlanePlot || !root.uPlot || !div) return false;
    const p = res.plane, arrays = [], items = [];
    const add = arr => { arrays.push(arr.map(v => (Number.isFinite(v) ? v : null))); return arrays.length - 1; };
    for (const [g, spec] of Object.entries(M.U.fig3_groups)) {
      if (!p.groups[g]) continue;
      items.push({ kind: "line", y: add(p.groups[g]), name: spec.label.replace("K_L", "K<sub>L</sub>"), colour: spec.colour });
    }
    if (p.viable) {
      const masked = arr => arr.map((v, j) => (p.viable.mask[j] ? v : NaN));
      items.push({ kind: "band", lo: add(masked(p.viable.low)), hi: add(masked(p.viable.top)), colour: "#2ca02c", alpha: 0.18, name: "viable band (Sec. 3.3)" });
      items.push({ kind: "line", y: add(p.direct["y=1"]), name: "direct: m<sub>Ψ</sub> > 100 GeV, y = 1", colour: "#bcbd22", dash: "dot" });
      items.push({ kind: "line", y: add(p.direct["y=sqrt(4pi)"]), name: "direct: y = √(4π)", colour: "#bcbd22" });
      items.push({ kind: "line", y: add(p.naturalness["Delta=100"]), name: "naturalness Δ = 100", colour: "#7f7f7f", dash: "dash" });
      items.push({ kind: "line", y: add(p.naturalness["Delta=1000"]), name: "naturalness Δ = 1000", colour: "#7f7f7f", dash: "dashdot" });
    }
    if (inp.mX !== null && inp.gX !== null) {
      items.push({ kind: "point", x: inp.mX, y: inp.gX, name: "your point", symbol: "star", colour: "#000" });
    }
    const spec = {
      height: 520, x: { title: "m<sub>X</sub> [GeV]", range: [p.mX[0], p.mX[p.mX.length - 1]], data: p.mX },
      y: { title: "g<sub>X</sub>", range: [1e-7, 10] }, arrays: arrays,
      views: [{ title: res.alpha_BL.isZero() ? "α<sub>B+L</sub> = 0: no Wess–Zumino flavour bounds" : "upper limits on g<sub>X</sub> (90% CL; L3 95%)", items: items }],
    };
    try {
      root.PlanePlot.render(div, spec, { keepState: true });
    } catch (err) {
      console.error("explorer: the plane could not be drawn: " + err.message);
      return false;
    }
    return true;
  }

  function readForm(box) {
    const raw = {};
    for (const k of PARAMS) { const f = box.querySelector("[name=" + k + "]"); if (f) raw[k] = f.value; }
    return raw;
  }
  function writeForm(box, raw) {
    for (const k of PARAMS) { const f = box.querySelector("[name=" + k + "]"); if (f && raw[k] !== undefined) f.value = String(raw[k]).slice(0, 200); }
  }

  function update(box, M, raw, pushUrl) {
    const t0 = root.performance ? performance.now() : 0;
    const msg = box.querySelector("[data-u1x=message]"), resultEl = box.querySelector("#explorer-result");
    const { inp, errors } = parseInput(raw, M.U);
    msg.replaceChildren();
    const famOpen = inp.family !== null;
    box.querySelectorAll("[data-u1x-family]").forEach(e => { e.hidden = !famOpen || (e.getAttribute("data-u1x-family") === "A.11" && inp.family !== "A.11"); });
    if (pushUrl && root.history && root.URLSearchParams) {
      const q = new URLSearchParams();
      for (const k of PARAMS) if (raw[k] !== undefined && raw[k] !== "" && !((k === "m" || k === "shift") && !famOpen) && !(k === "shift" && inp.family !== "A.11")) q.set(k, String(raw[k]).slice(0, 200));
      try { history.replaceState(null, "", "?" + q.toString() + location.hash); } catch (e) { /* file:// may refuse */ }
    }
    if (errors.length) {
      msg.appendChild(el("p", { class: "u1x-error" }, "Please check the input:"));
      msg.appendChild(el("ul", {}, ...errors.map(e => el("li", {}, e))));  // el() -> text nodes only
      msg.hidden = false;
      resultEl.textContent = JSON.stringify({ ok: false, errors: errors });
      box.querySelector("[data-u1x=results]").replaceChildren();
      return null;
    }
    msg.hidden = true;
    const res = compute(M, inp);
    const t1 = root.performance ? performance.now() : 0;
    render(box, M, res, inp);
    const t2 = root.performance ? performance.now() : 0;
    const drawn = drawPlane(box.querySelector("[data-u1x=plane]"), M, res, inp);
    const t3 = root.performance ? performance.now() : 0;
    const js = toJSON(res);
    js.ok = true;
    js.plotted = drawn;
    js.update_ms = root.performance ? t3 - t0 : null;  // parse + recompute the plane + tables + redraw of the figure
    js.timing_ms = root.performance ? { compute: t1 - t0, tables: t2 - t1, plot: t3 - t2 } : null;
    resultEl.textContent = JSON.stringify(js);
    return js;
  }

  function init() {
    const box = document.getElementById("u1x-explorer");
    if (!box) return;
    const resultEl = box.querySelector("#explorer-result");
    const msg = box.querySelector("[data-u1x=message]");
    if (!root.U1X_UNIVERSAL) {
      msg.hidden = false; msg.textContent = "The universal curves (universal_curves.js) did not load: the explorer cannot run.";
      resultEl.textContent = JSON.stringify({ ok: false, errors: ["universal curves missing"] });
      return;
    }
    const M = makeModel(root.U1X_UNIVERSAL);
    const q = new URLSearchParams(location.search), given = {};
    for (const k of PARAMS) if (q.has(k)) given[k] = q.get(k);
    const raw = fromQuery(given);
    writeForm(box, raw);
    update(box, M, raw, false);
    let timer = null;
    box.querySelector("form").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => update(box, M, readForm(box), true), 120); });
    box.querySelector("form").addEventListener("submit", ev => { ev.preventDefault(); update(box, M, readForm(box), true); });
    root.U1XExplorer.run = given => { const r = fromQuery(given); writeForm(box, r); return update(box, M, r, true); };
  }

  root.U1XExplorer = { Frac, parseRational, singletSolution, makeModel, compute, toJSON, parseInput, fromQuery, DEFAULTS, PARAMS };
  if (typeof module !== "undefined" && module.exports) module.exports = root.U1XExplorer;
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
  }
})(typeof window !== "undefined" ? window : globalThis);

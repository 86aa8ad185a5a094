"""Interactive (m_X, g_X) figures for the website: a compact JSON spec drawn in the browser by uPlot.

The page gets ``figure_html(spec, div_id)``: a ``<div class="u1x-figure">`` and the spec in a
``<script type="application/json">``.  book/_ext/uplot_assets.py loads the vendored uPlot (book/_vendor/uplot) and the
book's drawing code book/_assets/plane/planeplot.js on exactly those pages; planeplot.js documents what the reader gets
(log-log axes, legend toggles, hover readout, zoom and reset, a menu when the spec has several views).

The curves are the arrays the package computed, rounded for display only: each positive value v is stored as the
integer k = round(SCALE log10 v), i.e. to 1e-4 in log10 v (at most 1.2e-4 relative, finer than 4 significant digits and far
below a pixel at any zoom the figure offers), and a run of values as its first k and the second differences of k
(integers, exact, so no error accumulates; a smooth curve on a log grid then costs 1-3 characters per point instead of
the 8-10 of a decimal).  NaN (no limit at that mass) and non-positive values are gaps.  `decode` is the inverse, used
by the tests; planeplot.js's `decode` is its twin.
"""
from __future__ import annotations

import json

import numpy as np

#: log10 resolution of the stored curves: k = round(SCALE * log10 v)
SCALE = 10_000
#: dash names understood by planeplot.js
DASHES = ("solid", "dash", "dot", "dashdot")


def runs(ok: np.ndarray) -> list[tuple[int, int]]:
    """Inclusive index ranges (i0, i1) of the runs of True in a boolean array."""
    edges = np.flatnonzero(np.diff(np.r_[0, np.asarray(ok, dtype=np.int8), 0]))
    return [(int(i), int(j) - 1) for i, j in zip(edges[::2], edges[1::2])]


def encode(values, step: int = 1, scale: int = SCALE) -> dict:
    """A curve in the compact log form: {"seg": [[i0, i1, k0, dd1, dd2, ...], ...]} (+ "step" if > 1).

    Each run of finite positive values from i0 to i1 is sampled at i0, i0+step, ... and at i1 (step > 1 thins a
    curve whose detail is not drawn, e.g. the 68% bands); k = round(scale log10 v) of the samples is stored as k0 and
    the second differences (the first difference before the run counts as 0)."""
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        raise ValueError(f"step must be a positive integer, got {step!r}")
    v = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(v) & (v > 0)
    segs = []
    for i0, i1 in runs(ok):
        idx = np.r_[np.arange(i0, i1, step), i1]
        k = np.rint(np.log10(v[idx]) * scale).astype(np.int64)
        dd = np.diff(np.r_[0, np.diff(k)])
        segs.append([i0, i1, int(k[0]), *(int(d) for d in dd)])
    out: dict = {"seg": segs}
    if step != 1:
        out["step"] = step
    return out


def decode(arr: dict, n: int | None = None, scale: int = SCALE) -> np.ndarray:
    """The inverse of `encode`: n values, NaN in the gaps and at the indices a step > 1 skipped."""
    segs, step = arr["seg"], arr.get("step", 1)
    n = max((s[1] + 1 for s in segs), default=0) if n is None else n
    out = np.full(n, np.nan)
    for s in segs:
        i0, i1, ks = s[0], s[1], s[2:]
        k = np.cumsum(np.cumsum(np.r_[0, ks[1:]])) + ks[0]
        idx = np.r_[np.arange(i0, i1, step), i1]
        if idx.size != k.size:
            raise ValueError(f"segment {i0}..{i1} with step {step} needs {idx.size} values, has {k.size}")
        out[idx] = 10.0 ** (k / scale)
    return out


class Figure:
    """Builder of a spec: shared x grid and arrays (an array used twice, e.g. in two views, is stored once), views
    with their items and legend entries."""

    def __init__(self, x, x_title: str, y_title: str, x_range, y_range, height: int = 520, menu_label: str = "model"):
        self.x = np.asarray(x, dtype=float)
        self.spec = {"scale": SCALE, "height": height, "menu_label": menu_label,
                     "x": {"title": x_title, "range": [float(x_range[0]), float(x_range[1])], "data": encode(self.x)},
                     "y": {"title": y_title, "range": [float(y_range[0]), float(y_range[1])]},
                     "arrays": [], "views": []}
        self._index: dict[str, int] = {}
        self.view = None

    def array(self, values, step: int = 1) -> int:
        v = np.asarray(values, dtype=float)
        if v.shape != self.x.shape:
            raise ValueError(f"a curve needs {self.x.size} values (the x grid), got shape {v.shape}")
        enc = encode(v, step)
        key = json.dumps(enc, separators=(",", ":"))
        if key not in self._index:
            self._index[key] = len(self.spec["arrays"])
            self.spec["arrays"].append(enc)
        return self._index[key]

    def new_view(self, label: str = "", title: str = "") -> None:
        self.view = {"label": label, "title": title, "items": []}
        self.spec["views"].append(self.view)

    def _add(self, item: dict, name: str | None, group: str | None, show: bool, swatch: dict | None) -> None:
        """Append an item; `name` (legend label and hover name) makes the legend entry of its group (the group's first
        named item does; `group` defaults to the name); show=False: the group starts hidden."""
        if name is not None:
            item["name"] = name
        if group is not None and group != name:
            item["group"] = group
        if not show:
            item["show"] = False
        if swatch:
            item["swatch"] = swatch
        self.view["items"].append(item)

    def line(self, y, name: str, colour: str, dash: str = "solid", group: str | None = None, show: bool = True,
             width: float = 2) -> None:
        """A curve with its legend entry."""
        if dash not in DASHES:
            raise ValueError(f"dash must be one of {DASHES}, got {dash!r}")
        item = {"kind": "line", "y": self.array(y), "colour": colour}
        if dash != "solid":
            item["dash"] = dash
        if width != 2:
            item["width"] = width
        self._add(item, name, group, show, None)

    def fill(self, y, to: str, colour: str, alpha: float, name: str | None = None, group: str | None = None,
             min_of=None) -> None:
        """The region between a curve and the bottom or top of the plot.  min_of: curves whose pointwise minimum the
        curve y is (e.g. the strongest of the current limits): stored as references to them, not as a copy (the
        minimum of the rounded curves is the rounded minimum); checked against y."""
        if to not in ("top", "bottom"):
            raise ValueError(f"to must be 'top' or 'bottom', got {to!r}")
        item = {"kind": "fill", "to": to, "colour": colour, "alpha": alpha}
        if min_of:
            stack = np.vstack([np.asarray(c, dtype=float) for c in min_of])
            low = np.min(np.where(np.isnan(stack), np.inf, stack), axis=0)
            low = np.where(np.isfinite(low), low, np.nan)  # as physics.pheno.plane.strongest_channel
            if not np.array_equal(np.asarray(y, dtype=float), low, equal_nan=True):
                raise ValueError("min_of: y is not the pointwise minimum of the given curves")
            item["min_of"] = [self.array(c) for c in min_of]
        else:
            item["y"] = self.array(y)
        self._add(item, name, group, True, None)

    def band(self, lo, hi, colour: str, alpha: float, name: str | None = None, group: str | None = None,
             step: int = 1, swatch: dict | None = None) -> None:
        """The region between two curves (where both are defined)."""
        lo, hi = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
        both = ~(np.isnan(lo) | np.isnan(hi))
        item = {"kind": "band", "lo": self.array(np.where(both, lo, np.nan), step),
                "hi": self.array(np.where(both, hi, np.nan), step), "colour": colour, "alpha": alpha}
        self._add(item, name, group, True, swatch)

    def point(self, x: float, y: float, name: str, symbol: str, colour: str, err=None) -> None:
        """A marker with its legend entry (and a vertical error bar err = (lo, hi))."""
        item = {"kind": "point", "x": _round(x), "y": _round(y), "symbol": symbol, "colour": colour}
        if err is not None:
            item["err"] = [_round(err[0]), _round(err[1])]
        self._add(item, name, None, True, None)


def legend(view: dict) -> list[dict]:
    """The legend of a view as planeplot.js builds it: one entry per group, from the group's first named item, in item
    order: [{"label", "group", "show", "kind"}]."""
    out, seen = [], set()
    for it in view["items"]:
        group = it.get("group", it.get("name"))
        if "name" in it and group not in seen:
            seen.add(group)
            out.append({"label": it["name"], "group": group, "show": it.get("show", True), "kind": it["kind"]})
    return out


def _round(v: float, digits: int = 5) -> float:
    return float(f"{float(v):.{digits}g}")


def figure_html(spec: dict, div_id: str) -> str:
    """The figure for a page: <div class="u1x-figure" id=div_id data-figure=div_id-data> and the spec as JSON in
    <script type="application/json" id=div_id-data> (deterministic: a fixed id, sorted keys)."""
    if not div_id.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"div_id must be letters, digits, '-' or '_', got {div_id!r}")
    data = json.dumps(spec, separators=(",", ":"), ensure_ascii=False, sort_keys=True, allow_nan=False)
    data = data.replace("</", "<\\/")
    return (f'<div class="u1x-figure" id="{div_id}" data-figure="{div_id}-data">'
            '<p class="pp-noscript">The interactive figure needs JavaScript.</p></div>\n'
            f'<script type="application/json" id="{div_id}-data">{data}</script>')

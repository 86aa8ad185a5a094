#!/usr/bin/env python3
"""Lecture slides from the chapters: one reveal.js deck per lecture of the teaching plan, offline, same numbers.

Sources (nothing is executed, nothing is typed twice):
* the plan: the table of book/teaching.md ("A suggested sequence"); each row is one lecture, its "chapters" column
  names the sections by label ({ref}`sec-3-1`). A section runs from its label to the next label that another lecture
  claims, or to the end of its chapter file (so "start of {ref}`sec-2`" in lecture 1 stops where lecture 2's
  {ref}`sec-2-1` begins, and lecture 4's {ref}`sec-3-2` stops at lecture 5's {ref}`sec-3-2-5`);
* the content: the executed, committed notebooks/NAME.ipynb (the same markdown as the .md, plus the stored, nbval-
  checked outputs): headings become slides, with the heading's lead sentences, its display equations (numbered as in
  the paper: eq-2-4 -> (2.4)), its generated tables and its figures (the glued PNGs); numbers in the prose come from
  the glued values ({glue:text}, {glue:md}), exactly as on the website; admonitions with the classes
  ``learning-objectives`` / ``chapter-summary`` become the objectives and summary slides; ``{exercise}`` blocks and
  "### Exercise" headings become the "exercises to assign" slide; a markdown cell or code cell tagged ``slide`` is put
  on a slide of its own (``+++ {"tags": ["slide"]}`` in MyST), whole;
* the "run live" column of the plan is the deck's last slide.

Output: _build/html/slides/lecture-<N>.html, loading reveal.js 6.0.2 (book/_vendor/reveal, copied to _static/reveal by
the book build) and the site's MathJax 4 (_static/mathjax/startup.js and its components, configured as on the site by
book/_ext/mathjax_offline.py); no plugin, no network. Figures are the site's own _images/ files, shared with the
chapters (slides/img/ only for a figure the site does not have). The decks open from file:// or any static server.

Usage: python scripts/build_slides.py [--html _build/html] [--out DIR]   (run by `make slides` and `make book`)
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from mathjax_offline import MATHJAX_CONFIG  # noqa: E402  (the site's MathJax configuration)

TEACHING = ROOT / "book" / "teaching.md"
NOTEBOOKS = ROOT / "notebooks"
GLOSSARY = ROOT / "book" / "glossary.yaml"
MAX_EQ_PER_SLIDE = 2
MAX_LEAD_CHARS = 420
MAX_TABLE_ROWS = 9
SKIP_HEADINGS = re.compile(r"^(conventions and differences|exercises|running this chapter|references|downloads)", re.I)
ABBREVIATIONS = re.compile(r"(\b(Eqs?|Secs?|Figs?|Refs?|Tab|cf|vs|approx)|\be\.g|\bi\.e)\.$")

# ------------------------------------------------------------------------------------------------ the plan


def lecture_plan(path: Path = TEACHING) -> list[dict]:
    """[{n, title, labels, prerequisites, live}] from the table of the teaching page."""
    lectures, in_plan = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^\|\s*lecture\s*\|\s*chapters\s*\|", line):      # the plan's header row
            in_plan = True
            continue
        if in_plan and not line.startswith("|"):
            break
        m = re.match(r"^\|\s*(\d+)\.\s*(.+?)\s*\|(.+)\|\s*$", line) if in_plan else None
        if not m:
            continue
        cols = [c.strip() for c in m.group(3).split("|")]
        labels = re.findall(r"\{ref\}`([^`<]+?)`", cols[0])
        lectures.append({"n": int(m.group(1)), "title": m.group(2), "chapters": cols[0], "labels": labels,
                         "prerequisites": cols[1] if len(cols) > 1 else "", "live": cols[2] if len(cols) > 2 else ""})
    if not lectures:
        raise SystemExit(f"no lecture rows found in {path}")
    return lectures


def segments(nb: dict) -> list[dict]:
    """The notebook's cells, with each markdown cell split in front of every `(label)=` line it holds, so a section
    starts exactly at its label even when one markdown cell holds the end of the previous section."""
    out = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            out.append(cell)
            continue
        parts = re.split(r"(?m)^(?=\([a-z0-9-]+\)=\s*$)", _src(cell))
        for part in parts:
            if part.strip():
                out.append({**cell, "source": part})
    return out


def label_index() -> dict[str, tuple[Path, int]]:
    """label -> (chapter .ipynb, index of the segment (see segments) that starts with it)."""
    out = {}
    for nb_path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for i, cell in enumerate(segments(nb)):
            if cell["cell_type"] == "markdown":
                m = re.match(r"^\((sec-[a-z0-9-]+)\)=\s*$", _src(cell).lstrip().splitlines()[0])
                if m:
                    out[m.group(1)] = (nb_path, i)
    return out


def _src(cell) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


# ------------------------------------------------------------------------------------------ numbers and roles


def paper_eq(label: str) -> str | None:
    m = re.match(r"^eq-([0-9a-z]+)-([0-9]+[a-z]?)$", label)
    return f"{m.group(1).upper()}.{m.group(2)}" if m else None


def paper_ref(label: str, titles: dict[str, str]) -> str:
    m = re.match(r"^fig-([1-3])(?:-(upper|lower|left|right))?$", label)
    if m:
        return f"Fig. {m.group(1)}" + (f" ({m.group(2)})" if m.group(2) else "")
    m = re.match(r"^tab-([1-6])$", label)
    if m:
        return f"Table {m.group(1)}"
    return titles.get(label, label)


class Glue:
    """Glued values of one notebook: name -> {mime: data} (the same values the website shows)."""

    def __init__(self, nb: dict):
        self.data = {}
        for cell in nb["cells"]:
            for out in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
                meta = out.get("metadata", {}).get("scrapbook")
                if meta:
                    prefix = meta.get("mime_prefix", "")
                    self.data[meta["name"]] = {k[len(prefix):]: v for k, v in out.get("data", {}).items()}

    def text(self, spec: str) -> str:
        name, _, fmt = spec.partition(":")
        d = self.data.get(name, {})
        raw = d.get("text/plain", "")
        raw = "".join(raw) if isinstance(raw, list) else raw
        if fmt:
            try:
                return format(float(raw), fmt)
            except ValueError:
                pass
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
            raw = raw[1:-1]
        return raw

    def md(self, spec: str) -> str:
        name = spec.partition(":")[0]
        d = self.data.get(name, {})
        raw = d.get("text/markdown", d.get("text/plain", ""))
        return "".join(raw) if isinstance(raw, list) else raw

    def png(self, name: str) -> str | None:
        raw = self.data.get(name, {}).get("image/png")
        return "".join(raw) if isinstance(raw, list) else raw


def load_glossary() -> dict[str, str]:
    import yaml
    if not GLOSSARY.is_file():
        return {}
    return {e["key"]: e["tex"] for e in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["symbols"]}


def resolve_roles(text: str, glue: Glue, titles: dict, glossary: dict) -> str:
    """MyST roles -> plain markdown: numbers, titles and glued values as the website shows them."""
    def eq(m):
        return f"({paper_eq(m.group(1)) or m.group(1)})"

    def ref(m):
        body = m.group(2)
        mm = re.match(r"^(.*?)\s*<([^>]+)>$", body)
        if mm:
            return mm.group(1)
        return paper_ref(body, titles) if m.group(1) == "numref" else titles.get(body, body)

    text = re.sub(r"\{eq\}`([^`]+)`", eq, text)
    text = re.sub(r"\{(ref|numref|doc)\}`([^`]+)`", ref, text)
    text = re.sub(r"\{glue:text\}`([^`]+)`", lambda m: glue.text(m.group(1)), text)
    text = re.sub(r"\{glue:md\}`([^`]+)`", lambda m: glue.md(m.group(1)), text)
    text = re.sub(r"\{glue\}`([^`]+)`", lambda m: glue.text(m.group(1)), text)
    text = re.sub(r"\{sym\}`([^`]+)`", lambda m: f"${glossary.get(m.group(1).strip(), m.group(1))}$", text)
    text = re.sub(r"\{cite(?::[a-z]+)?\}`[^`]+`", "", text)
    text = re.sub(r"\{download\}`([^`<]+?)(?:\s*<[^>]+>)?`", r"\1", text)
    text = re.sub(r"\{[a-z:-]+\}`([^`]+)`", r"\1", text)       # any other role: its text
    return text


# ------------------------------------------------------------------------------------------ markdown -> blocks


def blocks(md: str) -> list[dict]:
    """Split MyST markdown into blocks: heading, label, math, directive, table, list, para."""
    out, lines, i = [], md.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            out.append({"kind": "heading", "level": len(m.group(1)), "text": m.group(2).strip()})
            i += 1
            continue
        m = re.match(r"^\(([^)]+)\)=\s*$", line)
        if m:
            out.append({"kind": "label", "label": m.group(1)})
            i += 1
            continue
        if line.startswith("$$"):
            rest, label = line[2:], None
            one = re.match(r"^(.*)\$\$\s*(?:\(([^)]*)\))?\s*$", rest)
            if one and rest.strip():                      # $$ x $$ (label) on one line
                body, label, j = [one.group(1)], one.group(2), i
            else:
                body = [rest] if rest.strip() else []
                j = i + 1
                while j < len(lines) and not lines[j].lstrip().startswith("$$"):
                    body.append(lines[j])
                    j += 1
                m2 = re.search(r"\$\$\s*\(([^)]*)\)\s*$", lines[j]) if j < len(lines) else None
                label = m2.group(1) if m2 else None
            out.append({"kind": "math", "tex": "\n".join(body).strip(), "label": label})
            i = j + 1
            continue
        m = re.match(r"^(`{3,}|:{3,})\{([a-zA-Z0-9:_-]+)\}\s*(.*)$", line)
        if m:
            fence, name, arg = m.group(1), m.group(2), m.group(3).strip()
            opts, body, j = {}, [], i + 1
            while j < len(lines) and re.match(r"^:[a-zA-Z_-]+:", lines[j]):
                k, _, v = lines[j][1:].partition(":")
                opts[k.strip()] = v.strip()
                j += 1
            depth = 0
            while j < len(lines):
                s = lines[j].rstrip()
                if re.match(rf"^{re.escape(fence[0])}{{{len(fence)},}}\{{", s):
                    depth += 1
                elif s == fence and depth == 0:
                    break
                elif re.fullmatch(rf"{re.escape(fence[0])}{{{len(fence)},}}", s) and depth:
                    depth -= 1
                body.append(lines[j])
                j += 1
            out.append({"kind": "directive", "name": name, "arg": arg, "opts": opts, "body": "\n".join(body)})
            i = j + 1
            continue
        if line.startswith("```"):   # plain code fence: not on slides
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            i = j + 1
            continue
        kind = "table" if line.startswith("|") else "list" if re.match(r"^\s*([*+-]|\d+\.)\s", line) else "para"
        j, body = i, []
        while j < len(lines) and lines[j].strip() and not re.match(r"^(#{1,6}\s|\$\$|`{3,}|:{3,}|\([^)]+\)=\s*$)", lines[j]):
            body.append(lines[j])
            j += 1
        out.append({"kind": kind, "text": "\n".join(body)})
        i = j
    return out


def lead(text: str) -> str:
    """The first sentences of a paragraph, at most MAX_LEAD_CHARS (never cut inside $...$)."""
    text = " ".join(text.split())
    if len(text) <= MAX_LEAD_CHARS:
        return text
    out, sentences = "", []
    for piece in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text):      # sentences, not "Eq. (2.4)" or "Sec. 3"
        if sentences and ABBREVIATIONS.search(sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    for sent in sentences:
        if out and len(out) + len(sent) > MAX_LEAD_CHARS:
            break
        out = f"{out} {sent}".strip()
    if len(out) > MAX_LEAD_CHARS * 1.6:       # one very long sentence: stop at a word boundary outside math
        parts, total = re.split(r"(\$[^$]*\$)", out), ""
        for part in parts:
            if len(total) + len(part) > MAX_LEAD_CHARS and not part.startswith("$"):
                total += part[: max(0, MAX_LEAD_CHARS - len(total))].rsplit(" ", 1)[0] + " …"
                break
            total += part
        out = total
    return out


# ------------------------------------------------------------------------------------------------- rendering


def md_renderer():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    dollarmath_plugin(md, allow_labels=True, allow_space=True, allow_digits=True, double_inline=True)

    def inline(self, tokens, idx, options, env):
        return r"<span class='math'>\(" + html.escape(tokens[idx].content) + r"\)</span>"

    def block(self, tokens, idx, options, env):
        return "<div class='math'>\\[" + html.escape(tokens[idx].content) + "\\]</div>\n"

    md.add_render_rule("math_inline", inline)
    md.add_render_rule("math_inline_double", block)
    md.add_render_rule("math_block", block)
    md.add_render_rule("math_block_label", block)
    return md


class Deck:
    def __init__(self, lecture: dict, out_dir: Path):
        self.lecture, self.out_dir = lecture, out_dir
        self.slides: list[str] = []
        self.images = 0
        self.md = md_renderer()

    def render(self, text: str) -> str:
        return self.md.render(text)

    def math(self, tex: str, label: str | None) -> str:
        number = paper_eq(label) if label else None
        tag = f"\\tag{{{number}}}" if number else ""
        return f"<div class='math'>\\[{html.escape(tex)}{tag}\\]</div>"

    def image(self, b64: str, stem: str) -> str:
        """The figure's URL: the book's own copy in <html>/_images when it has one (myst-nb names a cell output's PNG
        by the SHA-256 of its bytes, so the same figure is shipped once and the deck and the chapter share it; the
        relative link works from file:// too), else a copy in slides/img/ (a deck written outside the site). The name
        is the hash of the notebook's PNG; the site's file is that PNG re-saved with a palette (book/_ext/lean_static.py),
        so the name, not the bytes, identifies it."""
        self.images += 1
        data = base64.b64decode(b64)
        shared = self.out_dir.parent / "_images" / f"{hashlib.sha256(data).hexdigest()}.png"
        if shared.is_file():
            return os.path.relpath(shared, self.out_dir).replace(os.sep, "/")
        name = f"lecture-{self.lecture['n']}-{self.images:02d}-{re.sub(r'[^a-z0-9-]+', '-', stem.lower())}.png"
        (self.out_dir / "img").mkdir(parents=True, exist_ok=True)
        (self.out_dir / "img" / name).write_bytes(data)
        return f"img/{name}"

    def add(self, title: str, body: str, classes: str = "") -> None:
        h = f"<h2>{self.render_inline(title)}</h2>" if title else ""
        self.slides.append(f"<section class='{classes}'>{h}{body}</section>")

    def render_inline(self, text: str) -> str:
        return self.md.renderInline(text)


def chapter_pieces(lecture: dict, claimed: dict[str, int], index: dict) -> list[tuple[Path, int, int]]:
    """(notebook, first cell, end cell) for each label of the lecture."""
    pieces = []
    for lab in lecture["labels"]:
        if lab not in index:
            print(f"[build_slides] WARNING: lecture {lecture['n']}: label {lab} not found in the chapters",
                  file=sys.stderr)
            continue
        nb_path, start = index[lab]
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        end = len(segments(nb))
        for other, (p, i) in index.items():
            if p == nb_path and i > start and claimed.get(other, lecture["n"]) != lecture["n"] and i < end:
                end = i
        pieces.append((nb_path, start, end, lab))
    return pieces


def section_titles(index: dict) -> dict[str, str]:
    """label -> "2.1 Finite naturalness" (the heading under the label, as the website's {ref} shows it)."""
    titles = {}
    for nb_path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                for lab, head in re.findall(r"^\(([a-z0-9-]+)\)=\s*\n#+\s+(.+)$", _src(cell), re.M):
                    titles[lab] = head.strip()
    return titles


def build_deck(lecture: dict, plan: list[dict], index: dict, titles: dict, glossary: dict, out_dir: Path) -> Deck:
    claimed = {lab: lec["n"] for lec in plan for lab in lec["labels"]}
    deck = Deck(lecture, out_dir)
    n = lecture["n"]
    pieces = chapter_pieces(lecture, claimed, index)
    chapters = "".join(f"<li>{deck.render_inline(resolve_roles(f'{{ref}}`{lab}`', Glue({'cells': []}), titles, glossary))}"
                       f" <a href='../{p.with_suffix('.html').relative_to(ROOT).as_posix()}'>(chapter)</a></li>"
                       for p, _, _, lab in pieces)
    deck.slides.append(
        f"<section class='title-slide'><p class='kicker'>Lecture {n} of {len(plan)} · an executable companion to "
        f"arXiv:2603.04394</p><h1>{deck.render_inline(lecture['title'])}</h1><ul class='chapters'>{chapters}</ul>"
        f"<p class='prereq'><strong>Prerequisites:</strong> "
        f"{deck.render_inline(resolve_roles(lecture['prerequisites'], Glue({'cells': []}), titles, glossary))}</p>"
        f"</section>")
    exercises, summaries = [], []
    for nb_path, start, end, lab in pieces:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        glue = Glue(nb)
        chapter_url = f"../{nb_path.with_suffix('.html').relative_to(ROOT).as_posix()}"
        current = {"title": None, "lead": None, "eqs": [], "extra": []}

        def flush():
            if current["title"] is None:
                return
            if SKIP_HEADINGS.match(re.sub(r"^[\d.]+\s*", "", current["title"])):
                current.update(title=None, lead=None, eqs=[], extra=[])
                return
            eqs = current["eqs"]
            body = f"<div class='lead'>{deck.render(current['lead'])}</div>" if current["lead"] else ""
            first = eqs[:MAX_EQ_PER_SLIDE]
            if body or first or current["extra"]:
                deck.add(current["title"], body + "".join(first) + "".join(current["extra"][:1]))
                for extra in current["extra"][1:]:
                    deck.add(current["title"] + " (cont.)", extra)
            for k in range(MAX_EQ_PER_SLIDE, len(eqs), MAX_EQ_PER_SLIDE):
                deck.add(current["title"] + " (cont.)", "".join(eqs[k:k + MAX_EQ_PER_SLIDE]))
            current.update(title=None, lead=None, eqs=[], extra=[])

        for cell in segments(nb)[start:end]:
            tags = cell.get("metadata", {}).get("tags", [])
            if cell["cell_type"] == "code":
                if "slide" in tags:
                    flush()
                    deck.add("", "".join(render_outputs(cell, deck)), "cell-slide")
                    continue
                if "remove-output" in tags or "remove-cell" in tags:
                    continue
                for out in cell.get("outputs", []):
                    d = out.get("data", {})
                    if "scrapbook" in out.get("metadata", {}):
                        continue
                    md_out = d.get("text/markdown")
                    if md_out:
                        md_out = "".join(md_out) if isinstance(md_out, list) else md_out
                        rows = [r for r in md_out.splitlines() if r.startswith("|")]
                        if rows and len(rows) - 2 <= MAX_TABLE_ROWS and current["title"]:
                            current["extra"].append(f"<div class='table'>{deck.render(resolve_roles(md_out, glue, titles, glossary))}</div>")
                continue
            src = resolve_roles(_src(cell), glue, titles, glossary) if "slide" not in tags else None
            if "slide" in tags:
                flush()
                deck.add("", deck.render(resolve_roles(_src(cell), glue, titles, glossary)), "cell-slide")
                continue
            for b in blocks(src):
                kind = b["kind"]
                if kind == "heading":
                    flush()
                    if b["level"] == 1:
                        deck.slides.append(f"<section class='chapter-slide'><h1>{deck.render_inline(b['text'])}</h1>"
                                           f"<p><a href='{chapter_url}'>read the chapter</a></p></section>")
                    else:
                        current["title"] = b["text"]
                        if re.match(r"^exercise", b["text"], re.I) and b["level"] >= 3:
                            exercises.append((b["text"], chapter_url))
                elif kind == "math":
                    if current["title"] is None:
                        current["title"] = titles.get(lab, lab)
                    current["eqs"].append(deck.math(b["tex"], b["label"]))
                elif kind == "para" and current["title"] and current["lead"] is None:
                    if b["text"].startswith("**Worked step"):
                        flush_title = re.match(r"^\*\*(.+?)\*\*", b["text"])
                        current["extra"].append(f"<h3>{deck.render_inline(flush_title.group(1) if flush_title else 'Worked step')}</h3>"
                                                f"<div class='lead'>{deck.render(lead(b['text'][len(flush_title.group(0)) if flush_title else 0:]))}</div>")
                    else:
                        current["lead"] = lead(b["text"])
                elif kind == "directive":
                    handle_directive(b, deck, current, glue, titles, glossary, exercises, summaries, chapter_url)
        flush()
    if exercises:
        items = "".join(f"<li>{deck.render_inline(t)} <a href='{u}'>(chapter)</a></li>" for t, u in exercises)
        deck.add("Exercises to assign", f"<ul class='exercises'>{items}</ul><p class='note'>Solutions are collapsed "
                 f"on the chapter pages and run as code when the book is tested; the instructor PDF prints them.</p>")
    for title, body in summaries:
        deck.add(title, body, "summary-slide")
    live = resolve_roles(lecture["live"], Glue({"cells": []}), titles, glossary)
    deck.add("Run live", f"<div class='lead'>{deck.render(live)}</div><p class='note'>Open the chapter's notebook "
             f"(<code>.venv/bin/jupyter lab notebooks/</code>), change one input, re-run.</p>")
    return deck


def render_outputs(cell, deck: Deck) -> list[str]:
    parts = []
    for out in cell.get("outputs", []):
        d = out.get("data", {})
        meta = out.get("metadata", {}).get("scrapbook")
        prefix = meta.get("mime_prefix", "") if meta else ""
        png = d.get(prefix + "image/png")
        if png:
            parts.append(f"<img src='{deck.image(''.join(png) if isinstance(png, list) else png, 'cell')}' alt=''>")
        elif d.get(prefix + "text/markdown"):
            v = d[prefix + "text/markdown"]
            parts.append(deck.render("".join(v) if isinstance(v, list) else v))
        elif out.get("output_type") == "stream":
            parts.append(f"<pre>{html.escape(''.join(out['text']) if isinstance(out['text'], list) else out['text'])}</pre>")
    return parts


def handle_directive(b, deck, current, glue, titles, glossary, exercises, summaries, chapter_url):
    name, opts, body = b["name"], b["opts"], b["body"]
    classes = opts.get("class", "")
    if name in ("glue:figure", "glue"):
        png = glue.png(b["arg"])
        if png:
            label = opts.get("name", "")
            cap = lead(resolve_roles(body, glue, titles, glossary)) if body.strip() else ""
            number = paper_ref(label, titles) if label.startswith("fig-") and paper_ref(label, titles) != label else ""
            src = deck.image(png, label or b["arg"])
            caption = f"<figcaption>{('<strong>' + number + '.</strong> ') if number else ''}{deck.render_inline(cap)}</figcaption>"
            deck.add(current["title"] or number or "Figure", f"<figure><img src='{src}' alt='{html.escape(number)}'>"
                     f"{caption}</figure>", "figure-slide")
    elif name == "figure":
        pass  # static image files of the book are not in the chapters; nothing to do
    elif name == "table":
        label = opts.get("name", "")
        number = paper_ref(label, titles) if label else ""
        table = resolve_roles(body, glue, titles, glossary)
        rows = [r for r in table.splitlines() if r.startswith("|")]
        if rows and len(rows) - 2 <= MAX_TABLE_ROWS + 4:
            cap = lead(resolve_roles(b["arg"], glue, titles, glossary))
            deck.add(current["title"] or number, f"<div class='table'>{deck.render(table)}</div><p class='caption'>"
                     f"<strong>{number}.</strong> {deck.render_inline(cap)}</p>")
    elif name == "admonition" or name in ("note", "important", "tip"):
        text = resolve_roles(body, glue, titles, glossary)
        if "learning-objectives" in classes:
            deck.add(b["arg"] or "Learning objectives", deck.render(text), "objectives-slide")
        elif "chapter-summary" in classes:
            summaries.append((b["arg"] or "Summary", deck.render(text)))
        elif "worked-derivation" in classes:
            inner = "".join(deck.math(x["tex"], x["label"]) if x["kind"] == "math" else
                            f"<div class='lead'>{deck.render(lead(x['text']))}</div>" if x["kind"] == "para" else
                            f"<div class='lead steps'>{deck.render(x['text'])}</div>" if x["kind"] == "list" else ""
                            for x in blocks(text))
            deck.add(b["arg"] or "Worked derivation", inner, "derivation-slide")
    elif name == "exercise":
        title = b["arg"] or "Exercise"
        exercises.append((title, chapter_url))
    elif name == "math":
        current["eqs"].append(deck.math(body.strip(), opts.get("label")))


# ------------------------------------------------------------------------------------------------------ page

def page(deck: Deck, total: int) -> str:
    lec = deck.lecture
    mj = json.loads(json.dumps(MATHJAX_CONFIG))
    mj["output"]["displayOverflow"] = "scale"      # a slide has a fixed size: scale a too-wide display to fit
    config = json.dumps(mj)
    title = html.escape(re.sub(r"[$\\{}]", "", lec["title"]))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lecture {lec['n']}: {title}</title>
<!-- generated by scripts/build_slides.py from book/teaching.md and notebooks/*.ipynb; do not edit -->
<link rel="icon" href="../_static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="../_static/reveal/reveal.css">
<link rel="stylesheet" href="../_static/reveal/theme/serif.css">
<link rel="stylesheet" href="../_static/lecture/slides.css">
<script>window.MathJax = {config};</script>
<script defer src="../_static/mathjax/startup.js"></script>
</head>
<body>
<div class="reveal"><div class="slides">
{chr(10).join(deck.slides)}
</div></div>
<script src="../_static/reveal/reveal.js"></script>
<script>
Reveal.initialize({{hash: true, slideNumber: "c/t", width: 1280, height: 760, margin: 0.04, center: false,
  transition: "none", controls: true, progress: true}});
</script>
</body>
</html>
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built site (decks go to HTML/slides)")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: HTML/slides)")
    ap.add_argument("--quiet", action="store_true", help="one summary line")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    out = args.out or args.html / "slides"
    if not (args.html / "_static" / "reveal" / "reveal.js").is_file():
        print(f"[build_slides] {args.html}/_static/reveal/reveal.js missing: build the book first (make book)",
              file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    for old in (out / "img").glob("*.png") if (out / "img").is_dir() else []:
        old.unlink()
    plan = lecture_plan()
    index = label_index()
    titles = section_titles(index)
    glossary = load_glossary()
    for lec in plan:
        deck = build_deck(lec, plan, index, titles, glossary, out)
        target = out / f"lecture-{lec['n']}.html"
        target.write_text(page(deck, len(plan)), encoding="utf-8")
        if not args.quiet:
            print(f"[build_slides] lecture {lec['n']}: {len(deck.slides)} slides, {deck.images} figures -> {target}")
    if (out / "img").is_dir() and not any((out / "img").iterdir()):
        (out / "img").rmdir()
    print(f"[build_slides] {len(plan)} decks in {out} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The paper's numbering on the built site: every paper equation, figure and table the book shows carries the paper's
number, on the element that carries its label, and nothing of the book's own can be taken for one of the paper's.

Conventions (book/conventions.md, shared with the chapters): equations `eq-<sec>-<n>` (eq-2-9 -> (2.9), eq-a-6 ->
(A.6)); figures `fig-1`, `fig-2` / `fig-2-left` / `fig-2-right`, `fig-3-upper` / `fig-3-lower` (-> "Fig. 3 (upper)");
tables `tab-1` ... `tab-6`; the book's own figures and tables `fig-book-<name>` / `tab-book-<name>` -> "Fig. B.n" /
"Table B.n" (and any other numbered equation -> (B.n)). book/_ext/paper_eqno.py does the numbering.

Tests named `test_built_html_*` read _build/html (skipped when there is no build; `make test` runs them after the
strict build); the others read the sources only. Each failure lists every label/number concerned, so the list is
the to-do list for the chapters.

The paper's numbers (arXiv:2603.04394v1): equations (1.1), (2.1)-(2.13), (3.1)-(3.28), (4.1)-(4.12), (A.1)-(A.23);
Figs. 1-3 (Figs. 2 and 3 have two panels); Tables 1-6.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from book_site import needs_build, toc_pages  # tests/book_site.py

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"

#: The paper's equation numbers: section -> number of equations.
PAPER_EQUATIONS = {"1": 1, "2": 13, "3": 28, "4": 12, "A": 23}
PAPER_FIGURES = {"1": (), "2": ("left", "right"), "3": ("upper", "lower")}
PAPER_TABLES = ("1", "2", "3", "4", "5", "6")

EQ_LABEL = re.compile(r"^eq-([0-9a-z]+)-([0-9]+[a-z]?)$")
FIG_LABEL = re.compile(r"^fig-([1-3])(?:-(upper|lower|left|right))?$")
TAB_LABEL = re.compile(r"^tab-([1-6])$")
BOOK_FIG = re.compile(r"^fig-book-[A-Za-z0-9-]+$")
BOOK_TAB = re.compile(r"^tab-book-[A-Za-z0-9-]+$")


def paper_equation_numbers() -> set[str]:
    return {f"{sec}.{n}" for sec, count in PAPER_EQUATIONS.items() for n in range(1, count + 1)}


# ------------------------------------------------------------------------------------- sources


def _code_free(md: str) -> str:
    """The page without its code cells and code fences (labels live in prose and directives)."""
    return re.sub(r"^(`{3,}|~{3,})\s*\{code-cell\}.*?^\1\s*$", "", md, flags=re.S | re.M)


def source_labels() -> dict[str, dict[str, str]]:
    """{kind: {label: page}} for kind in equation / figure / table / target, from the TOC pages' sources."""
    out: dict[str, dict[str, str]] = {"equation": {}, "figure": {}, "table": {}, "target": {}}
    for page in toc_pages():
        text = _code_free((ROOT / f"{page}.md").read_text(encoding="utf-8"))
        for label in re.findall(r"\$\$\s*\(([\w-]+)\)\s*$", text, flags=re.M):
            out["equation"][label] = page
        for block in re.finditer(r"^([`:]{3,})\s*\{(math|figure|glue:figure|table|list-table|csv-table)\}[^\n]*\n"
                                 r"((?:\s*:[\w-]+:[^\n]*\n)*)", text, flags=re.M):
            kind = {"math": "equation", "figure": "figure", "glue:figure": "figure"}.get(block.group(2), "table")
            for opt, value in re.findall(r":(label|name):\s*(\S+)", block.group(3)):
                out[kind][value] = page
        for label in re.findall(r"^\(([\w-]+)\)=\s*$", text, flags=re.M):
            out["target"][label] = page
    return out


def prose_equation_mentions() -> dict[str, set[str]]:
    """{paper equation number: pages} for every 'Eq. (2.9)', 'Eqs. (2.2)-(2.6)', '(A.8)-(A.9)' in chapter prose."""
    mentions: dict[str, set[str]] = {}
    valid = paper_equation_numbers()
    for page in toc_pages():
        if not page.startswith("notebooks/"):
            continue
        text = _code_free((ROOT / f"{page}.md").read_text(encoding="utf-8"))
        text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)            # inside displayed math: a \text{(A.4)} tag
        for m in re.finditer(r"Eqs?\.\s*\(([0-9A])\.(\d+)\)(?:\s*(?:[–-]|--|and|,)\s*\(([0-9A])\.(\d+)\))?", text):
            sec, a = m.group(1), int(m.group(2))
            b = int(m.group(4)) if m.group(4) and m.group(3) == sec else a
            for n in range(a, b + 1):
                number = f"{sec}.{n}"
                if number in valid:
                    mentions.setdefault(number, set()).add(page)
    return mentions


def label_number(label: str) -> str | None:
    m = EQ_LABEL.match(label)
    return f"{m.group(1).upper()}.{m.group(2)}" if m else None


# ------------------------------------------------------------------------------------- built HTML


class _Numbers(HTMLParser):
    """For every element with an id: the first equation number (.eqno) or caption number (.caption-number) inside
    it, and the tag."""

    def __init__(self):
        super().__init__()
        self.found: dict[str, dict] = {}
        self._stack: list[tuple[str, str | None]] = []   # (tag, id)
        self._grab: list[tuple[str, int, str]] = []       # (kind, depth, element id) while reading a number
        self._text: dict[str, str] = {}

    VOID = {"br", "img", "meta", "link", "input", "hr", "col", "source", "wbr"}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = {k: (v or "") for k, v in attrs}
        self._stack.append((tag, a.get("id") or None))
        if a.get("id"):
            self.found.setdefault(a["id"], {"tag": tag, "number": None})
        cls = a.get("class", "").split()
        kind = "eqno" if "eqno" in cls else "caption" if "caption-number" in cls else None
        if tag == "a" and self._grab:  # the headerlink '#' after an equation number is not part of it
            self._grab.append(("skip", len(self._stack), ""))
            return
        if kind:
            owner = next((i for _, i in reversed(self._stack[:-1]) if i), None)
            if owner is not None and self.found.get(owner, {}).get("number") is None:
                self._grab.append((kind, len(self._stack), owner))
                self._text[owner] = ""

    def handle_endtag(self, tag):
        if tag in self.VOID or not self._stack:
            return
        depth = len(self._stack)
        if self._grab and self._grab[-1][1] == depth:
            kind, _, owner = self._grab.pop()
            if kind != "skip":
                self.found[owner]["number"] = self._text.pop(owner).strip()
        self._stack.pop()

    def handle_data(self, data):
        if self._grab and self._grab[-1][0] != "skip":
            self._text[self._grab[-1][2]] += data


def page_numbers(page: str) -> dict[str, dict]:
    parser = _Numbers()
    parser.feed((HTML / f"{page}.html").read_text(encoding="utf-8"))
    return parser.found


def expected_number(kind: str, label: str) -> str | None:
    """The number a paper label must show, exactly as the page prints it; None for the book's own."""
    if kind == "equation":
        n = label_number(label)
        return f"({n})" if n else None
    if kind == "figure":
        m = FIG_LABEL.match(label)
        return f"Fig. {m.group(1)}" + (f" ({m.group(2)})" if m.group(2) else "") if m else None
    m = TAB_LABEL.match(label)
    return f"Table {m.group(1)}" if m else None


# ------------------------------------------------------------------------------------- tests (sources)


def test_paper_equation_labels_exist_in_the_paper():
    """Every equation label of the form eq-<sec>-<n> names an equation the paper has ((A.24) does not exist)."""
    labels = source_labels()["equation"]
    valid = paper_equation_numbers()
    wrong = sorted(f"{lab} ({page})" for lab, page in labels.items()
                   if label_number(lab) and re.sub(r"[a-z]$", "", label_number(lab)) not in valid)
    assert not wrong, "equation labels with no such equation in the paper:\n  " + "\n  ".join(wrong)


def test_book_figures_and_tables_are_labelled_as_the_books_own():
    """A numbered figure or table is either the paper's (fig-1 ... fig-3-lower, tab-1 ... tab-6) or the book's own,
    labelled fig-book-<name> / tab-book-<name>; equations are labelled eq-<sec>-<n> (the paper's) or anything else
    (numbered (B.n))."""
    labels = source_labels()
    bad = [f"figure {lab} ({page}): rename to fig-<n>[-panel] if it is the paper's, else fig-book-<name>"
           for lab, page in labels["figure"].items() if not (FIG_LABEL.match(lab) or BOOK_FIG.match(lab))]
    bad += [f"table {lab} ({page}): rename to tab-<n> if it is the paper's, else tab-book-<name>"
            for lab, page in labels["table"].items() if not (TAB_LABEL.match(lab) or BOOK_TAB.match(lab))]
    bad += [f"equation {lab} ({page}): an eq-a-... label must be eq-a-<n> (the paper's (A.n)); a book equation "
            f"takes a label that does not start with eq-<sec>-" for lab, page in labels["equation"].items()
            if re.match(r"^eq-a-", lab) and not EQ_LABEL.match(lab)]
    assert not bad, "labels outside the numbering conventions:\n  " + "\n  ".join(sorted(bad))


def test_every_paper_figure_and_table_is_shown():
    """Figs. 1-3 (each panel, or the whole figure) and Tables 1-6 of the paper are each shown, as a numbered figure
    or table with the paper's label."""
    labels = source_labels()
    figs, tabs = set(labels["figure"]), set(labels["table"])
    missing = []
    for n, panels in PAPER_FIGURES.items():
        whole = f"fig-{n}" in figs
        if not whole and not (panels and all(f"fig-{n}-{p}" in figs for p in panels)):
            missing.append(f"Fig. {n}: no figure labelled fig-{n}" + (
                f" (or {', '.join(f'fig-{n}-{p}' for p in panels)})" if panels else ""))
    for n in PAPER_TABLES:
        if f"tab-{n}" not in tabs:
            where = labels["target"].get(f"tab-{n}")
            missing.append(f"Table {n}: no numbered table labelled tab-{n}" + (
                f" (a target `(tab-{n})=` exists in {where}, but it labels no {{table}}; wrap the table in "
                f"```{{table}} caption / :name: tab-{n}, or glue it into one)" if where else ""))
    assert not missing, "paper figures/tables the book does not show with the paper's number:\n  " + \
        "\n  ".join(missing)


def test_equations_discussed_are_displayed():
    """Every paper equation that a chapter's prose names ('Eq. (3.17)', 'Eqs. (2.2)-(2.6)') is displayed somewhere in
    the book with its label eq-<sec>-<n>, so a reader can see it next to the discussion."""
    shown = {label_number(lab) for lab in source_labels()["equation"]} - {None}
    missing = {n: pages for n, pages in prose_equation_mentions().items() if n not in shown}
    order = lambda n: (n.split(".")[0].replace("A", "9"), int(n.split(".")[1]))  # noqa: E731
    assert not missing, (f"{len(missing)} paper equation(s) discussed but never displayed:\n  " + "\n  ".join(
        f"({n}): named in {', '.join(sorted(pages))}" for n, pages in sorted(missing.items(), key=lambda kv: order(kv[0]))))


# ------------------------------------------------------------------------------------- tests (built HTML)


@needs_build
def test_built_html_paper_numbers():
    """Every paper label in the sources maps to the element that carries it on its page, and that element shows the
    paper's number: equation `equation-eq-3-17` -> '(3.17)', figure `fig-3-upper` -> 'Fig. 3 (upper)',
    table `tab-2` -> 'Table 2'. The map (number -> page#element) is printed on failure."""
    labels = source_labels()
    problems, mapping = [], {}
    cache: dict[str, dict] = {}
    for kind in ("equation", "figure", "table"):
        for label, page in labels[kind].items():
            want = expected_number(kind, label)
            if want is None:
                continue
            found = cache.setdefault(page, page_numbers(page))
            element = f"equation-{label}" if kind == "equation" else label
            got = found.get(element, {}).get("number") if element in found else None
            mapping[want] = f"{page}.html#{element}"
            if element not in found:
                problems.append(f"{want}: {page}.html has no element #{element}")
            elif got != want:
                problems.append(f"{want}: {page}.html#{element} shows {got!r}")
    assert not problems, "paper numbers not shown as in the paper:\n  " + "\n  ".join(problems) + \
        "\nmap:\n  " + "\n  ".join(f"{k} -> {v}" for k, v in mapping.items())


@needs_build
def test_built_html_book_numbers_cannot_be_confused():
    """Every numbered equation, figure and table on a page that is NOT one of the paper's shows a B.n number
    ((B.1), Fig. B.1, Table B.1), and no paper number appears on two elements."""
    problems, seen = [], {}
    paper_ids = set()
    labels = source_labels()
    for kind in ("equation", "figure", "table"):
        for label in labels[kind]:
            if expected_number(kind, label):
                paper_ids.add(f"equation-{label}" if kind == "equation" else label)
    for page in toc_pages():
        for element, info in page_numbers(page).items():
            number = info["number"]
            if not number:
                continue
            where = f"{page}.html#{element}"
            if element in paper_ids:
                if number in seen:
                    problems.append(f"{number} shown twice: {seen[number]} and {where}")
                seen[number] = where
            elif not re.fullmatch(r"\(B\.\d+\)|(Fig\.|Table) B\.\d+|Exercise \d+", number):
                problems.append(f"{where} ({info['tag']}) shows {number!r}: not a paper label, so it must be B.n")
    assert not problems, "\n  ".join(["numbers that could be taken for the paper's:"] + problems)

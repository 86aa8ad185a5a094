"""The paper's numbers for equations, figures and tables; the book's own ones as B.n, so they cannot be confused.

Sphinx numbers display math, figures and tables in running order ((1), Fig. 5, Table 2). This extension runs after
Sphinx has assigned those numbers and replaces them, by label (the conventions shared with the chapters):

* equations ``eq-<section>-<n>`` (eq-2-9, eq-a-6, eq-3-17, eq-2-9a) -> (2.9), (A.6), (3.17), (2.9a);
  any other numbered equation -> (B.n), n running over the book in reading order;
* figures ``fig-1``, ``fig-2``, ``fig-3`` -> Fig. 1, 2, 3; with a panel ``fig-2-left``, ``fig-3-upper`` ->
  "Fig. 2 (left)", "Fig. 3 (upper)"; any other figure (the book's own, labelled ``fig-book-<name>``) -> Fig. B.n;
* tables ``tab-1`` ... ``tab-6`` -> Table 1 ... 6; any other numbered table (``tab-book-<name>``) -> Table B.n;
* a figure or table without a label (only docutils' automatic id ``id<n>``) gets no number.

The number printed next to an equation, the caption number of a figure or table, and every {eq}/{numref} reference
use the replaced number (all of them read ``env.toc_fignumbers``).

Incremental builds: Sphinx compares the numbers it assigns with those stored in the environment and re-writes
every page whose numbers "changed". So the replacement is undone just before Sphinx assigns (priority 100) and
redone just after (priority 900): Sphinx only ever compares its own numbers, and a rebuild with nothing changed
re-writes nothing.
"""
import re

PAPER_LABEL = re.compile(r"^equation-eq-([0-9a-z]+)-([0-9]+[a-z]?)$")
PAPER_FIGURE = re.compile(r"^fig-([1-3])(?:-(upper|lower|left|right))?$")
PAPER_TABLE = re.compile(r"^tab-([1-6])$")
UNLABELLED = re.compile(r"^id\d+$")


def paper_number(figtype: str, node_id: str):
    """The paper's number (a tuple Sphinx joins with '.') of a labelled element, or None for the book's own."""
    if figtype == "displaymath":
        m = PAPER_LABEL.match(node_id)
        return (m.group(1).upper(), m.group(2)) if m else None
    if figtype == "figure":
        m = PAPER_FIGURE.match(node_id)
        if m:
            return (m.group(1) + (f" ({m.group(2)})" if m.group(2) else ""),)
        return None
    if figtype == "table":
        m = PAPER_TABLE.match(node_id)
        return (m.group(1),) if m else None
    return None


def _reading_order(env) -> list[str]:
    """Documents in the order of the table of contents (depth first from the root), then any others."""
    order, seen = [], set()

    def walk(doc):
        if doc in seen:
            return
        seen.add(doc)
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)
    walk(env.config.root_doc)
    return order + sorted(d for d in env.toc_fignumbers if d not in seen)


def _restore_sphinx_numbers(app, env):
    for docname, per_type in getattr(env, "paper_numbers_original", {}).items():
        for figtype, ids in per_type.items():
            current = env.toc_fignumbers.get(docname, {}).get(figtype, {})
            for node_id, number in ids.items():
                current[node_id] = number
    return []


def _paper_numbers(app, env):
    original: dict = {}
    book_count = {"displaymath": 0, "figure": 0, "table": 0}
    for docname in _reading_order(env):
        per_doc = env.toc_fignumbers.get(docname, {})
        for figtype in ("displaymath", "figure", "table"):
            numbers = per_doc.get(figtype, {})
            for node_id in sorted(numbers, key=lambda i: tuple(numbers[i])):  # Sphinx's order within the page
                if figtype != "displaymath" and UNLABELLED.match(node_id):
                    # a figure/table without a label (docutils' automatic id): not numbered (nothing can refer
                    # to it); e.g. the landing page's copy of a figure that is numbered in its chapter
                    original.setdefault(docname, {}).setdefault(figtype, {})[node_id] = numbers.pop(node_id)
                    continue
                new = paper_number(figtype, node_id)
                if new is None:
                    book_count[figtype] += 1
                    new = ("B", str(book_count[figtype]))
                original.setdefault(docname, {}).setdefault(figtype, {})[node_id] = numbers[node_id]
                numbers[node_id] = new
    env.paper_numbers_original = original
    return []


def setup(app):
    app.connect("env-get-updated", _restore_sphinx_numbers, priority=100)
    app.connect("env-get-updated", _paper_numbers, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.3", "env_version": 3}

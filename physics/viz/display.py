"""Presentation helpers shared by the chapters: markdown tables and one plotting style (no physics here)."""
from __future__ import annotations

from fractions import Fraction


def fmt(x) -> str:
    """Exact numbers as 'p/q', floats with 4 significant digits, booleans as check marks."""
    if isinstance(x, bool):
        return "✓" if x else "✗"
    if isinstance(x, Fraction):
        return str(x)
    if isinstance(x, float):
        return f"{x:.4g}"
    return str(x)


def markdown_table_text(headers, rows, cell=fmt) -> str:
    """The text of a MyST/GitHub markdown table; '|' inside headers and cells is escaped."""
    esc = lambda x: str(x).replace("|", "\\|")
    lines = ["| " + " | ".join(esc(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(esc(cell(c)) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown_table_exact(headers, rows) -> str:
    """The text of a markdown table whose cells are rendered with str() (exact Fractions as 'p/q')."""
    return markdown_table_text(headers, rows, cell=str)


def markdown_table(headers, rows):
    """A markdown table (IPython Markdown object when IPython is available, else the text)."""
    text = markdown_table_text(headers, rows)
    try:
        from IPython.display import Markdown
    except ImportError:  # pragma: no cover - IPython ships with the notebook stack
        return text
    return Markdown(text)


def use_book_style():
    """One matplotlib style for every figure of the book."""
    import matplotlib as mpl

    mpl.rcParams.update({
        "figure.figsize": (6.4, 4.2),
        "figure.dpi": 110,
        "savefig.dpi": 150,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "font.size": 11,
        "legend.frameon": False,
        "svg.hashsalt": "arXiv-2603.04394",
    })

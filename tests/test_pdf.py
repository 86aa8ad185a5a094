"""The printable book (issue #18): _build/pdf/book.pdf and book-instructor.pdf, written by scripts/build_pdf.py.

`make test` builds them (scripts/build_pdf.py) after the strict website build and then runs these checks (their names
contain "built_html", so they run in the suite's second pytest pass, on the fresh build); run on their own they check
whatever PDFs are present and skip when there are none (`make pdf`).
"""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "pdf"
STUDENT, INSTRUCTOR = OUT / "book.pdf", OUT / "book-instructor.pdf"
MIN_PAGES = 100         # the book as built on 2026-12-02: 182 pages (reader edition), 206 (instructor)

pytestmark = pytest.mark.skipif(not (STUDENT.is_file() and INSTRUCTOR.is_file()) or not shutil.which("pdftotext"),
                                reason="no PDF in _build/pdf (make pdf) or no pdftotext (poppler-utils)")


def _toc_pages(node=None) -> list[str]:
    node = node if node is not None else yaml.safe_load((ROOT / "_toc.yml").read_text())
    out = []
    if isinstance(node, dict):
        for key in ("root", "file"):
            if key in node:
                out.append(node[key])
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key, []) or []:
                out.extend(_toc_pages(child))
    return out


def _title(page: str) -> str:
    text = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _fragments(title: str) -> list[str]:
    """The words of a title outside math ($...$), as they appear in the PDF's text layer."""
    plain = re.sub(r"\$[^$]*\$", "|", title)
    return [" ".join(f.split()) for f in plain.split("|") if len(f.strip()) > 3]


def test_built_html_pdf_has_every_chapter():
    """Every page of the TOC is in both PDFs: its title (words outside math) is in the PDF's text."""
    for pdf in (STUDENT, INSTRUCTOR):
        text = _text(pdf)
        missing = [t for t in map(_title, _toc_pages()) if not all(f in text for f in _fragments(t))]
        assert not missing, f"{pdf.name}: chapter titles not found in the text: {missing}"


def test_built_html_pdf_page_count_and_editions():
    """A whole book (> MIN_PAGES pages); the instructor edition is longer: it prints the solutions."""
    n_student, n_instructor = _pages(STUDENT), _pages(INSTRUCTOR)
    assert n_student > MIN_PAGES, f"book.pdf has only {n_student} pages"
    assert n_instructor > n_student, (n_instructor, n_student)
    assert "Instructor edition" in _text(INSTRUCTOR) and "Reader edition" in _text(STUDENT)


def test_built_html_pdf_keeps_the_papers_numbering():
    """Equation, figure and table numbers are the paper's (book/_ext/paper_eqno.py also runs for the PDF)."""
    text = _text(STUDENT)
    for number in ("(2.4)", "(2.9)", "(3.9)", "(3.27)", "(4.3)", "(A.6)", "Fig. 1", "Fig. 3 (upper)", "Table 2"):
        assert number in text, f"{number} not found in book.pdf"
    assert not re.search(r"\\\((?:\\|[a-z])", text), "raw TeX in the PDF: MathJax did not typeset a formula"


def test_built_html_pdf_build_report():
    """scripts/build_pdf.py recorded a successful build, with its time and page counts."""
    state = json.loads((OUT / ".state.json").read_text())
    assert state["ok"]
    summary = state["summary"]
    print(f"PDF build {summary['seconds']} s (singlehtml {summary['singlehtml_s']} s, printing {summary['print_s']} s); "
          f"book.pdf {summary['book.pdf']['pages']} pages, book-instructor.pdf "
          f"{summary['book-instructor.pdf']['pages']} pages")
    assert summary["book.pdf"]["offsite"] == 0 and summary["book.pdf"]["merror"] == 0


def _tiny_pdf(path: Path) -> tuple[bytes, bytes]:
    """A one-page PDF with a line of text, a 5-colour RGB image and a 400-colour one (as Chromium writes them: raw
    8-bit RGB behind /FlateDecode); returns the two images' pixels."""
    import zlib

    import numpy as np
    import pikepdf

    rng = np.random.default_rng(0)
    few = rng.integers(0, 256, (5, 3), dtype=np.uint8)[rng.integers(0, 5, (40, 60))]
    many = rng.integers(0, 256, (20, 20, 3), dtype=np.uint8)
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 300))
    page = pdf.pages[0]
    images = {}
    for name, pix in (("/A", few), ("/B", many)):
        im = pikepdf.Stream(pdf, b"")
        im.write(zlib.compress(pix.tobytes()), filter=pikepdf.Name.FlateDecode)
        im.Type, im.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        im.Width, im.Height, im.BitsPerComponent = pix.shape[1], pix.shape[0], 8
        im.ColorSpace = pikepdf.Name.DeviceRGB
        images[name] = im
    page.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                      BaseFont=pikepdf.Name.Helvetica)),
        XObject=pikepdf.Dictionary(images))
    page.Contents = pdf.make_stream(b"BT /F1 12 Tf 20 260 Td (Compact me, losslessly) Tj ET "
                                    b"q 120 0 0 80 20 20 cm /A Do Q q 60 0 0 60 200 20 cm /B Do Q")
    pdf.save(path)
    return few.tobytes(), many.tobytes()


def test_built_html_compact_is_lossless_and_its_guard_can_fail(tmp_path, monkeypatch):
    """build_pdf.compact: a figure of <= 256 colours becomes an /Indexed image with the same pixels, a photo-like image
    is kept, the text is unchanged; and when the text or page count would change, it raises and keeps the original.
    (Named built_html: it needs pdftotext, which the suite's site stage has.)"""
    import sys

    import pikepdf

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_pdf

    path = tmp_path / "t.pdf"
    few, many = _tiny_pdf(path)
    text = _text(path)
    out = build_pdf.compact(path)
    assert out["images"] == {"indexed": 1, "kept": 1}
    with pikepdf.open(path) as pdf:
        xo = pdf.pages[0].Resources.XObject
        assert xo.A.ColorSpace[0] == "/Indexed" and int(xo.A.ColorSpace[2]) == 4
        assert pikepdf.PdfImage(xo.A).as_pil_image().convert("RGB").tobytes() == few
        assert xo.B.ColorSpace == "/DeviceRGB" and pikepdf.PdfImage(xo.B).as_pil_image().tobytes() == many
    assert _text(path) == text and "Compact me, losslessly" in text

    _tiny_pdf(path)
    original = path.read_bytes()
    monkeypatch.setattr(build_pdf, "pages", lambda p: 2 if p.name.endswith(".compact.pdf") else 1)
    with pytest.raises(RuntimeError, match="changed its text or its page count"):
        build_pdf.compact(path)
    assert path.read_bytes() == original and not list(tmp_path.glob("*.compact.pdf"))

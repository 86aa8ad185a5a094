# Two user-facing targets (see README.md):
#   make book   build the website into _build/html (strict; a notebook is executed only when what it uses changed)
#   make test   unit tests + notebook pair checks; each chapter once: nbval against its committed outputs, or
#               executed if its inputs changed (never both); strict book build (renders, executes nothing); site checks
# Lecture kit (issue #18):
#   make slides   one reveal.js deck per lecture of book/teaching.md -> _build/html/slides/lecture-N.html (needs the book)
#   make pdf      the whole book as one PDF -> _build/pdf/book.pdf (+ book-instructor.pdf with the solutions)
# Helper for maintainers:
#   make notebooks [NB=notebooks/X.md]   re-execute chapters into their paired .ipynb (forced)
# Both create .venv with $(PYTHON) -m venv if it is missing and (re)install the pinned
# requirements + the editable package only when requirements.txt or pyproject.toml changed.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := book
.PHONY: book test notebooks slides pdf

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamp holds the sha256 of the pins; reinstall only when they change (not on a mere touch).
$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	@want="$$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)"; \
	if [ -f $@ ] && [ "$$(cat $@)" = "$$want" ]; then touch $@; exit 0; fi; \
	echo "[make] installing pinned requirements and the editable package into $(VENV) ..."; \
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt || exit 1; \
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . || exit 1; \
	echo "$$want" > $@

book: $(STAMP)
	$(BIN)/python scripts/build_book.py

# scripts/build_book.py writes the decks after every successful build; this target only re-writes them
slides: $(STAMP)
	@test -f _build/html/index.html || $(BIN)/python scripts/build_book.py
	$(BIN)/python scripts/build_slides.py

pdf: $(STAMP)
	$(BIN)/python scripts/build_pdf.py

test: $(STAMP)
	$(BIN)/python -m pytest tests -k "not built_html"
	$(BIN)/python scripts/execute.py --verify
	$(BIN)/python scripts/build_book.py --at-least-all --quiet
	$(BIN)/python scripts/build_pdf.py
	$(BIN)/python -m pytest tests -k built_html

notebooks: $(STAMP)
	$(BIN)/python scripts/execute.py --force $(NB)

# Two user-facing targets (see README.md):
#   make book   build the website into _build/html (strict; notebooks executed, cached)
#   make test   unit tests + notebook pair checks, nbval on notebooks/*.ipynb, strict book build
# Helper for maintainers:
#   make notebooks [NB=notebooks/X.md]   re-pair notebooks/*.md with their .ipynb, refresh outputs
# Both create .venv with $(PYTHON) -m venv if it is missing and (re)install the pinned
# requirements + the editable package only when requirements.txt or pyproject.toml changed.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NBVAL_FLAGS := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.DEFAULT_GOAL := book
.PHONY: book test notebooks

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

test: $(STAMP)
	$(BIN)/python -m pytest tests -k "not built_html"
	@set -- notebooks/*.ipynb; if [ -e "$$1" ]; then \
	  echo "$(BIN)/python -m pytest $(NBVAL_FLAGS) $$*"; \
	  $(BIN)/python -m pytest $(NBVAL_FLAGS) "$$@"; \
	else echo "[make] no notebooks/*.ipynb to check with nbval"; fi
	$(BIN)/python scripts/build_book.py --at-least-all --quiet
	$(BIN)/python -m pytest tests -k built_html

notebooks: $(STAMP)
	$(BIN)/python scripts/sync_notebooks.py $(NB)

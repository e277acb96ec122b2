# The two Quickstart commands (`make reproduce`, `make test`) and what they stand on.
# Both are idempotent: the virtual environment is built once (again only when pyproject.toml changes)
# and the Fashion-MNIST files are installed from Debian only when they are missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SCALE ?= ci
# a fresh, resumable run of its own; results/ holds the project's recorded run, which the notebooks read
OUT ?= reproduction/$(SCALE)
FASHION_MNIST := /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: install data browser reproduce record test sync-check

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Fashion-MNIST from Debian's dataset-fashion-mnist, unless AA_REPRO_DATA points elsewhere
data:
	@if [ -z "$$AA_REPRO_DATA" ] && [ ! -f $(FASHION_MNIST) ]; then \
	  echo "Fashion-MNIST not found: installing Debian's dataset-fashion-mnist"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q dataset-fashion-mnist; \
	fi

# Chromium and its driver for the documentation site's browser test (tests/test_docs_site.py), from Debian, when missing
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "Chromium not found: installing Debian's chromium and chromium-driver"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi

# the main job: every experiment at CPU scale, into reproduction/<scale>/ (SCALE=paper-cpu for the converged scale: hours)
reproduce: install data
	$(BIN)/aa-repro reproduce --scale $(SCALE) --out $(OUT)

# the recorded run: writes into results/ (refused unless the tree is committed); SCALE=paper-cpu is the scale the chapters judge
record: install data
	$(BIN)/aa-repro reproduce --scale $(SCALE) --record

# the whole suite: one test per notebook (nbdev's runner) plus tests/*.py, two workers
test: install data browser
	$(BIN)/python -m pytest -n 2 --durations=10

# fails when nbdev-export or nbdev-clean would change a tracked file
sync-check: install
	$(BIN)/nbdev-export
	$(BIN)/nbdev-clean
	@git diff --exit-code --stat || { echo "nbdev-export/nbdev-clean changed tracked files: run them and commit"; exit 1; }
	@test -z "$$(git status --porcelain --untracked-files=all -- aa_repro nbs)" || { git status --short -- aa_repro nbs; echo "untracked exported files: commit them"; exit 1; }

# hoso — set-up and main jobs. On a fresh Debian machine, as root:
#   make run    install everything, generate the samples if absent, import the sample archive,
#               ingest the samples, print the table (duplicate warnings included), print a
#               demo login for each role and serve the web app at http://127.0.0.1:8000
#   make test   install everything, run the whole test suite
SHELL := /bin/bash
.ONESHELL:
.DEFAULT_GOAL := run

VENV      ?= .venv
PORT      ?= 8000
PY        := $(VENV)/bin/python
PYTHON    ?= python3
MODEL_DIR := .models/tessdata
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# System packages: OCR engine + Vietnamese model, PDF tools, fonts with Vietnamese glyphs,
# LibreOffice Writer for .doc/.rtf, Python venv, Node's npm for the tessdata package.
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils \
	fonts-liberation2 fonts-dejavu-core libreoffice-writer-nogui \
	python3 python3-venv python3-dev gcc

# make test also needs a browser for the browser tests (Playwright drives Debian's chromium).
TEST_APT_PACKAGES := chromium

.PHONY: run test setup system system-test venv model samples bench bench-understanding bench-duplicates \
	bench-scale bench-search clean

run: setup samples
	$(VENV)/bin/hoso import-archive samples/archive --metadata samples/archive/danh-sach.csv
	$(VENV)/bin/hoso ingest samples/dossiers
	$(VENV)/bin/hoso demo-accounts
	$(VENV)/bin/hoso serve --port $(PORT)

test: setup system-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest $(PYTEST_ARGS)

setup: system venv model

system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)
	command -v npm >/dev/null || missing="$$missing npm"  # any npm will do (Debian's or Node's)
	if [ -n "$$missing" ]; then
	  echo "Installing system packages:" $$missing
	  $(SUDO) apt-get update -q
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing
	fi

system-test:
	@missing=$$(for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)
	if [ -n "$$missing" ]; then
	  echo "Installing system packages for the tests:" $$missing
	  $(SUDO) apt-get update -q
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

model: $(MODEL_DIR)/vie.traineddata

$(MODEL_DIR)/vie.traineddata: scripts/install-vie-model.sh
	bash scripts/install-vie-model.sh $(MODEL_DIR)

samples: venv
	$(PY) -m samples.generate

bench: setup
	$(PY) -m bench.ocr --model-dir $(MODEL_DIR)

bench-understanding: setup
	$(PY) -m bench.understanding --n 80 --stacks 4 --seed 27

bench-duplicates: setup
	$(PY) -m bench.duplicates --seed 41 --archive 1000 --per-case 40 --scanned 20 \
	  --sizes 1000 10000 100000 --queries 40

bench-scale: setup
	$(PY) -m bench.scale

bench-search: venv
	$(PY) -m bench.search --sizes 10000 100000 --seed 5 --repeat 5

clean:
	rm -rf var .pytest_cache

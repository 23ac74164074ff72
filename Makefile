# The two set-up commands: `make run` (the web application with demo data) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: install, migrate the embedded SQLite database, load reference and demo data, serve on 127.0.0.1:8000
run: $(STAMP)
	$(BIN)/mtcr serve --demo

## test: lint, then the whole test suite (SQLite by default; PostgreSQL when DATABASE_URL is set)
test: $(STAMP) browser
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

## browser: Debian's Chromium for the Playwright tests (installed when missing and we may use apt)
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium not found at $(CHROMIUM): browser tests will be skipped (install Debian's chromium)."; fi; }

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

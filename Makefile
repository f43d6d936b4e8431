# Practica: `make run` serves the demo site; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
RUN_SETTINGS ?= config.settings.local
TEST := DJANGO_SETTINGS_MODULE=config.settings.test

# make bench: see bench/README.md (BENCH_SIZE, BENCH_DB, BENCH_GROWTH).
.PHONY: run test screenshots bench bench-digests install install-dev lint migrate demo serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py seed_demo
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py collectstatic --no-input -v0
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py serve --host $(HOST) --port $(PORT)

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(TEST) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST) $(BIN)/python manage.py check
	$(TEST) $(BIN)/pytest

# Only the every-page browser test (also part of make test): screenshots of every page type
# in var/screenshots/<role>/<page>-<width>.png, no sideways scrolling at 320 px, axe 0.
# PRACTICA_PAGES=post_detail,event_list limits it to these pages.
screenshots: install-dev
	$(TEST) PRACTICA_REQUIRE_BROWSER=1 $(BIN)/pytest tests/browser/test_every_page.py

bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; }
	$(BIN)/python bench/run.py

# A digest run on the large site (bench/digests.py): time per 1,000 digests, peak memory.
bench-digests: install
	$(BIN)/python bench/digests.py

clean:
	rm -rf $(VENV) var/db.sqlite3* staticfiles

# Connection Center: `make run` serves the portal with demo content, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help run test lint bench migrations messages clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changes: the stamp files record the last install.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev,sentry]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run ## Serve the portal on SQLite with demo content at http://127.0.0.1:8000
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo --if-empty
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed-dev ## Run ruff and the whole test suite (browser tests need Chromium)
	$(VENV)/bin/ruff check .
	@if [ -x "$(CHROMIUM)" ]; then echo "Chromium found at $(CHROMIUM): browser tests will run."; \
	  else echo "Chromium not found at $(CHROMIUM): browser tests in tests/e2e will be skipped (apt-get install chromium)."; fi
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## Check the code with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(VENV)/.installed-dev ## Run the benchmarks in bench/ and write bench/results.json
	$(PY) -m bench

migrations: $(VENV)/.installed-dev ## Make migrations for changed models
	DEBUG=1 $(PY) manage.py makemigrations

messages: $(VENV)/.installed-dev ## Update and compile the Spanish translations
	DEBUG=1 $(PY) manage.py makemessages --locale es --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'
	DEBUG=1 $(PY) manage.py compilemessages --locale es --ignore '.venv/*'

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache staticfiles

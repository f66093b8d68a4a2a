# Connection Center: `make run` serves the portal with demo content, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help run test smoke lint bench migrations messages backup restore clean

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

smoke: $(VENV)/.installed-run ## Start web, worker and scheduler for real on PostgreSQL and Redis, and check them
	$(PY) -m ops.smoke

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

# Without SECRET_KEY in the environment this is a developer's checkout: DEBUG=1 lets the settings load.
backup: $(VENV)/.installed-run ## Back up the database and media into BACKUP_DIR (default backups/)
	$(if $(SECRET_KEY),,DEBUG=1) $(PY) manage.py backup

restore: $(VENV)/.installed-run ## Restore a backup folder: make restore BACKUP=backups/connection-center-...
	@test -n "$(BACKUP)" || { echo "Name the backup: make restore BACKUP=backups/connection-center-..."; exit 1; }
	$(if $(SECRET_KEY),,DEBUG=1) $(PY) manage.py restore "$(BACKUP)"

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache staticfiles

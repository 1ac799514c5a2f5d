# changde.perfmgmt — the two set-up commands are `make start` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TESTRUNNER := $(BIN)/zope-testrunner --path=. --test-path=. --tests-pattern='^test_' \
	--ignore_dir=src --ignore_dir=var --ignore_dir=docs --ignore_dir=scripts \
	--ignore_dir=benchmarks -v
POT := src/changde/perfmgmt/locales/changde.perfmgmt.pot

.PHONY: help install system start demo test lint format i18n pins backup restore postgres-stop bench clean browser-deps screenshots

help:
	@echo "make start   install (once) and start the site on http://localhost:\$${PORT:-8080}/Plone"
	@echo "make demo    the same, loading the demo data"
	@echo "make test    run the linter and the whole test suite"
	@echo "make i18n    sync the .pot/.po files of the changde.perfmgmt domain"
	@echo "make pins    re-resolve requirements.txt (see docs/dependencies.md)"
	@echo "make backup  copy the database to var/backups (repozo; DB=postgres: pg_dump)"
	@echo "make restore TO=<new folder|new database> [FROM=...]  restore a backup beside the site"
	@echo "DB=postgres make start   the same on RelStorage/PostgreSQL; PORT=8081 INSTANCE=b: one more instance"
	@echo "make bench   time the listings and dashboards at scale (PROJECTS=2000)"
	@echo "make screenshots  the main pages as PNGs in docs/screenshots (own demo site)"

$(STAMP): requirements.txt setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps --no-input -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation \
		--config-settings editable_mode=compat -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

install: $(STAMP) system

# LibreOffice and the Noto CJK fonts for PDF documents (apt where root)
system:
	@./scripts/system_packages.sh

start: install
	./scripts/start.sh

demo: install
	DEMO=1 ./scripts/start.sh

lint: install
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

format: install
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts

# The browser tests (tests/*/test_browser_*.py) need Debian's chromium.
browser-deps:
	./scripts/browser_deps.sh

test: lint browser-deps
	$(TESTRUNNER)

# The main pages as PNGs for docs/ (a throw-away demo site of its own).
screenshots: install browser-deps
	$(BIN)/python scripts/screenshots.py

bench: install
	$(BIN)/python benchmarks/listings.py --projects $${PROJECTS:-2000}

i18n: install
	$(BIN)/python scripts/extract_rule_messages.py
	$(BIN)/i18ndude rebuild-pot --pot $(POT) --merge src/changde/perfmgmt/locales/rules.pot \
		--create changde.perfmgmt src/changde/perfmgmt
	$(BIN)/i18ndude sync --pot $(POT) src/changde/perfmgmt/locales/*/LC_MESSAGES/changde.perfmgmt.po
	$(BIN)/python scripts/plone_domain_po.py

pins:
	$(BIN)/uv pip compile --python-version 3.11 --exclude-newer $${EXCLUDE_NEWER:-2026-09-30} \
		--no-header --annotation-style line requirements.in -o requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.txt
	$(BIN)/python scripts/versions_cfg.py

# FileStorage: repozo + a blob tarball; DB=postgres: pg_dump (docs/operations.md)
backup: install
	./scripts/backup.sh

# Into a NEW folder (FileStorage) or database (DB=postgres): make restore TO=... [FROM=...]
restore: install
	./scripts/restore.sh "$(FROM)" "$(TO)"

# The project's PostgreSQL cluster (DB=postgres), e.g. before removing var/postgres
postgres-stop:
	./scripts/postgres.sh stop

clean:
	rm -rf $(VENV) parts bin develop-eggs .installed.cfg

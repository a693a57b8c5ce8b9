# CivicDesk: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV := CIVICDESK_DEBUG=1

.PHONY: run test lint typecheck pytest install messages clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

install: $(STAMP) node_modules/.package-lock.json

messages: $(STAMP)
	cd src/civicdesk && $(DEV) ../../$(BIN)/civicdesk compilemessages --ignore '.venv' -v 0

run: install messages
	mkdir -p var
	$(DEV) $(BIN)/civicdesk migrate --noinput -v 0
	$(DEV) $(BIN)/civicdesk seed --demo
	$(DEV) $(BIN)/civicdesk serve --host 127.0.0.1 --port 8000

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: install
	$(DEV) $(BIN)/mypy src

# The suite runs on SQLite, and again on PostgreSQL when DATABASE_URL points at one.
pytest: install messages
	$(DEV) $(BIN)/civicdesk makemigrations --check --dry-run -v 0
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)
	if [ -n "$$DATABASE_URL" ]; then echo "== the same suite on PostgreSQL" && $(BIN)/pytest $(PYTEST_ARGS); fi

test: lint typecheck pytest

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache

# CivicDesk: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV := CIVICDESK_DEBUG=1

.PHONY: run test lint typecheck pytest install messages clean bench bench-pg bench-appointments

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
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(DEV) $(BIN)/mypy src

# The suite runs on SQLite, and again on PostgreSQL when DATABASE_URL points at one.
pytest: install messages
	$(DEV) $(BIN)/civicdesk makemigrations --check --dry-run -v 0
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)
	if [ -n "$$DATABASE_URL" ]; then echo "== the same suite on PostgreSQL" && $(BIN)/pytest $(PYTEST_ARGS); fi

test: lint typecheck pytest

# Triage figures on one core (held-out macro-F1, throughput, p99) written into BENCHMARKS.md; about 5 minutes.
bench: install
	$(BIN)/python bench/bench_triage.py --write
	$(BIN)/python bench/bench_triage.py --embeddings --write

# PostgreSQL figures on scratch databases of the local server: the SLA sweep over 1,000,000 cases, the job
# runner, the on-time report. About 10 minutes; prints the figures (copy them into BENCHMARKS.md).
PG := postgres://postgres@127.0.0.1:5432
bench-pg: install
	for db in sla jobs kpi; do dropdb -h 127.0.0.1 -U postgres --if-exists civicdesk_bench_$$db; \
	  createdb -h 127.0.0.1 -U postgres civicdesk_bench_$$db; done
	for db in sla kpi; do DATABASE_URL=$(PG)/civicdesk_bench_$$db $(DEV) $(BIN)/civicdesk migrate -v 0; \
	  DATABASE_URL=$(PG)/civicdesk_bench_$$db $(DEV) $(BIN)/civicdesk seed -v 0; done
	DATABASE_URL=$(PG)/civicdesk_bench_sla $(DEV) $(BIN)/python bench/bench_sla_sweep.py --cases 1000000 \
	  --down-minutes 1 --down-minutes 60 --down-minutes 1440
	DATABASE_URL=$(PG)/civicdesk_bench_jobs $(DEV) $(BIN)/python bench/bench_jobs.py --jobs 5000
	DATABASE_URL=$(PG)/civicdesk_bench_kpi $(DEV) $(BIN)/python bench/kpi_bench.py --cases 1000000
	for db in sla jobs kpi; do dropdb -h 127.0.0.1 -U postgres --if-exists civicdesk_bench_$$db; done

# Appointments and queues on PostgreSQL (each script makes and drops its own scratch database): bookings
# over HTTP with 8 clients and the last-place race, the slot list at 10,000 bookings, call next with 50
# counters at once and the display's delay. About 3 minutes; prints the figures for BENCHMARKS.md.
bench-appointments: install
	$(BIN)/python bench/bench_booking.py --requests 4000 --clients 8 --workers 2 --threads 4
	$(BIN)/python bench/bench_slots.py --bookings 10000 --calls 500
	$(BIN)/python bench/bench_queue.py --counters 50 --rounds 20 --display-trials 20

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache

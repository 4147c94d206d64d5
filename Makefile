# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format worker beat migrate demo install clean bench-data bench loadtest

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	@echo "Serving on http://127.0.0.1:8000 — demo logins are in the README."
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Tests run in parallel, one process per core (pytest-xdist), a file's tests in one process;
# TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= auto
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --cov --cov-report=term-missing:skip-covered

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install
	$(BIN)/celery -A hscp worker --loglevel=INFO

beat: install
	$(BIN)/celery -A hscp beat --loglevel=INFO

# Scale (docs/scale.md): BENCH_DATABASE_URL, a PostgreSQL database of its own.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/hscp_bench

bench-data: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench_data

bench: install
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) scripts/bench

loadtest: install
	$(BIN)/pip install --quiet -r requirements-loadtest.txt
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python scripts/loadtest.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache .coverage

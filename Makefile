# The two commands of the README: `make demo` and `make test`. Everything else supports them.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_DIR := .run
# The broker address: the external one when KAFKA_BOOTSTRAP_SERVERS is set, else the local one.
BOOTSTRAP = $$(scripts/kafka status 2>/dev/null | tail -n 1)
# Processes for the pure test tiers (pytest-xdist): one per CPU.
TEST_WORKERS ?= auto

.PHONY: help install kafka kafka-stop browser demo stop test test-unit lint schemas bench-accuracy bench-state bench clean

help:
	@echo "make demo   - install, start Kafka and a worker, publish the demo snippets"
	@echo "make test   - install, start Kafka, run the whole test suite"
	@echo "make stop   - stop the demo worker and the local Kafka"

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

kafka:
	scripts/kafka start

kafka-stop:
	scripts/kafka stop

browser:
	scripts/browser

demo: install kafka
	KAFKA_BOOTSTRAP_SERVERS="$(BOOTSTRAP)" scripts/demo

stop:
	scripts/demo stop
	scripts/kafka stop

# Two runs: the pure tiers (no broker) spread over the CPUs, then the tiers that drive a real
# broker and browser one test at a time (their workers already load every CPU).
test: install kafka browser
	$(BIN)/pytest -n $(TEST_WORKERS) tests/unit tests/adapters
	KAFKA_BOOTSTRAP_SERVERS="$(BOOTSTRAP)" $(BIN)/pytest --durations=15 tests/integration tests/e2e

test-unit: install
	$(BIN)/pytest tests/unit

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

schemas: install
	$(BIN)/parley schemas

bench-accuracy: install
	$(BIN)/python bench/accuracy.py

# The negotiation state of every dev story against its gold state (tune in detail, check totals).
bench-state: install
	$(BIN)/python bench/state_quality.py

# Raw passthrough, Parley end to end, scale-out, classifier, recovery and web load, on one
# broker in one run (a private one unless KAFKA_BOOTSTRAP_SERVERS is set); writes bench/RESULTS.md.
bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(RUN_DIR) build *.egg-info

# Two commands matter to a newcomer: `make demo` and `make test`. Each installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= $(abspath ../shared)
export MULTIPOLAR_SHARED := $(SHARED)

.PHONY: install demo test lint bench eval data clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,ray]'
	touch $(STAMP)

SEED := $(wildcard $(SHARED)/seed/*.txt)
DEMO_DB := demo.duckdb

demo: install
	@rm -f $(DEMO_DB)
	@echo "== ingest: the sample corpus$(if $(SEED), and the seed story)"
	$(BIN)/multipolar ingest --db $(DEMO_DB) examples/sample_news.jsonl $(SEED) --date 2025-09-20
	@echo "== code"
	$(BIN)/multipolar code --db $(DEMO_DB)
	@echo "== events"
	@$(BIN)/multipolar events --db $(DEMO_DB) --format table
	@echo "== quantities"
	@$(BIN)/multipolar quantities --db $(DEMO_DB) --format table
	@echo "== stats"
	@$(BIN)/multipolar stats --db $(DEMO_DB) --format json

test: install
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/mypy

lint: install
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/mypy

eval: install
	$(BIN)/multipolar eval $(SHARED)/gold/plover_gsr.jsonl --format table
	$(BIN)/multipolar eval $(SHARED)/gold/petr2_gsr_validation.jsonl --format table
	$(BIN)/multipolar eval evaluation/fresh_2025.jsonl --format table
	$(BIN)/multipolar eval evaluation/allsides_2013_2020.jsonl --category ALLSIDES_TUNE --format table
	$(BIN)/multipolar eval evaluation/allsides_2013_2020.jsonl --category ALLSIDES_CHECK --format table
	$(BIN)/multipolar eval evaluation/allsides_2013_2020.jsonl --category ALLSIDES_CHECK2 --format table

# Throughput against spaCy (run.py), cost against document length and the 30 MB case
# (length.py), analytics at 1M-20M events (scale.py): run.py writes bench/RESULTS.md anew,
# the others append their sections to it.
bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/length.py --reliability
	$(BIN)/python bench/scale.py

data: install
	$(BIN)/python scripts/build_data.py --shared $(SHARED)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo.duckdb

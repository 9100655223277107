# Two commands matter on a fresh machine: `make chat` and `make test`.
# Everything installs into .venv from the pinned ranges in pyproject.toml.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell $(PYTHON) -c 'import hashlib,sys;print(hashlib.sha1(open("pyproject.toml","rb").read()).hexdigest()[:12])')

.PHONY: install chat test lint typecheck unit bench schema diagram clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ner]'
	rm -f $(VENV)/.installed-*
	touch $@

chat: install
	$(BIN)/intake-bot chat

unit: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

test: unit lint typecheck

bench: install
	$(BIN)/python -m benchmarks

# Regenerate shipped artefacts that tests keep current.
schema: install
	$(BIN)/intake-bot flows schema --output flows/flow.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Rewrite the intake diagram block in README.md from flows/intake.yaml.
diagram: install
	$(BIN)/intake-bot flows diagram flows/intake.yaml --into README.md

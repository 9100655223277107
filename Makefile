# Two commands matter on a fresh machine: `make chat` and `make test`.
# Everything installs into .venv from the pinned ranges in pyproject.toml.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HASH   := $(shell $(PYTHON) -c 'import hashlib,sys;print(hashlib.sha1(open("pyproject.toml","rb").read()).hexdigest()[:12])')
# What running needs (make chat, make run), and on top of it what testing needs.
RUN_STAMP := $(VENV)/.run-$(HASH)
STAMP  := $(VENV)/.installed-$(HASH)

# Compiled catalogs of the bot's own texts (built from the .po files, never committed).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/messages.po))

.PHONY: install chat run test lint typecheck unit bench schema diagram catalogs clean

install: $(STAMP)

$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	rm -f $(VENV)/.run-*
	touch $@

$(STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,ner]'
	rm -f $(VENV)/.installed-*
	touch $@

# Compiled catalogs are built, never committed.
%.mo: %.po $(RUN_STAMP)
	$(BIN)/pybabel -q compile -i $< -o $@

# The terminal chat scrubs names with the NER layer, as the bot does (INTAKE_NER=auto):
# its models (GiNZA, Kiwi, jieba: several hundred MB) are installed on top of what running needs.
NER_STAMP := $(VENV)/.ner-$(HASH)

$(NER_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[ner]'
	rm -f $(VENV)/.ner-*
	touch $@

chat: $(NER_STAMP) $(MO_FILES)
	$(BIN)/intake-bot chat

unit: install $(MO_FILES)
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile

typecheck: install
	$(BIN)/mypy

test: unit lint typecheck

# The bot on Telegram (long polling, SQLite): needs TELEGRAM_BOT_TOKEN in the environment.
# A trial on one machine: the generated key file may sit in the data directory (it warns);
# in production give the key as a secret (INTAKE_SECRET_KEY_FILE), never beside the data.
run: $(RUN_STAMP) $(MO_FILES)
	INTAKE_ACCEPT_KEY_IN_DATA_DIR=$${INTAKE_ACCEPT_KEY_IN_DATA_DIR:-yes} $(BIN)/intake-bot run

bench: install $(MO_FILES)
	$(BIN)/python -m benchmarks

# Regenerate shipped artefacts that tests keep current.
schema: install
	$(BIN)/intake-bot flows schema --output flows/flow.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Rewrite the intake diagram block in README.md from flows/intake.yaml.
diagram: install
	$(BIN)/intake-bot flows diagram flows/intake.yaml --into README.md

# The bot's own texts: extract the template, merge it into each catalog, compile.
# Translate new entries in locales/*/LC_MESSAGES/messages.po (a test fails on any gap).
catalogs: install
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ --no-location --sort-output --omit-header -o locales/messages.pot .
	$(BIN)/pybabel -q update -i locales/messages.pot -d locales --no-wrap --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel -q compile -d locales

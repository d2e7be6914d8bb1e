# Two commands on a fresh machine: `make run` and `make test` (Python 3.11+ and the package registries).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
OUT ?= outputs

.PHONY: run test test-fast lint install clean

run: $(STAMP)
	$(BIN)/pipeline run corpus --out $(OUT)

test: lint
	$(BIN)/python -m pytest

test-fast: $(TEST_STAMP)     # the model-free part, in seconds
	$(BIN)/python -m pytest -m "not models"

lint: $(TEST_STAMP)
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/pylint --disable=all --enable=duplicate-code --score=n pipeline

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs the exact versions of the lock files (the ranges stay in pyproject.toml for library users).
$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(TEST_STAMP): requirements-test.lock $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-test.lock
	touch $@

# Rewrites the lock files from pyproject.toml's ranges with the newest releases (then run `make test`).
.PHONY: lock
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --upgrade --strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --upgrade --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra test --extra dask --extra train -c requirements.lock -o requirements-test.lock pyproject.toml

# Retrains the relation classifiers (never part of `make test`; about 10 minutes on 2 cores): Russian on NEREL
# (its dev split only reported), English on Re-DocRED (the last 100 documents held out and reported). Needs the
# shared data and scikit-learn; thresholds come from cross-validation on the training documents.
NEREL_TRAIN ?= ../shared/data/train/nerel_train.jsonl
NEREL_DEV ?= ../shared/data/eval/nerel_dev.jsonl
REDOCRED ?= ../shared/data/train/redocred_dev.jsonl
.PHONY: models-relations
models-relations: $(TEST_STAMP)
	$(BIN)/pipeline train relations --train $(NEREL_TRAIN) --dev $(NEREL_DEV) \
		--out models/relation_pairs.json --pipeline
	$(BIN)/pipeline train relations --train $(REDOCRED) --hold-out 100 \
		--out models/relation_pairs_en.json --pipeline

# Retrains the English name tagger models/ner-en (never part of `make test`; about 35 minutes on 2 cores): CoNLL-2003
# train and Re-DocRED but its last 100 texts (kept for measuring); the best model is chosen on the last tenth of each.
CONLL_TRAIN ?= ../shared/data/train/conll2003_train.jsonl
.PHONY: models-ner models-ner-ru
models-ner: $(STAMP)
	$(BIN)/pipeline train ner en --train $(CONLL_TRAIN) --train $(REDOCRED):-100 --out models/ner-en

# Rebuilds models/given_names_ru.txt (Russian given names in Latin letters) from pymorphy3's dictionary (a minute).
.PHONY: models-given-names
models-given-names: $(STAMP)
	$(BIN)/python -m pipeline.tools.given_names

# The Russian tagger experiment (not shipped: see models/configs/README.md), into models/ner-ru.
models-ner-ru: $(STAMP)
	$(BIN)/pipeline train ner ru --train $(NEREL_TRAIN) --dev $(NEREL_DEV) --out models/ner-ru

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache

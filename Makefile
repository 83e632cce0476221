# One command each: `make run` opens the window, `make test` type-checks studyapp/ (mypy
# --strict, ~3 s) and runs every test headless. Each creates .venv on first use and reuses it
# afterwards (re-installing only when pyproject.toml changed).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench

.PHONY: run test bench check typecheck screenshots prebuilt clean icons install-desktop uninstall-desktop dist bundle translations

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "studyapp needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install -q --upgrade pip

$(STAMP_RUN): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	@touch $@ $(STAMP_RUN)

$(STAMP_BENCH): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test,bench]'
	@touch $@ $(STAMP_RUN) $(STAMP_TEST)

run: $(STAMP_RUN)
	$(PY) -m studyapp

test: $(STAMP_TEST)
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

check: $(STAMP_RUN)
	$(PY) -m studyapp check

bench: $(STAMP_BENCH)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# mypy --strict over studyapp/ (settings in pyproject.toml's [tool.mypy]).
typecheck: $(STAMP_TEST)
	$(PY) -m mypy

# After editing questions/, seeds/, studyapp/bank/ or studyapp/textnorm.py: rewrite the bundled
# deck's prebuilt load result (studyapp/bank/bundled.prebuilt; a test fails while it is stale).
prebuilt: $(STAMP_RUN)
	$(PY) -m studyapp.bank.prebuilt

screenshots: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_screenshots.py

# After changing a text the window shows: extract every tr()/translate() text of the window into
# the translators' template (committed; a test fails while it is stale). A translation is a copy
# of it saved as studyapp_<language>.ts, compiled with pyside6-lrelease to studyapp_<language>.qm.
TS_TEMPLATE := studyapp/resources/translations/studyapp.ts
translations: $(STAMP_RUN)
	$(VENV)/bin/pyside6-lupdate -silent -source-language en -locations none -no-obsolete -extensions py \
	  studyapp -ts $(TS_TEMPLATE)

# After editing studyapp/resources/icons/*.svg: render the PNG sizes (committed).
icons: $(STAMP_RUN)
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_icons.py

# The menu entry, AppStream metainfo and icons into ~/.local/share ($$XDG_DATA_HOME), starting
# this venv's studyapp-gui; uninstall-desktop removes exactly those files.
install-desktop: $(STAMP_RUN)
	$(PY) -m studyapp desktop install

uninstall-desktop:
	$(if $(wildcard $(PY)),$(PY),$(PYTHON)) -m studyapp desktop uninstall

# The wheel and the sdist (the wheel built from the sdist, so the sdist is known complete).
DIST ?= dist
dist: $(STAMP_TEST)
	rm -f $(DIST)/studyapp-*.whl $(DIST)/studyapp-*.tar.gz
	$(PY) -m build --outdir $(DIST) .

# A folder with its own Python and Qt: $(BUNDLE)/studyapp/studyapp opens the window on a machine
# without Python (PyInstaller; why not pyside6-deploy: docs/packaging/studyapp.spec).
BUNDLE ?= dist/bundle
BUNDLE_WORK ?= build/pyinstaller
bundle: $(STAMP_TEST)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath $(BUNDLE) --workpath $(BUNDLE_WORK) \
	  docs/packaging/studyapp.spec

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis

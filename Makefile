# Councillor Safety Toolkit
#   make serve   set up, build the sample toolkit and serve it on http://127.0.0.1:8000/
#   make test    set up (Chromium and poppler-utils included), build with both engines, run every test
#   make build   build the site into site/ (checks, the engine, handbooks); ENGINE=zensical for Zensical
#   make bench   run the benchmarks
#   make clean   remove everything the targets above made
#
# ENGINE=mkdocs (the default) or ENGINE=zensical picks the site generator for build and serve:
#   make build ENGINE=zensical    make serve ENGINE=zensical
#
# Each set-up step leaves a stamp file, so running a target again only redoes what is
# out of date: the virtual environment when requirements.lock changes, node_modules when
# package-lock.json changes, the Pyodide runtime when decision_tools changes.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := docs/assets/pyodide
HOST := 127.0.0.1
PORT := 8000
ENGINE ?= mkdocs
ENGINES := mkdocs zensical
ifeq ($(filter $(ENGINE),$(ENGINES)),)
  $(error ENGINE must be one of: $(ENGINES) (it is '$(ENGINE)'))
endif
# The Zensical build `make test` runs its tests against, beside MkDocs' site/.
ZENSICAL_SITE := site-zensical
export NO_MKDOCS_2_WARNING := 1
# Chromium and its tests write here, not into the user's home.
export XDG_CONFIG_HOME := $(CURDIR)/.cache/xdg-config
export XDG_CACHE_HOME := $(CURDIR)/.cache/xdg-cache

# apt-get needs root; use sudo when we are not root and it is there.
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && echo sudo)

.PHONY: help serve build sites test bench clean system-packages

help:
	@sed -n '2,9p' Makefile | sed 's/^# *//'

$(VENV)/.installed: pyproject.toml requirements.lock scripts/find-python
	@python="$$(scripts/find-python)"; \
	  echo "Creating $(VENV) with $$python"; \
	  rm -rf $(VENV); "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The self-hosted Pyodide runtime plus the decision_tools wheel and its lock file.
$(RUNTIME)/.staged: $(VENV)/.installed node_modules/.installed $(shell find decision_tools build_hooks -name '*.py' -o -name '*.toml' 2>/dev/null)
	$(PY) -m build_hooks runtime
	@touch $@

# The decision tools' static checks and every answer path; redone only when a tool changes.
.cache/decision-tools.checked: $(VENV)/.installed $(shell find decision_tools -name '*.py' -o -name '*.toml' 2>/dev/null)
	@mkdir -p .cache
	$(PY) -m decision_tools check
	@touch $@

# One build, whichever the engine: the checks (failing on any problem, by file and line), the
# engine, a check that every page has what build_hooks.extension adds, then the handbooks, whose
# PDFs Chromium prints (system-packages). See build_hooks/engines.py.
build: $(RUNTIME)/.staged .cache/decision-tools.checked system-packages
	$(PY) -m build_hooks build --engine $(ENGINE)

# Both engines' sites, for the tests: site/ by MkDocs and $(ZENSICAL_SITE)/ by Zensical.
sites: $(RUNTIME)/.staged .cache/decision-tools.checked system-packages
	$(PY) -m build_hooks build --engine mkdocs
	$(PY) -m build_hooks build --engine zensical --site-dir $(ZENSICAL_SITE)

serve: build
	@echo "Serving the toolkit, built by $(ENGINE), on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(PY) -m build_hooks serve --engine $(ENGINE) --dev-addr $(HOST):$(PORT)

# Debian packages the tests need (a browser, PDF tools, the web server councils deploy with and
# its brotli module, for the precompressed runtime);
# installed only when missing.
system-packages:
	@missing=""; \
	  command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	  command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	  if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	  fi

# Every test; the browser, print and build tests run against both engines' sites. Each part's
# time is printed at the end and written to test-results/timings.md.
test: sites system-packages
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Build scaling and wizard timings, reported against the targets (never asserted): prints a table,
# writes bench/results/latest.json and latest.md, and copies the table into README.md.
# Options, e.g.: make bench BENCH_ARGS="--quick" (see .venv/bin/python -m bench --help).
bench: sites system-packages
	$(PY) -m bench $(BENCH_ARGS)
	$(PY) -m bench.search

clean:
	rm -rf site $(ZENSICAL_SITE) $(VENV) node_modules $(RUNTIME) docs/assets/decision-tools .cache .pytest_cache .hypothesis build test-results *.egg-info

# Two commands do all set-up on a fresh machine with Python 3.11+ and make:
#   make serve   - create .venv, install the lock, serve on http://127.0.0.1:8000
#   make test    - the same set-up, then every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve serve-full build check linkcheck test bench lock clean

# npm packages for the browser and search tests (axe-core, playwright-core);
# skipped when npm is missing, the tests then say how to install it.
NODE_STAMP := node_modules/.installed-from-lock

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent && touch $(NODE_STAMP); \
	else echo "npm not found: browser and search tests will be skipped"; fi

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
	  || { echo "Python 3.11 or newer is needed (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

# --dirty: after an edit only the pages whose content changed are rebuilt (seconds, not a full build);
# serve-full rebuilds everything on each change, as the real build does.
serve: install
	$(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

serve-full: install
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

check: install
	$(BIN)/kennisbank check

# On demand only (uses the network; CI and the tests never do): web addresses in the records.
linkcheck: install
	$(BIN)/kennisbank links

test: install $(NODE_STAMP)
	$(BIN)/python -m pytest

# Benchmark from 100 to 10,000 initiatives (about half an hour); writes benchmarks/results.{json,md}.
# BENCH_SIZES=100,1000 make bench for a quick run.
bench: install $(NODE_STAMP)
	$(BIN)/python benchmarks/run.py

# Maintainers only: refresh the lock after changing pyproject.toml (needs pip-tools).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --extra build \
	  --no-emit-index-url --no-emit-find-links --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) site .pytest_cache

# Two commands for a new user: `make run` (the dashboard on the bundled data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
DEBIAN_PACKAGES := $(shell grep -v '^\#' setup/debian-packages.txt)
CHROMIUM := /usr/lib/chromium/chromium

.PHONY: run test build bench system clean serve loadtest loadtest-pages image rehearsal

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

build: $(STAMP)
	$(BIN)/python -m ita_data build

# One person on this machine: ITA_LOCAL_EDITOR=1 lets this browser import without sign-in (README: who may
# change the data); the server listens on 127.0.0.1 only.
run: $(STAMP)
	$(BIN)/python -m ita_data build --if-missing
	ITA_LOCAL_EDITOR=1 $(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port 8501 \
		--server.headless true --browser.gatherUsageStats false

# Several officers at once: one Streamlit process per core behind HAProxy on 127.0.0.1:8501 (Ctrl-C stops
# all). `make run` stays the one-process start. See README: many officers at once.
serve: $(STAMP)
	$(BIN)/python -m ita_data build --if-missing
	$(BIN)/python -m ita_data serve --port 8501

# Simulated officers against what `make serve` (or `make run`) serves; prints p50/p95 per action.
OFFICERS ?= 50
LOAD_SECONDS ?= 60
loadtest: $(STAMP)
	$(BIN)/python -m ita_data loadtest --url http://127.0.0.1:8501 --officers $(OFFICERS) --seconds $(LOAD_SECONDS)

# The pages walk (issue 26): each officer opens a random page with a random province, ~10 s apart
# (exponential), for 50, 100 and 200 officers in turn; then each page's time and bytes in chromium.
PAGE_OFFICERS ?= 50,100,200
loadtest-pages: $(STAMP)
	$(BIN)/python -m ita_data loadtest --url http://127.0.0.1:8501 --walk pages --officers $(PAGE_OFFICERS) \
		--seconds $(LOAD_SECONDS)
	$(BIN)/python tests/bench_pages.py --url http://127.0.0.1:8501 --no-apptest

# The dashboard as a container image, built with podman from a local Debian base (no registry): prints its
# tag and size; an image of the same content is reused. This host's podman settings: deploy/image.py.
image: $(STAMP)
	$(BIN)/python -m deploy.image

# Serving over several machines, rehearsed on this one: two replica containers on one read-only volume
# behind HAProxy on http://127.0.0.1:8501; `python -m deploy.rehearsal write import-table FILE` publishes.
rehearsal: $(STAMP)
	$(BIN)/python -m deploy.rehearsal up

# Debian packages (setup/debian-packages.txt): chromium for the browser tests and the brief, Thai fonts,
# Tesseract for scans, poppler, LibreOffice for the document fixtures, HAProxy for `make serve`, podman,
# runc and debootstrap for `make image`, strace for the test that watches the brief printer.
system:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "install first: sudo apt-get install $$missing"; fi

# Lint, format and types first (configured in pyproject.toml), then every test.
test: $(STAMP) system
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# Speed and memory figures (printed, never asserted): analytics, parser, import, pages.
bench: $(STAMP) system
	$(BIN)/python -m ita_data bench
	$(BIN)/python -m ita_data parse-bench
	$(BIN)/python -m ita_data import-bench
	$(BIN)/python tests/bench_pages.py

clean:
	rm -rf $(VENV) data/ita.duckdb data/ita.duckdb.wal

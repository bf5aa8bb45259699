# Two commands for a new user: `make run` (the dashboard on the bundled data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
CHROMIUM := /usr/lib/chromium/chromium

.PHONY: run test build bench browser clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

build: $(STAMP)
	$(BIN)/python -m ita_data build

run: $(STAMP)
	$(BIN)/python -m ita_data build --if-missing
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --server.port 8501 \
		--server.headless true --browser.gatherUsageStats false

# The end-to-end tests drive Debian's chromium; Thai fonts make the screenshots readable.
browser:
	@if [ -x $(CHROMIUM) ] && fc-list 2>/dev/null | grep -qi -e tlwg -e garuda; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null; \
	else echo "browser tests need: sudo apt-get install chromium fonts-thai-tlwg"; fi

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# Speed and memory figures (printed, never asserted): analytics, parser, import, pages.
bench: $(STAMP) browser
	$(BIN)/python -m ita_data bench
	$(BIN)/python -m ita_data parse-bench
	$(BIN)/python -m ita_data import-bench
	$(BIN)/python tests/bench_pages.py

clean:
	rm -rf $(VENV) data/ita.duckdb data/ita.duckdb.wal

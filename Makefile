# The Helper Course. On a fresh machine:  make serve  (live preview)  |  make test  |  make build
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build test quizzes bench stats chromium system-tools clean help

help:
	@echo "make serve   live preview on http://$(HOST) (installs what it needs first)"
	@echo "make build   write the static site to site/"
	@echo "make test    install test tools (incl. Debian's chromium) and run all tests"
	@echo "make quizzes check and compile quizzes/*.yaml"
	@echo "make bench   print build and quiz-compiler figures"
	@echo "make stats   print lesson word counts and quiz sizes per module and language"

$(BIN)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.test-installed: requirements-test.txt $(BIN)/.site-installed
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

# Debian packages the tests drive for real: the browser, the web server an organisation would use,
# and the link checker. Installed only when missing (CI starts from a fresh machine, as root).
TEST_TOOLS := /usr/bin/chromium:chromium /usr/sbin/nginx:nginx /usr/bin/linkchecker:linkchecker
system-tools:
	@missing="$$(for pair in $(TEST_TOOLS); do test -x $${pair%%:*} || echo $${pair##*:}; done)"; \
	if [ -n "$$missing" ]; then echo "Installing Debian packages for the tests:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing < /dev/null; fi

chromium: system-tools

# The Nu HTML Checker (vnu-jar, from npm; runs on the machine's Java), pinned in package.json.
node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

quizzes: $(BIN)/.site-installed
	$(BIN)/python build_quizzes.py

serve: $(BIN)/.site-installed
	$(BIN)/python build_quizzes.py || echo "Fix the quiz problems above; the preview uses the last good quizzes meanwhile."
	$(BIN)/mkdocs serve --dev-addr $(HOST)

# Built next to site/ and swapped in only when the build succeeded: a failed build keeps the last good site.
build: $(BIN)/.site-installed
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --quiet --site-dir .site-new
	rm -rf site && mv .site-new site
	@echo "Built the site in site/"

test: $(BIN)/.test-installed system-tools node_modules/.installed
	$(BIN)/python -m pytest

bench: $(BIN)/.site-installed
	$(BIN)/python bench/build.py

stats: $(BIN)/.site-installed
	$(BIN)/python -m helpercourse.course_stats

clean:
	rm -rf site .site-new build .pytest_cache

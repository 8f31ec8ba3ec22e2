# The Helper Course. On a fresh machine:  make serve  (live preview)  |  make test  |  make build
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The edition is chosen per target (trainer, serve-trainer), never by a variable left in the shell.
unexport HELPERCOURSE_EDITION

.PHONY: serve build test check quizzes bench stats chromium system-tools clean help offline

help:
	@echo "make serve   live preview on http://$(HOST) (installs what it needs first)"
	@echo "make trainer / make serve-trainer   the trainer edition (notes, answer keys) in site-trainer/ / on http://$(TRAINER_HOST)"
	@echo "make build   write the static site to site/"
	@echo "make check   for trainers: check lessons, quizzes, interface strings and links in under a minute"
	@echo "make test    install test tools (Debian chromium, nginx, linkchecker; vnu-jar) and run all tests"
	@echo "make quizzes check and compile quizzes/*.yaml"
	@echo "make bench   print build and quiz-compiler figures"
	@echo "make stats   print lesson word counts and quiz sizes per module and language"
	@echo "make status  each page and quiz translation: complete, outdated or missing"
	@echo "make offline a zip of the site that works opened from disk (dist/helper-course-offline.zip)"
	@echo "make question-banks  every quiz as Moodle XML, GIFT and QTI 2.1 in dist/question-banks/ (LMS.md)"
	@echo "make scorm   SCORM 1.2 and 2004 packages per language for an LMS (dist/scorm/; see LMS.md)"

# The course's own package (helpercourse/, the MkDocs plugin) is installed editable: edits need no reinstall.
$(BIN)/.site-installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
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

# Built next to site/ and swapped in only when the build succeeded: a failed build keeps the last
# good site, and the swap (helpercourse/site_swap.py) leaves a whole site/ at every moment.
# No --quiet: it hides the warnings --strict counts, so broken links would pass.
build: $(BIN)/.site-installed
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new || { rm -rf .site-new; exit 1; }
	$(BIN)/python -m helpercourse.site_swap .site-new site
	@echo "Built the site in site/"

# What a trainer runs before sending a change: every source rule and every link, file:line on each.
check: $(BIN)/.site-installed
	$(BIN)/python -m helpercourse.check

# Two workers (pytest-xdist), one test file each at a time: the browser tests mostly wait.
TEST_WORKERS ?= 2
test: $(BIN)/.test-installed system-tools node_modules/.installed
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

bench: $(BIN)/.site-installed
	$(BIN)/python bench/build.py

stats: $(BIN)/.site-installed
	$(BIN)/python -m helpercourse.course_stats

# Translation status (helpercourse/translation_status.py); after bringing a translation in line:
#   make status-mark PAGE=sv/02-trust.md   or, for a quiz,   make status-mark PAGE=quizzes/trust.yaml FOR=sv
.PHONY: status status-mark
status: $(BIN)/.site-installed
	$(BIN)/python -m helpercourse.translation_status

status-mark: $(BIN)/.site-installed
	@test -n "$(PAGE)" || { echo "Say which translation: make status-mark PAGE=sv/02-trust.md (a quiz: PAGE=quizzes/trust.yaml FOR=sv)"; exit 2; }
	$(BIN)/python -m helpercourse.translation_status mark $(PAGE) $(if $(FOR),--lang $(FOR))

# The course as one zip that works unpacked and opened from disk (file://), search included.
offline: $(BIN)/.site-installed
	$(BIN)/python -m helpercourse.offline_copy dist/helper-course-offline.zip

# The course for an LMS (LMS.md): per language a SCORM 1.2 and a SCORM 2004 4th edition zip in
# dist/scorm/, built from a fresh strict build (helpercourse/scorm/); a failed export keeps the last good ones.
.PHONY: scorm
# SCORM_REQUIRED=1,8,9: only those modules must be passed for the LMS to record the course as completed.
SCORM_REQUIRED ?=
scorm: $(BIN)/.site-installed
	$(BIN)/python -m helpercourse.scorm $(if $(SCORM_REQUIRED),--required $(SCORM_REQUIRED))

# The trainer edition: facilitator notes, trainer-only pages and open answer keys
# (helpercourse/trainer_edition.py). Never copy site-trainer/ where trainees can reach it.
TRAINER_HOST ?= 127.0.0.1:8001
.PHONY: trainer serve-trainer
trainer: $(BIN)/.site-installed
	rm -rf .site-trainer-new
	HELPERCOURSE_EDITION=trainer $(BIN)/mkdocs build --strict --site-dir .site-trainer-new \
	  || { rm -rf .site-trainer-new; exit 1; }
	$(BIN)/python -m helpercourse.site_swap .site-trainer-new site-trainer
	@echo "Built the trainer edition in site-trainer/"

serve-trainer: $(BIN)/.site-installed
	$(BIN)/python build_quizzes.py || echo "Fix the quiz problems above; the preview uses the last good quizzes meanwhile."
	HELPERCOURSE_EDITION=trainer $(BIN)/mkdocs serve --dev-addr $(TRAINER_HOST)

clean:
	rm -rf site .site-new .site-old build .pytest_cache site-trainer .site-trainer-new .site-trainer-old

# Question banks for an LMS (helpercourse/question_banks/): Moodle XML, GIFT and QTI 2.1 per
# language in dist/question-banks/, written beside it and swapped in, so bad quiz input (reported
# as file:line) keeps the last good banks. Prints sizes and every question a format leaves out.
.PHONY: question-banks
question-banks: $(BIN)/.site-installed
	$(BIN)/python -m helpercourse.question_banks

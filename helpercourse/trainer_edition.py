"""The two editions of the course: the trainee site and the trainer edition.

One switch, `extra.edition` in mkdocs.yml (set from the environment variable
HELPERCOURSE_EDITION; `make trainer` and `make serve-trainer` set it), chooses:

- trainee (the default): facilitator notes are cut from every page (facilitator_notes.py) and
  pages whose front matter says `trainer_only: true` are left out of the build, so neither is
  in the HTML, the navigation, the search index or the sitemap;
- trainer: the notes are shown (styled by overrides/assets/trainer.css), every quiz's answer key
  is open, on screen and on paper, the site name carries a suffix and every page a banner, in
  the page's language, so the edition is never mistaken for the trainee site.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from .facilitator_notes import NOTE_TYPE, empty_note_lines, strip_notes
from .problems import Problem, display_path

TRAINEE, TRAINER = "trainee", "trainer"
ENV_NAME = "HELPERCOURSE_EDITION"
TRAINER_CSS = "assets/trainer.css"
TRAINER_ONLY = "trainer_only"

_ANSWER_KEY = re.compile(r'<details class="hc-answer-key"><summary>[^<]*</summary>')
# Any element that Markdown made from a facilitator note (a last check on the trainee site).
_NOTE_HTML = re.compile(rf'class="[^"]*\b{NOTE_TYPE}\b', re.IGNORECASE)


def edition(config) -> str:
    value = str(config.extra.get("edition") or TRAINEE).strip().lower()
    if value not in (TRAINEE, TRAINER):
        raise PluginError(f"{ENV_NAME} is '{value}'; use '{TRAINEE}' (the default, the site for "
                          f"trainees) or '{TRAINER}' (with facilitator notes and answer keys)")
    return value


def configure(config) -> str:
    """Check the switch and, for the trainer edition, add its style sheet. Returns the edition."""
    chosen = edition(config)
    if chosen == TRAINER and TRAINER_CSS not in config.extra_css:
        config.extra_css.append(TRAINER_CSS)
    return chosen


# --- trainer-only pages --------------------------------------------------------------------------

def trainer_only(path: Path) -> tuple[bool, list[Problem]]:
    """Whether a page's front matter marks it `trainer_only: true`."""
    source = Path(path).read_text(encoding="utf-8-sig")
    if TRAINER_ONLY not in source:  # most pages: no front matter to parse
        return False, []
    value = get_data(source)[1].get(TRAINER_ONLY)
    if value is None or isinstance(value, bool):
        return bool(value), []
    line = next((n for n, text in enumerate(source.splitlines(), 1)
                 if text.startswith(TRAINER_ONLY)), 1)
    return True, [Problem(display_path(path), line,
                          f"'{TRAINER_ONLY}' must be true or false, not {value!r}")]


def select_files(files, chosen: str):
    """The trainee edition leaves trainer-only pages out of the build. Returns (files, problems)."""
    problems = []
    for file in list(files.documentation_pages()):
        only, found = trainer_only(Path(file.abs_src_path))
        problems += found
        if only and chosen == TRAINEE:
            files.remove(file)
    return files, problems


# --- per page ------------------------------------------------------------------------------------

def page_markdown(markdown: str, source_path: str, chosen: str) -> tuple[str, list[Problem]]:
    """Cut the notes for trainees; in both editions, report a note whose text is not indented."""
    source = Path(source_path).read_text(encoding="utf-8-sig")
    problems = [Problem(display_path(source_path), line, f"this '!!! {NOTE_TYPE}' note has no text under it; indent "
                        "the note's text by four spaces, or it shows to trainees as a paragraph")
                for line in empty_note_lines(source)]
    return (strip_notes(markdown) if chosen == TRAINEE else markdown), problems


def page_html(html: str, source_path: str, chosen: str, ui: dict) -> tuple[str, list[Problem]]:
    """Trainer: open every answer key. Trainee: make sure no note got through."""
    if chosen == TRAINER:
        opened = (f'<details class="hc-answer-key hc-answer-key--trainer" open>'
                  f'<summary>{escape(ui["trainer_answer_key"])}</summary>')
        return _ANSWER_KEY.sub(lambda match: opened, html), []
    if _NOTE_HTML.search(html):
        return html, [Problem(display_path(source_path), 1,
                              f"a '{NOTE_TYPE}' note reached the trainee page; write notes only as "
                              f"'!!! {NOTE_TYPE} \"…\"' admonitions (see TRAINERS.md)")]
    return html, []


# --- the edition's name, on every page -----------------------------------------------------------

def name_site(config, chosen: str, ui: dict) -> None:
    """Trainer: the language's site name gets the edition's name, so titles and header say it."""
    suffix = f" – {ui['trainer_edition_name']}"
    if chosen == TRAINER and not config.site_name.endswith(suffix):
        config.site_name += suffix


def banner(chosen: str, ui: dict) -> str:
    """The banner text for overrides/main.html ('' on the trainee site)."""
    return ui["trainer_edition_banner"] if chosen == TRAINER else ""

"""The two editions of the course: the trainee site and the trainer edition.

The plugin option `edition` (mkdocs.yml: `helpercourse: edition: …`, which `make trainer` and
`make serve-trainer` set through HELPERCOURSE_EDITION) chooses:

- trainee (the default): facilitator notes are cut from every page (facilitator_notes.py) and
  pages whose front matter says `trainer_only: true` are left out of the build (the plugin's
  on_files), so neither is in the HTML, the navigation, the search index or the sitemap;
- trainer: the notes are shown (styled by overrides/assets/trainer.css), every quiz's answer key
  is open, on screen and on paper, the site name carries a suffix and every page a banner, in
  the page's language, so the edition is never mistaken for the trainee site.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.config_options import ExtraScriptValue

from .facilitator_notes import NOTE_TYPE, empty_note_lines, strip_notes
from .problems import Problem, display_path

TRAINEE, TRAINER = "trainee", "trainer"
TRAINER_CSS = "assets/trainer.css"
TRAINER_JS = "assets/worksheet.js"  # the "print blank worksheet" button

_H1_END = re.compile(r"</h1>")
_ANSWER_KEY = re.compile(r'<details class="hc-answer-key"><summary>[^<]*</summary>')
# Any element that Markdown made from a facilitator note (a last check on the trainee site).
_NOTE_HTML = re.compile(rf'class="[^"]*\b{NOTE_TYPE}\b', re.IGNORECASE)


# --- per page ------------------------------------------------------------------------------------

def page_markdown(markdown: str, page, chosen: str) -> tuple[str, list[Problem]]:
    """Cut the notes for trainees; in both editions, report a note whose text is not indented.

    `page` is the course's CoursePage (its whole source text gives the lines), or None.
    """
    problems = [] if page is None else [
        Problem(display_path(page.path), line, f"this '!!! {NOTE_TYPE}' note has no text under it; indent "
                "the note's text by four spaces, or it shows to trainees as a paragraph")
        for line in empty_note_lines(page.source.text)]
    return (strip_notes(markdown) if chosen == TRAINEE else markdown), problems


def page_html(html: str, shown_path: str, chosen: str, ui: dict) -> tuple[str, list[Problem]]:
    """Trainer: open every answer key. Trainee: make sure no note got through."""
    if chosen == TRAINER:
        opened = (f'<details class="hc-answer-key hc-answer-key--trainer" open>'
                  f'<summary>{escape(ui["trainer_answer_key"])}</summary>')
        return _ANSWER_KEY.sub(lambda match: opened, html), []
    if _NOTE_HTML.search(html):
        return html, [Problem(shown_path, 1,
                              f"a '{NOTE_TYPE}' note reached the trainee page; write notes only as "
                              f"'!!! {NOTE_TYPE} \"…\"' admonitions (see TRAINERS.md)")]
    return html, []


def add_trainer_script(config) -> None:
    """Trainer: load worksheet.js (deferred, like the course's other scripts) once."""
    if any(str(script) == TRAINER_JS for script in config.extra_javascript):
        return
    script = ExtraScriptValue(TRAINER_JS)
    script.defer = True
    config.extra_javascript.append(script)


def worksheet_button(html: str, chosen: str, ui: dict) -> str:
    """Trainer: under a module's heading, the button worksheet.js makes print the blank
    worksheet (hidden until the script runs: without it the button would do nothing)."""
    if chosen != TRAINER:
        return html
    button = (f'<p class="hc-worksheet" hidden><button type="button" class="md-button hc-worksheet__print">'
              f'{escape(ui["worksheet_print"])}</button></p>')
    return _H1_END.sub(lambda end: end[0] + button, html, count=1)


# --- the edition's name, on every page -----------------------------------------------------------

def name_site(config, chosen: str, ui: dict) -> None:
    """Trainer: the language's site name gets the edition's name, so titles and header say it."""
    suffix = f" – {ui['trainer_edition_name']}"
    if chosen == TRAINER and not config.site_name.endswith(suffix):
        config.site_name += suffix


def banner(chosen: str, ui: dict) -> str:
    """The banner text for overrides/main.html ('' on the trainee site)."""
    return ui["trainer_edition_banner"] if chosen == TRAINER else ""

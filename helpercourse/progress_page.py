"""The progress page: one row per quiz of the course, the trainee's reflections, export/import.

The server renders everything a reader can see without JavaScript (the table of modules, each
linked to its lesson, with the status "not started"); progress-page.js then fills in the real
statuses and reflections from this browser's storage. What it needs rides in two
<script type="application/json"> blocks, as for a quiz: the quizzes' questions (id, type,
fingerprint, prompt) and the interface strings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape, unescape

from .quiz_json import DEFAULT_PASS_MARK  # for quiz JSON from before schema 2

SLOT = '<div class="hc-progress-slot" data-note="{note}"></div>'
_SLOT_PATTERN = re.compile(r'<div class="hc-progress-slot" data-note="([^"]*)"></div>')

# interface strings progress-page.js uses
UI_KEYS = ("status_not_started", "status_in_progress", "status_completed", "storage_unavailable",
           "storage_corrupt", "no_reflections", "delete_confirm", "deleted", "imported",
           "import_failed", "import_not_json", "import_wrong_file", "import_unreadable")


def _data_block(css_class: str, data: dict) -> str:
    # "</" inside a data block would end the <script>; escaping "<" keeps the JSON intact.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" class="{css_class}">{text}</script>'


@dataclass(frozen=True)
class Lesson:
    title: str
    href: str  # relative to the progress page
    quiz_ids: list[str]  # the quizzes the lesson embeds, in page order


@dataclass(frozen=True)
class Module:
    quiz_id: str
    title: str  # the lesson's title
    href: str  # relative to the progress page


def modules(lessons: list[Lesson], known) -> list[Module]:
    """The quizzes in lesson order, each with the lesson that embeds it (first one wins)."""
    found: dict[str, Module] = {}
    for lesson in lessons:
        for quiz_id in lesson.quiz_ids:
            if quiz_id in known and quiz_id not in found:
                found[quiz_id] = Module(quiz_id, lesson.title, lesson.href)
    return list(found.values())


def page_data(modules: list[Module], quizzes: dict[str, dict]) -> dict:
    """What progress-page.js needs to know about each quiz (never the answers)."""
    return {"quizzes": [{
        "id": module.quiz_id,
        "title": quizzes[module.quiz_id]["title"],
        "module": module.title,
        "url": module.href,
        "pass_mark": quizzes[module.quiz_id].get("pass_mark", DEFAULT_PASS_MARK),
        "questions": [{"id": q["id"], "type": q["type"], "fingerprint": q.get("fingerprint"),
                       "prompt": q["prompt"]} for q in quizzes[module.quiz_id]["questions"]],
    } for module in modules]}


def render_progress(modules: list[Module], quizzes: dict[str, dict], ui: dict, caption: str,
                    no_script_note: str = "") -> str:
    """The page's interactive part; `quizzes` are the compiled quizzes in the page's language."""
    rows = "".join(
        f'<tr data-quiz-id="{escape(m.quiz_id)}"><th scope="row"><a href="{escape(m.href)}">'
        f'{escape(m.title)}</a></th><td class="hc-progress__status">{escape(ui["status_not_started"])}</td></tr>'
        for m in modules)
    note = f'<p class="hc-progress__no-script">{escape(no_script_note)}</p>' if no_script_note else ""
    return (
        '<div class="hc-progress">'
        f'<p class="hc-progress__storage" role="status"></p>{note}'
        f'<table><caption>{escape(caption)}</caption><thead><tr>'
        f'<th scope="col">{escape(ui["progress_module"])}</th><th scope="col">{escape(ui["progress_status"])}</th>'
        f'</tr></thead><tbody>{rows}</tbody></table>'
        '<div class="hc-progress__actions" hidden>'
        f'<p><button type="button" class="md-button hc-progress__export">{escape(ui["export"])}</button></p>'
        f'<p><label for="hc-progress-import">{escape(ui["import"])}</label><br>'
        '<input type="file" id="hc-progress-import" class="hc-progress__import" accept="application/json,.json"></p>'
        f'<p><button type="button" class="md-button hc-progress__delete">{escape(ui["delete_all"])}</button></p>'
        '</div>'
        '<p class="hc-progress__message" role="status"></p>'
        f'<h2 id="hc-reflections">{escape(ui["progress_reflections"])}</h2>'
        f'<p class="hc-progress__none" hidden>{escape(ui["no_reflections"])}</p>'
        '<ul class="hc-progress__reflections" hidden></ul>'
        f'{_data_block("hc-progress-data", page_data(modules, quizzes))}'
        f'{_data_block("hc-progress-ui", {key: ui[key] for key in UI_KEYS})}'
        '</div>'
    )


# --- the ```progress block ---------------------------------------------------------------------
def format_progress_fence(source, language, css_class, options, md, **kwargs):
    """pymdown superfences formatter for ```progress: a placeholder that fill_slots replaces.

    The block's text, if any, is the note shown when JavaScript is off (in the page's language).
    """
    return SLOT.format(note=escape(" ".join(source.split())))


def has_slot(html: str) -> bool:
    return "hc-progress-slot" in html


def fill_slots(html: str, lessons: list[Lesson], quizzes: dict[str, dict], ui: dict) -> str:
    """Replace each ```progress placeholder in a page's HTML with the rendered progress part.

    `lessons`: the language's pages that embed quizzes, in course order; `quizzes`: the compiled
    quizzes in that language.
    """
    if not has_slot(html):
        return html
    found = modules(lessons, quizzes)
    return _SLOT_PATTERN.sub(
        lambda slot: render_progress(found, quizzes, ui, ui["progress_caption"], unescape(slot[1])), html)

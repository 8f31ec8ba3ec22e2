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
           "import_failed", "import_not_json", "import_wrong_file", "import_unreadable",
           "overall_progress", "status_not_passed", "module_numbered", "file_chosen",
           "import_nothing_new", "change_newer_one", "change_newer_other", "change_new_one",
           "change_new_other", "change_reflection_newer_one", "change_reflection_newer_other",
           "change_reflection_new_one", "change_reflection_new_other", "import_cancelled",
           "storage_corrupt_quiz", "set_aside_all", "set_aside_quiz", "set_aside_earlier",
           "set_aside_download", "set_aside_discard", "set_aside_discard_confirm",
           "set_aside_discarded", "record_score_value", "record_no_date", "record_date")


def _data_block(css_class: str, data: dict) -> str:
    # "</" inside a data block would end the <script>; escaping "<" keeps the JSON intact.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" class="{css_class}">{text}</script>'


@dataclass(frozen=True)
class Lesson:
    title: str
    href: str  # relative to the progress page
    quiz_ids: list[str]  # the quizzes the lesson embeds, in page order
    notes: tuple[tuple[str, str], ...] = ()  # (note id, box title) of its reflection boxes (lesson_notes)


@dataclass(frozen=True)
class Module:
    quiz_id: str
    title: str  # the lesson's title
    href: str  # relative to the progress page
    notes: tuple[tuple[str, str], ...] = ()


def modules(lessons: list[Lesson], known) -> list[Module]:
    """The quizzes in lesson order, each with the lesson that embeds it (first one wins)."""
    found: dict[str, Module] = {}
    for lesson in lessons:
        for quiz_id in lesson.quiz_ids:
            if quiz_id in known and quiz_id not in found:
                found[quiz_id] = Module(quiz_id, lesson.title, lesson.href, tuple(lesson.notes))
    return list(found.values())


def page_data(modules: list[Module], quizzes: dict[str, dict]) -> dict:
    """What progress-page.js needs to know about each quiz (never the answers)."""
    return {"quizzes": [{
        "id": module.quiz_id,
        "number": number,
        "title": quizzes[module.quiz_id]["title"],
        "module": module.title,
        "url": module.href,
        "pass_mark": quizzes[module.quiz_id].get("pass_mark", DEFAULT_PASS_MARK),
        "questions": [{"id": q["id"], "type": q["type"], "fingerprint": q.get("fingerprint"),
                       "prompt": q["prompt"]} for q in quizzes[module.quiz_id]["questions"]],
        # the lesson's own reflection boxes, whose notes the trainee writes on the lesson page
        "notes": [{"id": note_id, "title": title} for note_id, title in module.notes],
    } for number, module in enumerate(modules, start=1)]}


def _button(css_class: str, text: str, hidden: bool = False) -> str:
    return (f'<button type="button" class="md-button {css_class}"{" hidden" if hidden else ""}>'
            f'{escape(text)}</button>')


def _record_part(ui: dict, course_name: str) -> str:
    """The course record: the learner's name, the completed modules (filled in by the script);
    printed alone by its Print button (print.css)."""
    return (
        '<section class="hc-record-part hc-print-part" aria-labelledby="hc-record" hidden>'
        f'<h2 id="hc-record">{escape(ui["record_title"])}</h2>'
        f'<p>{escape(ui["record_intro"])}</p>'
        f'<p class="hc-record__name-field"><label for="hc-record-name">{escape(ui["record_name"])}</label><br>'
        '<input type="text" id="hc-record-name" class="hc-record__name-input" autocomplete="name" '
        'maxlength="120" aria-describedby="hc-record-name-note"></p>'
        f'<p id="hc-record-name-note" class="hc-record__note">{escape(ui["record_name_note"])}</p>'
        f'<p>{_button("hc-record__print", ui["print_record"])}</p>'
        '<div class="hc-record">'
        f'<p class="hc-record__course">{escape(course_name)}</p>'
        f'<h3 class="hc-record__heading">{escape(ui["record_heading"])}</h3>'
        '<p class="hc-record__name"></p>'
        '<p class="hc-record__summary"></p>'
        # a class of its own: Material would put the table in a scrolling box (not reachable by
        # keyboard when it scrolls on a phone); progress.css lets it wrap instead
        f'<div class="hc-record__modules"><table class="hc-record__table"><thead><tr><th scope="col">{escape(ui["progress_module"])}</th>'
        f'<th scope="col">{escape(ui["record_completed_on"])}</th><th scope="col">{escape(ui["record_score"])}</th>'
        '</tr></thead><tbody></tbody></table></div>'
        f'<p class="hc-record__none" hidden>{escape(ui["record_none"])}</p>'
        '<p class="hc-record__date"></p>'
        '</div></section>'
    )


def render_progress(modules: list[Module], quizzes: dict[str, dict], ui: dict, caption: str,
                    no_script_note: str = "", course_name: str = "") -> str:
    """The page's interactive part; `quizzes` are the compiled quizzes in the page's language."""
    rows = "".join(
        f'<tr data-quiz-id="{escape(m.quiz_id)}"><th scope="row"><a href="{escape(m.href)}">'
        f'{escape(m.title)}</a></th><td class="hc-progress__status">{escape(ui["status_not_started"])}</td></tr>'
        for m in modules)
    note = f'<p class="hc-progress__no-script">{escape(no_script_note)}</p>' if no_script_note else ""
    return (
        '<div class="hc-progress">'
        f'<p class="hc-progress__storage" role="status"></p>{note}'
        # the overall bar: its text is its name, so the bar reads the same as it looks
        '<div class="hc-progress__overall" hidden><p id="hc-progress-overall" class="hc-progress__overall-text"></p>'
        f'<progress class="hc-progress__bar" max="{len(modules)}" value="0" aria-labelledby="hc-progress-overall">'
        '</progress></div>'
        f'<table><caption>{escape(caption)}</caption><thead><tr>'
        f'<th scope="col">{escape(ui["progress_module"])}</th><th scope="col">{escape(ui["progress_status"])}</th>'
        f'</tr></thead><tbody>{rows}</tbody></table>'
        '<div class="hc-progress__actions" hidden>'
        f'<p>{_button("hc-progress__export", ui["export"])}</p>'
        # The browser's own file picker speaks the browser's language ("No file chosen"): it is
        # hidden from sight (not from the keyboard) behind a label in the page's language.
        '<p class="hc-progress__file"><input type="file" id="hc-progress-import" '
        'class="hc-progress__import hc-visually-hidden" accept="application/json,.json">'
        f'<label for="hc-progress-import" class="md-button hc-progress__pick">{escape(ui["import"])}</label>'
        ' <span class="hc-progress__file-name"></span></p>'
        f'<p>{_button("hc-progress__delete", ui["delete_all"])}</p>'
        '</div>'
        '<div class="hc-progress__preview" role="group" aria-labelledby="hc-progress-preview-title" tabindex="-1" hidden>'
        f'<p id="hc-progress-preview-title" class="hc-progress__preview-title">{escape(ui["import_preview"])}</p>'
        '<ul class="hc-progress__changes"></ul>'
        f'<p>{_button("md-button--primary hc-progress__confirm", ui["import_confirm"])} '
        f'{_button("hc-progress__cancel", ui["import_cancel"])}</p>'
        '</div>'
        '<p class="hc-progress__message" role="status"></p>'
        '<section class="hc-progress__set-aside" aria-labelledby="hc-set-aside" hidden>'
        f'<h2 id="hc-set-aside">{escape(ui["set_aside_title"])}</h2><p>{escape(ui["set_aside_intro"])}</p>'
        '<ul class="hc-progress__copies"></ul></section>'
        '<section class="hc-progress__reflections-part hc-print-part" aria-labelledby="hc-reflections">'
        f'<h2 id="hc-reflections">{escape(ui["progress_reflections"])}</h2>'
        f'<p>{_button("hc-progress__print-reflections", ui["print_reflections"], hidden=True)}</p>'
        f'<p class="hc-progress__none" hidden>{escape(ui["no_reflections"])}</p>'
        '<ul class="hc-progress__reflections" hidden></ul></section>'
        f'{_record_part(ui, course_name)}'
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


def fill_slots(html: str, lessons: list[Lesson], quizzes: dict[str, dict], ui: dict,
               course_name: str = "") -> str:
    """Replace each ```progress placeholder in a page's HTML with the rendered progress part.

    `lessons`: the language's pages that embed quizzes, in course order; `quizzes`: the compiled
    quizzes in that language; `course_name`: the site's name in that language (course record).
    """
    if not has_slot(html):
        return html
    found = modules(lessons, quizzes)
    return _SLOT_PATTERN.sub(
        lambda slot: render_progress(found, quizzes, ui, ui["progress_caption"], unescape(slot[1]), course_name),
        html)

"""Compiled quiz JSON -> semantic HTML, so a quiz reads well before (or without) JavaScript.

Each question is a <fieldset> with a <legend> and native controls: radio buttons, checkboxes,
<select> lists (categorise), buttons (order, scenario) and a <textarea> (reflection), each
rendered by its type's module (helpercourse/question_types/). Every scored question has a
<details> answer key for readers without JavaScript; the front end hides it. The quiz's JSON
rides along in a <script type="application/json"> data block: not executable, so it works under
a Content-Security-Policy without 'unsafe-inline' and from file://.
"""

from __future__ import annotations

import json
from html import escape

from .question_types import QUESTION_TYPES
from .question_types.common import labelled


def _data_block(css_class: str, data: dict) -> str:
    # "</" inside a data block would end the <script>; escaping "<" keeps the JSON intact.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" class="{css_class}">{text}</script>'


def _hints(base: str, q: dict, ui: dict) -> str:
    if not q.get("hints"):
        return ""
    hints = "".join(f'<p class="hc-hint" id="{base}-hint-{n}" hidden><strong>{escape(ui["hint"])}</strong> '
                    f"{escape(hint)}</p>" for n, hint in enumerate(q["hints"], 1))
    return (f'<div class="hc-hints">{hints}<button type="button" class="md-button hc-hints__show" hidden>'
            f'{escape(ui["show_hint"])}</button></div>')


def _question_actions(q: dict, ui: dict) -> str:
    """Check and try again for this question alone; the front end shows them (hidden without JS)."""
    again = ui["replay_scenario"] if q["type"] == "scenario" else ui["retry_one"]
    return (f'<div class="hc-question__actions" hidden>'
            f'<button type="button" class="md-button hc-question__check">{escape(ui["check_one"])}</button> '
            f'<button type="button" class="md-button hc-question__retry" hidden>{escape(again)}</button></div>')


def render_question(quiz_id: str, number: int, q: dict, ui: dict, total: int = 0) -> str:
    base = f"hc-{quiz_id}-{q['id']}"
    kind = QUESTION_TYPES[q["type"]]
    # "Question 2 of 9" on a line of its own above the prompt; the legend reads it first.
    where = ui["question_of"].replace("{number}", str(number)).replace("{total}", str(total or number))
    head = (f'<fieldset class="hc-question" id="{base}" data-question-id="{escape(q["id"])}" '
            f'data-type="{q["type"]}" aria-describedby="{base}-instruction">'
            f'<legend id="{base}-legend"><span class="hc-question__number">{escape(where)}'
            f'<span class="hc-visually-hidden">:</span></span> {escape(q["prompt"])}</legend>')
    instruction, controls, answer_key = kind.render(base, q, ui)
    if not kind.scored:
        return (f'{head}<p class="hc-question__instruction" id="{base}-instruction">'
                f'{escape(instruction)}</p>{controls}</fieldset>')
    # Buttons do nothing on paper: such types give a worksheet instruction when printed.
    on_paper = kind.print_instruction
    shown = (f'<span class="hc-screen-only">{escape(instruction)}</span>'
             f'<span class="hc-print-only">{escape(ui[on_paper])}</span>' if on_paper else escape(instruction))
    return (
        f'{head}<p class="hc-question__instruction" id="{base}-instruction">{shown}</p>'
        f'{_hints(base, q, ui)}{controls}{_question_actions(q, ui)}'
        f'<div class="hc-question__result" id="{base}-result" hidden></div>'
        f'<details class="hc-answer-key"><summary>{escape(ui["answer_key"])}</summary>'
        f'{answer_key}{labelled(ui["explanation"], q["explanation"])}</details></fieldset>')


def render_quiz(quiz: dict, ui: dict) -> str:
    """The whole quiz as one HTML block for a lesson page in the quiz's language."""
    quiz_id = quiz["id"]
    title_id = f"hc-{quiz_id}-title"
    total = len(quiz["questions"])
    questions = "".join(render_question(quiz_id, n, q, ui, total) for n, q in enumerate(quiz["questions"], 1))
    return (
        f'<section class="hc-quiz" data-quiz-id="{escape(quiz_id)}" aria-labelledby="{title_id}">'
        f'<p class="hc-quiz__title" id="{title_id}"><span class="hc-quiz__label">'
        f'{escape(ui["quiz_label"])}:</span> {escape(quiz["title"])}</p>'
        f'<p class="hc-quiz__storage" role="status"></p>'
        f'<form class="hc-quiz__form" novalidate>{questions}'
        f'<div class="hc-quiz__actions" hidden>'
        f'<p class="hc-quiz__answered" role="status"></p>'
        f'<button type="submit" class="md-button md-button--primary hc-quiz__check">{escape(ui["check"])}</button> '
        f'<button type="button" class="md-button hc-quiz__retry" hidden>{escape(ui["retry"])}</button>'
        # Clearing the whole quiz asks first, in the page, and can be undone afterwards.
        f'<div class="hc-quiz__confirm" role="group" aria-labelledby="{title_id}-confirm" hidden>'
        f'<p id="{title_id}-confirm">{escape(ui["reset_confirm"])}</p>'
        f'<button type="button" class="md-button md-button--primary hc-quiz__reset-yes">{escape(ui["reset_yes"])}</button> '
        f'<button type="button" class="md-button hc-quiz__reset-no">{escape(ui["reset_no"])}</button></div>'
        f'<p class="hc-quiz__undo" hidden>{escape(ui["cleared"])} '
        f'<button type="button" class="md-button hc-quiz__undo-button">{escape(ui["undo"])}</button></p></div>'
        f'<div class="hc-quiz__score" role="status" aria-live="polite" tabindex="-1"></div>'
        f'<div class="hc-quiz__summary" hidden></div>'
        f'<p class="hc-visually-hidden hc-quiz__announce" role="status" aria-live="polite"></p>'
        f'</form>{_data_block("hc-quiz-data", quiz)}{_data_block("hc-quiz-ui", ui)}</section>'
    )

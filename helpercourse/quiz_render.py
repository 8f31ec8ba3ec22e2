"""Compiled quiz JSON -> semantic HTML, so a quiz reads well before (or without) JavaScript.

Each question is a <fieldset> with a <legend> and real radio buttons or checkboxes. The quiz's
JSON rides along in a <script type="application/json"> data block: not executable, so it works
under a Content-Security-Policy without 'unsafe-inline' and from file://, where fetch() cannot.
"""

from __future__ import annotations

import json
from html import escape


def _data_block(css_class: str, data: dict) -> str:
    # "</" inside a data block would end the <script>; escaping "<" keeps the JSON intact.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" class="{css_class}">{text}</script>'


def _choices(quiz_id: str, question: dict, ui: dict) -> tuple[str, str, list[str]]:
    """(instruction, inputs html, right answer labels) for one question."""
    name = f"hc-{quiz_id}-{question['id']}"
    if question["type"] == "truefalse":
        options = [{"id": "true", "text": ui["true"], "correct": question["answer"]},
                   {"id": "false", "text": ui["false"], "correct": not question["answer"]}]
        instruction, input_type = ui["judge_statement"], "radio"
    else:
        options = question["options"]
        multiple = question["type"] == "multiple"
        instruction = ui["choose_all"] if multiple else ui["choose_one"]
        input_type = "checkbox" if multiple else "radio"
    rows = []
    for option in options:
        input_id = f"{name}-{option['id']}"
        rows.append(
            f'<div class="hc-option" data-option-id="{escape(option["id"])}">'
            f'<input type="{input_type}" id="{input_id}" name="{name}" value="{escape(option["id"])}">'
            f'<label for="{input_id}">{escape(option["text"])}</label>'
            f'<p class="hc-option__feedback" id="{input_id}-feedback" hidden></p></div>'
        )
    right = [option["text"] for option in options if option["correct"]]
    return instruction, "".join(rows), right


def render_question(quiz_id: str, number: int, question: dict, ui: dict) -> str:
    instruction, inputs, right = _choices(quiz_id, question, ui)
    base = f"hc-{quiz_id}-{question['id']}"
    return (
        f'<fieldset class="hc-question" id="{base}" data-question-id="{escape(question["id"])}" '
        f'data-type="{question["type"]}" aria-describedby="{base}-instruction">'
        f'<legend><span class="hc-question__number">{number}.</span> {escape(question["prompt"])}</legend>'
        f'<p class="hc-question__instruction" id="{base}-instruction">{escape(instruction)}</p>'
        f'<div class="hc-options">{inputs}</div>'
        f'<div class="hc-question__result" id="{base}-result" hidden></div>'
        f'<details class="hc-answer-key"><summary>{escape(ui["answer_key"])}</summary>'
        f'<p><strong>{escape(ui["right_answer"])}</strong> {escape("; ".join(right))}</p>'
        f'<p><strong>{escape(ui["explanation"])}</strong> {escape(question["explanation"])}</p>'
        f'</details></fieldset>'
    )


def render_quiz(quiz: dict, ui: dict) -> str:
    """The whole quiz as one HTML block for a lesson page in the quiz's language."""
    quiz_id = quiz["id"]
    title_id = f"hc-{quiz_id}-title"
    questions = "".join(render_question(quiz_id, n, q, ui) for n, q in enumerate(quiz["questions"], 1))
    return (
        f'<section class="hc-quiz" data-quiz-id="{escape(quiz_id)}" aria-labelledby="{title_id}">'
        f'<p class="hc-quiz__title" id="{title_id}"><span class="hc-quiz__label">'
        f'{escape(ui["quiz_label"])}:</span> {escape(quiz["title"])}</p>'
        f'<form class="hc-quiz__form" novalidate>{questions}'
        f'<div class="hc-quiz__actions" hidden>'
        f'<button type="submit" class="md-button md-button--primary hc-quiz__check">{escape(ui["check"])}</button> '
        f'<button type="button" class="md-button hc-quiz__retry" hidden>{escape(ui["retry"])}</button></div>'
        f'<p class="hc-quiz__score" role="status" aria-live="polite" tabindex="-1"></p>'
        f'</form>{_data_block("hc-quiz-data", quiz)}{_data_block("hc-quiz-ui", ui)}</section>'
    )

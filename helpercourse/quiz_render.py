"""Compiled quiz JSON -> semantic HTML, so a quiz reads well before (or without) JavaScript.

Each question is a <fieldset> with a <legend> and native controls: radio buttons, checkboxes,
<select> lists (categorise), buttons (order, scenario) and a <textarea> (reflection). Every
question has a <details> answer key for readers without JavaScript; the front end hides it.
The quiz's JSON rides along in a <script type="application/json"> data block: not executable,
so it works under a Content-Security-Policy without 'unsafe-inline' and from file://.
"""

from __future__ import annotations

import json
from html import escape


def _data_block(css_class: str, data: dict) -> str:
    # "</" inside a data block would end the <script>; escaping "<" keeps the JSON intact.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" class="{css_class}">{text}</script>'


def _fill(template: str, **values) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def _labelled(label: str, text: str) -> str:
    return f"<p><strong>{escape(label)}</strong> {escape(text)}</p>"


# --- one renderer per question type: (instruction, controls, answer key) ----------------------

def _choices(base: str, q: dict, ui: dict) -> tuple[str, str, str]:
    if q["type"] == "truefalse":
        options = [{"id": "true", "text": ui["true"], "correct": q["answer"]},
                   {"id": "false", "text": ui["false"], "correct": not q["answer"]}]
        instruction, input_type = ui["judge_statement"], "radio"
    else:
        options = q["options"]
        multiple = q["type"] == "multiple"
        instruction = ui["choose_all"] if multiple else ui["choose_one"]
        input_type = "checkbox" if multiple else "radio"
    rows = []
    for option in options:
        input_id = f"{base}-{option['id']}"
        rows.append(
            f'<div class="hc-option" data-option-id="{escape(option["id"])}">'
            f'<input type="{input_type}" id="{input_id}" name="{base}" value="{escape(option["id"])}">'
            f'<label for="{input_id}">{escape(option["text"])}</label>'
            f'<p class="hc-option__feedback" id="{input_id}-feedback" hidden></p></div>')
    right = "; ".join(o["text"] for o in options if o["correct"])
    return instruction, f'<div class="hc-options">{"".join(rows)}</div>', _labelled(ui["right_answer"], right)


def _categorise(base: str, q: dict, ui: dict) -> tuple[str, str, str]:
    names = {c["id"]: c["text"] for c in q["categories"]}
    choices = f'<option value="">{escape(ui["category_placeholder"])}</option>' + "".join(
        f'<option value="{escape(c["id"])}">{escape(c["text"])}</option>' for c in q["categories"])
    groups = "".join(f"<li>{escape(c['text'])}</li>" for c in q["categories"])
    rows = []
    for item in q["items"]:
        select_id = f"{base}-{item['id']}"
        rows.append(
            f'<div class="hc-item" data-item-id="{escape(item["id"])}">'
            f'<label for="{select_id}">{escape(item["text"])}</label>'
            f'<select id="{select_id}" name="{select_id}">{choices}</select>'
            f'<p class="hc-option__feedback" id="{select_id}-feedback" hidden></p></div>')
    key = "".join(f"<li>{escape(i['text'])} → <strong>{escape(names[i['category']])}</strong>. "
                  f"{escape(i['feedback'])}</li>" for i in q["items"])
    return (ui["choose_category"], f'<ul class="hc-categories">{groups}</ul><div class="hc-categorise">{"".join(rows)}</div>',
            f"<ul>{key}</ul>")


def _order(base: str, q: dict, ui: dict) -> tuple[str, str, str]:
    text = {s["id"]: s["text"] for s in q["steps"]}
    rows = []
    for step_id in q["shuffled"]:
        label = escape(text[step_id])
        rows.append(
            f'<li class="hc-step" data-step-id="{escape(step_id)}">'
            f'<span class="hc-step__text">{label}</span>'
            f'<span class="hc-step__moves">'
            f'<button type="button" class="hc-order__up" aria-label="{escape(_fill(ui["move_up"], text=text[step_id]))}">↑</button>'
            f'<button type="button" class="hc-order__down" aria-label="{escape(_fill(ui["move_down"], text=text[step_id]))}">↓</button>'
            f'</span></li>')
    live = f'<p class="hc-order__status hc-visually-hidden" id="{base}-moved" aria-live="polite"></p>'
    key = "".join(f"<li>{escape(s['text'])}</li>" for s in q["steps"])
    return (ui["order_instruction"], f'<ol class="hc-order" id="{base}-list">{"".join(rows)}</ol>{live}',
            f"<p><strong>{escape(ui['right_order'])}</strong></p><ol>{key}</ol>")


def _scenario(base: str, q: dict, ui: dict) -> tuple[str, str, str]:
    number = {s["id"]: n for n, s in enumerate(q["steps"], 1)}
    scenes, key = [], []
    for n, step in enumerate(q["steps"], 1):
        heading = escape(_fill(ui["situation"], step=n))
        buttons = "".join(
            f'<li><button type="button" class="hc-choice" data-choice-id="{escape(c["id"])}" '
            f'aria-pressed="false">{escape(c["text"])}</button></li>' for c in step["choices"])
        scenes.append(
            f'<div class="hc-scene" data-step-id="{escape(step["id"])}" id="{base}-{step["id"]}">'
            f'<p class="hc-scene__title"><strong>{heading}</strong></p>'
            f'<p class="hc-scene__text">{escape(step["text"])}</p><ul class="hc-scene__choices">{buttons}</ul>'
            f'<div class="hc-scene__outcome" tabindex="-1" hidden></div></div>')
        outcomes = "".join(
            f"<li>{escape(c['text'])}: <strong>{escape(ui['good_choice'] if c['good'] else ui['poor_choice'])}"
            f"</strong>. {escape(c['feedback'])} "
            f"{escape(_fill(ui['leads_to'], step=number[c['next']]) if c['next'] else ui['scenario_end'])}</li>"
            for c in step["choices"])
        key.append(f"<p><strong>{heading}</strong></p><ul>{outcomes}</ul>")
    return ui["scenario_instruction"], f'<div class="hc-scenario">{"".join(scenes)}</div>', "".join(key)


RENDERERS = {"single": _choices, "multiple": _choices, "truefalse": _choices,
             "categorise": _categorise, "order": _order, "scenario": _scenario}


# Buttons do nothing on paper: these types get a worksheet instruction when printed.
PRINT_INSTRUCTIONS = {"order": "order_instruction_print", "scenario": "scenario_instruction_print"}


def _hints(base: str, q: dict, ui: dict) -> str:
    if not q.get("hints"):
        return ""
    hints = "".join(f'<p class="hc-hint" id="{base}-hint-{n}" hidden><strong>{escape(ui["hint"])}</strong> '
                    f"{escape(hint)}</p>" for n, hint in enumerate(q["hints"], 1))
    return (f'<div class="hc-hints">{hints}<button type="button" class="md-button hc-hints__show" hidden>'
            f'{escape(ui["show_hint"])}</button></div>')


def render_question(quiz_id: str, number: int, q: dict, ui: dict) -> str:
    base = f"hc-{quiz_id}-{q['id']}"
    head = (f'<fieldset class="hc-question" id="{base}" data-question-id="{escape(q["id"])}" '
            f'data-type="{q["type"]}" aria-describedby="{base}-instruction">'
            f'<legend id="{base}-legend"><span class="hc-question__number">{number}.</span> {escape(q["prompt"])}</legend>')
    if q["type"] == "reflection":
        guidance = f'<p class="hc-reflection__guidance">{escape(q["guidance"])}</p>' if q["guidance"] else ""
        return (f'{head}<p class="hc-question__instruction" id="{base}-instruction">'
                f'{escape(ui["reflection_instruction"])}</p>{guidance}'
                f'<div class="hc-reflection"><textarea class="hc-reflection__text" id="{base}-text" '
                f'name="{base}" rows="6" aria-labelledby="{base}-legend"></textarea>'
                f'<p class="hc-reflection__status" role="status"></p></div></fieldset>')
    instruction, controls, answer_key = RENDERERS[q["type"]](base, q, ui)
    on_paper = PRINT_INSTRUCTIONS.get(q["type"])
    shown = (f'<span class="hc-screen-only">{escape(instruction)}</span>'
             f'<span class="hc-print-only">{escape(ui[on_paper])}</span>' if on_paper else escape(instruction))
    return (
        f'{head}<p class="hc-question__instruction" id="{base}-instruction">{shown}</p>'
        f'{_hints(base, q, ui)}{controls}'
        f'<div class="hc-question__result" id="{base}-result" hidden></div>'
        f'<details class="hc-answer-key"><summary>{escape(ui["answer_key"])}</summary>'
        f'{answer_key}{_labelled(ui["explanation"], q["explanation"])}</details></fieldset>')


def render_quiz(quiz: dict, ui: dict) -> str:
    """The whole quiz as one HTML block for a lesson page in the quiz's language."""
    quiz_id = quiz["id"]
    title_id = f"hc-{quiz_id}-title"
    questions = "".join(render_question(quiz_id, n, q, ui) for n, q in enumerate(quiz["questions"], 1))
    return (
        f'<section class="hc-quiz" data-quiz-id="{escape(quiz_id)}" aria-labelledby="{title_id}">'
        f'<p class="hc-quiz__title" id="{title_id}"><span class="hc-quiz__label">'
        f'{escape(ui["quiz_label"])}:</span> {escape(quiz["title"])}</p>'
        f'<p class="hc-quiz__storage" role="status"></p>'
        f'<form class="hc-quiz__form" novalidate>{questions}'
        f'<div class="hc-quiz__actions" hidden>'
        f'<button type="submit" class="md-button md-button--primary hc-quiz__check">{escape(ui["check"])}</button> '
        f'<button type="button" class="md-button hc-quiz__retry" hidden>{escape(ui["retry"])}</button></div>'
        f'<div class="hc-quiz__score" role="status" aria-live="polite" tabindex="-1"></div>'
        f'</form>{_data_block("hc-quiz-data", quiz)}{_data_block("hc-quiz-ui", ui)}</section>'
    )

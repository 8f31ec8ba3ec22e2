"""Each question type on its own: its rules, its compiled document, its HTML and its score.

The sample quiz (tests/fixtures/quizzes/sample.yaml) has one question of each type; each test
takes that question, so a type's module can be read next to its tests.
"""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpercourse.interface_strings import load_interface_strings
from helpercourse.question_types import MODULES, QUESTION_TYPES, module_name
from helpercourse.quiz_compile import INTERFACE_FILE
from helpercourse.quiz_json import CompiledQuiz, quiz_documents, score
from helpercourse.quiz_load import load_quiz
from helpercourse.quiz_render import render_question
from helpercourse.quiz_rules import semantic_problems
from helpercourse.site_config import languages

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "quizzes" / "sample.yaml"
LANGS = languages()
LANG = "en"


@pytest.fixture(scope="module")
def source() -> dict:
    quiz, problems = load_quiz(SAMPLE, LANGS)
    assert quiz is not None and not problems, problems
    return quiz


@pytest.fixture(scope="module")
def compiled(source) -> dict:
    return quiz_documents(source, LANGS)[LANG]


@pytest.fixture(scope="module")
def ui() -> dict:
    strings, problems = load_interface_strings(INTERFACE_FILE, LANGS)
    assert not problems
    return strings[LANG]


def of_type(quiz: dict, kind: str) -> dict:
    return next(q for q in quiz["questions"] if q["type"] == kind)


def rule_messages(quiz: dict) -> list[str]:
    return [message for _, message in semantic_problems(quiz)]


class Elements(HTMLParser):
    """Start tags as (tag, attributes), enough to ask what controls a question has."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def all(self, tag: str, **wanted) -> list[dict]:
        return [attrs for name, attrs in self.found
                if name == tag and all(attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in wanted.items())]


def rendered(compiled: dict, kind: str, ui: dict) -> Elements:
    return Elements(render_question("sample", 1, of_type(compiled, kind), ui))


# --- the registry -------------------------------------------------------------------------------

def test_every_type_of_the_sample_is_registered_and_the_sample_has_each_type(source):
    assert [q["type"] for q in source["questions"]] == list(QUESTION_TYPES)


def test_a_type_module_lists_what_it_defines():
    for module in MODULES:
        assert module.TYPES, module_name(module)
        for kind in module.TYPES:
            assert QUESTION_TYPES[kind.name] is kind


def test_the_compiled_document_of_every_type_matches_the_compiled_schema(compiled):
    assert CompiledQuiz.model_validate(compiled).model_dump(by_alias=True) == compiled


# --- rules: a valid question passes, each mistake is named -------------------------------------

def test_the_valid_sample_breaks_no_rule(source):
    assert rule_messages(source) == []


def broken(source: dict, kind: str, change) -> list[str]:
    quiz = copy.deepcopy(source)
    change(of_type(quiz, kind))
    return rule_messages(quiz)


def test_single_choice_needs_exactly_one_right_option(source):
    def two_right(q):
        for option in q["options"]:
            option["correct"] = True
    (message,) = broken(source, "single", two_right)
    assert "exactly one option with 'correct: true', but has 2" in message


def test_multiple_choice_needs_a_right_option_and_distinct_ids(source):
    def none_right(q):
        for option in q["options"]:
            option["correct"] = False
    assert any("no option has 'correct: true'" in m for m in broken(source, "multiple", none_right))

    def same_ids(q):
        q["options"][1]["id"] = q["options"][0]["id"]
    assert any("option id" in m and "appears twice" in m for m in broken(source, "multiple", same_ids))


def test_truefalse_and_reflection_have_no_rules_beyond_the_schema(source):
    for kind in ("truefalse", "reflection"):
        question = of_type(source, kind)
        assert list(QUESTION_TYPES[kind].rules(question, ("questions", 0), "question 1")) == []


def test_categorise_items_must_name_a_group(source):
    def unknown_group(q):
        q["items"][0]["category"] = "mineral"
    (message,) = broken(source, "categorise", unknown_group)
    assert "'category: mineral' is not one of the groups (fruit, vegetable)" in message


def test_order_steps_need_distinct_ids(source):
    def same_ids(q):
        q["steps"][2]["id"] = q["steps"][0]["id"]
    (message,) = broken(source, "order", same_ids)
    assert "step id 'first' appears twice" in message


def test_scenario_choices_lead_forward_and_every_step_is_reached(source):
    def backwards(q):
        q["steps"][0]["choices"][0]["next"] = "call"
    messages = broken(source, "scenario", backwards)
    assert any("points back to step 1" in m for m in messages)
    assert any("no choice leads to step 2" in m for m in messages)

    def no_good_choice(q):
        for choice in q["steps"][1]["choices"]:
            choice["good"] = False
    assert any("step 2 has no choice with 'good: true'" in m for m in broken(source, "scenario", no_good_choice))


def test_a_quiz_of_reflections_only_has_nothing_to_score(source):
    quiz = copy.deepcopy(source)
    quiz["questions"] = [of_type(quiz, "reflection")]
    assert any("nothing to score" in m for m in rule_messages(quiz))


# --- documents: the type's own keys, in the language asked for ----------------------------------

def test_documents_carry_each_types_own_keys_in_one_language(compiled):
    keys = {q["type"]: list(q) for q in compiled["questions"]}
    head, tail = ["id", "type", "prompt", "fingerprint", "hints"], ["explanation"]
    assert keys["single"] == keys["multiple"] == [*head, "options", *tail]
    assert keys["truefalse"] == [*head, "answer", *tail]
    assert keys["categorise"] == [*head, "categories", "items", *tail]
    assert keys["order"] == [*head, "steps", "shuffled", *tail]
    assert keys["scenario"] == [*head, "steps", *tail]
    assert keys["reflection"] == ["id", "type", "prompt", "fingerprint", "guidance"]
    assert of_type(compiled, "single")["options"][0]["text"] == "This one"
    assert of_type(compiled, "reflection")["guidance"] == "Write freely."


def test_an_order_question_never_starts_in_the_right_order(compiled):
    question = of_type(compiled, "order")
    right = [s["id"] for s in question["steps"]]
    assert sorted(question["shuffled"]) == sorted(right) and question["shuffled"] != right


def test_the_fingerprint_follows_what_an_answer_means_not_the_wording(source):
    def prints(quiz):
        return {q["id"]: q["fingerprint"] for q in quiz_documents(quiz, LANGS)[LANG]["questions"]}
    before = prints(source)
    reworded = copy.deepcopy(source)
    of_type(reworded, "single")["options"][0]["feedback"]["en"] = "Other words."
    of_type(reworded, "categorise")["explanation"]["en"] = "Other words."
    assert prints(reworded) == before
    rekeyed = copy.deepcopy(source)
    of_type(rekeyed, "truefalse")["answer"] = not of_type(rekeyed, "truefalse")["answer"]
    of_type(rekeyed, "order")["steps"].reverse()
    changed = {qid for qid, fp in prints(rekeyed).items() if fp != before[qid]}
    assert changed == {"judge-it", "in-order"}


# --- HTML: native controls per type --------------------------------------------------------------

def test_single_and_truefalse_render_radio_buttons_and_multiple_checkboxes(compiled, ui):
    single = rendered(compiled, "single", ui)
    assert [a["value"] for a in single.all("input", type="radio")] == ["right", "wrong"]
    assert [a["value"] for a in rendered(compiled, "truefalse", ui).all("input", type="radio")] == ["true", "false"]
    multiple = rendered(compiled, "multiple", ui)
    assert len(multiple.all("input", type="checkbox")) == len(of_type(compiled, "multiple")["options"])
    assert single.all("fieldset", data_type="single") and single.all("details", class_="hc-answer-key")


def test_categorise_renders_a_list_of_groups_per_statement(compiled, ui):
    question = of_type(compiled, "categorise")
    html = rendered(compiled, "categorise", ui)
    assert len(html.all("select")) == len(question["items"])
    values = [a["value"] for a in html.all("option")]
    assert values == ["", "fruit", "vegetable"] * len(question["items"])


def test_order_renders_the_steps_shuffled_with_move_buttons(compiled, ui):
    question = of_type(compiled, "order")
    html = rendered(compiled, "order", ui)
    assert [a["data-step-id"] for a in html.all("li", class_="hc-step")] == question["shuffled"]
    assert len(html.all("button", class_="hc-order__up")) == len(question["steps"])
    text = render_question("sample", 1, question, ui)
    assert ui["order_instruction_print"] in text  # the worksheet's own instruction


def test_scenario_renders_a_button_per_choice_in_every_step(compiled, ui):
    question = of_type(compiled, "scenario")
    html = rendered(compiled, "scenario", ui)
    assert [a["data-choice-id"] for a in html.all("button", class_="hc-choice")] == [
        c["id"] for s in question["steps"] for c in s["choices"]]
    assert ui["scenario_instruction_print"] in render_question("sample", 1, question, ui)


def test_reflection_renders_a_text_box_without_answer_key_or_result(compiled, ui):
    text = render_question("sample", 1, of_type(compiled, "reflection"), ui)
    html = Elements(text)
    assert html.all("textarea", id="hc-sample-think-text")
    assert not html.all("details") and "hc-question__result" not in text
    assert "Write freely." in text


def test_texts_are_escaped_in_every_type(compiled, ui):
    hostile = "<img src=x onerror=alert(1)>"
    for question in compiled["questions"]:
        question = copy.deepcopy(question)
        question["prompt"] = hostile
        for key in ("options", "items", "categories", "steps"):
            for part in question.get(key, []):
                if isinstance(part, dict):
                    part["text"] = hostile
        text = render_question("sample", 1, question, ui)
        assert "<img" not in text, question["type"]


# --- score: mirrors the front end's check of a saved answer ---------------------------------------

def right_and_wrong(question: dict) -> tuple[object, list[object]]:
    """(the right answer, some wrong ones) as the front end saves them."""
    kind = question["type"]
    if kind in ("single", "multiple"):
        right = [o["id"] for o in question["options"] if o["correct"]]
        wrong_ids = [o["id"] for o in question["options"] if not o["correct"]]
        return right, [wrong_ids[:1], right + wrong_ids[:1], right[:-1] or wrong_ids[:1], [], None]
    if kind == "truefalse":
        right = "true" if question["answer"] else "false"
        return [right], [["false" if right == "true" else "true"], ["true", "false"], None]
    if kind == "categorise":
        right = {i["id"]: i["category"] for i in question["items"]}
        first = question["items"][0]["id"]
        other = next(c["id"] for c in question["categories"] if c["id"] != right[first])
        partly = dict(right)
        del partly[first]
        return right, [{**right, first: other}, partly, {}, None, ["a list"]]
    if kind == "order":
        right = [s["id"] for s in question["steps"]]
        return right, [question["shuffled"], right[::-1], right[:-1], None]
    if kind == "scenario":
        return ["answer", "agree-time"], [["answer", "talk-all-night"], ["ignore"], ["answer"], [], None]
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", [k for k, t in QUESTION_TYPES.items() if t.scored])
def test_a_right_answer_scores_and_wrong_ones_do_not(compiled, kind):
    question = of_type(compiled, kind)
    right, wrongs = right_and_wrong(question)
    assert score(question, right) is True
    for wrong in wrongs:
        assert score(question, wrong) is False, wrong


def test_a_reflection_is_never_marked(compiled):
    assert score(of_type(compiled, "reflection"), "Anything at all") is False
    assert not QUESTION_TYPES["reflection"].scored


# --- each type's front-end part ----------------------------------------------------------------

ASSETS = ROOT / "overrides" / "assets"


def test_each_type_module_has_a_front_end_part_that_registers_its_types():
    for module in MODULES:
        part = ASSETS / "quiz-types" / f"{module_name(module)}.js"
        assert part.exists(), f"{part} is missing"
        calls = re.findall(r'register\((\[[^\]]*\]|"[^"]*")', part.read_text("utf-8"))
        registered = set(re.findall(r'"(\w+)"', " ".join(calls)))
        assert registered == {kind.name for kind in module.TYPES}, part.name


def test_the_site_loads_every_type_part_before_the_engine():
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    scripts = re.findall(r"^  - path: assets/(\S+\.js)", config, re.M)
    parts = [f"quiz-types/{module_name(m)}.js" for m in MODULES]
    assert set(parts) <= set(scripts), sorted(set(parts) - set(scripts))
    assert all(scripts.index(p) < scripts.index("quiz.js") for p in parts)
    assert scripts.index("quiz-types/choice.js") < scripts.index("quiz-types/truefalse.js")
    assert all(entry == "    defer: true" for entry in re.findall(r"(?<=\.js\n)    \S.*", config)), \
        "every script is deferred, which keeps their order"
    for part in parts:
        assert (ASSETS / part).read_text("utf-8").count(
            "(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {") == 1, part


def test_every_type_section_in_the_stylesheet_names_a_type_module():
    sections = re.findall(r"/\* --- question type: (\w+)", (ASSETS / "quiz.css").read_text("utf-8"))
    assert sections and set(sections) <= {module_name(m) for m in MODULES}

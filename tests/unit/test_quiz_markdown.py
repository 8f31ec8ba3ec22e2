"""The quiz engine without MkDocs: a plain Python-Markdown extension, and a core that never imports MkDocs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from helpercourse.quiz_markdown import QuizExtension, UnknownQuiz, quiz_fence
from helpercourse.quiz_render import render_quiz

ROOT = Path(__file__).resolve().parents[2]
COMPILED = ROOT / "build" / "quizzes"
QUIZ_ID = "trust"
CORE = ["helpercourse.question_types", "helpercourse.quiz_model", "helpercourse.quiz_rules",
        "helpercourse.quiz_json", "helpercourse.quiz_render", "helpercourse.quiz_markdown",
        "helpercourse.quiz_load", "helpercourse.quiz_compile"]


@pytest.fixture(scope="module")
def compiled() -> tuple[dict, dict]:
    """The trust quiz and the interface strings in English, as build_quizzes.py writes them."""
    result = subprocess.run([sys.executable, str(ROOT / "build_quizzes.py")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    read = lambda name: json.loads((COMPILED / "en" / name).read_text("utf-8"))  # noqa: E731
    return read(f"{QUIZ_ID}.json"), read("_interface.json")


def render(text: str, quiz: dict, ui: dict, **options) -> str:
    return markdown.markdown(text, extensions=[QuizExtension(quizzes={QUIZ_ID: quiz}, interface=ui, **options)])


def test_a_quiz_fence_becomes_the_sites_quiz_html(compiled):
    quiz, ui = compiled
    html = render(f"```quiz\n{QUIZ_ID}\n```", quiz, ui)
    assert html == render_quiz(quiz, ui)  # what the site puts in a lesson
    assert html.count('<fieldset class="hc-question"') == len(quiz["questions"])
    for question in quiz["questions"]:
        assert f'data-question-id="{question["id"]}"' in html
        for option in question.get("options", []):
            assert f'id="hc-{QUIZ_ID}-{question["id"]}-{option["id"]}"' in html
            assert f'value="{option["id"]}"' in html


def test_the_quiz_sits_between_the_pages_paragraphs_unwrapped(compiled):
    quiz, ui = compiled
    html = render(f"Before.\n\n~~~~ quiz\n  {QUIZ_ID}  \n~~~~\n\nAfter.", quiz, ui)
    assert html.startswith("<p>Before.</p>\n<section class=\"hc-quiz\"") and html.endswith("</section>\n<p>After.</p>")
    assert "<p><section" not in html


def test_other_fences_stay_code(compiled):
    quiz, ui = compiled
    html = markdown.markdown(f"```python\nquiz = 1\n```\n\n```quiz\n{QUIZ_ID}\n```",
                             extensions=["fenced_code", QuizExtension(quizzes={QUIZ_ID: quiz}, interface=ui)])
    assert '<code class="language-python">quiz = 1' in html and html.count('<section class="hc-quiz"') == 1


def test_an_unknown_quiz_id_is_a_clear_error_with_its_line(compiled):
    quiz, ui = compiled
    with pytest.raises(UnknownQuiz, match=r"^line 3: unknown quiz id 'trsut'; the quizzes are: trust "):
        render("Text.\n\n```quiz\ntrsut\n```", quiz, ui)
    with pytest.raises(UnknownQuiz, match=r"^line 1: the quiz block is empty"):
        render("```quiz\n\n```", quiz, ui)


def test_a_preview_can_show_an_unknown_quiz_in_the_page_instead(compiled):
    quiz, ui = compiled
    html = render("```quiz\n<b>nope</b>\n```", quiz, ui, missing="note")
    assert html == '<p class="hc-quiz-missing" role="alert">Unknown quiz: &lt;b&gt;nope&lt;/b&gt;</p>'
    with pytest.raises(ValueError, match="use 'error' or 'note'"):
        QuizExtension(missing="ignore")


def test_the_same_quiz_as_a_superfences_custom_fence(compiled):
    from pymdownx.superfences import SuperFencesException

    quiz, ui = compiled
    config = {"pymdownx.superfences": {"custom_fences": [quiz_fence({QUIZ_ID: quiz}, ui)]}}
    html = markdown.markdown(f"```quiz\n{QUIZ_ID}\n```", extensions=["pymdownx.superfences"],
                             extension_configs=config)
    assert html == render_quiz(quiz, ui)
    with pytest.raises(SuperFencesException, match="unknown quiz id 'nope'"):
        markdown.markdown("```quiz\nnope\n```", extensions=["pymdownx.superfences"], extension_configs=config)


def test_the_quiz_core_imports_nothing_from_mkdocs():
    code = ("import sys\n" + "".join(f"import {name}\n" for name in CORE)
            + "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", result.stdout


def test_the_quiz_core_does_not_mention_mkdocs():
    core = [*sorted((ROOT / "helpercourse").glob("quiz_*.py")),
            *sorted((ROOT / "helpercourse" / "question_types").glob("*.py"))]
    assert len(core) > 10
    mentions = [f"{path.relative_to(ROOT)}:{n}" for path in core
                for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if "mkdocs" in line]
    assert mentions == []

"""A quiz that can be passed by guessing certifies nothing: no guessing strategy passes.

Read from the built site, as a learner gets it: each lesson's quiz data block, in the order the
page shows the options. The strategies (helpercourse/quiz_validity.py) pick by position or by
length, and call every statement true or every statement false.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import LANGUAGES, page_path
from helpercourse.quiz_validity import PICKS, best_guess, single_choice_hits, true_share

DATA = re.compile(r'<script type="application/json" class="hc-quiz-data">(.*?)</script>', re.S)


def shipped_quizzes(site, lang: str) -> list[dict]:
    root = site / page_path(lang)
    pages = sorted(root.glob("[0-9][0-9]-*/index.html"))
    return [json.loads(found) for path in pages for found in DATA.findall(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_guessing_strategy_reaches_the_pass_mark(built_site, lang):
    quizzes = shipped_quizzes(built_site, lang)
    assert len(quizzes) >= 9
    passing = [(quiz["id"], *best_guess(quiz), quiz["pass_mark"]) for quiz in quizzes]
    passing = [row for row in passing if row[2] >= row[3]]
    assert not passing, "quizzes passed by guessing (quiz, strategy, %, pass mark): " + repr(passing)


@pytest.mark.parametrize("strategy", PICKS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_single_choice_questions_each_strategy_stays_near_chance(built_site, lang, strategy):
    hits, total, chance = single_choice_hits(shipped_quizzes(built_site, lang), PICKS[strategy])
    spread = (chance * (1 - chance / total)) ** 0.5  # binomial standard deviation, about
    assert hits <= chance + 2.5 * spread + 1, (
        f"{lang}: always picking the {strategy} option is right in {hits} of {total} single-choice "
        f"questions; chance alone gives {chance:.1f}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_true_false_keys_are_roughly_half_true(built_site, lang):
    true, total = true_share(shipped_quizzes(built_site, lang))
    assert total >= 8
    assert 0.35 <= true / total <= 0.65, f"{lang}: {true} of {total} true/false statements are true"

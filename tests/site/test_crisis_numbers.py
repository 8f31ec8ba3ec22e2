"""Module 9's crisis numbers: each edition gives its own country's numbers, and no other's by mistake.

A Swedish or Finnish reader told to ring 113 (Norway's medical emergency number) in a crisis would
lose minutes; so would a Norwegian reader told to ring 1177. The English edition follows Norway and
names the Swedish and Finnish numbers only in its "In Sweden and Finland" box.
Checked against the official sources listed in the module's closing note (issue 15).
"""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, ROOT
from helpercourse.lesson_text import read_page, sections
from helpercourse.quiz_load import read_yaml
from helpercourse.translation_status import quiz_texts

MODULE = "09-crisis-and-referral.md"
QUIZ = ROOT / "quizzes" / "crisis-and-referral.yaml"
NORWAY = ("113", "116 117", "116 123", "22 40 00 40")
SWEDEN = ("112", "1177", "90101")
FINLAND = ("112", "116117", "09 2525 0111", "09 2525 0112")   # MIELI's Finnish and Swedish lines
# Each edition's own numbers; test_parity.py leaves exactly these out of its number comparison.
OWN = {"no": NORWAY, "sv": SWEDEN, "fi": FINLAND, "en": NORWAY}
# Numbers that would send a reader to the wrong country's service.
FOREIGN = {"no": ("112", "1177", "90101", "09 2525"), "sv": ("113", "116 117", "116 123", "22 40 00 40", "09 2525"),
           "fi": ("113", "116 117", "116 123", "22 40 00 40", "1177", "90101"),
           "en": ("112", "1177", "90101", "09 2525")}
BOX = re.compile(r'^!!! info "In Sweden and Finland"\n(?:(?: {4}.*)?\n)+', re.M)


def mentions(text: str, number: str) -> bool:
    """The number as a whole, not as part of a longer one (116 117 is not 117)."""
    return re.search(rf"(?<!\d)(?<!\d ){re.escape(number)}(?!\d)(?! \d)", text) is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_where_to_refer_gives_the_editions_own_crisis_numbers(lang):
    text = sections(read_page(ROOT / "docs" / lang / MODULE)[0])["where-to-refer"]
    missing = [n for n in OWN[lang] if not mentions(BOX.sub("", text), n)]
    assert not missing, f"docs/{lang}/{MODULE}: 'where-to-refer' lacks the numbers {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_other_countrys_number_slips_into_the_page_or_quiz(lang):
    page = BOX.sub("", read_page(ROOT / "docs" / lang / MODULE)[0].split("{#references}")[0])
    data, problems = read_yaml(QUIZ)
    assert not problems, "\n".join(map(str, problems))
    quiz = "\n".join(str(t.get(lang, "")) for t in quiz_texts(data, LANGUAGES))
    for where, text in ((f"docs/{lang}/{MODULE}", page), (f"quizzes/{QUIZ.name} ({lang})", quiz)):
        wrong = [n for n in FOREIGN[lang] if mentions(text, n)]
        assert not wrong, f"{where}: mentions another country's numbers {wrong}"


def test_the_english_box_names_the_swedish_and_finnish_numbers():
    text = sections(read_page(ROOT / "docs" / "en" / MODULE)[0])["where-to-refer"]
    box = BOX.search(text)
    assert box, f"docs/en/{MODULE}: 'where-to-refer' has no 'In Sweden and Finland' box"
    missing = [n for n in (*SWEDEN, *FINLAND) if not mentions(box.group(0), n)]
    assert not missing, f"docs/en/{MODULE}: the Sweden and Finland box lacks {missing}"

"""Every module's quiz can be answered to full marks, and every module page and glossary passes axe.

Each module is opened in one language, the languages taking turns, so all four are covered
without running every page four times.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, ROOT, page_path
from helpercourse.lesson_text import read_page
from helpercourse.page_checks import quiz_references
from quiz_driver import answer_with_mouse, compiled_quiz, full_marks, interface, score_line, scored
from test_accessibility import assert_no_violations

pytestmark = pytest.mark.browser

MODULES = sorted(p.name for p in (ROOT / "docs" / LANGUAGES[0]).glob("[0-9][0-9]-*.md"))
MODULE_IN_A_LANGUAGE = [(name, LANGUAGES[i % len(LANGUAGES)]) for i, name in enumerate(MODULES)]


@pytest.mark.parametrize(("module", "lang"), MODULE_IN_A_LANGUAGE)
def test_the_module_quiz_gives_full_marks_for_right_answers_and_passes_axe(page: Page, site_url, module, lang):
    (_, quiz_id), = quiz_references(read_page(ROOT / "docs" / lang / module)[0])
    quiz, ui = compiled_quiz(lang, quiz_id), interface(lang)
    page.goto(site_url + page_path(lang, module[:-3] + "/"))
    expect(page.locator(f'.hc-quiz--ready[data-quiz-id="{quiz_id}"]')).to_be_visible()

    answer_with_mouse(page, quiz, right=True)
    page.get_by_role("button", name=ui["check"]).click()

    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_passes_axe_and_its_terms_can_be_linked(page: Page, site_url, lang):
    page.goto(site_url + page_path(lang, "glossary/"))
    terms = page.locator("h2.hc-term[id]")
    assert terms.count() >= 40
    page.goto(site_url + page_path(lang, "glossary/") + "#relational-trust")
    expect(page.locator("h2#relational-trust")).to_be_in_viewport()
    assert_no_violations(page)

"""The trainer edition in a browser: notes and answer keys on screen and on paper, axe-clean;
the trainee site's same lesson shows and prints neither.

Both editions are built from a copy of the course with known notes (tests/trainer_projects.py).
"""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from conftest import page_path, serve_directory
from trainer_projects import LESSON, NOTE_TITLES, built_editions, note_marks

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@pytest.fixture(scope="module")
def editions():
    return built_editions()


@pytest.fixture(scope="module")
def trainer_url(editions):
    with serve_directory(editions.trainer) as url:
        yield url


@pytest.fixture(scope="module")
def trainee_url(editions):
    with serve_directory(editions.trainee) as url:
        yield url


def compiled(editions, lang: str, name: str) -> dict:
    return json.loads((editions.project / "build" / "quizzes" / lang / f"{name}.json").read_text("utf-8"))


def open_lesson(page: Page, base: str, lang: str) -> None:
    page.goto(base + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()


def our_notes(page: Page, lang: str) -> list[Locator]:
    return [page.locator(".admonition.facilitator", has_text=mark) for mark in note_marks(lang)]


def assert_trainer_material_visible(page: Page, editions, lang: str) -> None:
    ui = compiled(editions, lang, "_interface")
    quiz = compiled(editions, lang, "helper-relationship")
    banner = page.locator(".hc-edition-banner")
    expect(banner).to_be_visible()
    expect(banner).to_have_text(ui["trainer_edition_banner"])
    for note in our_notes(page, lang):
        expect(note).to_be_visible()
        expect(note.locator(".admonition-title")).to_have_text(NOTE_TITLES[lang])
    keys = page.locator(".hc-quiz details.hc-answer-key")
    scored = [q for q in quiz["questions"] if q["type"] != "reflection"]
    expect(keys).to_have_count(len(scored))
    for n, question in enumerate(scored):
        key = keys.nth(n)
        expect(key.locator("summary")).to_have_text(ui["trainer_answer_key"])
        expect(key.get_by_text(question["explanation"], exact=False)).to_be_visible()


@pytest.mark.parametrize("lang", ["no", "en"])
def test_the_trainer_edition_shows_and_prints_notes_and_answer_keys(page: Page, editions, trainer_url, lang):
    open_lesson(page, trainer_url, lang)
    assert_trainer_material_visible(page, editions, lang)

    page.emulate_media(media="print")
    assert_trainer_material_visible(page, editions, lang)
    # Still a printout: no site chrome, no buttons.
    for chrome in [".md-header__inner", ".md-sidebar--primary", ".md-footer", ".hc-quiz__check"]:
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator(".hc-edition-mark")).to_have_css("background-color", "rgba(0, 0, 0, 0)")


def test_the_trainee_sites_same_lesson_shows_no_notes_and_prints_a_blank_worksheet(page: Page, trainee_url):
    open_lesson(page, trainee_url, "no")
    expect(page.locator(".admonition.facilitator")).to_have_count(0)
    expect(page.locator(".md-banner, .hc-edition-banner")).to_have_count(0)
    for mark in note_marks("no"):
        expect(page.get_by_text(mark)).to_have_count(0)
    expect(page.locator("details.hc-answer-key").first).to_be_hidden()  # quiz.js gives feedback instead

    page.emulate_media(media="print")
    keys = page.locator("details.hc-answer-key")
    assert keys.count() > 0
    for n in range(keys.count()):
        expect(keys.nth(n)).to_be_hidden()


def test_a_trainer_edition_page_with_notes_and_answer_keys_passes_axe(page: Page, trainer_url):
    open_lesson(page, trainer_url, "fi")
    expect(our_notes(page, "fi")[0]).to_be_visible()
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()

"""Facilitator notes and the trainer edition, in the built site.

A copy of the course gets two facilitator notes in module 1 and a trainer-only page, in every
language (tests/trainer_projects.py), and is built as the trainee site and as the trainer
edition. The trainee site must hold no trace of either; the trainer edition shows both, every
quiz's answer key and its own name on every page.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import LANGUAGES, page_path
from trainer_projects import (LESSON, NOTE_TITLES, TRAINER_PAGE, build, built_editions,
                              note_marks, page_mark)

SITE_NAME_SUFFIX = {"no": "kursholderutgave", "sv": "kursledarversion", "fi": "kouluttajan versio",
                    "en": "trainer edition"}
OPEN_KEY = re.compile(r'<details class="hc-answer-key hc-answer-key--trainer" open>(.*?)</details>', re.S)
NOTE = re.compile(r'<div class="admonition facilitator">(.*?)</div>', re.S)
BANNER = re.compile(r'<p class="hc-edition-banner">(.*?)</p>')  # its text: plain() of the match


@pytest.fixture(scope="module")
def editions():
    return built_editions()


def text_files(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix in {".html", ".json", ".xml", ".js", ".txt"}]


def lesson_html(site: Path, lang: str, page: str = LESSON) -> str:
    return (site / page_path(lang, page) / "index.html").read_text(encoding="utf-8")


def plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def search_text(site: Path, lang: str) -> str:
    index = json.loads((site / page_path(lang) / "search" / "search_index.json").read_text("utf-8"))
    return " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])


def compiled(project: Path, lang: str, name: str) -> dict:
    """The copy's own compiled quiz (or `_interface`) JSON."""
    return json.loads((project / "build" / "quizzes" / lang / f"{name}.json").read_text("utf-8"))


# --- the trainee site -----------------------------------------------------------------------------

def test_the_trainee_site_has_no_trace_of_a_facilitator_note(editions):
    marks = [mark for lang in LANGUAGES for mark in note_marks(lang)]
    for path in text_files(editions.trainee):
        text = path.read_text(encoding="utf-8", errors="replace")
        leaked = [mark for mark in marks if mark in text]
        assert not leaked, f"{path.relative_to(editions.trainee)} holds facilitator note text {leaked}"
    for lang in LANGUAGES:
        html = lesson_html(editions.trainee, lang)
        # (The quiz's interface strings ride in a JSON block and name the edition; not a note.)
        shown = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
        assert "facilitator" not in shown and NOTE_TITLES[lang] not in html
        # The lesson around the notes is all there: the parts before and after each note.
        for anchor in ("objectives", "scenarios", "reflection"):
            assert f'id="{anchor}"' in html, f"{lang}: the {anchor} section went with the note"
        assert html.count('class="admonition example"') >= 2, f"{lang}: a scenario went with the note"


def test_the_trainee_site_leaves_out_trainer_only_pages(editions):
    for lang in LANGUAGES:
        assert not (editions.trainee / page_path(lang, TRAINER_PAGE)).exists()
    for path in text_files(editions.trainee):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert TRAINER_PAGE not in text, f"{path.relative_to(editions.trainee)} links the trainer-only page"
        assert not any(page_mark(lang) in text for lang in LANGUAGES), path


def test_the_trainee_site_is_not_marked_as_the_trainer_edition(editions):
    for lang in LANGUAGES:
        html = lesson_html(editions.trainee, lang)
        assert not BANNER.search(html) and "md-banner" not in html
        assert SITE_NAME_SUFFIX[lang] not in re.search(r"<title>([^<]*)</title>", html)[1]
        assert "trainer.css" not in html and "hc-answer-key--trainer" not in html
        assert '<details class="hc-answer-key">' in html, "the no-JavaScript answer key stays, closed"


# --- the trainer edition --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trainer_edition_shows_both_notes_styled_as_notes(editions, lang):
    notes = NOTE.findall(lesson_html(editions.trainer, lang))
    for mark in note_marks(lang):
        note = next((note for note in notes if mark in note), None)
        assert note is not None, f"{lang}: the note with {mark} is not shown as a facilitator note"
        assert f'<p class="admonition-title">{NOTE_TITLES[lang]}</p>' in note
        assert mark in note and "<strong>ten minutes</strong>" in note and "<li>" in note
    html = lesson_html(editions.trainer, lang)
    plan, talk = note_marks(lang)
    assert html.index(plan) < html.index('id="objectives"'), "the session plan comes before the objectives"
    assert html.index('id="scenarios"') < html.index(talk) < html.index('id="reflection"')
    assert all(mark in search_text(editions.trainer, lang) for mark in note_marks(lang)), \
        "a trainer can search the notes"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trainer_edition_shows_every_questions_answer_key_open(editions, lang):
    quiz = compiled(editions.project, lang, "helper-relationship")
    ui = compiled(editions.project, lang, "_interface")
    keys = [plain(key) for key in OPEN_KEY.findall(lesson_html(editions.trainer, lang))]
    scored = [q for q in quiz["questions"] if q["type"] != "reflection"]
    assert len(keys) == len(scored), f"{lang}: one open answer key per question"
    for key, question in zip(keys, scored):
        assert key.startswith(ui["trainer_answer_key"]), key[:80]
        assert " ".join(question["explanation"].split()) in key, f"{lang} {question['id']}: no explanation"
        right = [o["text"] for o in question.get("options", []) if o["correct"]]
        assert all(" ".join(text.split()) in key for text in right), f"{lang} {question['id']}: no right answer"


def test_every_trainer_edition_page_says_so_in_its_language(editions):
    pages = [p for p in editions.trainer.rglob("index.html")]
    assert len(pages) >= 4 * 10
    banners = {}
    for lang in LANGUAGES:
        banners[lang] = plain(BANNER.search(lesson_html(editions.trainer, lang))[1])
    assert len(set(banners.values())) == len(LANGUAGES), "one banner text per language"
    for path in pages:
        html = path.read_text(encoding="utf-8")
        lang = next((lang for lang in LANGUAGES[1:]
                     if path.relative_to(editions.trainer).parts[0] == lang), LANGUAGES[0])
        found = BANNER.search(html)
        assert found and plain(found[1]) == banners[lang], f"{path}: no {lang} trainer-edition banner"
        title = re.search(r"<title>([^<]*)</title>", html)[1]
        assert title.endswith(f" – {SITE_NAME_SUFFIX[lang]}"), f"{path}: title {title!r}"


def test_the_trainer_edition_has_the_trainer_only_page_in_nav_and_search(editions):
    for lang in LANGUAGES:
        assert (editions.trainer / page_path(lang, TRAINER_PAGE) / "index.html").exists()
        assert page_mark(lang) in search_text(editions.trainer, lang)
        assert f'href="../{TRAINER_PAGE}/"' in lesson_html(editions.trainer, lang), "not in the navigation"


# --- mistakes a trainer can make ------------------------------------------------------------------

def test_an_unknown_edition_stops_the_build_with_a_clear_message(project_copy, tmp_path):
    result = build(project_copy, tmp_path / "site", "trainers")
    assert result.returncode != 0
    assert "Plugin 'helpercourse' option 'edition'" in result.stderr and "'trainers'" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_note_without_indented_text_stops_the_build_at_its_line(project_copy, tmp_path):
    page = project_copy / "docs" / "no" / "02-trust.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("## "))
    lines[at:at] = ['!!! facilitator "Til kursholderen"', "Forgot to indent this.", ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project_copy, tmp_path / "site", None)
    assert result.returncode != 0
    assert f"docs/no/02-trust.md:{at + 1}: this '!!! facilitator' note has no text under it" in result.stderr

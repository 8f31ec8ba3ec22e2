"""The course text itself: what every module must have, in every language.

Read from the sources (docs/ and quizzes/), so a trainer who breaks a rule sees the file named.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT
from helpercourse import lesson_rules
from helpercourse.course import load_course
from helpercourse.lesson_text import WORD, prose, read_page
from helpercourse.quiz_load import read_yaml
from helpercourse.translation_versions import quiz_texts

SEEDS = ROOT.parent / "shared" / "seeds"
DOCS = ROOT / "docs"


def modules() -> list[str]:
    return sorted(p.name for p in (DOCS / LANGUAGES[0]).glob("[0-9][0-9]-*.md"))


def pages() -> list[str]:
    return sorted(p.name for p in (DOCS / LANGUAGES[0]).glob("*.md"))


@functools.cache
def source(lang: str, name: str) -> str:
    """A page's Markdown without its front matter."""
    return read_page(DOCS / lang / name)[0]


# --- The course's rules (helpercourse/lesson_rules.py, which `make check` runs too) ------------


@functools.cache
def course():
    return load_course(ROOT)


@pytest.mark.parametrize("rule", lesson_rules.RULES, ids=lambda rule: rule.__name__)
def test_the_course_keeps_each_of_its_rules(rule):
    """Every module has its sections, the same shape in every language, a lesson of the right
    length and references cited alike; quizzes are used once and rich enough; the glossary is the
    same, sorted and linked; nothing is copied from the seeds. Each problem names file and line."""
    if rule is lesson_rules.copied_from_seeds and not SEEDS.is_dir():
        pytest.skip("the seed documents (../shared/seeds) are not beside this clone")
    problems = sorted(rule(course()))
    assert not problems, "\n".join(map(str, problems))


def test_the_rules_see_every_module_in_every_language():
    """So a passing rule is not a rule that read nothing."""
    for lang in LANGUAGES:
        assert len(course().modules(lang)) == len(modules()) >= 9, lang
        assert len(lesson_rules.glossary_terms(course(), lang)) >= lesson_rules.MIN_GLOSSARY_TERMS


# --- Language: each page and each quiz text reads as its own language ---------------------------


@functools.cache
def detector():
    lingua = pytest.importorskip("lingua")
    L = lingua.Language
    # The course's languages and the ones they are most easily mistaken for.
    candidates = (L.ENGLISH, L.BOKMAL, L.NYNORSK, L.DANISH, L.SWEDISH, L.FINNISH, L.ESTONIAN, L.GERMAN)
    own = {"no": {L.BOKMAL, L.NYNORSK}, "sv": {L.SWEDISH}, "fi": {L.FINNISH}, "en": {L.ENGLISH}}
    main = {"no": L.BOKMAL, "sv": L.SWEDISH, "fi": L.FINNISH, "en": L.ENGLISH}
    return lingua.LanguageDetectorBuilder.from_languages(*candidates).build(), own, main


def paragraphs(text: str, min_words: int = 12) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", prose(text)) if len(WORD.findall(p)) >= min_words]


def wrong_language(lang: str, texts: list[str]) -> list[str]:
    found, own, _ = detector()
    return [f"{found.detect_language_of(t).name.title()}: {t[:90]}…" for t in texts
            if found.detect_language_of(t) not in own[lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", pages())
def test_each_page_and_each_paragraph_is_in_its_own_language(lang, page):
    detect, _, main = detector()
    text = source(lang, page)
    readable = text.split("{#references}")[0]  # titles of sources stay in their own language
    assert detect.detect_language_of(prose(readable)) == main[lang], f"docs/{lang}/{page} is not detected as {lang}"
    odd = wrong_language(lang, paragraphs(readable))
    assert not odd, f"docs/{lang}/{page} has paragraphs in another language:\n" + "\n".join(odd)


def quiz_files() -> list[Path]:
    return sorted((ROOT / "quizzes").glob("*.yaml"))


@functools.cache
def quiz_source(path: Path):
    data, problems = read_yaml(path)
    assert not problems, "\n".join(map(str, problems))
    return data


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", quiz_files(), ids=lambda p: p.stem)
def test_each_quiz_text_is_in_its_own_language(path, lang):
    detect, _, main = detector()
    texts = [str(text.get(lang, "")) for text in quiz_texts(quiz_source(path), LANGUAGES)]
    assert detect.detect_language_of("\n".join(texts)) == main[lang], f"{path.name}: the {lang} texts are not detected as {lang}"
    odd = wrong_language(lang, [t for t in texts if len(WORD.findall(t)) >= 12])
    assert not odd, f"quizzes/{path.name} has {lang} texts in another language:\n" + "\n".join(odd)


# --- Quizzes: every one used, every one rich enough ---------------------------------------------


@pytest.mark.parametrize("path", quiz_files(), ids=lambda p: p.stem)
def test_each_quizs_feedback_explains(path):
    questions = quiz_source(path)["questions"]
    scored = [q for q in questions if q["type"] != "reflection"]
    for question in scored:
        feedback = [text for key in ("feedback", "explanation")
                    for text in _values(question, key)]
        assert feedback, f"quizzes/{path.name}: question {question['id']} gives no feedback"
        short = [t for t in feedback if len(WORD.findall(t["en"])) < 6]
        assert not short, f"quizzes/{path.name}: {question['id']}: feedback should say why: {short}"


def _values(node, key: str) -> list:
    if isinstance(node, dict):
        return ([node[key]] if key in node else []) + [v for value in node.values() for v in _values(value, key)]
    if isinstance(node, list):
        return [v for value in node for v in _values(value, key)]
    return []

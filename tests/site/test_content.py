"""The course text itself: what every module must have, in every language.

Read from the sources (docs/ and quizzes/), so a trainer who breaks a rule sees the file named.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT
from helpercourse.lesson_text import WORD, bullets, lesson_body, prose, read_page, sections, words
from helpercourse.page_checks import quiz_references
from helpercourse.quiz_load import read_yaml
from helpercourse.translation_status import quiz_texts

SEEDS = ROOT.parent / "shared" / "seeds"
DOCS = ROOT / "docs"
RUN = 8  # words in a row that would count as copying
MODULE_SECTIONS = ("objectives", "scenarios", "reflection", "quiz", "key-points", "references")
# "Roughly 1,000–1,800 words" of lesson; Finnish says the same in about a fifth fewer words.
LESSON_WORDS = {"fi": (850, 1800)}
DEFAULT_LESSON_WORDS = (1000, 1800)
MIN_GLOSSARY_TERMS = 40
MIN_GLOSSARY_LINKS = 5  # per module page: the module's key terms link to the glossary
REFERENCE = re.compile(r"^- (?P<authors>[^()]+?)(?: \(Eds?\.\)\.?)? \((?P<year>\d{4}(?:–\d{4})?)\)\. \S.*[.)]$")
GLOSSARY_LINK = re.compile(r"\]\(glossary\.md#([a-z0-9-]+)\)")
GLOSSARY_TERM = re.compile(r"^(?P<term>[^\s:].*?) \{#(?P<id>[a-z0-9-]+)\}\n:   ", re.M)


def modules() -> list[str]:
    return sorted(p.name for p in (DOCS / LANGUAGES[0]).glob("[0-9][0-9]-*.md"))


def pages() -> list[str]:
    return sorted(p.name for p in (DOCS / LANGUAGES[0]).glob("*.md"))


@functools.cache
def source(lang: str, name: str) -> str:
    """A page's Markdown without its front matter."""
    return read_page(DOCS / lang / name)[0]


# --- Every module, every language: the sections, the length, the references --------------------


@pytest.mark.parametrize("module", modules())
def test_every_module_has_each_section_in_every_language(module):
    for lang in LANGUAGES:
        ids = set(sections(source(lang, module)))
        missing = [s for s in MODULE_SECTIONS if s not in ids]
        assert not missing, f"docs/{lang}/{module} lacks the sections {missing}"


@pytest.mark.parametrize("module", modules())
def test_every_module_has_the_same_shape_in_every_language(module):
    """3–5 objectives, at least two scenarios, a reflection box and key points, alike everywhere."""
    shapes = {}
    for lang in LANGUAGES:
        parts = sections(source(lang, module))
        shapes[lang] = {
            "objectives": len(bullets(parts["objectives"])),
            "scenarios": parts["scenarios"].count("!!! example"),
            "reflection boxes": parts["reflection"].count("!!! question"),
            "key points": len(bullets(parts["key-points"])),
            "lesson sections": list(sections(source(lang, module))),
        }
        shape = shapes[lang]
        assert 3 <= shape["objectives"] <= 5, f"docs/{lang}/{module}: {shape['objectives']} objectives, want 3–5"
        assert shape["scenarios"] >= 2, f"docs/{lang}/{module}: {shape['scenarios']} scenarios, want 2 or more"
        assert shape["reflection boxes"] == 1, f"docs/{lang}/{module}: want one '!!! question' reflection box"
        assert shape["key points"] >= 3, f"docs/{lang}/{module}: {shape['key points']} key points, want 3 or more"
    first = LANGUAGES[0]
    for lang in LANGUAGES[1:]:
        assert shapes[lang] == shapes[first], f"docs/{lang}/{module} is shaped unlike docs/{first}/{module}"


@pytest.mark.parametrize("module", modules())
def test_every_lesson_is_roughly_1000_to_1800_words(module):
    for lang in LANGUAGES:
        low, high = LESSON_WORDS.get(lang, DEFAULT_LESSON_WORDS)
        count = len(words(lesson_body(source(lang, module))))
        assert low <= count <= high, f"docs/{lang}/{module}: the lesson has {count} words, want {low}–{high}"


def references(lang: str, module: str) -> list[str]:
    return ["- " + entry for entry in bullets(sections(source(lang, module))["references"])]


@pytest.mark.parametrize("module", modules())
def test_references_are_formatted_alike_sorted_and_cited_in_the_text(module):
    keys = {}
    for lang in LANGUAGES:
        entries = references(lang, module)
        assert entries, f"docs/{lang}/{module} lists no references"
        matches = [REFERENCE.match(entry) for entry in entries]
        odd = [entry for entry, match in zip(entries, matches) if not match]
        assert not odd, f"docs/{lang}/{module}: not 'Author, A. (Year). Title.' style: {odd}"
        assert entries == sorted(entries, key=str.casefold), f"docs/{lang}/{module}: references are not in alphabetical order"
        text = source(lang, module).split("{#references}")[0]
        for match in matches:
            name = match["authors"].split(",")[0].split()[0]  # first author's surname, or a body's first word
            year = match["year"]
            assert re.search(rf"\b{re.escape(name)}\w*\W.{{0,120}}?{year}", text, flags=re.S | re.I), \
                f"docs/{lang}/{module}: {name} ({year}) is listed but never cited in the text"
        keys[lang] = [(m["authors"], m["year"]) for m in matches]
    for lang in LANGUAGES[1:]:
        assert keys[lang] == keys[LANGUAGES[0]], f"docs/{lang}/{module}: references differ from docs/{LANGUAGES[0]}/{module}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents (../shared/seeds) are not beside this clone")
def test_no_sentence_is_copied_from_the_seed_documents():
    def runs(text: str) -> set[tuple[str, ...]]:
        tokens = re.findall(r"[^\W\d_]+", text.lower())
        return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}

    seed_runs = set().union(*(runs(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    assert seed_runs, "no seed text was read"
    copied = []
    for path in [*DOCS.rglob("*.md"), *(ROOT / "quizzes").glob("*.yaml")]:
        for run in runs(path.read_text(encoding="utf-8")) & seed_runs:
            copied.append(f"{path.relative_to(ROOT)}: {' '.join(run)}")
    assert not copied, "\n".join(sorted(copied))


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


def test_every_quiz_a_lesson_uses_exists_and_every_quiz_is_used_once_per_language():
    existing = {path.stem for path in quiz_files()}
    for lang in LANGUAGES:
        used = [(name, quiz_id) for name in pages() for _, quiz_id in quiz_references(source(lang, name))]
        unknown = [f"docs/{lang}/{name}: {quiz_id}" for name, quiz_id in used if quiz_id not in existing]
        assert not unknown, f"lessons use quizzes that do not exist: {unknown}"
        ids = [quiz_id for _, quiz_id in used]
        assert sorted(ids) == sorted(existing), (
            f"in docs/{lang}/ each quiz should be used by exactly one lesson; "
            f"unused: {sorted(existing - set(ids))}, used twice: {sorted({i for i in ids if ids.count(i) > 1})}")


@pytest.mark.parametrize("path", quiz_files(), ids=lambda p: p.stem)
def test_each_quiz_has_8_scored_questions_of_2_types_with_feedback_that_explains(path):
    questions = quiz_source(path)["questions"]
    scored = [q for q in questions if q["type"] != "reflection"]
    assert len(scored) >= 8, f"quizzes/{path.name}: {len(scored)} scored questions, want 8 or more"
    assert len({q["type"] for q in scored}) >= 2, f"quizzes/{path.name}: use at least two question types"
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


# --- The glossary: the same terms everywhere, linked from the lessons ---------------------------


@functools.cache
def glossary_terms(lang: str) -> dict[str, str]:
    return {m["id"]: m["term"] for m in GLOSSARY_TERM.finditer(source(lang, "glossary.md"))}


def test_the_glossary_has_at_least_40_terms_the_same_in_every_language():
    first = glossary_terms(LANGUAGES[0])
    assert len(first) >= MIN_GLOSSARY_TERMS, f"docs/{LANGUAGES[0]}/glossary.md has {len(first)} terms"
    for lang in LANGUAGES:
        text = source(lang, "glossary.md")
        ids = re.findall(r"\{#([a-z0-9-]+)\}\n:   ", text)
        assert len(ids) == len(set(ids)), f"docs/{lang}/glossary.md defines a term twice"
        assert set(glossary_terms(lang)) == set(first), (
            f"docs/{lang}/glossary.md: terms differ from docs/{LANGUAGES[0]}/glossary.md: "
            f"{sorted(set(glossary_terms(lang)) ^ set(first))}")
        terms = list(glossary_terms(lang).values())
        assert terms == sorted(terms, key=_alphabetical(lang)), f"docs/{lang}/glossary.md is not in alphabetical order"


def _alphabetical(lang: str):
    # Danish/Norwegian æøå and Swedish/Finnish åäö come after z, in that order.
    tail = {"no": "æøå", "sv": "åäö", "fi": "åäö"}.get(lang, "")
    order = {letter: chr(0x10000 + i) for i, letter in enumerate(tail)}
    return lambda term: "".join(order.get(c, c) for c in term.casefold())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", pages())
def test_glossary_links_point_to_terms_and_each_term_is_linked_once_per_page(lang, page):
    if page == "glossary.md":
        return
    links = GLOSSARY_LINK.findall(source(lang, page))
    unknown = sorted(set(links) - set(glossary_terms(lang)))
    assert not unknown, f"docs/{lang}/{page} links to glossary terms that do not exist: {unknown}"
    twice = sorted({term for term in links if links.count(term) > 1})
    assert not twice, f"docs/{lang}/{page}: link only the first use of a term to the glossary: {twice}"
    if page in modules():
        assert len(links) >= MIN_GLOSSARY_LINKS, (
            f"docs/{lang}/{page} links {len(links)} terms to the glossary; link the first use of its key terms")

"""The built site as a visitor and an IT department meet it: four languages, no outside hosts."""

from __future__ import annotations

import functools
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, page_path, run_mkdocs_build
from helpercourse.lesson_text import read_page

MATERIAL_LANGUAGE = {"no": "nb"}  # Material has no "no"; bokmål is "nb"
OUTSIDE_URL = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
XML_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink")


def lesson_pages() -> list[str]:
    """Every page of the trainee site, as its path under docs/<default language>/."""
    folder = ROOT / "docs" / DEFAULT_LANGUAGE
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md")
                  if read_page(p)[1].get("trainer_only") is not True)  # trainer edition only


def built_file(site: Path, lang: str, source: str) -> Path:
    """Where docs/<lang>/<source> ends up in the built site."""
    stem = source[:-3]
    url = "" if stem == "index" else (stem[: -len("/index")] + "/" if stem.endswith("/index") else stem + "/")
    return site / page_path(lang, url) / "index.html"


class _PageFacts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.alternates: dict[str, str] = {}
        self.attribute_urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        # The language selector's links (the head has no <link rel="alternate">: see
        # tests/site/test_language_links.py).
        if tag == "a" and "md-select__link" in (attrs.get("class") or "") and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        for name in ("src", "href", "srcset", "action", "poster", "data", "content"):
            if attrs.get(name):
                self.attribute_urls.append(attrs[name])


def facts(path: Path) -> _PageFacts:
    parser = _PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_each_language_has_its_own_root(built_site):
    assert (built_site / "index.html").exists(), "Norwegian is served at the site root"
    for lang in LANGUAGES[1:]:
        assert (built_site / lang / "index.html").exists(), f"/{lang}/ is missing"
    assert not (built_site / DEFAULT_LANGUAGE / "index.html").exists(), "no duplicate /no/ tree"


@pytest.mark.parametrize("source", lesson_pages())
def test_every_page_exists_in_every_language_with_its_lang_attribute(built_site, source):
    for lang in LANGUAGES:
        page = built_file(built_site, lang, source)
        assert page.exists(), f"{source} was not built in {lang}"
        assert facts(page).lang == MATERIAL_LANGUAGE.get(lang, lang)


@pytest.mark.parametrize("source", lesson_pages())
def test_every_page_links_its_translations_in_the_language_selector(built_site, source):
    for lang in LANGUAGES:
        page = built_file(built_site, lang, source)
        alternates = facts(page).alternates
        assert set(alternates) == set(LANGUAGES)
        for other, href in alternates.items():
            assert not href.startswith("/"), f"{href}: absolute links break hosting under a sub-path"
            target = (page.parent / href).resolve()
            assert target == built_file(built_site, other, source).parent.resolve(), (
                f"the {other} link on {page} goes to {target}, not the same page in {other}")


def test_theme_strings_are_in_the_page_language(built_site):
    search_placeholder = {"no": 'placeholder="Søk"', "sv": 'placeholder="Sök"',
                          "fi": 'placeholder="Hae"', "en": 'placeholder="Search"'}
    for lang in LANGUAGES:
        html = (built_site / page_path(lang) / "index.html").read_text(encoding="utf-8")
        assert search_placeholder[lang] in html


def test_every_language_has_its_own_search_index(built_site):
    """Search per language (details in test_search_index.py): one index per language root."""
    for lang in LANGUAGES:
        path = built_site / page_path(lang) / "search" / "search_index.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang] and index["docs"]


def test_compiled_quiz_json_matches_its_schema(built_site):
    out = ROOT / "build" / "quizzes"
    schema = json.loads((out / "quiz.schema.json").read_text(encoding="utf-8"))
    documents = [p for p in out.glob("*/*.json") if not p.name.startswith("_")]
    assert len(documents) >= len(LANGUAGES)
    for path in documents:
        document = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)
        assert document["lang"] == path.parent.name


def test_no_built_file_points_to_an_outside_host(built_site):
    problems = []
    for path in built_site.rglob("*.html"):
        for url in facts(path).attribute_urls:
            if OUTSIDE_URL.match(url.strip()):
                problems.append(f"{path.relative_to(built_site)}: {url}")
    for path in built_site.rglob("*.css"):
        css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css):
            if OUTSIDE_URL.match(url.strip()):
                problems.append(f"{path.relative_to(built_site)}: {url}")
    assert not problems, "\n".join(problems)


def test_our_own_front_end_names_no_outside_host():
    for path in (ROOT / "overrides").rglob("*"):
        if path.suffix in (".js", ".css", ".html"):
            text = path.read_text(encoding="utf-8")
            found = [m for m in OUTSIDE_URL.findall(text) if not any(ns.startswith(m) for ns in XML_NAMESPACES)]
            assert not found, f"{path}: {found}"


def test_no_web_fonts_are_loaded(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_quiz_is_in_the_page_without_javascript(built_site):
    page = built_file(built_site, "en", "01-helper-relationship.md").read_text(encoding="utf-8")
    assert page.count('<fieldset class="hc-question"') >= 6
    assert '<legend' in page and 'type="radio"' in page and 'type="checkbox"' in page
    assert '<script type="application/json" class="hc-quiz-data">' in page


def test_a_missing_translation_fails_the_build(project_copy, tmp_path):
    (project_copy / "docs" / "fi" / "01-helper-relationship.md").unlink()
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/fi/01-helper-relationship.md:1: this page is missing" in result.stderr


def test_an_unknown_quiz_id_fails_the_build_naming_page_and_line(project_copy, tmp_path):
    lesson = project_copy / "docs" / "sv" / "01-helper-relationship.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("```quiz\nhelper-relationship", "```quiz\nhelper-relatoinship"), encoding="utf-8")
    line = text.splitlines().index("```quiz") + 1
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/sv/01-helper-relationship.md:{line}: unknown quiz id 'helper-relatoinship'" in result.stderr


def test_a_broken_quiz_fails_the_build_with_file_and_line(project_copy, tmp_path):
    quiz = project_copy / "quizzes" / "helper-relationship.yaml"
    text = quiz.read_text(encoding="utf-8")
    broken = text.replace("type: single", "type: singel", 1)
    quiz.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index(next(l for l in broken.splitlines() if "type: singel" in l)) + 1
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"quizzes/helper-relationship.yaml:{line}: " in result.stderr
    assert "unknown question type 'singel'" in result.stderr
    assert "Traceback" not in result.stderr


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())


def module_sources() -> list[str]:
    return [name for name in lesson_pages() if re.match(r"\d\d-", name)]


@functools.lru_cache(maxsize=1)
def _course():
    from helpercourse.course import load_course
    return load_course(ROOT, out_dir=ROOT / "build" / "quizzes")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_starts_module_1_and_has_a_card_for_every_module(built_site, lang):
    """Read without JavaScript: Start leads to module 1, each card links its module and says how
    long it takes, how many questions it has and "Not started"; every module page says where it
    sits in the course; the nav numbers the modules."""
    from helpercourse.module_index import cards

    course = _course()
    ui = json.loads((ROOT / "build" / "quizzes" / lang / "_interface.json").read_text("utf-8"))
    modules = cards(course.modules(lang), course.quizzes[lang])
    names = module_sources()
    assert [m.file_name for m in modules] == names
    home = built_file(built_site, lang, "index.md").read_text(encoding="utf-8")
    start = re.search(r'<a class="md-button md-button--primary hc-start__link" href="([^"]+)">([^<]+)</a>', home)
    assert start and start[1] == f"{names[0][:-3]}/", f"the {lang} Start button does not lead to module 1"
    assert unescape(start[2]) == ui["start_module"].format(number=1, title=modules[0].title)
    found = re.findall(r'<li class="hc-card" data-module="([^"]+)"><h3 class="hc-card__title"><a href="([^"]+)">'
                       r'.*?<p class="hc-card__meta">([^<]+)</p><p class="hc-card__status">([^<]+)</p></li>', home)
    assert [(slug, href) for slug, href, _, _ in found] == [(n[:-3], f"{n[:-3]}/") for n in names]
    for module, (_, _, meta, status) in zip(modules, found):
        assert module.questions >= 8
        assert unescape(meta) == ui["card_meta"].format(minutes=module.minutes, questions=module.questions)
        assert unescape(status) == ui["card_not_started"]
    lesson = built_file(built_site, lang, names[2]).read_text(encoding="utf-8")
    line = re.search(r'</h1><p class="hc-module-meta">([^<]+)</p>', lesson)
    assert line and unescape(line[1]) == ui["module_meta"].format(
        number=3, count=len(names), minutes=modules[2].minutes, questions=modules[2].questions)
    labels = re.findall(r'<span class="md-typeset">\s*(.*?)\s*</span>', lesson)
    assert [unescape(label) for label in dict.fromkeys(labels)] == [f"{m.number} · {m.title}" for m in modules]
    assert f"<title>{modules[2].title} - " in unescape(lesson), "the page title keeps the plain module title"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_modules_link_to_the_previous_and_next_module_in_order(built_site, lang):
    names = module_sources()
    for before, name, after in zip([None, *names], names, [*names[1:], None]):
        footer = built_file(built_site, lang, name).read_text(encoding="utf-8").split('class="md-footer"', 1)[1]
        prev_link = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--prev"', footer)
        next_link = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--next"', footer)
        if before:
            assert prev_link and prev_link[1] == f"../{before[:-3]}/", f"{lang}/{name}: previous should be {before}"
        if after:
            assert next_link and next_link[1] == f"../{after[:-3]}/", f"{lang}/{name}: next should be {after}"

"""The home page's Start button and cards, the nav labels, the module header line and the course
map come from the module pages and their compiled quizzes."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from helpercourse import module_index
from helpercourse.course import CoursePage
from helpercourse.front_matter import read_page
from helpercourse.problems import ProblemsFound

UI = {
    "module_number": "Module {number}",
    "module_meta": "Module {number} of {count} · about {minutes} min · {questions} questions",
    "card_meta": "About {minutes} min · {questions} questions",
    "start_module": "Start with Module {number}: {title}",
    "card_not_started": "Not started",
    **{key: key for key in module_index.UI_KEYS if key not in ("start_module", "card_not_started")},
}

QUIZ = {"id": "trust", "pass_mark": 75, "questions": [
    {"id": "a", "type": "single", "fingerprint": "fa"},
    {"id": "b", "type": "order", "fingerprint": "fb"},
    {"id": "mine", "type": "reflection", "fingerprint": "fr"},  # never scored: not counted
]}


def page(tmp_path, name: str, front: str, heading: str, quiz: str = "trust") -> CoursePage:
    path = tmp_path / name
    path.write_text(f"---\n{front}---\n\n# {heading}\n\n```quiz\n{quiz}\n```\n", encoding="utf-8")
    return CoursePage("en", name, path, read_page(path))


@pytest.fixture
def modules(tmp_path):
    pages = [page(tmp_path, "01-first.md", "title: First <steps>\n", "Module 1: First <steps>"),
             page(tmp_path, "02-trust.md", "title: Trust\nminutes: 30\n", "Module 2: Trust"),
             page(tmp_path, "03-untitled.md", "", "Module 3: Boundaries", quiz="unknown")]
    return module_index.cards(pages, {"trust": QUIZ})


def test_each_card_shows_number_linked_title_time_questions_and_a_status_slot(modules):
    hrefs = {"01-first.md": "01-first/", "02-trust.md": "02-trust/", "03-untitled.md": "03-untitled/"}
    html = module_index.render_cards(modules, hrefs, UI)

    cards = re.findall(r'<li class="hc-card" data-module="([^"]+)">(.*?)</li>', html)
    assert [slug for slug, _ in cards] == ["01-first", "02-trust", "03-untitled"]
    first, second, third = (body for _, body in cards)
    assert '<a href="01-first/"><span class="hc-card__number">Module 1</span> ' in first
    assert '<span class="hc-card__name">First &lt;steps&gt;</span>' in first  # escaped, never HTML
    assert "About 45 min · 2 questions" in first  # 45 by default; the reflection is not counted
    assert "About 30 min · 2 questions" in second  # the page's own `minutes:`
    assert '<span class="hc-card__name">Boundaries</span>' in third  # no title: the H1 without "Module 3: "
    assert all('<p class="hc-card__status">Not started</p>' in body for body in (first, second, third))


def test_the_course_map_links_each_module_from_the_page_and_lists_what_counts(modules):
    hrefs = {"01-first.md": "../01-first/", "02-trust.md": "./", "03-untitled.md": "../03-untitled/"}
    data = module_index.course_map(modules, hrefs, UI, lang="en", page_slug="02-trust", progress_href="../progress/")
    block = module_index.map_block(data)

    assert block.startswith('<script type="application/json" class="hc-course-map">')
    assert "</steps>" not in block and "<steps>" not in block  # "<" escaped: the block cannot end early
    read = json.loads(unescape(block.split(">", 1)[1].rsplit("</script>", 1)[0]))
    assert read["page"] == "02-trust" and read["progress"] == "../progress/" and read["lang"] == "en"
    assert read["modules"][0] == {"slug": "01-first", "number": 1, "title": "First <steps>", "href": "../01-first/",
                                  "quiz": "trust", "pass_mark": 75, "scored": ["fa", "fb"]}
    assert read["modules"][2]["quiz"] is None and read["modules"][2]["scored"] == []
    assert set(read["ui"]) == set(module_index.UI_KEYS)


def test_start_button_nav_label_and_header_line(modules):
    hrefs = {"01-first.md": "01-first/"}
    html = module_index.fill_slots(f"<p>Hi</p>{module_index.START_SLOT}", modules, hrefs, UI)
    assert ('<a class="md-button md-button--primary hc-start__link" href="01-first/">'
            "Start with Module 1: First &lt;steps&gt;</a>") in html

    assert module_index.nav_label(modules[1]) == "2 · Trust"
    with_line = module_index.add_meta_line('<h1 id="m">Module 2: Trust</h1><p>Text</p>', modules[1], 9, UI)
    assert with_line == ('<h1 id="m">Module 2: Trust</h1><p class="hc-module-meta">'
                         "Module 2 of 9 · about 30 min · 2 questions</p><p>Text</p>")


@pytest.mark.parametrize("value", ["45 min", 0, 4000, 12.5, "true"])
def test_minutes_that_are_not_a_whole_number_of_minutes_are_named_with_their_line(tmp_path, value):
    path = tmp_path / "02-trust.md"
    path.write_text(f"---\ntitle: Trust\nminutes: {value}\n---\n\n# Module 2: Trust\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        read_page(path)
    [problem] = found.value.problems
    assert problem.line == 3
    assert problem.message.startswith("'minutes' must be a whole number of minutes from 5 to 600")

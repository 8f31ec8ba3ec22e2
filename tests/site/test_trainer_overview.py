"""The trainer overview page, the worksheet button and the in-lesson writing boxes, in the built
editions of tests/trainer_projects.py (the same two builds test_facilitator_notes.py uses)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT, page_path
from trainer_projects import built_editions

OVERVIEW = "trainer-overview/"
MODULES = sorted(p.stem for p in (ROOT / "docs" / LANGUAGES[0]).glob("[0-9][0-9]-*.md"))


@pytest.fixture(scope="module")
def editions():
    return built_editions()


def html_of(site: Path, lang: str, page: str) -> str:
    return (site / page_path(lang, page) / "index.html").read_text(encoding="utf-8")


def interface(editions, lang: str) -> dict:
    return json.loads((editions.project / "build" / "quizzes" / lang / "_interface.json").read_text("utf-8"))


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def stated_minutes(lang: str, module: str) -> int:
    """The session length the module's first note states in its first bold line (from source)."""
    text = (ROOT / "docs" / lang / f"{module}.md").read_text(encoding="utf-8")
    note = text[text.index("!!! facilitator"):]
    return int(re.search(r"\*\*[^*\n]*?(\d+)[^*\n]*\*\*", note)[1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_lists_every_modules_plan_with_timings_and_materials(editions, lang):
    ui = interface(editions, lang)
    html = html_of(editions.trainer, lang, OVERVIEW)
    article = html[html.index("<article"):html.index("</article>")]
    sections = re.split(r"<h2 id=\"plan-", article)
    assert len(sections) == len(MODULES) + 1, f"{lang}: one section per module"
    table = plain(sections[0])
    for module, section in zip(MODULES, sections[1:]):
        assert section.startswith(f'{module}"'), f"{lang}: modules out of order at {module}"
        assert f'href="../{module}/"' in section, f"{lang}: the plan does not link to {module}"
        minutes = stated_minutes(lang, module)
        text = plain(section)
        assert ui["session_total"].format(minutes=minutes) in text, f"{lang} {module}: no total of {minutes}"
        parts = [int(n) for n in re.findall(r"(\d+) min · ", text)]
        assert len(parts) >= 4 and sum(parts) == minutes, f"{lang} {module}: parts {parts}"
        assert f"{ui['session_materials']}:" in text, f"{lang} {module}: no materials line"
        assert f"{minutes} min" in table
    assert f"{ui['session_all_modules']} {sum(stated_minutes(lang, m) for m in MODULES)} min" in table
    # In the trainer edition's navigation, from a lesson.
    assert 'href="../trainer-overview/"' in html_of(editions.trainer, lang, MODULES[0] + "/")


def test_the_trainee_site_has_no_overview_no_link_to_it_and_no_search_entry(editions):
    for lang in LANGUAGES:
        assert not (editions.trainee / page_path(lang, OVERVIEW)).exists()
        index = json.loads((editions.trainee / page_path(lang) / "search" / "search_index.json").read_text("utf-8"))
        assert not any("trainer-overview" in doc["location"] for doc in index["docs"])
    for path in editions.trainee.rglob("*"):
        if path.suffix in {".html", ".xml", ".json"}:
            assert "trainer-overview" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_reflection_has_a_labelled_box_and_the_trainer_edition_a_worksheet_button(editions, lang):
    ui = interface(editions, lang)
    for module in MODULES:
        for site in (editions.trainee, editions.trainer):
            html = html_of(site, lang, module + "/")
            boxes = re.findall(r'<div class="hc-note" data-note-id="([^"]+)">(.*?)</div></div>', html)
            assert [note_id for note_id, _ in boxes] == [f"{module}/reflection-1"], f"{lang} {module}"
            inner = boxes[0][1]
            field = re.search(r'<textarea class="hc-note__text" id="([^"]+)"', inner)[1]
            assert f'<label class="hc-note__label" for="{field}">{ui["note_label"]}</label>' in inner
            assert ui["note_on_paper"] in inner, "says where to write when it cannot save"
            # The box stands inside the reflection admonition, under its prompts.
            box = html[html.index('<div class="admonition question">'):html.index('data-note-id')]
            assert box.count("</div>") == 0
        button = f'<button type="button" class="md-button hc-worksheet__print">{ui["worksheet_print"]}</button>'
        assert button in html_of(editions.trainer, lang, module + "/")
        assert "hc-worksheet" not in html_of(editions.trainee, lang, module + "/")

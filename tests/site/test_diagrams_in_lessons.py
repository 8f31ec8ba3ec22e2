"""Each lesson shows its diagram in every language, with the title and text alternative in the
page's own language and no placeholder left over."""

from __future__ import annotations

import re
from html import unescape

import pytest

from conftest import LANGUAGES, ROOT, page_path
from helpercourse.diagrams import load_diagrams

# The lesson each diagram belongs to (issue 13, "Pictures").
LESSON_DIAGRAMS = {
    "01-helper-relationship": ["rogers-core-conditions"],
    "02-trust": ["two-kinds-of-trust"],
    "04-help-to-self-help": ["help-to-self-help-span"],
    "05-group-supervision": ["proctor-functions", "group-supervision-steps"],
    "06-peer-relationship": ["bandura-sources"],
    "07-drama-triangle": ["drama-and-ted"],
    "08-professional-boundaries": ["boundary-warning-signs"],
}
_FIGURE = re.compile(r'<figure class="hc-diagram" data-diagram="([^"]+)">(.*?)</figure>', re.S)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_shows_its_diagrams_in_the_pages_language(built_site, lang):
    diagrams, problems = load_diagrams(ROOT / "diagrams", LANGUAGES)
    assert not problems
    for lesson, names in LESSON_DIAGRAMS.items():
        html = (built_site / page_path(lang, lesson) / "index.html").read_text("utf-8")
        figures = _FIGURE.findall(html)
        assert [name for name, _ in figures] == names, f"{lang}/{lesson}"
        for name, figure in figures:
            diagram = diagrams[name]
            title = re.search(r'<title id="hc-diagram-[^"]+-title">(.*?)</title>', figure).group(1)
            desc = re.search(r'<desc id="hc-diagram-[^"]+-desc">(.*?)</desc>', figure).group(1)
            assert unescape(title) == diagram.titles[lang]
            assert unescape(desc) == diagram.descriptions[lang]
            words = unescape(" ".join(re.findall(r">([^<>]+)<", figure)))
            for lines in diagram.labels.values():
                assert all(line in words for line in lines[lang]), f"{lang}/{lesson}: {lines[lang]}"
            assert not re.search(r"\{[A-Za-z0-9_]+\}", figure), f"{lang}/{lesson}: a placeholder is left"
            assert "style=" not in figure and "<style" not in figure
        ids = re.findall(r'\sid="(hc-diagram-[^"]+)"', html)
        assert len(ids) == len(set(ids)) == 2 * len(names)

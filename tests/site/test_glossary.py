"""The glossary in the built site: a heading and a search entry per term, its names in the other
languages, and tooltips in the lessons; and the mistakes a trainer can make writing a term."""

from __future__ import annotations

import json
import re
from html import unescape
from types import SimpleNamespace

import pytest

from conftest import LANGUAGES, ROOT, page_path
from helpercourse import glossary
from helpercourse.front_matter import read_page

TERM_HEADING = re.compile(r'<h2 id="([a-z0-9-]+)" class="hc-term">(.*?)<a class="headerlink"')
NAMES_LINE = re.compile(r'<p class="hc-term-names">(.*?)</p>', re.S)
NAME = re.compile(r'<span lang="([a-z]+)">[^<:]+: ([^<]+)</span>')
HTML_LANG = {"no": "nb"}  # the tag Norwegian bokmål has in lang=""


def source_terms(lang: str) -> list[glossary.Term]:
    page = read_page(ROOT / "docs" / lang / "glossary.md")
    terms, problems = glossary.read_terms(page.body, page.body_line, f"docs/{lang}/glossary.md")
    assert not problems, problems
    return terms


def test_every_term_names_itself_in_every_other_language(built_site):
    names = {lang: {t.anchor: t.name for t in source_terms(lang)} for lang in LANGUAGES}
    for lang in LANGUAGES:
        html = (built_site / page_path(lang, "glossary") / "index.html").read_text(encoding="utf-8")
        headings = TERM_HEADING.findall(html)
        assert [anchor for anchor, _ in headings] == list(names[lang]), f"{lang}: one heading per term, in order"
        lines = NAMES_LINE.findall(html)
        assert len(lines) == len(headings), f"{lang}: a names line under every term"
        for (anchor, _), line in zip(headings, lines):
            shown = [(tag, unescape(name)) for tag, name in NAME.findall(line)]
            assert shown == [(HTML_LANG.get(other, other), names[other][anchor])
                             for other in LANGUAGES if other != lang], f"{lang} #{anchor}: {shown}"


def test_each_term_is_its_own_search_entry_ranked_above_lessons(built_site):
    for lang in LANGUAGES:
        index = json.loads((built_site / page_path(lang, "search/search_index.json")).read_text("utf-8"))
        entries = {doc["location"]: doc for doc in index["docs"]}
        for term in source_terms(lang):
            entry = entries[f"glossary/#{term.anchor}"]
            assert entry["title"] == term.name and entry["boost"] == glossary.SEARCH_BOOST
        assert "boost" not in entries["glossary/"], "the page itself is not boosted, only its terms"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_lesson_shows_each_terms_definition_once_and_on_its_glossary_links(built_site, lang):
    html = (built_site / page_path(lang, "01-helper-relationship") / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    abbrs = re.findall(r'<abbr title="([^"]+)" tabindex="0">([^<]+)</abbr>', article)
    assert len(abbrs) >= 3, f"{lang}: only {len(abbrs)} glossary tooltips"
    assert len({title for title, _ in abbrs}) == len(abbrs), "each term's tooltip only on its first use"
    definitions = {t.short_definition for t in source_terms(lang)}
    assert all(unescape(title) in definitions for title, _ in abbrs)
    assert not re.search(r"<h[1-6][^>]*>(?:(?!</h).)*<abbr", article, re.S), "no tooltip in a heading"
    assert not re.search(r"<a [^>]*>[^<]*<abbr", article), "no tooltip inside a link"
    links = re.findall(r'<a href="[^"]*glossary/#([a-z0-9-]+)" title="([^"]+)"', article)
    by_anchor = {t.anchor: t.short_definition for t in source_terms(lang)}
    assert links and all(unescape(title) == by_anchor[anchor] for anchor, title in links)


# --- the glossary's own rules, on small made-up glossaries --------------------------------------

def test_the_short_definition_is_the_first_sentence_in_plain_text():
    term = glossary.Term("x", "X", "The *first* sentence, see [module 1](01-a.md). The second. See [module 2](02-b.md).", 1)
    assert term.short_definition == "The first sentence, see module 1."


def test_mistakes_in_writing_a_term_name_their_line():
    body = ("# Ordliste\n\nIntro.\n\n## Tillit {#trust}\n\nTro på at andre vil deg vel.\n\n"
            "## Uten anker\n\nTekst.\n\n## Tom {#empty}\n\n## Igjen {#trust}\n\nTekst.\n\n"
            "Gammel form {#old}\n:   Definisjon.\n")
    terms, problems = glossary.read_terms(body, 5, "docs/no/glossary.md")
    assert [t.anchor for t in terms] == ["trust", "empty"]
    assert terms[0].line == 9 and terms[0].definition == "Tro på at andre vil deg vel."
    found = {p.line: p.message for p in problems}
    assert "needs an anchor" in found[13] and "'## Term {#term-id}'" in found[13]
    assert "has no definition" in found[17]
    assert "used twice (first on line 9)" in found[19]
    assert "definition list" in found[23] and "'## Gammel form {#old}'" in found[23]


def test_a_term_without_its_counterpart_in_another_language_is_a_problem_with_file_and_line(tmp_path):
    def page(lang: str, body: str):
        return SimpleNamespace(path=tmp_path / lang / "glossary.md",
                               source=SimpleNamespace(body=body, body_line=6))
    pages = {"no": page("no", "## Tillit {#trust}\n\nA.\n\n## Makt {#power}\n\nB.\n"),
             "sv": page("sv", "## Tillit {#trust}\n\nA.\n")}
    course = SimpleNamespace(languages=("no", "sv"), page=lambda lang, name: pages.get(lang))
    glossaries, problems = glossary.read_course_glossaries(course)
    assert [t.anchor for t in glossaries["sv"]] == ["trust"]
    (problem,) = problems
    assert problem.line == 10 and problem.path.endswith("no/glossary.md")
    assert "'Makt' (#power) has no counterpart in" in problem.message and "sv/glossary.md" in problem.message


def test_tooltips_keep_the_first_use_in_running_text_only():
    terms = [glossary.Term("trust", "Trust", "Confidence in someone. More.", 1)]
    html = ('<h2 id="t">On <abbr title="Confidence in someone.">trust</abbr></h2>'
            '<p><a href="../glossary/#trust"><abbr title="Confidence in someone.">trust</abbr></a> and '
            '<abbr title="Confidence in someone.">trust</abbr>, again <abbr title="Confidence in someone.">trust</abbr>'
            ' and <a href="../glossary/#other">other</a></p>')
    assert glossary.tooltips(html, terms) == (
        '<h2 id="t">On trust</h2><p><a href="../glossary/#trust" title="Confidence in someone.">trust</a> and '
        '<abbr title="Confidence in someone." tabindex="0">trust</abbr>, again trust'
        ' and <a href="../glossary/#other">other</a></p>')


def test_abbreviations_match_the_term_as_written_and_inside_a_sentence():
    lines = glossary.abbreviations([glossary.Term("a", "Active listening", "Listening well. More.", 1),
                                    glossary.Term("t", "TED*", "A model.", 2)]).splitlines()
    assert lines == ["*[Active listening]: Listening well.", "*[active listening]: Listening well."]


def test_the_offline_copys_locations_are_boosted_too():
    boost = glossary.search_boosts({"no": [glossary.Term("trust", "Tillit", "A.", 1)]})
    assert boost("sv/glossary/#trust") == boost("glossary.html#trust") == glossary.SEARCH_BOOST
    assert boost("glossary/") is None and boost("02-trust/#trust") is None and boost("glossary/#nope") is None

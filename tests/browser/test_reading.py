"""Comfortable reading (issue 13): text sizes, the title's colour, glossary search and tooltips,
and the dark colour scheme, as a trainee sees them at phone and desktop widths."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, ROOT, page_path
from helpercourse.glossary import Term, read_terms
from helpercourse.front_matter import read_page
from quiz_driver import interface, search

pytestmark = pytest.mark.browser

TABLE_LESSON = "07-drama-triangle/"  # scenarios, a reflection box, a table and a quiz
TOOLTIP_LESSON = "01-helper-relationship/"
WIDTHS = {"phone": 320, "desktop": 1280}
SEARCHED_TERM = "duty-of-confidentiality"  # linked from lessons; several words in every language


def glossary_term(lang: str, anchor: str) -> Term:
    source = read_page(ROOT / "docs" / lang / "glossary.md")
    terms, problems = read_terms(source.body, source.body_line, "glossary.md")
    assert not problems, problems
    return next(term for term in terms if term.anchor == anchor)


def luminance(page: Page, selector: str) -> float:
    """The relative luminance (WCAG) of the first `selector`'s text colour, over white."""
    return page.locator(selector).first.evaluate("""element => {
        const [r, g, b, a = 1] = getComputedStyle(element).color.match(/[\\d.]+/g).map(Number);
        const channel = c => { c = (c * a + 255 * (1 - a)) / 255;
            return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    }""")


def font_size(page: Page, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_boxes_tables_and_quiz_at_body_size_and_the_title_darkest(page: Page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + page_path("no", TABLE_LESSON))
    expect(page.locator(".hc-quiz--ready")).to_be_visible()
    body = font_size(page, ".md-content .md-typeset > p")
    assert body >= 16, f"body text is {body} px"
    for what, selector in {
        "a scenario": ".admonition.example > p:not(.admonition-title)",
        "a reflection box": ".admonition.question > p:not(.admonition-title)",
        "a table cell": ".md-typeset table:not([class]) td",
        "a quiz question": ".hc-question legend",
        "a quiz option": ".hc-option label",
    }.items():
        assert font_size(page, selector) == body, f"{what} is not at body size ({body} px)"
    assert luminance(page, ".md-typeset h1") < luminance(page, ".md-typeset h2"), "h1 lighter than h2"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_search_for_a_term_finds_its_glossary_entry(page: Page, site_url, lang):
    term = glossary_term(lang, SEARCHED_TERM)
    page.goto(site_url + page_path(lang))
    search(page, term.name)
    hrefs = page.locator("a.md-search-result__link").evaluate_all("links => links.map(l => l.href)")
    hrefs = [re.sub(r"\?h=[^#]*", "", href) for href in hrefs]  # Material adds the query to highlight
    wanted = site_url + page_path(lang, f"glossary/#{SEARCHED_TERM}")
    assert wanted in hrefs[:3], f"searching {term.name!r}: {hrefs[:3]}"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_glossary_term_in_a_lesson_shows_its_definition(page: Page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + page_path("en", TOOLTIP_LESSON))
    term = page.locator("article abbr").first  # not [title]: Material moves it while it shows the tooltip
    title = term.get_attribute("title")
    assert title and len(title) > 20, "the abbr carries the term's definition"
    tooltip = page.locator(".md-tooltip2--active")
    # Keyboard: Tab reaches the term (it is focusable), and the tooltip names it to screen readers.
    term.focus()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(title)
    expect(term).to_have_attribute("aria-describedby", re.compile(r"^__tooltip2_"))
    term.blur()
    expect(tooltip).to_have_count(0)
    # A link to the glossary shows its term's definition too, on hover.
    link = page.locator('article a[href*="glossary/#help-seeker"]')
    link.hover()
    expect(tooltip).to_have_text(glossary_term("en", "help-seeker").short_definition)


def test_dark_scheme_follows_the_system_and_the_toggle_switches_and_persists(browser, site_url):
    context = browser.new_context(color_scheme="dark", viewport={"width": 320, "height": 800})
    page = context.new_page()
    from conftest import watch_csp
    violations = watch_csp(page)
    ui = interface("sv")
    page.goto(site_url + page_path("sv"))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title(ui["theme_to_light"]).click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.goto(site_url + page_path("fi", TOOLTIP_LESSON))  # remembered across pages and languages
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title(interface("fi")["theme_to_dark"]).click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    context.close()
    assert not violations, violations

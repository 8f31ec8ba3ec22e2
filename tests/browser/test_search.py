"""Search per language: a search on each language's site finds only that language's pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, page_path
from quiz_driver import search

pytestmark = pytest.mark.browser

MATERIAL_LANGUAGE = {"no": "nb"}  # Material has no "no"; bokmål is "nb"
TERM = "Rogers"  # a name every language's module 1 uses


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_only_pages_in_the_sites_language(page: Page, site_url, lang):
    home = site_url + page_path(lang)
    others = [site_url + page_path(other) for other in LANGUAGES if page_path(other) and other != lang]
    page.goto(home)
    search(page, TERM)
    links = page.locator("a.md-search-result__link")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    assert hrefs, f"no search results for {TERM!r} on {home}"
    for href in hrefs:
        assert href.startswith(home) and not href.startswith(tuple(others)), (
            f"a search on {home} led to {href}")

    links.first.click()
    expect(page).to_have_url(hrefs[0])
    expect(page.locator("html")).to_have_attribute("lang", MATERIAL_LANGUAGE.get(lang, lang))
    expect(page.locator("article")).to_contain_text(TERM)


def test_search_results_pass_axe(page: Page, site_url):
    from test_accessibility import assert_no_violations
    page.goto(site_url + page_path("fi"))
    search(page, TERM)
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    assert_no_violations(page)

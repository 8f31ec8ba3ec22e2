"""The offline copy (`make offline`): the zip, unpacked and opened from disk, is the whole course.

The zip is made once, as `make offline` makes it, and unpacked; chromium then opens it through
file:// only. Every browser test also checks that no request left file:// and nothing failed.
"""

from __future__ import annotations

import stat
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, page_path
from helpercourse.atomic_files import current_umask
from helpercourse.offline_copy import TOP_FOLDER, make_offline_copy
from quiz_driver import (LESSON, answer_with_mouse, compiled_quiz, full_marks, interface,
                         score_line, scored, search)

pytestmark = pytest.mark.browser

MATERIAL_LANGUAGE = {"no": "nb"}  # Material has no "no"; bokmål is "nb"
LESSON_FILE = LESSON.rstrip("/") + ".html"  # from disk, links name the file
SEARCH_TERM = "Rogers"  # a name every language's module 1 uses
LOCAL_SCHEMES = ("file:", "data:", "blob:")
# preload off: axe would fetch the style sheets itself, which chromium refuses from file://
# (the same pages are checked with it on, over http, in test_accessibility.py).
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
           "preload": False}


def assert_no_axe_violations(page: Page) -> None:
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    return make_offline_copy(tmp_path_factory.mktemp("offline") / "course.zip", ROOT).path


@pytest.fixture(scope="session")
def offline_folder(offline_zip, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / TOP_FOLDER


class Watch:
    """Everything the page asked for, and everything that went wrong, while a test ran."""

    def __init__(self, page: Page):
        self.requests: list[str] = []
        self.problems: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", lambda request: self.problems.append(f"failed: {request.url}"))
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("console", lambda message: self.problems.append(f"console: {message.text}")
                if message.type == "error" else None)

    def assert_stayed_on_disk(self) -> None:
        outside = [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]
        assert not outside, f"requests left file://: {outside}"
        assert not self.problems, self.problems


@pytest.fixture
def watch(page: Page) -> Watch:
    return Watch(page)


def uri(folder: Path, lang: str, page_file: str = "index.html") -> str:
    return (folder / page_path(lang, page_file)).as_uri()


def test_the_zip_is_one_folder_with_a_readme_naming_each_languages_start_page(offline_zip, offline_folder):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert all(name.startswith(f"{TOP_FOLDER}/") for name in names)
    readme = (offline_folder / "README.txt").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        start = page_path(lang, "index.html")
        assert start in readme, f"README.txt does not say to open {start}"
        assert (offline_folder / start).is_file()


def test_the_zip_can_be_read_by_others_like_any_file_made_here(offline_zip):
    """A file to hand on or put on a share: not private to whoever ran `make offline`."""
    assert stat.S_IMODE(offline_zip.stat().st_mode) == 0o666 & ~current_umask()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("href", "src") and value]


def test_every_link_and_asset_opens_a_file_on_disk(offline_folder):
    """From disk a folder link shows a file listing, not a page: every link must name a file."""
    broken, checked = [], 0
    for html in offline_folder.rglob("*.html"):
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for url in parser.urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//") or not parts.path:
                continue  # other hosts are checked in the browser; "#anchor" stays on the page
            checked += 1
            if not (html.parent / unquote(parts.path)).is_file():
                broken.append(f"{html.relative_to(offline_folder)}: {url}")
    assert not broken, broken[:20]
    assert checked > 1000


def test_the_home_page_and_its_links_work_from_disk(page: Page, watch, offline_folder):
    page.goto(uri(offline_folder, DEFAULT_LANGUAGE))
    expect(page.locator("html")).to_have_attribute("lang", MATERIAL_LANGUAGE.get(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE))
    expect(page.locator("article h1")).to_be_visible()

    page.locator(f'article a[href="{LESSON_FILE}"]').first.click()
    expect(page).to_have_url(uri(offline_folder, DEFAULT_LANGUAGE, LESSON_FILE))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()

    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="sv"]').click()
    expect(page).to_have_url(uri(offline_folder, "sv", LESSON_FILE))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    watch.assert_stayed_on_disk()


def test_a_quiz_answered_right_gets_full_marks_from_disk(page: Page, watch, offline_folder):
    lang = "fi"  # one language is enough: the offline build changes links, not the quiz
    quiz, ui = compiled_quiz(lang), interface(lang)
    page.goto(uri(offline_folder, lang, LESSON_FILE))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()
    answer_with_mouse(page, quiz, right=True)
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))
    assert_no_axe_violations(page)
    watch.assert_stayed_on_disk()


@pytest.mark.parametrize("lang", [DEFAULT_LANGUAGE, "sv"])
def test_search_from_disk_finds_only_pages_in_the_languages_own_folder(page: Page, watch, offline_folder, lang):
    home = uri(offline_folder, lang)
    own_folder = home.rsplit("/", 1)[0] + "/"
    others = tuple(uri(offline_folder, other).rsplit("/", 1)[0] + "/"
                   for other in LANGUAGES if other not in (lang, DEFAULT_LANGUAGE))
    page.goto(home)
    search(page, SEARCH_TERM)
    links = page.locator("a.md-search-result__link")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    assert hrefs
    for href in hrefs:
        assert href.startswith(own_folder) and not href.startswith(others), f"a search on {home} led to {href}"

    links.first.click()
    expect(page).to_have_url(hrefs[0])
    expect(page.locator("html")).to_have_attribute("lang", MATERIAL_LANGUAGE.get(lang, lang))
    expect(page.locator("article")).to_contain_text(SEARCH_TERM)
    watch.assert_stayed_on_disk()

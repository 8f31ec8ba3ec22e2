"""Zero console errors on every page: nothing on a page asks for a file that does not exist.

Material's language selector (setupAlternate in its bundle) reads every <link rel="alternate">
in the head as a language root and fetches <href>/sitemap.xml from it; with the i18n plugin
those links point at the page itself in each language, so every page asked for four missing
<page>/sitemap.xml. overrides/main.html leaves those links out; the selector's own links still
lead to the same page in the other language (test_quiz.py clicks them).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from playwright.sync_api import Page

from conftest import LANGUAGES, ROOT

MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"
SITE_META = re.compile(r"{% block site_meta %}\n(.*?){% endblock %}", re.S)
ALTERNATE_LINKS = re.compile(r"\s*{% if config.extra.alternate is iterable %}.*?{% endif %}", re.S)
HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang=')


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_our_site_meta_block_is_materials_without_the_alternate_links():
    """A copy of Material's block: on a Material upgrade, copy it again if this fails."""
    theirs = SITE_META.search(MATERIAL_BASE.read_text(encoding="utf-8")).group(1)
    ours = SITE_META.search((ROOT / "overrides" / "main.html").read_text(encoding="utf-8")).group(1)
    assert ALTERNATE_LINKS.search(theirs), "Material's base.html no longer has the alternate links"
    assert _lines(ours) == _lines(ALTERNATE_LINKS.sub("", theirs))


def built_pages(site: Path) -> list[str]:
    """Every built HTML page (404 pages included), by the address a visitor uses."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(relative[: -len("index.html")] if path.name == "index.html" else relative)
    return urls


def test_no_page_has_links_that_make_material_fetch_a_sitemap(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    offending = [p for p in pages if HREFLANG_LINK.search(p.read_text(encoding="utf-8"))]
    assert not offending, offending[:5]


@pytest.mark.browser
def test_every_page_of_every_language_loads_without_a_console_error(page: Page, site_url, built_site):
    urls = built_pages(built_site)
    assert len(urls) >= 12 * len(LANGUAGES), f"only {len(urls)} pages built"
    problems: list[str] = []
    current = {"url": ""}
    page.on("console", lambda message: problems.append(f"{current['url']}: console {message.type}: "
                                                       f"{message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{current['url']}: script error: {error}"))
    page.on("requestfailed", lambda request: problems.append(
        f"{current['url']}: failed: {request.url} ({request.failure})"))
    page.on("response", lambda response: problems.append(
        f"{current['url']}: {response.status}: {response.url}") if response.status >= 400 else None)
    for relative in urls:
        current["url"] = relative or "(home)"
        page.goto(site_url + relative, wait_until="load")
        page.wait_for_load_state("networkidle")  # the selector's fetches start after load
    assert not problems, f"{len(problems)} problems on {len(urls)} pages:\n" + "\n".join(problems[:20])

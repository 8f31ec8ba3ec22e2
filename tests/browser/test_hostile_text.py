"""Configured text is text: a name, contact line or interface string that looks like HTML or a
template is shown as written and never runs, even with no Content-Security-Policy to stop it
(a plain web server, or the pages opened from disk)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, copy_project, page_path, run_mkdocs_build, serve_directory

pytestmark = pytest.mark.browser

NAME = '<script>window.hacked=1</script>"><img src=x onerror=window.hacked=2>{{ 7*7 }}'
CONTACT = '"><img src=x onerror=window.hacked=3> <script>window.hacked=4</script> {{ 7*7 }}'
NOT_FOUND = '<script>window.hacked=5</script>"><img src=x onerror=window.hacked=6>'
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 24">'
        '<rect width="48" height="24" fill="#0b6e4f"/></svg>')


def yaml_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"  # a single-quoted YAML scalar


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project / "branding").mkdir()
    (project / "branding" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (project / "branding.yml").write_text(
        f"name: {yaml_text(NAME)}\ncontact: {yaml_text(CONTACT)}\nlogo: branding/logo.svg\n",
        encoding="utf-8")
    interface = project / "translations" / "interface.yaml"
    text = interface.read_text(encoding="utf-8")
    block = re.search(r"^not_found_title:.*\n((?:  \S+: .*\n)+)", text, re.M)
    hostile = "".join(f"  {line.split(':')[0].strip()}: {yaml_text(NOT_FOUND)}\n"
                      for line in block.group(1).splitlines())
    interface.write_text(text[:block.start(1)] + hostile + text[block.end(1):], encoding="utf-8")
    site = project.parent / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, f"build failed:\n{result.stderr[-4000:]}"
    return site


def assert_nothing_ran(page: Page, requests: list[str]) -> None:
    assert page.evaluate("typeof window.hacked") == "undefined", "a configured text ran as script"
    assert not [url for url in requests if url.rstrip("/").endswith("/x")], requests


def assert_branding_shown_as_text(page: Page) -> None:
    expect(page.locator(".hc-organisation").first).to_have_text(f"· {NAME}")
    expect(page.locator(".md-header img")).to_have_attribute("alt", NAME)
    expect(page.locator(".md-copyright__highlight").first).to_contain_text(NAME)
    expect(page.locator(".hc-contact")).to_have_text(CONTACT)


def test_the_built_html_holds_the_texts_escaped(hostile_site):
    for html_file in sorted(hostile_site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        for raw in ("<script>window.hacked", "<img src=x", "onerror=window.hacked=2>"):
            assert raw not in html, f"{html_file}: '{raw}' printed as HTML"
        assert "49" not in re.findall(r"hc-organisation\">· ([^<]*)", html), html_file


def test_hostile_branding_is_shown_as_written_and_never_runs(page: Page, hostile_site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve_directory(hostile_site) as base_url:  # no Content-Security-Policy at all
        for lang in LANGUAGES:
            for path in ("", "01-helper-relationship/"):
                page.goto(base_url + page_path(lang, path))
                assert_branding_shown_as_text(page)
                assert_nothing_ran(page, requests)
    page.goto((hostile_site / "sv" / "index.html").as_uri())  # from disk: no CSP either
    assert_branding_shown_as_text(page)
    assert_nothing_ran(page, requests)


def test_a_hostile_interface_string_on_the_404_page_is_shown_as_written(page: Page, hostile_site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve_directory(hostile_site) as base_url:
        for lang in LANGUAGES:
            page.goto(base_url + page_path(lang, "404.html"))
            expect(page.locator("article h1")).to_have_text(NOT_FOUND)
            assert page.title().startswith(NOT_FOUND)
            assert_branding_shown_as_text(page)
            assert_nothing_ran(page, requests)

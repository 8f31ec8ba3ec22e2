"""Branding by configuration (branding.yml): what an organisation sets is what every page shows,
in every language; a colour pair below WCAG 2.1 AA or a missing image stops the build with the
file and line; without settings the course keeps its own look."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import (LANGUAGES, ROOT, STRICT_CSP, copy_project, page_path, run_mkdocs_build,
                      serve_directory)
from helpercourse.branding_file import contact_html, load
from helpercourse.problems import ProblemsFound

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
LESSON = "01-helper-relationship/"
SITE_NAMES = {"no": "Hjelperkurset", "sv": "Hjälparkursen", "fi": "Auttajakurssi",
              "en": "The Helper Course"}
CONTACT = {"no": "Spørsmål? Kontakt", "sv": "Frågor? Kontakta", "fi": "Kysyttävää? Ota yhteyttä:",
           "en": "Questions? Contact"}
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 24"><title>Example</title>'
        '<rect width="48" height="24" rx="4" fill="#0b6e4f"/></svg>')
FAVICON = LOGO.replace("#0b6e4f", "#084c36")
# A light header with dark text: the harder case (Material draws buttons in the header colour).
BRANDING = """\
# An organisation's settings, as its IT person would write them.
name: "Eksempel Helse"
logo: branding/logo.svg
favicon: branding/icon.svg
contact:
  "no": "Spørsmål? Kontakt kurs@example.org"
  sv: "Frågor? Kontakta kurs@example.org"
  fi: "Kysyttävää? Ota yhteyttä: kurs@example.org"
  en: "Questions? Contact kurs@example.org"
colours:
  header_background: "#f4f1e8"
  header_text: "#1d2b36"
  link: "#0b6e4f"
  accent: "#084c36"
"""


def write_branding(project: Path, text: str) -> None:
    (project / "branding").mkdir(exist_ok=True)
    (project / "branding" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (project / "branding" / "icon.svg").write_text(FAVICON, encoding="utf-8")
    (project / "branding.yml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("branded") / "project")
    write_branding(project, BRANDING)
    site = project.parent / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, f"branded build failed:\n{result.stderr[-4000:]}"
    return site


def pages_of_every_language() -> list[str]:
    return [page_path(lang, page) for lang in LANGUAGES for page in ("", LESSON)]


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def linked_file(site: Path, url: str, html: str, pattern: str) -> Path:
    """The file a page's link points at (relative links, resolved as a browser would)."""
    found = re.search(pattern, html)
    assert found, f"{url}: nothing matches {pattern}"
    return (site / url / found.group(1)).resolve()


# --- The course's own look when nothing is set ------------------------------------------------


@pytest.fixture(scope="module")
def unbranded_site(built_site, tmp_path_factory) -> Path:
    """The course built without branding: the shipped build, unless an organisation has filled
    in branding.yml (then a copy without it, as conftest's copies leave branding.yml out)."""
    shipped = load(ROOT / "branding.yml", LANGUAGES)
    if not (shipped.name or shipped.contact or shipped.logo or shipped.favicon or shipped.stylesheet):
        return built_site
    project = copy_project(tmp_path_factory.mktemp("unbranded") / "project")
    assert not (project / "branding.yml").exists()
    result = run_mkdocs_build(project, project.parent / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return project.parent / "site"


def test_without_settings_every_page_keeps_the_course_look(unbranded_site):
    assert not (unbranded_site / "assets" / "branding").exists()
    for url in pages_of_every_language():
        html = read(unbranded_site, url)
        lang = url.split("/")[0] if url.split("/")[0] in LANGUAGES else LANGUAGES[0]
        assert 'data-md-color-primary="indigo"' in html
        assert re.search(r'<link rel="icon" href="[./]*assets/favicon\.svg">', html), url
        logo = re.search(r'class="md-header__button md-logo"[^>]*>\s*(<\w+)', html).group(1)
        assert logo == "<svg", f"{url}: the header logo is not the hand-heart icon"
        assert re.search(rf'<span class="md-ellipsis">\s*{SITE_NAMES[lang]}\s*</span>', html), url
        assert "hc-organisation" not in html and "hc-contact" not in html
        assert "colours.css" not in html


@pytest.mark.parametrize("partial", ["header.html", "logo.html"])
def test_our_partials_are_materials_with_only_the_branding_lines_changed(partial):
    """Copies of Material's partials: on a Material upgrade, copy them again if this fails."""
    def lines(path: Path) -> list[str]:
        text = re.sub(r"^\{#-.*?-#\}\n", "", path.read_text(encoding="utf-8"), flags=re.S)
        return text.splitlines()
    ours, materials = lines(ROOT / "overrides" / "partials" / partial), lines(MATERIAL_PARTIALS / partial)
    assert len(ours) == len(materials), "Material's partial changed: copy it again"
    changed = [(mine, theirs) for mine, theirs in zip(ours, materials) if mine != theirs]
    assert changed and all("hc_branding" in mine or "hc_edition" in mine for mine, _ in changed), changed


# --- An organisation's settings on every page, in every language ----------------------------


def test_name_logo_favicon_colours_and_contact_line_on_every_page(branded_site):
    project = branded_site.parent / "project"
    for url in pages_of_every_language() + ["404.html"]:
        if url.endswith(".html"):
            html, url = (branded_site / url).read_text(encoding="utf-8"), ""
            lang = LANGUAGES[0]
        else:
            html = read(branded_site, url)
            lang = url.split("/")[0] if url.split("/")[0] in LANGUAGES else LANGUAGES[0]
        header = html[html.index('<header'):html.index('</header>')]
        footer = html[html.index('<footer'):html.index('</footer>')]
        assert re.search(rf"{SITE_NAMES[lang]}\s*<span class=\"hc-organisation\">· Eksempel Helse</span>",
                         header), f"{url}: no organisation name after the site name in the header"
        assert "Eksempel Helse" in footer, f"{url}: no organisation name in the footer"
        assert (f'<div class="md-copyright__highlight hc-contact">{CONTACT[lang]} '
                '<a href="mailto:kurs@example.org">kurs@example.org</a></div>') in footer, url

        logo = linked_file(branded_site, url, header, r'<img src="([^"]+)" alt="Eksempel Helse">')
        assert logo.read_bytes() == (project / "branding" / "logo.svg").read_bytes()
        favicon = linked_file(branded_site, url, html, r'<link rel="icon" href="([^"]+)">')
        assert favicon.read_bytes() == (project / "branding" / "icon.svg").read_bytes()
        stylesheet = linked_file(branded_site, url, html,
                                 r'<link rel="stylesheet" href="([^"]*branding/colours\.css)">')
        css = stylesheet.read_text(encoding="utf-8")
        for prop, value in [("--md-primary-fg-color", "#f4f1e8"), ("--md-primary-bg-color", "#1d2b36"),
                            ("--md-typeset-a-color", "#0b6e4f"), ("--md-accent-fg-color", "#084c36")]:
            assert f"{prop}: {value};" in css
        assert "style=" not in header + footer  # colours come from the stylesheet only


@pytest.mark.browser
def test_a_custom_palette_is_what_the_reader_sees_and_passes_axe(page: Page, branded_site):
    problems = []
    page.on("console", lambda message: "Content Security Policy" in message.text
            and problems.append(message.text))
    page.on("response", lambda response: response.status >= 400 and problems.append(response.url))
    with serve_directory(branded_site, {"Content-Security-Policy": STRICT_CSP}) as base_url:
        page.goto(base_url + page_path("sv", LESSON))
        expect(page.locator(".hc-quiz--ready")).to_be_visible()
        style = "(element, property) => getComputedStyle(element)[property]"
        assert page.locator(".md-header").evaluate(style, "backgroundColor") == "rgb(244, 241, 232)"
        assert page.locator(".md-header").evaluate(style, "color") == "rgb(29, 43, 54)"
        assert page.locator("article p a[href]").first.evaluate(style, "color") == "rgb(11, 110, 79)"
        check = page.locator(".hc-quiz__check").first
        assert check.evaluate(style, "backgroundColor") == "rgb(11, 110, 79)"
        assert page.locator(".md-header img").evaluate("img => img.naturalWidth") > 0
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
        assert results.violations_count == 0, results.generate_report()
    assert not problems, problems  # a refused or missing logo, favicon or stylesheet


# --- Mistakes stop the build with the file and line ----------------------------------------


def test_a_low_contrast_pair_stops_the_build_with_file_line_and_ratio(project_copy, tmp_path):
    write_branding(project_copy, """\
name: "Eksempel Helse"
colours:
  header_background: "#888888"
  header_text: "#777777"
""")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    message = next(line for line in result.stderr.splitlines() if line.strip().startswith("branding.yml:4:"))
    for words in ('header_text ("#777777", line 4)', 'header_background ("#888888", line 3)',
                  "1.26:1", "4.5:1", "WCAG 2.1 AA"):
        assert words in message, message
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("colours, line, expected", [
    # #777777 on white is 4.48:1, just below; #767676 is 4.54:1, just above.
    ('  link: "#777777"\n', 2, 'link ("#777777", line 2) on the page background (#ffffff) has a contrast ratio of 4.47:1'),
    ('  header_background: "#ffeb3b"\n  header_text: "#000000"\n', 2,
     "link (not set, so the same as header_background) on the page background"),
    ('  header_text: "#222222"\n', 2, 'header_text ("#222222", line 2) on header_background (not set, so the default #4051b5)'),
    ('  accent: "blurple"\n', 2, "colours: accent: 'blurple' is not a colour"),
    ('  link: "rgb(0 0 0 / 50%)"\n', 2, "is partly transparent; use a solid colour"),
    ('  link: "#767676"\n  colour: red\n', 3, "colours: unknown key 'colour'"),
])
def test_colour_mistakes_name_their_line(tmp_path, colours, line, expected):
    (tmp_path / "branding.yml").write_text("colours:\n" + colours, encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load(tmp_path / "branding.yml", LANGUAGES)
    messages = [str(problem) for problem in found.value.problems]
    assert any(f"branding.yml:{line}: " in m and expected in m for m in messages), messages


def test_page_colours_apply_to_the_light_scheme_only(tmp_path):
    """Link and accent colours are measured against the white page; the dark scheme (slate)
    keeps Material's own, which pass there, while the header colours apply to both schemes."""
    (tmp_path / "branding.yml").write_text('colours:\n  header_background: "#0b6e4f"\n', encoding="utf-8")
    css = load(tmp_path / "branding.yml", LANGUAGES).stylesheet
    both, light = css.split('body[data-md-color-scheme="default"][data-md-color-primary] {', 1)
    assert "--md-primary-fg-color: #0b6e4f;" in both and "--md-typeset-a-color" not in both
    assert "--md-typeset-a-color: #0b6e4f;" in light.split("}")[0]
    rules = [line.strip() for line in css.splitlines() if line.strip().endswith("{") and "md-button" in line]
    assert rules and all(rule.startswith('body[data-md-color-scheme="default"]') for rule in rules), rules


def test_a_good_palette_just_above_the_threshold_passes(tmp_path):
    (tmp_path / "branding.yml").write_text('colours:\n  link: "#767676"\n', encoding="utf-8")
    assert "--md-typeset-a-color: #767676;" in load(tmp_path / "branding.yml", LANGUAGES).stylesheet


@pytest.mark.parametrize("settings, line, expected", [
    ("name: x\nlogo: branding/missing.svg\n", 2, "logo: the file 'branding/missing.svg' does not exist"),
    ("favicon: branding/icon.bmp\n", 1, "favicon: 'branding/icon.bmp' is not an image type"),
    ('contact:\n  "no": "Spørsmål?"\n  sv: "Frågor?"\n', 1, "contact: the 'en' translation is missing"),
    ("name: 3\n", 1, "name must be text, or one text per language"),
    ("nmae: Eksempel\n", 1, "unknown key 'nmae'"),
    ("name: Eksempel: Helse\n", 1, "a text containing ': ' must be put in double quotes"),
])
def test_other_mistakes_name_their_line(tmp_path, settings, line, expected):
    (tmp_path / "branding.yml").write_text(settings, encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load(tmp_path / "branding.yml", LANGUAGES)
    messages = [str(problem) for problem in found.value.problems]
    assert any(f"branding.yml:{line}: " in m and expected in m for m in messages), messages


def test_the_contact_line_is_text_with_its_addresses_linked():
    html = contact_html("<b>Ask</b> kurs@example.org or https://example.org/help.")
    assert html == ('&lt;b&gt;Ask&lt;/b&gt; <a href="mailto:kurs@example.org">kurs@example.org</a> '
                    'or <a href="https://example.org/help">https://example.org/help</a>.')

"""The diagrams on a 320 px phone: every word inside the drawing and inside its box, text no
smaller than 12 px, no sideways scroll; and axe finds nothing in the light and the dark scheme.

One browser page per language holds every diagram (each language has its own label lengths,
so each is measured).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from conftest import LANGUAGES, ROOT, page_path
from helpercourse.page_checks import diagram_references
from test_accessibility import WCAG_AA, axe

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
SMALLEST_TEXT_PX = 11.9  # "no smaller than about 12 px"; 0.1 for rounding
LESSONS_WITH_DIAGRAMS = sorted(
    path.stem for path in (ROOT / "docs" / LANGUAGES[0]).glob("[0-9][0-9]-*.md")
    if diagram_references(path.read_text("utf-8")))

# For every <text> of every diagram on the page: where it is (user units, the drawing's own
# coordinates), the smallest <rect> its anchor point lies in, its size on screen, and its
# colour and the colour behind it (the smallest rect or circle under it, else the page).
MEASURE = """() => [...document.querySelectorAll('figure.hc-diagram svg')].flatMap(svg => {
  const view = svg.viewBox.baseVal, name = svg.closest('figure').dataset.diagram;
  const shapes = [...svg.querySelectorAll('rect, circle')].map(shape =>
    Object.assign(shape.getBBox(), {fill: getComputedStyle(shape).fill, isBox: shape.tagName === 'rect'}));
  let page = svg;  // the colour behind a text outside any box: the first opaque background
  while (page && ['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(page).backgroundColor)) page = page.parentElement;
  const paper = page ? getComputedStyle(page).backgroundColor : 'rgb(255, 255, 255)';
  return [...svg.querySelectorAll('text')].map(text => {
    const box = text.getBBox(), x = text.x.baseVal[0].value, y = text.y.baseVal[0].value;
    const under = shapes.filter(r => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height)
                        .sort((a, b) => a.width * a.height - b.width * b.height);
    const around = under.find(shape => shape.isBox) || null;
    const px = parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a;
    const frame = r => r && {left: r.x, top: r.y, right: r.x + r.width, bottom: r.y + r.height};
    return {name, words: text.textContent, px, box: frame(box), rect: frame(around),
            ink: getComputedStyle(text).fill, behind: under.length ? under[0].fill : paper,
            view: {left: view.x, top: view.y, right: view.x + view.width, bottom: view.y + view.height}};
  });
})"""


def _outside(inner: dict, outer: dict, margin: float = 0.0) -> bool:
    return (inner["left"] < outer["left"] + margin or inner["right"] > outer["right"] - margin
            or inner["top"] < outer["top"] - 0.5 or inner["bottom"] > outer["bottom"] + 0.5)


def _luminance(colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", colour)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(ink: str, behind: str) -> float:
    light, dark = sorted((_luminance(ink), _luminance(behind)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def low_contrast(page: Page) -> list[str]:
    """Every diagram text below 4.5:1 on the box (or page) behind it; axe does not check SVG."""
    return [f"{t['name']}: '{t['words']}' is {contrast(t['ink'], t['behind']):.2f}:1 ({t['ink']} on {t['behind']})"
            for t in page.evaluate(MEASURE) if contrast(t["ink"], t["behind"]) < 4.5]


def misfits(page: Page) -> list[str]:
    """Every text of the page's diagrams that leaves its drawing or its box, or is too small."""
    found = []
    for text in page.evaluate(MEASURE):
        where = f"{text['name']}: '{text['words']}'"
        if _outside(text["box"], text["view"]):
            found.append(f"{where} leaves the drawing: {text['box']} not in {text['view']}")
        if text["rect"] and _outside(text["box"], text["rect"], margin=2):
            found.append(f"{where} leaves its box: {text['box']} not in {text['rect']}")
        if text["px"] < SMALLEST_TEXT_PX:
            found.append(f"{where} is {text['px']:.1f} px on a 320 px screen")
    return found


# The other lessons' figures, fetched and put into this page's content column: the same CSS
# and width as in their own lesson, for one page load per language instead of seven.
GATHER = """async urls => {
  const column = document.querySelector('.md-content__inner');
  for (const url of urls) {
    const html = await (await fetch(url)).text();
    const figures = new DOMParser().parseFromString(html, 'text/html').querySelectorAll('figure.hc-diagram');
    figures.forEach(figure => column.appendChild(document.importNode(figure, true)));
  }
  return document.querySelectorAll('figure.hc-diagram').length;
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_diagram_fits_a_phone_in_every_language(page: Page, csp_site_url, lang):
    page.set_viewport_size(PHONE)
    shown = gather_every_diagram(page, csp_site_url, lang)
    assert shown == 8, f"{lang}: {shown} diagrams in the lessons; the course has eight"
    problems = misfits(page)
    assert not problems, "\n".join(problems)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"with every diagram the page is {width} px wide on a 320 px screen"


def gather_every_diagram(page: Page, base_url: str, lang: str) -> int:
    first, *others = LESSONS_WITH_DIAGRAMS
    page.goto(base_url + page_path(lang, first + "/"))
    return page.evaluate(GATHER, [base_url + page_path(lang, lesson + "/") for lesson in others])


def test_every_diagram_passes_axe_and_has_contrast_in_light_and_dark(page: Page, csp_site_url):
    """The lessons themselves pass axe in light (test_every_module.py); here the eight diagrams
    on one page, in both schemes. Material's palette toggle sets this attribute on <body>."""
    assert gather_every_diagram(page, csp_site_url, "sv") == 8
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        assert not low_contrast(page), f"{scheme}: " + "\n".join(low_contrast(page))
        results = axe.run(page, context={"include": [["figure.hc-diagram"]]}, options=WCAG_AA)
        assert results.violations_count == 0, f"{scheme}: {results.generate_report()}"

"""Branding colours: each colour pair a reader sees as text on a background, measured.

The colours in branding.yml become Material's CSS custom properties in a generated stylesheet
(no inline style, so a strict Content-Security-Policy still holds). Every pair is measured with
coloraide's WCAG 2.1 contrast and must reach the 4.5:1 of WCAG 2.1 AA; a pair below it or an
unreadable colour is a problem with the file and line of the colour to change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .problems import Problem
from .yaml_lines import line_of

WCAG_AA_TEXT = 4.5          # WCAG 2.1 AA, success criterion 1.4.3, for normal-size text

# Material's own colours for the course's look (palette indigo, default scheme): what a colour
# left out of branding.yml stays, and what it is measured against.
PAGE_BACKGROUND = "#ffffff"
DEFAULTS = {"header_background": "#4051b5", "header_text": "#ffffff"}
# Material draws the header's search field 26 % darker than the header and its "Search" hint in
# the header text at 70 % opacity; on a light header that hint is too faint (about 3.7:1 with
# near-black text on white), so there it is drawn at full strength.
SEARCH_FIELD_SHADE = 0.26
SEARCH_HINT_OPACITY = 0.70

@dataclass(frozen=True)
class ColourPair:
    """Text on a background that a reader must be able to read."""
    text: str          # a colour key, or a colour derived from them
    background: str
    where: str         # what on the page is drawn in this pair
    fix: str           # what to change


PAIRS = (
    ColourPair("header_text", "header_background", "the site name, menu and icons in the header",
               "make header_text or header_background darker or lighter, so they differ more"),
    ColourPair("link", "page background", "links, and the text of buttons, in the page",
               "choose a darker link colour"),
    ColourPair("accent", "page background",
               "a link under the mouse pointer or keyboard focus, and white text on a hovered button",
               "choose a darker accent colour"),
    ColourPair("search hint", "search field",
               "the 'Search' hint in the header's search field: header_text on header_background "
               "darkened by 26 %",
               "make header_text and header_background differ more"),
)


@dataclass(frozen=True)
class _Resolved:
    colour: Any        # a coloraide Color
    origin: str        # how a message names it: '"#0b6e4f", line 12' or 'not set, so the default …'
    line: int | None   # the line to change for it: where it, or the colour it follows, is set


def stylesheet_for(data, shown: str, problems: list[Problem]) -> str | None:
    """The stylesheet for the colours in `data`, or None when none is set; problems added."""
    colours = data.get("colours") or {}
    if not colours:
        return None
    from coloraide import Color  # here: its import costs about 0.1 s, which a build without colours skips

    resolved: dict[str, _Resolved] = {}
    readable = True
    for key in ("header_background", "header_text", "link", "accent"):
        if key in colours:
            line = line_of(data, ("colours", key))
            colour = _parse_colour(colours[key], key, line, shown, problems)
            readable = readable and colour is not None
            resolved[key] = _Resolved(colour or Color(PAGE_BACKGROUND), f'"{colours[key]}", line {line}',
                                      line)
        elif key in DEFAULTS:
            resolved[key] = _Resolved(Color(DEFAULTS[key]), f"not set, so the default {DEFAULTS[key]}",
                                      None)
        else:  # links take the header colour (as in Material), hover takes the link colour
            source = "header_background" if key == "link" else "link"
            resolved[key] = _Resolved(resolved[source].colour, f"not set, so the same as {source}",
                                      resolved[source].line)
    if not readable:
        return None
    header, header_text = resolved["header_background"].colour, resolved["header_text"].colour
    search_field = header.mix("black", SEARCH_FIELD_SHADE, space="srgb", out_space="srgb")
    header_line = resolved["header_text"].line or resolved["header_background"].line
    faint_hint = search_field.mix(header_text, SEARCH_HINT_OPACITY, space="srgb", out_space="srgb")
    faint_enough = faint_hint.contrast(search_field, method="wcag21") >= WCAG_AA_TEXT
    hint_opacity = SEARCH_HINT_OPACITY if faint_enough else 1.0
    resolved["search hint"] = _Resolved(
        search_field.mix(header_text, hint_opacity, space="srgb", out_space="srgb"), "", header_line)
    resolved["search field"] = _Resolved(search_field, "", header_line)
    resolved["page background"] = _Resolved(Color(PAGE_BACKGROUND), "", None)

    colours_line = line_of(data, ("colours",))
    failed = set()
    for pair in PAIRS:
        # One message per mistake: an accent left out is the link colour, already measured, and
        # the search hint is measured once the header's own pair is readable.
        if (pair.text == "accent" and "accent" not in colours) or (
                pair.text == "search hint" and "header_text" in failed):
            continue
        text, background = resolved[pair.text], resolved[pair.background]
        ratio = text.colour.contrast(background.colour, method="wcag21")
        if ratio < WCAG_AA_TEXT:
            failed.add(pair.text)
            problems.append(Problem(shown, text.line or background.line or colours_line,
                                    _contrast_message(pair, resolved, ratio)))
    return None if problems else _stylesheet(resolved)


def _parse_colour(value: str, key: str, line: int, shown: str, problems):
    """A coloraide Color in sRGB, or None with a problem added."""
    from coloraide import Color

    try:
        colour = Color(value)
    except ValueError:
        problems.append(Problem(shown, line, (
            f"colours: {key}: '{value}' is not a colour; write it as a hex code in quotes, such "
            "as \"#0b6e4f\" (CSS forms such as rgb(11 110 79) and names such as navy work too)")))
        return None
    if colour.alpha() < 1:
        problems.append(Problem(shown, line, (
            f"colours: {key}: '{value}' is partly transparent; use a solid colour, so its "
            "contrast can be measured")))
        return None
    return colour.convert("srgb").fit()


def _describe(key: str, resolved: dict[str, _Resolved]) -> str:
    value = resolved[key]
    if not value.origin:  # the page background, or a colour derived from the header's
        return f"the {key} ({_hex(value.colour)})"
    return f"{key} ({value.origin})"


def _contrast_message(pair: ColourPair, resolved, ratio: float) -> str:
    # Rounded down: a ratio of 4.497 must not read as 4.50, which would pass.
    shown_ratio = math.floor(ratio * 100) / 100
    return (f"colours: {_describe(pair.text, resolved)} on {_describe(pair.background, resolved)} "
            f"has a contrast ratio of {shown_ratio:.2f}:1, below the {WCAG_AA_TEXT}:1 that WCAG 2.1 "
            f"AA requires for text (success criterion 1.4.3). This pair is {pair.where}; "
            f"{_fix(pair, resolved)}")


def _fix(pair: ColourPair, resolved) -> str:
    if pair.text == "link" and resolved["link"].origin.startswith("not set"):
        return "add a line 'link:' with a darker colour under 'colours:', or darken header_background"
    return pair.fix


def _hex(colour) -> str:
    return colour.to_string(hex=True)


def _stylesheet(resolved: dict[str, _Resolved]) -> str:
    header = resolved["header_background"].colour
    header_text = resolved["header_text"].colour
    # The "dark" shade (a hovered button in Material) moves away from the header text, so it
    # keeps at least the header's contrast whether the header is dark or light.
    away = "black" if header_text.luminance() > header.luminance() else "white"
    link, accent = _hex(resolved["link"].colour), _hex(resolved["accent"].colour)
    hint = resolved["search hint"].colour  # opaque: the hint on the search field, as measured
    header_properties = {  # the header bar: the same in the light and the dark scheme
        "--md-primary-fg-color": _hex(header),
        "--md-primary-fg-color--light": _hex(header.mix("white", 0.15, space="srgb", out_space="srgb")),
        "--md-primary-fg-color--dark": _hex(header.mix(away, 0.2, space="srgb", out_space="srgb")),
        "--md-primary-bg-color": _hex(header_text),
        "--md-primary-bg-color--light": _hex(hint),
    }
    page_properties = {  # measured against the white page: the light scheme only
        "--md-typeset-a-color": link,
        "--md-accent-fg-color": accent,
        "--md-accent-fg-color--transparent": _hex(resolved["accent"].colour.clone().set("alpha", 0.1)),
        "--md-accent-bg-color": "#ffffff",
        "--md-accent-bg-color--light": "#ffffffb3",
    }
    header_lines = "\n".join(f"    {name}: {value};" for name, value in header_properties.items())
    page_lines = "\n".join(f"    {name}: {value};" for name, value in page_properties.items())
    light = 'body[data-md-color-scheme="default"]'
    return f"""/* Generated from branding.yml by helpercourse/branding_colours.py at build time: edit branding.yml. */
@media screen {{
  /* Outranks Material's [data-md-color-primary=indigo] (one more selector part). */
  body[data-md-color-primary] {{
{header_lines}
  }}
  /* The page's colours are measured against white, so they apply to the light scheme; the dark
     scheme (slate) keeps Material's own link and accent colours for it. */
  {light}[data-md-color-primary] {{
{page_lines}
  }}
  /* Buttons belong to the page, not the header: they take the link colour, which is measured
     against the page, so a light header colour cannot make them unreadable. */
  {light} .md-typeset .md-button {{ color: var(--md-typeset-a-color); }}
  {light} .md-typeset .md-button--primary {{
    color: #ffffff;
    background-color: var(--md-typeset-a-color);
    border-color: var(--md-typeset-a-color);
  }}
  /* quiz.css darkens Material's pale default accent on hover; the accent here is measured. */
  {light} .hc-quiz .md-button:focus,
  {light} .hc-quiz .md-button:hover {{
    color: var(--md-accent-bg-color);
    background-color: var(--md-accent-fg-color);
    border-color: var(--md-accent-fg-color);
  }}
}}
"""

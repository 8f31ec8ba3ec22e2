"""An organisation's branding, read from branding.yml: name, logo, favicon, colours, contact line.

The file is the only thing an organisation edits; templates read the result, nothing else
changes. Colours become Material's CSS custom properties in a generated stylesheet (no inline
style or script, so a strict Content-Security-Policy still holds). Every colour pair a reader
sees as text on a background is measured with coloraide's WCAG 2.1 contrast and must reach the
4.5:1 of WCAG 2.1 AA; a pair below it, an unreadable colour or a missing image stops the build
with the file and line. A missing or empty branding.yml keeps the course's own look.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.structure.files import File, Files
from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from .atomic_files import write_atomically
from .problems import Problem, ProblemsFound, display_path
from .quiz_load import read_yaml
from .quiz_model import STRICT, NonEmptyText, quiz_models
from .source_errors import friendly_message
from .yaml_lines import line_of

FILE_NAME = "branding.yml"  # beside mkdocs.yml
WCAG_AA_TEXT = 4.5          # WCAG 2.1 AA, success criterion 1.4.3, for normal-size text
OUTPUT_DIR = "assets/branding"
STYLESHEET = f"{OUTPUT_DIR}/colours.css"
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")
FAVICON_TYPES = (".svg", ".png", ".ico")

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


@lru_cache(maxsize=None)
def _schema(languages: tuple[str, ...]) -> TypeAdapter:
    text_per_language = quiz_models(languages).Text
    one_text = NonEmptyText | text_per_language

    class Colours(TypedDict, total=False):
        __pydantic_config__ = STRICT
        header_background: NonEmptyText
        header_text: NonEmptyText
        link: NonEmptyText
        accent: NonEmptyText

    class Branding(TypedDict, total=False):
        __pydantic_config__ = STRICT
        name: one_text
        logo: NonEmptyText
        favicon: NonEmptyText
        contact: one_text
        colours: Colours

    return TypeAdapter(Branding)


@dataclass
class Branding:
    """What the templates and the build need, for every language."""
    name: dict[str, str] = field(default_factory=dict)        # language -> name ({} = none)
    contact: dict[str, Markup] = field(default_factory=dict)  # language -> footer line (HTML)
    logo: Path | None = None
    favicon: Path | None = None
    stylesheet: str | None = None                              # None: Material's palette as is
    watched: list[Path] = field(default_factory=list)

    def for_language(self, lang: str) -> dict[str, Any]:
        """The values templates read as config.extra.hc_branding."""
        return {"name": self.name.get(lang), "contact": self.contact.get(lang)}


# --- Reading and checking branding.yml ----------------------------------------------------------


def load(path: Path, languages: tuple[str, ...]) -> Branding:
    """The branding in `path` (nothing set if it does not exist), or ProblemsFound."""
    if not path.exists():
        return Branding()
    data, problems = read_yaml(path)
    shown = display_path(path)
    if problems:
        raise ProblemsFound(problems)
    if data is None:  # every setting commented out: the course's own look
        return Branding(watched=[path])
    if not isinstance(data, dict):
        raise ProblemsFound([Problem(shown, 1, "the file must hold settings as 'key: value' lines, "
                                               "such as 'name: Example Organisation'")])
    try:
        _schema(languages).validate_python(data)
    except ValidationError as exc:
        raise ProblemsFound([Problem(shown, line, message)
                             for line, message in _schema_problems(exc, data, languages)]) from None

    folder = path.parent
    problems = []
    logo = _image(data, "logo", LOGO_TYPES, folder, shown, problems)
    favicon = _image(data, "favicon", FAVICON_TYPES, folder, shown, problems)
    stylesheet = _colours(data, shown, problems)
    if problems:
        raise ProblemsFound(problems)
    return Branding(
        name=_per_language(data.get("name"), languages),
        contact={lang: contact_html(text)
                 for lang, text in _per_language(data.get("contact"), languages).items()},
        logo=logo, favicon=favicon, stylesheet=stylesheet,
        watched=[path] + [image for image in (logo, favicon) if image])


def _schema_problems(exc: ValidationError, data, languages) -> list[tuple[int, str]]:
    """pydantic's errors as (line, message); of a 'text or text per language' value, only the
    errors of the form written (pydantic reports both forms of the union)."""
    found = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if len(loc) >= 2 and loc[0] in ("name", "contact"):
            written_per_language = isinstance(data.get(loc[0]), dict)
            if (loc[1] == "Text") != written_per_language:
                continue
            loc = (loc[0],) + loc[2:]
            if not written_per_language and error["type"] == "string_type":
                found.append((line_of(data, loc), (
                    f"{loc[0]} must be text, or one text per language on its own line "
                    f"({', '.join(languages)}); it is {_shown_value(data.get(loc[0]))}")))
                continue
        location, message = friendly_message({**error, "loc": loc}, data, languages)
        found.append((line_of(data, location), message))
    return sorted(set(found))


def _shown_value(value) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value}); put it in double quotes to use it as text"
    if isinstance(value, list):
        return "a list"
    return "empty" if value is None else f"'{value}'"


def _per_language(value, languages: tuple[str, ...]) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {lang: value.strip() for lang in languages}
    return {lang: value[lang].strip() for lang in languages}


def _image(data, key, allowed, folder: Path, shown: str, problems: list[Problem]) -> Path | None:
    if key not in data:
        return None
    line = line_of(data, (key,))
    path = folder / data[key]
    if path.suffix.lower() not in allowed:
        problems.append(Problem(shown, line, (
            f"{key}: '{data[key]}' is not an image type the course can use; "
            f"use a file ending in {', '.join(allowed)}")))
        return None
    if not path.is_file():
        problems.append(Problem(shown, line, (
            f"{key}: the file '{data[key]}' does not exist (looked for {path}); put the image "
            f"there, or write its path relative to the folder of {FILE_NAME}")))
        return None
    return path


# --- Colours ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Resolved:
    colour: Any        # a coloraide Color
    origin: str        # how a message names it: '"#0b6e4f", line 12' or 'not set, so the default …'
    line: int | None   # the line to change for it: where it, or the colour it follows, is set


def _colours(data, shown: str, problems: list[Problem]) -> str | None:
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
    properties = {
        "--md-primary-fg-color": _hex(header),
        "--md-primary-fg-color--light": _hex(header.mix("white", 0.15, space="srgb", out_space="srgb")),
        "--md-primary-fg-color--dark": _hex(header.mix(away, 0.2, space="srgb", out_space="srgb")),
        "--md-primary-bg-color": _hex(header_text),
        "--md-primary-bg-color--light": _hex(hint),
        "--md-typeset-a-color": link,
        "--md-accent-fg-color": accent,
        "--md-accent-fg-color--transparent": _hex(resolved["accent"].colour.clone().set("alpha", 0.1)),
        "--md-accent-bg-color": "#ffffff",
        "--md-accent-bg-color--light": "#ffffffb3",
    }
    declarations = "\n".join(f"    {name}: {value};" for name, value in properties.items())
    return f"""/* Generated from branding.yml by helpercourse/branding.py at build time: edit branding.yml. */
@media screen {{
  /* Outranks Material's [data-md-color-primary=indigo] (one more selector part). */
  body[data-md-color-primary] {{
{declarations}
  }}
  /* Buttons belong to the page, not the header: they take the link colour, which is measured
     against the page, so a light header colour cannot make them unreadable. */
  .md-typeset .md-button {{ color: var(--md-typeset-a-color); }}
  .md-typeset .md-button--primary {{
    color: #ffffff;
    background-color: var(--md-typeset-a-color);
    border-color: var(--md-typeset-a-color);
  }}
  /* quiz.css darkens Material's pale default accent on hover; the accent here is measured. */
  .hc-quiz .md-button:focus,
  .hc-quiz .md-button:hover {{
    color: var(--md-accent-bg-color);
    background-color: var(--md-accent-fg-color);
    border-color: var(--md-accent-fg-color);
  }}
}}
"""


# --- The contact line ---------------------------------------------------------------------------

_LINKABLE = re.compile(r"(?P<url>https?://[^\s<>\"]+[^\s<>\".,;:!?)])|"
                       r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def contact_html(text: str) -> Markup:
    """The contact line as HTML: the text escaped, e-mail addresses and web addresses as links."""
    parts, last = [], 0
    for found in _LINKABLE.finditer(text):
        parts.append(escape(text[last:found.start()]))
        target = found.group()
        href = f"mailto:{target}" if found.group("email") else target
        parts.append(Markup('<a href="{}">{}</a>').format(href, target))
        last = found.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


# --- MkDocs -------------------------------------------------------------------------------------


def apply(config, branding: Branding, lang: str) -> None:
    """Put the branding into the MkDocs config for the language being built (once per language)."""
    config.extra["hc_branding"] = branding.for_language(lang)
    if branding.logo:
        config.theme["logo"] = f"{OUTPUT_DIR}/logo{branding.logo.suffix.lower()}"
    if branding.favicon:
        config.theme["favicon"] = f"{OUTPUT_DIR}/favicon{branding.favicon.suffix.lower()}"
    if branding.stylesheet:
        # A real file (not an in-memory one): the i18n plugin sorts files by where they come from.
        write_atomically(_stylesheet_path(config), branding.stylesheet.encode("utf-8"))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)  # last: its rules follow site.css and quiz.css
    for watched in branding.watched:  # `mkdocs serve` rebuilds when these change
        if str(watched) not in config.watch:
            config.watch.append(str(watched))


def _stylesheet_path(config) -> Path:
    return Path(config.config_file_path).parent / "build" / "branding" / "colours.css"


def add_files(files: Files, config, branding: Branding) -> Files:
    """Put the logo, favicon and colour stylesheet into the site, under assets/branding/."""
    if branding.logo:
        files.append(File.generated(config, config.theme["logo"], abs_src_path=str(branding.logo)))
    if branding.favicon:
        files.append(File.generated(config, config.theme["favicon"],
                                    abs_src_path=str(branding.favicon)))
    if branding.stylesheet:
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(_stylesheet_path(config))))
    return files

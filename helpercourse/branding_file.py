"""branding.yml, read and checked: name, logo, favicon, colours and contact line.

The file is the only thing an organisation edits. A mistake (an unknown key, a text where a
list is, a missing image, a colour pair under 4.5:1) is a problem with the file and line; a
missing or empty file keeps the course's own look. The texts stay plain text here: the
templates print them escaped (`| e`); only the contact line is HTML, built here from escaped
text with its e-mail and web addresses made links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from .branding_colours import stylesheet_for
from .problems import Problem, ProblemsFound, display_path
from .quiz_load import read_yaml
from .quiz_model import STRICT, NonEmptyText, quiz_models
from .source_errors import friendly_message
from .yaml_lines import line_of

FILE_NAME = "branding.yml"  # beside mkdocs.yml
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")
FAVICON_TYPES = (".svg", ".png", ".ico")


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
    stylesheet = stylesheet_for(data, shown, problems)
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

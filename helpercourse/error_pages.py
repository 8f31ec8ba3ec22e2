"""MkDocs hooks: the "page not found" page in every language, `404.html` and `<lang>/404.html`.

MkDocs renders its 404 template once per build, and the i18n plugin re-runs the build once per
language into the same folder, so only the last language's 404 page survived, with links that
started at the server root (MkDocs' rule when `site_url` is unset) and so broke under a sub-path.
Here each language pass's rendering is kept, with links relative to where that language's page
is written (the default language's at the site root), its language switcher pointing at each
language's home page, and its search at its own language's index; once every language is built,
all of them are written.

Relative links resolve as long as the page is served from its own folder or one level below.
A web server that serves it for any missing address adds `<base href="<language root>">` to the
page (deploy/nginx.conf does); overrides/assets/not-found.js then points Material's search at
the same root, since Material resolves it against the address bar, not the base.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load as loose files

from helpercourse.atomic_files import write_atomically  # noqa: E402
from helpercourse.quiz_compile import INTERFACE_NAME, OUTPUT_DIR  # noqa: E402
from helpercourse.search_split import language_base, language_root  # noqa: E402
from helpercourse.site_config import languages  # noqa: E402

TEMPLATE = "404.html"
TEXT_KEYS = ("not_found_title", "not_found_text", "not_found_home")  # in translations/interface.yaml
_rendered: dict[str, str] = {}  # language -> its 404 page, from this build's passes
_saved_alternates: list = []


def _current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or languages()[0]


def page_path(lang: str, default: str) -> str:
    """Where a language's 404 page is written, relative to the site root."""
    return f"{language_root(lang, default)}{TEMPLATE}"


def relative_site_root(lang: str, default: str) -> str:
    """The site root as seen from the folder the language's 404 page is written to."""
    return "." if lang == default else ".."


def _interface(lang: str) -> dict[str, str]:
    # The compiled strings the quizzes use (written by the main hooks' on_config, which runs first).
    strings = json.loads((OUTPUT_DIR / lang / INTERFACE_NAME).read_text(encoding="utf-8"))
    return {key: strings[key] for key in TEXT_KEYS}


def on_template_context(context, template_name, config):
    if template_name != TEMPLATE:
        return context
    default, lang = languages()[0], _current_language(config)
    if not config.site_url:  # with a site_url, MkDocs' absolute links are right already
        context["base_url"] = relative_site_root(lang, default)
    context["hc_language_root"] = language_base(context["base_url"], lang, default)
    context["hc_not_found"] = _interface(lang)
    # The switcher would offer the pages of whichever page was built last: offer each home page.
    # (The i18n plugin sets them as an attribute of config.extra, which templates read first.)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if alternates:
        _saved_alternates[:] = [config.extra.__dict__.get("alternate")]
        config.extra.alternate = [dict(alt, link=language_root(str(alt.get("lang")), default) or "./")
                                  for alt in alternates]
    return context


def on_post_template(output, template_name, config):
    if template_name == TEMPLATE:
        if _saved_alternates:
            previous = _saved_alternates.pop()
            if previous is None:
                config.extra.__dict__.pop("alternate", None)
            else:
                config.extra.alternate = previous
        _rendered[_current_language(config)] = output
    return output


@event_priority(-120)  # after the i18n plugin's on_post_build (-100), which builds the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner language pass: the last language's page is not rendered yet
    default = languages()[0]
    site = Path(config.site_dir)
    for lang, output in _rendered.items():
        write_atomically(site / page_path(lang, default), output.encode("utf-8"))
    _rendered.clear()

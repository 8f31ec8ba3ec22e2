"""The "page not found" page in every language, `404.html` and `<lang>/404.html`.

MkDocs renders its 404 template once per build, and the i18n plugin re-runs the build once per
language into the same folder, so only the last language's 404 page would survive, with links
that start at the server root (MkDocs' rule when `site_url` is unset) and so break under a
sub-path. The plugin (plugin.py) keeps each language pass's rendering, with links relative to
where that language's page is written (the default language's at the site root), its language
switcher pointing at each language's home page, and its search at its own language's index;
once every language is built, `write_pages` writes all of them.

Relative links resolve as long as the page is served from its own folder or one level below.
A web server that serves it for any missing address adds `<base href="<language root>">` to the
page (deploy/nginx.conf does); overrides/assets/not-found.js then points Material's search at
the same root, since Material resolves it against the address bar, not the base.
"""

from __future__ import annotations

from pathlib import Path

from .atomic_files import write_atomically
from .search_split import language_base, language_root

TEMPLATE = "404.html"
TEXT_KEYS = ("not_found_title", "not_found_text", "not_found_home")  # in translations/interface.yaml
_NOT_SET = object()


def page_path(lang: str, default: str) -> str:
    """Where a language's 404 page is written, relative to the site root."""
    return f"{language_root(lang, default)}{TEMPLATE}"


def relative_site_root(lang: str, default: str) -> str:
    """The site root as seen from the folder the language's 404 page is written to."""
    return "." if lang == default else ".."


def prepare_context(context: dict, config, lang: str, default: str, ui: dict):
    """Set up the 404 template's context for one language; returns what `restore_alternates` needs."""
    if not config.site_url:  # with a site_url, MkDocs' absolute links are right already
        context["base_url"] = relative_site_root(lang, default)
    context["hc_language_root"] = language_base(context["base_url"], lang, default)
    context["hc_not_found"] = {key: ui[key] for key in TEXT_KEYS}
    # The switcher would offer the pages of whichever page was built last: offer each home page.
    # (The i18n plugin sets them as an attribute of config.extra, which templates read first.)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if not alternates:
        return _NOT_SET
    saved = config.extra.__dict__.get("alternate")
    config.extra.alternate = [dict(alt, link=language_root(str(alt.get("lang")), default) or "./")
                              for alt in alternates]
    return saved


def restore_alternates(config, saved) -> None:
    if saved is _NOT_SET:
        return
    if saved is None:
        config.extra.__dict__.pop("alternate", None)
    else:
        config.extra.alternate = saved


def write_pages(site: Path, rendered: dict[str, str], default: str) -> None:
    """Write each language's rendered 404 page where it belongs."""
    for lang, output in rendered.items():
        write_atomically(Path(site) / page_path(lang, default), output.encode("utf-8"))

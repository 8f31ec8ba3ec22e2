"""The built site, checked by real checkers: Debian's `linkchecker` finds no broken internal link
or anchor, and the Nu HTML Checker (vnu-jar) finds no HTML error in any page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, page_path, serve_directory

LINKCHECKER = shutil.which("linkchecker") or "/usr/bin/linkchecker"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- linkchecker -------------------------------------------------------------------------------


def _language_tree(base: str, lang: str) -> tuple[str, str]:
    """A language's root URL, and a regex for every URL outside that language's pages."""
    root = base + page_path(lang)
    if lang == DEFAULT_LANGUAGE:  # at the site root, around the other languages' folders
        others = "|".join(re.escape(page_path(other)) for other in LANGUAGES if other != lang)
        return root, rf"^(?!{re.escape(base)})|^{re.escape(base)}(?:{others})"
    return root, rf"^(?!{re.escape(root)})"


def _linkchecker_config(path: Path, host: str, outside: str) -> Path:
    path.write_text(
        "[checking]\n"
        # The server sends a `LinkChecker` header, which lets linkchecker drop its politeness delay
        # (one request per 0.1-0.6 s) for this host: it is our own loopback server.
        "maxrequestspersecond=1000\n"
        "[filtering]\n"
        # The whole loopback host is internal, not only the sub-path: a link that climbs out of
        # the sub-path (`/sv/`) is fetched and fails, instead of being passed as "outside".
        f"internlinks=^{re.escape(host)}/\n"
        # Another language's pages are checked by that language's run; here they are fetched
        # (the link and its anchor must work) but not crawled.
        f"nofollow={outside}\n"
        "checkextern=0\n"
        "[AnchorCheck]\n",
        encoding="utf-8")
    return path


def _run_linkchecker(site: Path, workdir: Path) -> tuple[list[ET.Element], str]:
    """Every URL linkchecker met, and the site's base URL. One run per language, in parallel:
    linkchecker parses each page again for every anchor linked on it, and is CPU-bound."""
    with serve_directory(site, {"LinkChecker": "loopback test server"}) as base:
        host = base[:base.index("/", len("http://"))]
        runs = []
        for lang in LANGUAGES:
            root, outside = _language_tree(base, lang)
            config = _linkchecker_config(workdir / f"linkcheckerrc-{lang}", host, outside)
            # 404 pages are linked from nowhere: start there too, at their own address.
            not_found = page_path(lang, "404.html")
            starts = [root] + ([base + not_found] if (site / not_found).exists() else [])
            runs.append(subprocess.Popen(
                [LINKCHECKER, "--config", str(config), "--no-status", "--verbose",
                 "--output", "xml", *starts],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        results = [run.communicate() for run in runs]
    urls = []
    for (stdout, stderr), run in zip(results, runs):
        assert stdout.strip(), (f"linkchecker printed nothing (exit {run.returncode}):\n"
                                f"{stderr[-2000:]}")
        urls += ET.fromstring(stdout).iter("urldata")
    return urls, base


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return "" if found is None or found.text is None else found.text


@pytest.fixture(scope="module")
def linkchecker_report(built_site, tmp_path_factory):
    if not Path(LINKCHECKER).exists():
        pytest.skip("linkchecker is not installed (`make system-tools` installs Debian's package)")
    return _run_linkchecker(built_site, tmp_path_factory.mktemp("linkchecker"))


def test_linkchecker_finds_no_broken_internal_link_or_anchor(linkchecker_report):
    urls, base = linkchecker_report
    broken = []
    for url in urls:
        valid = url.find("valid")
        problems = [] if valid.text == "1" else [valid.get("result", "invalid")]
        # An anchor warning goes on to list every anchor of the page: keep the first sentence.
        problems += [warning.text.split(" Available anchors:")[0]
                     for warning in url.iter("warning")]
        if problems:
            parent = url.find("parent")
            where = (f"{parent.text.removeprefix(base) or './'} line {parent.get('line')}"
                     if parent is not None else "(start URL)")
            broken.append(f"{where}: {_text(url, 'url')} -> {'; '.join(problems)}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken)))


def test_linkchecker_reached_every_page_of_every_language(built_site, linkchecker_report):
    # Otherwise a page no link leads to would pass unchecked.
    urls, base = linkchecker_report
    checked = {_text(url, "realurl").split("#")[0] for url in urls if _text(url, "valid") == "1"}
    pages = {base + str(page.relative_to(built_site).as_posix()).removesuffix("index.html")
             for page in _html_pages(built_site)}
    assert not pages - checked, f"pages linkchecker never reached: {sorted(pages - checked)}"


# --- Nu HTML Checker ---------------------------------------------------------------------------

# Material's base.html (not a block we can override) puts autocomplete="off" on its two hidden
# toggle checkboxes, so Firefox does not restore an open drawer or search after "back"
# (squidfunk/mkdocs-material#1513, closed, kept on purpose). The spec allows the attribute only on
# text-like inputs; browsers ignore or honour it, nothing else changes. Only exactly these two
# inputs are let through; the same mistake anywhere else still fails.
_MATERIAL_TOGGLE = re.compile(r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" '
                              r'type="checkbox" id="__(?:drawer|search)" autocomplete="off">')
_AUTOCOMPLETE_ERROR = "Attribute “autocomplete” is only allowed when the input type is"


def _known_material_issue(message: dict, lines: dict[str, list[str]]) -> bool:
    if not message.get("message", "").startswith(_AUTOCOMPLETE_ERROR):
        return False
    source = lines.get(message.get("url", ""), [])
    line = source[message["lastLine"] - 1] if 0 < message.get("lastLine", 0) <= len(source) else ""
    return bool(_MATERIAL_TOGGLE.search(line))


def test_every_page_is_valid_html(built_site):
    if JAVA is None or not VNU_JAR.exists():
        pytest.skip("Java or the Nu HTML Checker is missing (`make node_modules/.installed`)")
    pages = _html_pages(built_site)
    # One JVM for every page; language detection only gives warnings and costs seconds to load.
    result = subprocess.run([JAVA, "-jar", str(VNU_JAR), "--errors-only", "--no-langdetect",
                             "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, check=False)
    try:  # vnu writes its report to stderr
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no report (exit {result.returncode}):\n{result.stderr[-2000:]}")
    lines = {f"file:{page}": page.read_text(encoding="utf-8").splitlines() for page in pages}
    errors = [m for m in messages if not _known_material_issue(m, lines)]
    shown = f"file:{built_site}/"
    listing = [f"{m.get('url', '').removeprefix(shown)}:{m.get('lastLine', '?')}: {m['message']}"
               for m in errors]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(listing)

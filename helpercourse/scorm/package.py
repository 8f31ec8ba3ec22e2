"""One SCORM package per language and version, from a folder the normal build wrote.

A package holds one language only: its pages (the default language's are the site root, the
others' are in their folder, as on the site), the shared assets/, and at the top:
    scorm-launch.html   the SCO: holds the LMS session and shows the course in a frame, so
                        moving between the course's pages never ends the session
    scorm-launch.css    its layout (no inline styles: the strict CSP is kept)
    imsmanifest.xml     validated against the official schemas before anything is written
    *.xsd               the schemas the manifest names
Every page gets assets/scorm-adapter.js right after progress-store.js and loses the language
menu (the other languages are other packages); links to folders name their index.html
(file_links.py). Every local link in the package must lead to a file in it, or nothing is
written.
"""

from __future__ import annotations

import html
import io
import json
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..atomic_files import write_atomically
from ..search_split import language_root
from .course_data import CourseDataProblem, read_modules
from .file_links import page_with_file_links, search_index_with_file_links
from .manifest import SCORM12, SCORM2004, VERSIONS, Manifest, manifest_xml
from .validate import SCHEMA_FOLDER, manifest_problems

HERE = Path(__file__).resolve().parent
LAUNCH = "scorm-launch.html"
LAUNCH_CSS = "scorm-launch.css"
ADAPTER = "assets/scorm-adapter.js"
# Files only a web server uses; an LMS serves the package's own pages.
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
SHARED = ("assets/",)  # what every language's pages use from the site root
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed: an unchanged course gives byte-identical packages

_STORE_SCRIPT = re.compile(r'<script src="([^"]*)assets/progress-store\.js" defer></script>')
_LANGUAGE_MENU = re.compile(
    r'<div class="md-header__option">\s*<div class="md-select">.*?</ul>\s*</div>\s*</div>\s*</div>', re.S)
_HTML_LANG = re.compile(r'<html lang="([^"]+)"')
_SITE_NAME = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')


class PackageProblem(Exception):
    pass


@dataclass(frozen=True)
class Package:
    name: str      # helper-course-<lang>-<version>.zip
    lang: str
    version: str
    content: bytes
    files: int


def package_name(lang: str, version: str) -> str:
    return f"helper-course-{lang}-{version}.zip"


def language_files(site: Path, lang: str, langs: tuple[str, ...]) -> list[str]:
    """The site's files that belong in `lang`'s package, as paths relative to the site root."""
    own = language_root(lang, langs[0])
    folders = tuple(f"{other}/" for other in langs[1:])
    chosen = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.name in LEFT_OUT:
            continue
        relative = path.relative_to(site).as_posix()
        if own:  # a language in its folder: that folder and the shared assets
            if relative.startswith((own, *SHARED)):
                chosen.append(relative)
        elif not relative.startswith(folders):  # the default language: all but the others' folders
            chosen.append(relative)
    if not any(name == f"{own}index.html" for name in chosen):
        raise PackageProblem(f"{site}: no {own}index.html; is this a built site with the language '{lang}'?")
    return chosen


def prepare_page(text: str, shown: str) -> str:
    """A page as it is in the package: the adapter after the progress store, no language menu,
    links that name files."""
    store = _STORE_SCRIPT.search(text)
    if store is None:
        raise PackageProblem(f"{shown}: no <script src=\".../assets/progress-store.js\" defer>; "
                             "the adapter must load right after it (mkdocs.yml extra_javascript)")
    adapter = f'\n    <script src="{store.group(1)}{ADAPTER}" defer></script>'
    text = text[:store.end()] + adapter + text[store.end():]
    return page_with_file_links(_LANGUAGE_MENU.sub("", text, count=1))


def required_modules(modules: list[dict], numbers: tuple[int, ...] | None) -> list[str]:
    """The quiz ids of the modules a learner must pass for the LMS to record the course as
    completed (the course setting `--required`, module numbers); all of them by default."""
    if not numbers:
        return [module["id"] for module in modules]
    unknown = [n for n in numbers if not 1 <= n <= len(modules)]
    if unknown:
        raise PackageProblem(f"--required {','.join(map(str, numbers))}: the course has no module "
                             f"{', '.join(map(str, unknown))}; give module numbers from 1 to {len(modules)}")
    return [modules[n - 1]["id"] for n in sorted(set(numbers))]


def launch_page(lang_attr: str, title: str, start: str, version: str, modules: list[dict],
                required: list[str] | None = None) -> str:
    # required: the modules whose pass completes the course (default: every module)
    data = {"version": "1.2" if version == SCORM12 else "2004", "modules": modules,
            "required": required if required is not None else [module["id"] for module in modules]}
    # In a JSON script block only "</" could end it early; json.dumps leaves it, so escape "/".
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    name = html.escape(title)
    return f"""<!doctype html>
<html lang="{html.escape(lang_attr)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{name}</title>
  <link rel="stylesheet" href="{LAUNCH_CSS}">
  <script src="assets/progress-store.js" defer></script>
  <script src="{ADAPTER}" defer></script>
</head>
<body>
  <iframe class="hc-scorm-course" id="hc-scorm-course" title="{name}" data-src="{html.escape(start)}"></iframe>
  <noscript><p class="hc-scorm-noscript"><a href="{html.escape(start)}">{name}</a></p></noscript>
  <script type="application/json" id="hc-scorm-data">{payload}</script>
</body>
</html>
"""


def broken_links(pages: dict[str, str], names: set[str]) -> list[str]:
    """`page: link` for each relative href/src in `pages` that leads to no file in `names`."""
    broken = []
    for page, text in pages.items():
        folder = posixpath.dirname(page)
        for raw in _LINK.findall(text):
            url = urlsplit(html.unescape(raw))
            if url.scheme or url.netloc or not url.path:  # outside links are checked elsewhere
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(url.path)))
            if target not in names:  # a folder counts as missing: an LMS serves files only
                broken.append(f"{page}: {raw}")
    return broken


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, content in entries.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def build_packages(site: Path, langs: tuple[str, ...], required: tuple[int, ...] | None = None) -> list[Package]:
    """Every language's 1.2 and 2004 package, in memory; PackageProblem if any is not right.
    `required`: the module numbers a learner must pass for the course to count as completed."""
    adapter = site / ADAPTER
    if not adapter.is_file():
        raise PackageProblem(f"{site}: no {ADAPTER}; it comes from overrides/{ADAPTER} in a normal build")
    packages = []
    for lang in langs:
        root = language_root(lang, langs[0])
        names = language_files(site, lang, langs)
        entries: dict[str, bytes] = {}
        pages: dict[str, str] = {}
        for name in names:
            if name.endswith(".html"):
                pages[name] = prepare_page((site / name).read_text(encoding="utf-8"), name)
                entries[name] = pages[name].encode("utf-8")
            elif name.endswith("search/search_index.json"):
                text = search_index_with_file_links((site / name).read_text(encoding="utf-8"))
                entries[name] = text.encode("utf-8")
            else:
                entries[name] = (site / name).read_bytes()
        home = pages[f"{root}index.html"]
        lang_attr = _HTML_LANG.search(home).group(1) if _HTML_LANG.search(home) else lang
        title = html.unescape(_SITE_NAME.search(home).group(1)) if _SITE_NAME.search(home) else "Helper Course"
        try:  # module order: the pages' order, which is the lessons' numbering
            modules = read_modules([site / name for name in sorted(pages)], site)
        except CourseDataProblem as problem:
            raise PackageProblem(str(problem)) from None
        if not modules:
            raise PackageProblem(f"{site}/{root}: no page of '{lang}' has a quiz; nothing to report to an LMS")
        must_pass = required_modules(modules, required)
        broken = broken_links(pages, set(entries))
        if broken:
            raise PackageProblem(f"{lang}: {len(broken)} links would lead nowhere in the package, e.g.\n  "
                                 + "\n  ".join(broken[:10]))
        entries[LAUNCH_CSS] = (HERE / "launch.css").read_bytes()
        for version in VERSIONS:
            launch = launch_page(lang_attr, title, f"{root}index.html", version, modules, must_pass)
            sco_files = {**entries, LAUNCH: launch.encode("utf-8")}
            manifest = manifest_xml(Manifest(version, f"helper-course-{lang}-{version}", title, LAUNCH,
                                             tuple(sorted(sco_files))))
            shown = f"{package_name(lang, version)}/imsmanifest.xml"
            problems = manifest_problems(manifest, version, shown)
            if problems:
                raise PackageProblem("the manifest is not valid SCORM:\n  " + "\n  ".join(problems[:10]))
            schemas = {path.name: path.read_bytes() for path in sorted(SCHEMA_FOLDER[version].glob("*.xsd"))}
            archive = {"imsmanifest.xml": manifest.encode("utf-8"), **schemas, **sco_files}
            packages.append(Package(package_name(lang, version), lang, version, _zip(archive), len(archive)))
    return packages


def write_packages(packages: list[Package], out_dir: Path) -> list[Path]:
    """Each package replaced in one step; called only once every package was built and checked."""
    written = []
    for package in packages:
        write_atomically(out_dir / package.name, package.content)
        written.append(out_dir / package.name)
    return written


__all__ = ["SCORM12", "SCORM2004", "Package", "PackageProblem", "build_packages", "write_packages"]

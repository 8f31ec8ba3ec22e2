"""The offline copy: the whole course in one zip that works unpacked and opened from disk.

    python -m helpercourse.offline_copy [dist/helper-course-offline.zip]     (or: make offline)

builds the site with Material's offline plugin switched on (HELPERCOURSE_OFFLINE, see
mkdocs.yml and helpercourse/offline_hooks.py: links end in index.html, search reads
search/search_index.js instead of fetching, the worker polyfill is our vendored copy) into a
temporary folder, then zips it under one top-level folder with a README.txt saying which file
to open. The zip is replaced in one step, so a failed build keeps the last good one.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .atomic_files import write_atomically
from .search_split import language_root
from .site_config import languages

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ZIP = ROOT / "dist" / "helper-course-offline.zip"
TOP_FOLDER = "helper-course-offline"
# File names only a web server uses (in any folder); from disk a 404 page's links lead nowhere.
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
# Written by the offline build only; missing means the offline plugin did not run.
OFFLINE_MARKERS = ("search/search_index.js", "assets/vendor/iframe-worker-shim.js")

# "Open <file> in a web browser", per course language; a language not listed gets English.
OPEN_HINT = {
    "no": "Norsk: åpne {file} i en nettleser.",
    "sv": "Svenska: öppna {file} i en webbläsare.",
    "fi": "Suomi: avaa {file} verkkoselaimessa.",
    "en": "English: open {file} in a web browser.",
}


class OfflineBuildFailed(Exception):
    pass


@dataclass(frozen=True)
class OfflineCopy:
    path: Path
    files: int
    size: int  # bytes
    seconds: float


def readme(langs: tuple[str, ...]) -> str:
    lines = ["The Helper Course, offline copy / Hjelperkurset, frakoblet kopi", ""]
    for lang in langs:
        start = f"{language_root(lang, langs[0])}index.html"
        hint = OPEN_HINT.get(lang, f"{lang}: open {{file}} in a web browser.")
        lines.append(hint.format(file=start))
    lines += ["", "Nothing is sent anywhere: answers are kept in this browser only.", ""]
    return "\n".join(lines)


def build_offline_site(site_dir: Path, project: Path = ROOT) -> None:
    """`mkdocs build --strict` with the offline plugin on; mkdocs' messages go to the terminal."""
    env = dict(os.environ, HELPERCOURSE_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env)
    if result.returncode != 0:
        raise OfflineBuildFailed(f"mkdocs build failed (exit {result.returncode}); see the messages above")
    missing = [marker for marker in OFFLINE_MARKERS if not (site_dir / marker).is_file()]
    if missing:
        raise OfflineBuildFailed(
            f"{project / 'mkdocs.yml'}: the offline build made no {', '.join(missing)}; the plugins "
            "need `- offline: {enabled: !ENV [HELPERCOURSE_OFFLINE, false]}` after i18n, and the "
            "hooks helpercourse/offline_hooks.py")


def zip_site(site_dir: Path, langs: tuple[str, ...]) -> tuple[bytes, int]:
    """The zip's bytes and its number of files: the site under TOP_FOLDER/, plus README.txt."""
    buffer = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{TOP_FOLDER}/README.txt", readme(langs))
        for path in sorted(site_dir.rglob("*")):
            relative = path.relative_to(site_dir).as_posix()
            if path.is_file() and path.name not in LEFT_OUT:
                archive.write(path, f"{TOP_FOLDER}/{relative}")
                count += 1
    return buffer.getvalue(), count + 1


def make_offline_copy(output: Path = DEFAULT_ZIP, project: Path = ROOT) -> OfflineCopy:
    started = time.perf_counter()
    langs = languages(project / "mkdocs.yml")
    with tempfile.TemporaryDirectory(prefix="helpercourse-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        build_offline_site(site_dir, project)
        content, files = zip_site(site_dir, langs)
    write_atomically(output, content)  # 0644 under the usual umask: a file to hand on
    return OfflineCopy(output, files, len(content), time.perf_counter() - started)


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else DEFAULT_ZIP
    try:
        copy = make_offline_copy(output.resolve())
    except OfflineBuildFailed as failure:
        print(f"No offline copy written: {failure}", file=sys.stderr)
        return 1
    print(f"Wrote {output} ({copy.size / 1e6:.1f} MB, {copy.files} files) in {copy.seconds:.1f} s. "
          f"Unpack it and open {TOP_FOLDER}/index.html in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

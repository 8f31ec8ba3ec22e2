"""`make scorm`: the SCORM 1.2 and 2004 packages of every language in dist/scorm/.

    python -m helpercourse.scorm [--site FOLDER] [--out dist/scorm] [--required 1,8,9]

--required: the modules a learner must pass for the LMS to record the course as completed and
passed (module numbers; default every module). Every module's result is reported either way.

Without --site it builds the site first (`mkdocs build --strict` into a temporary folder).
All packages are built and checked in memory before any is written, so a failed export keeps
the last good packages.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..site_config import languages
from .package import PackageProblem, build_packages, write_packages

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_OUT = ROOT / "dist" / "scorm"


def build_site(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env)
    if result.returncode != 0:
        raise PackageProblem(f"mkdocs build failed (exit {result.returncode}); see the messages above")


def module_numbers(text: str) -> tuple[int, ...]:
    try:
        numbers = tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of module numbers such as 1,8,9") from None
    if not numbers:
        raise argparse.ArgumentTypeError("give at least one module number, such as 1,8,9")
    return numbers


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpercourse.scorm", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one now)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the zips go (default: dist/scorm)")
    parser.add_argument("--required", type=module_numbers, default=None,
                        help="module numbers that must be passed to complete the course, e.g. 1,8,9 (default: all)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="helpercourse-scorm-") as tmp:
            site = args.site
            if site is None:
                site = Path(tmp) / "site"
                build_site(site)
            elif not site.is_dir():
                raise PackageProblem(f"{site}: no such folder; give a built site (mkdocs build --site-dir ...)")
            packages = build_packages(site.resolve(), languages(ROOT / "mkdocs.yml"), args.required)
    except PackageProblem as problem:
        print(f"No SCORM packages written (the last good ones are kept): {problem}", file=sys.stderr)
        return 1
    for path, package in zip(write_packages(packages, args.out), packages):
        print(f"Wrote {path} ({len(package.content) / 1e6:.2f} MB, {package.files} files)")
    print(f"{len(packages)} SCORM packages in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

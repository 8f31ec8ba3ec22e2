"""Shared fixtures: the project, a strict build of it, a copy to break, and a local web server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpercourse.site_config import languages  # noqa: E402

LANGUAGES = languages()
DEFAULT_LANGUAGE = LANGUAGES[0]
SUB_PATH = "/courses/helper/"  # the site is served under a sub-path, as an organisation would
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "quizzes", "diagrams", "translations", "helpercourse",
                 "build_quizzes.py")


def run_mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)


def copy_project(target: Path) -> Path:
    """A throwaway copy of the course sources, for tests that break something on purpose."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The course built once with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def page_path(lang: str, page: str = "") -> str:
    """Site-relative URL of a page: the default language lives at the root."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}{page}"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under SUB_PATH only, like an organisation's web server would."""

    extra_headers: dict[str, str] = {}

    def translate_path(self, path):
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


def _serve(directory: Path, headers: dict[str, str]):
    handler = type("Handler", (_SubPathHandler,), {"extra_headers": headers})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


# --- Content-Security-Policy: the exact policy deploy/nginx.conf sends, never a copy of it -------

NGINX_CONFIG = ROOT / "deploy" / "nginx.conf"
_CSP_HEADER = re.compile(r'^\s*add_header\s+Content-Security-Policy\s+"([^"]+)"', re.M)


def deployed_csp(config: Path = NGINX_CONFIG) -> str:
    """The Content-Security-Policy of the course's location in the example nginx config."""
    found = _CSP_HEADER.findall(config.read_text(encoding="utf-8"))
    if len(found) != 1:
        raise AssertionError(f"{config}: expected one 'add_header Content-Security-Policy \"...\"' "
                             f"line, found {len(found)}")
    return found[0]


STRICT_CSP = deployed_csp()  # every test that sends a CSP sends this one

# Reported to the console with this prefix, so a test can tell a violation from other errors.
CSP_VIOLATION = "Content Security Policy violation"
_REPORT_VIOLATIONS = (
    "document.addEventListener('securitypolicyviolation', e => console.error("
    f"'{CSP_VIOLATION}: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + "
    "' in ' + e.sourceFile + ':' + e.lineNumber))")


def watch_csp(page) -> list[str]:
    """Every CSP violation in `page` from now on: the page's own report and chromium's message."""
    violations: list[str] = []
    page.add_init_script(_REPORT_VIOLATIONS)
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None)
    return violations


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Any browser test fails if the page it drove broke its Content-Security-Policy."""
    parametrized = getattr(getattr(request.node, "callspec", None), "params", {})
    if "page" not in request.fixturenames or "page" in parametrized:  # a test's own `page` argument
        yield
        return
    violations = watch_csp(request.getfixturevalue("page"))
    yield
    assert not violations, f"Content-Security-Policy violations: {violations[:10]}"


@contextlib.contextmanager
def serve_directory(directory: Path, headers: dict[str, str] | None = None):
    """A loopback server for a built site, under SUB_PATH; yields the site's base URL."""
    server = _serve(directory, headers or {})
    try:
        yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the built site on a loopback server, under a sub-path."""
    server = _serve(built_site, {})
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def csp_site_url(built_site):
    """The same site, sent with a strict Content-Security-Policy header."""
    server = _serve(built_site, {"Content-Security-Policy": STRICT_CSP})
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


# --- Playwright: Debian's chromium, never a downloaded browser --------------------------------
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


# --- SCORM (issue 14): every language's packages, made once from the built site ----------------

@pytest.fixture(scope="session")
def scorm_packages(built_site):
    """{(lang, "scorm12" | "scorm2004"): Package}, built in memory from `built_site`."""
    from helpercourse.scorm.package import build_packages
    return {(p.lang, p.version): p for p in build_packages(built_site, LANGUAGES)}

"""Self-hosting for real: Debian's nginx serves a strict build with deploy/nginx.conf, as is.

nginx runs as Debian runs it: the master as root (CI is root), the workers that read the files as
an unprivileged user (www-data), so a file the build writes unreadable for others shows as 403.
The build is therefore made in a folder that user can reach (pytest's own are private).
Only what a test machine must change is replaced: the `listen` address (a free loopback port)
and the `alias` folder (the build). Then every page, the headers an IT department is promised,
the caching of assets, the 404 page of each language at any depth, and, in chromium, a quiz and
search under the Content-Security-Policy the file sends.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, ROOT, SUB_PATH, page_path, run_mkdocs_build, watch_csp
from quiz_driver import (LESSON, answer_with_mouse, compiled_quiz, full_marks, interface, score_line,
                         scored, search)
from test_accessibility import assert_no_violations

NGINX = Path(os.environ.get("NGINX_PATH", "/usr/sbin/nginx"))
CONFIG = ROOT / "deploy" / "nginx.conf"
# What a test machine replaces in the example; each must occur exactly once.
LISTEN, LISTEN_V6 = "listen 80;", "listen [::]:80;"
ALIAS = "alias /srv/www/helper-course/site/;"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")
YEAR = 365 * 24 * 3600
MATERIAL_LANGUAGE = {"no": "nb"}
WORKER_USERS = ("www-data", "nobody")  # Debian's nginx user; nobody where it does not exist
TERM = "Rogers"  # a name every language's module 1 uses

pytestmark = pytest.mark.skipif(not NGINX.exists(), reason=(
    f"Debian's nginx is not installed ({NGINX}); `make test` installs it (make system-tools)"))


# --- nginx, started for the test ----------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_config(text: str, site: Path) -> str:
    """The example with only the address (a port run_nginx fills in) and the folder replaced."""
    for marker in (LISTEN, LISTEN_V6, ALIAS):
        assert text.count(marker) == 1, f"{CONFIG}: expected '{marker}' once (the test replaces it)"
    return (text.replace(LISTEN, "listen 127.0.0.1:__PORT__;").replace(LISTEN_V6, "")
            .replace(ALIAS, f"alias {site}/;"))


@contextlib.contextmanager
def run_nginx(server_block: str, work: Path):
    """nginx in the foreground with its own prefix, pid, logs and temp folders; yields the port."""
    work.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    (work / "course.conf").write_text(server_block.replace("__PORT__", str(port)), encoding="utf-8")
    temp_paths = " ".join(f"{kind}_temp_path {work / kind};"
                          for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root, the master switches its workers to the unprivileged user, as Debian's nginx does;
    # as another user nginx cannot switch, and runs as that user.
    user = f"user {worker_user()};\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {work / 'nginx.pid'};\nerror_log stderr warn;\n"
        "events { worker_connections 128; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        f"  access_log off;\n  {temp_paths}\n  include {work / 'course.conf'};\n}}\n", encoding="utf-8")
    with open(work / "nginx.log", "w+b") as log:
        process = subprocess.Popen([str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf"),
                                    "-e", "stderr", "-g", "daemon off;"], stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 60  # only so a broken start fails instead of hanging
            while True:
                if process.poll() is not None:
                    log.seek(0)
                    raise AssertionError(f"nginx stopped:\n{log.read().decode(errors='replace')}")
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                    break
                assert time.monotonic() < deadline, "nginx never answered on its port"
                time.sleep(0.05)
            yield port
        finally:
            process.terminate()
            process.wait()


def worker_user() -> str:
    for name in WORKER_USERS:
        try:
            return pwd.getpwnam(name).pw_name
        except KeyError:
            continue
    pytest.skip(f"none of the users {WORKER_USERS} exists to run nginx's workers as")


@pytest.fixture(scope="session")
def public_folder():
    """A folder under /tmp that nginx's unprivileged workers can enter (mode 0755), removed after."""
    folder = Path(tempfile.mkdtemp(prefix="helpercourse-nginx-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def served_site(public_folder) -> Path:
    """The course built with the real strict build, into the folder nginx's workers can reach."""
    site = public_folder / "site"
    result = run_mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return site


@pytest.fixture(scope="session")
def nginx_url(served_site, public_folder):
    """The strict build served by nginx with deploy/nginx.conf, under its sub-path."""
    text = CONFIG.read_text(encoding="utf-8")
    assert f"location ^~ {SUB_PATH} " in text, f"{CONFIG} should serve the site under {SUB_PATH}"
    with run_nginx(site_config(text, served_site), public_folder / "nginx") as port:
        yield f"http://127.0.0.1:{port}{SUB_PATH}"


# --- HTTP, as a browser would ask -----------------------------------------------------------------

def fetch(url: str, headers: dict[str, str] | None = None):
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                           headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


class _Links(HTMLParser):
    """What a page loads and links to, and what a strict CSP would refuse in it."""

    def __init__(self):
        super().__init__()
        self.base, self.loads, self.links, self.refused = None, [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "base":
            self.base = attributes.get("href")
        elif tag == "link" and attributes.get("href"):
            self.loads.append(attributes["href"])
        elif tag == "script":
            if attributes.get("src"):
                self.loads.append(attributes["src"])
            elif attributes.get("type") != "application/json":  # data blocks are not script
                self.refused.append("an inline <script>")
        elif tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "style":
            self.refused.append("a <style> element")
        for name, value in attrs:
            if name == "style":
                self.refused.append(f'style="{value}" on <{tag}>')
            elif name.startswith("on"):
                self.refused.append(f"an {name} handler on <{tag}>")


def parse(body: bytes) -> _Links:
    links = _Links()
    links.feed(body.decode("utf-8"))
    return links


def csp_directives(value: str) -> dict[str, list[str]]:
    directives = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_security_headers(headers, url: str) -> None:
    csp = headers.get("Content-Security-Policy")
    assert csp, f"{url}: no Content-Security-Policy"
    policy = csp_directives(csp)
    for directive in ("default-src", "script-src"):
        assert policy.get(directive) == ["'self'"], f"{url}: {directive} is {policy.get(directive)}"
    sources = [s for values in policy.values() for s in values]
    assert not [s for s in sources if "://" in s or "*" in s or s in ("http:", "https:")], (
        f"{url}: the CSP allows other hosts: {csp}")
    assert policy.get("object-src") == ["'none'"] and policy.get("base-uri") == ["'self'"], csp
    assert "frame-ancestors" in policy or headers.get("X-Frame-Options"), f"{url}: may be framed"
    assert headers.get("X-Content-Type-Options") == "nosniff", url
    assert headers.get("Referrer-Policy"), f"{url}: no Referrer-Policy"
    assert "camera=()" in headers.get("Permissions-Policy", ""), f"{url}: no Permissions-Policy"


def page_urls(site: Path) -> list[str]:
    """Every built HTML page, by the address a visitor uses (folders for index.html)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(relative[: -len("index.html")] if path.name == "index.html" else relative)
    return urls


# --- every page, every asset ------------------------------------------------------------------------

def test_every_page_answers_with_the_security_headers_and_revalidates(nginx_url, served_site):
    urls = page_urls(served_site)
    assert len(urls) >= 12 * len(LANGUAGES), f"only {len(urls)} pages built"
    for relative in urls:
        url = nginx_url + relative
        status, headers, body = fetch(url)
        assert status == 200, f"{url}: {status}"
        assert headers.get_content_type() == "text/html", url
        assert_security_headers(headers, url)
        assert headers.get("Cache-Control") == "no-cache", f"{url}: {headers.get('Cache-Control')}"
        refused = parse(body).refused
        assert not refused, f"{url}: the Content-Security-Policy would block {refused[:5]}"
    # "no-cache" means ask again: an unchanged page then costs a 304 without a body.
    status, headers, _ = fetch(nginx_url)
    assert fetch(nginx_url, {"If-None-Match": headers["ETag"]})[0] == 304


def test_assets_are_cached_by_name_and_compressed(nginx_url, served_site):
    assets = sorted(p.relative_to(served_site).as_posix() for p in (served_site / "assets").rglob("*")
                    if p.is_file())
    fingerprinted = [a for a in assets if FINGERPRINTED.search(a)]
    assert fingerprinted and len(fingerprinted) < len(assets), fingerprinted
    for relative in assets:
        url = nginx_url + relative
        status, headers, _ = fetch(url)
        assert status == 200, f"{url}: {status}"
        assert_security_headers(headers, url)
        expected = f"max-age={YEAR}" if relative in fingerprinted else "no-cache"
        assert headers.get("Cache-Control") == expected, f"{url}: {headers.get('Cache-Control')}"
    for relative in (*fingerprinted, "assets/quiz.js", "search/search_index.json"):
        _, headers, _ = fetch(nginx_url + relative, {"Accept-Encoding": "gzip"})
        assert headers.get("Content-Encoding") == "gzip", f"{relative} is not compressed"
        assert "Accept-Encoding" in headers.get("Vary", ""), relative


def test_the_bare_sub_path_redirects_to_the_course(nginx_url):
    status, headers, _ = fetch(nginx_url.rstrip("/"))
    assert status == 301 and headers["Location"] == SUB_PATH, (status, headers.get("Location"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_files_the_build_writes_itself_are_readable_by_the_web_server(nginx_url, lang):
    """Search indexes and 404 pages are written by the course's own code (not MkDocs'): an
    unprivileged nginx worker must be able to read them (403 when they are private)."""
    url = nginx_url + page_path(lang, "search/search_index.json")
    status, _, body = fetch(url)
    assert status == 200, f"{url}: {status} (403: the web server's user cannot read the file)"
    assert b'"docs"' in body, f"{url}: not a search index"
    url = nginx_url + page_path(lang, "no-such-page/")
    status, _, body = fetch(url)
    assert status == 404, f"{url}: {status} (403: the web server's user cannot read the 404 page)"
    assert interface(lang)["not_found_title"].encode("utf-8") in body, f"{url}: not the 404 page"


# --- 404: the page of the address's language, at any depth ---------------------------------------

MISSING = {  # language -> missing addresses, shallow and deep
    lang: [page_path(lang, "nope"), page_path(lang, "01-helper-relationship/no/such/page/")]
    for lang in LANGUAGES
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_gets_the_404_page_of_its_language_with_working_links(nginx_url, lang):
    ui = interface(lang)
    for relative in MISSING[lang]:
        url = nginx_url + relative
        status, headers, body = fetch(url)
        assert status == 404, f"{url}: {status}"
        assert_security_headers(headers, url)
        text = body.decode("utf-8")
        assert f'<html lang="{MATERIAL_LANGUAGE.get(lang, lang)}"' in text, f"{url}: wrong language"
        assert f"<h1>{ui['not_found_title']}</h1>" in text, f"{url}: no '{ui['not_found_title']}'"
        page = parse(body)
        assert page.base == SUB_PATH + page_path(lang), f"{url}: <base href={page.base!r}>"
        base = urljoin(url, page.base)
        for link in (*page.loads, *page.links):
            target = urljoin(base, link)
            if not target.startswith(nginx_url) or "#" in link:
                continue
            assert fetch(target)[0] == 200, f"{url}: '{link}' leads to {target}, which is missing"


def test_the_404_pages_work_under_another_sub_path(served_site, public_folder):
    """The instruction in the file's header, followed: its sed command moves the course."""
    text = CONFIG.read_text(encoding="utf-8")
    command = re.search(r"sed -i '([^']+)' nginx\.conf", text)
    assert command, f"{CONFIG}: the header no longer shows how to change the sub-path"
    moved = subprocess.run(["sed", "-e", command.group(1)], input=text, capture_output=True,
                           text=True, check=True).stdout
    new_path = re.search(r"s#/courses/helper/#([^#]+)#", command.group(1)).group(1)
    assert SUB_PATH not in moved
    with run_nginx(site_config(moved, served_site), public_folder / "nginx-moved") as port:
        root = f"http://127.0.0.1:{port}{new_path}"
        assert fetch(root + page_path("sv", LESSON))[0] == 200
        status, _, body = fetch(root + "sv/a/b/c/")
        assert status == 404 and parse(body).base == new_path + "sv/"
        for load in parse(body).loads:
            assert fetch(urljoin(urljoin(root, new_path + "sv/"), load))[0] == 200, load


# --- in chromium, through nginx, under its Content-Security-Policy --------------------------------

def _watch(page: Page) -> list[str]:
    """Everything that went wrong in the page: CSP reports, script errors, failed loads."""
    problems = watch_csp(page)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on("response", lambda response: problems.append(f"{response.status}: {response.url}")
            if response.status >= 400 and response.request.resource_type != "document" else None)
    return problems


@pytest.mark.browser
def test_a_quiz_and_search_work_through_nginx_under_its_csp(page: Page, nginx_url):
    problems = _watch(page)
    lang = "sv"
    quiz, ui = compiled_quiz(lang), interface(lang)
    page.goto(nginx_url + page_path(lang, LESSON))
    answer_with_mouse(page, quiz, right=True)
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))

    search(page, TERM)
    home = nginx_url + page_path(lang)
    hrefs = page.locator("a.md-search-result__link").evaluate_all("l => l.map(a => a.href)")
    assert hrefs and all(href.startswith(home) for href in hrefs), hrefs
    assert not problems, problems


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_404_page_is_styled_accessible_searchable_and_leads_home(page: Page, nginx_url, lang):
    problems = _watch(page)
    response = page.goto(nginx_url + MISSING[lang][1])  # the deep one: only <base> makes it work
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", MATERIAL_LANGUAGE.get(lang, lang))
    expect(page.locator("h1")).to_have_text(interface(lang)["not_found_title"])
    # Material's stylesheet applied: its header sticks to the top, not a plain block.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    assert_no_violations(page)  # axe-core, WCAG 2.1 A/AA

    search(page, TERM)  # Material's search looks for its index under the page's language root
    home = nginx_url + page_path(lang)
    hrefs = page.locator("a.md-search-result__link").evaluate_all("l => l.map(a => a.href)")
    assert hrefs and all(href.startswith(home) for href in hrefs), hrefs
    page.keyboard.press("Escape")

    page.get_by_role("link", name=interface(lang)["not_found_home"]).click()
    expect(page).to_have_url(home)
    assert not problems, problems


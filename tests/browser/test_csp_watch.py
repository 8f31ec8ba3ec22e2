"""The CSP the tests send is deploy/nginx.conf's own, and a violation in a browser test is caught."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from conftest import NGINX_CONFIG, STRICT_CSP, deployed_csp, page_path, serve_directory, watch_csp


def test_the_policy_is_read_from_the_nginx_config(tmp_path):
    text = NGINX_CONFIG.read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{STRICT_CSP}" always;' in text
    (tmp_path / "none.conf").write_text("server {}\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="expected one"):
        deployed_csp(tmp_path / "none.conf")


@pytest.mark.browser
def test_a_page_that_breaks_its_policy_is_reported(browser: Browser, built_site):
    # Its own page (not the `page` fixture), which would fail the test at teardown on purpose.
    page = browser.new_page()
    try:
        violations = watch_csp(page)
        with serve_directory(built_site, {"Content-Security-Policy": "script-src 'none'"}) as url:
            page.goto(url + page_path("en"))
            page.wait_for_load_state("load")
        assert any("script-src" in v for v in violations), violations
    finally:
        page.close()

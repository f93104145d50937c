"""Every page of the built site loads in Chromium, and asks no host but the site's own."""

import pytest

from harness import all_pages

pytestmark = pytest.mark.browser


def test_every_page_loads_from_the_site_alone(page, site_dir, site_server):
    pages = all_pages(site_dir)
    assert len(pages) > 10, "the sample toolkit should have all its pages built"
    for path in pages:
        response = page.goto(site_server + path, wait_until="networkidle")
        assert response.ok, f"{path}: HTTP {response.status}"
        assert page.locator("h1").first.is_visible(), f"{path}: no visible heading"


def test_guard_catches_an_outside_request(page, site_server, outside_request_guard):
    """The guard itself works: a page that tries to reach another host is recorded."""
    page.goto(site_server)
    page.evaluate("fetch('http://outside.example.com/x').catch(() => {})")
    page.wait_for_timeout(300)
    assert outside_request_guard == ["http://outside.example.com/x"]
    outside_request_guard.clear()  # expected here; any other outside request still fails

"""The kiosk in a real browser: large touch targets, no staff link, and a fresh start after inactivity."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_kiosk_starts_again_by_itself_when_nobody_touches_it(page, settings):
    settings.KIOSK_IDLE_SECONDS = 2
    page.goto("/ar/kiosk/")
    assert page.url.endswith("/ar/submit/")
    assert "kiosk" in (page.locator("body").get_attribute("class") or "")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert not page.locator("a[href*='/staff/']").is_visible()
    assert axe_violations(page) == []
    page.locator("#id_case_type_0").check()
    with page.expect_navigation(timeout=8_000):  # two idle seconds later: the kiosk address again
        pass
    page.wait_for_url("**/ar/submit/")
    assert not page.locator("#id_case_type_0").is_checked()

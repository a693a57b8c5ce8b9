"""The home page in a real browser, in both languages, with an accessibility scan."""

import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_home_page_direction_and_accessibility(page, lang, direction):
    page.goto(f"/{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_default_language_is_arabic(page):
    page.goto("/")
    assert page.url.rstrip("/").endswith("/ar")
    assert page.locator("html").get_attribute("dir") == "rtl"

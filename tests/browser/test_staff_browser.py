"""Staff pages in a real browser: keyboard sign-in, inbox, case page and axe, in ar and en."""

from __future__ import annotations

import pytest

from civicdesk.cases.models import ResponseTemplate
from civicdesk.cases.services import add_internal_note
from tests.browser.conftest import axe_violations
from tests.cases.staff_support import make_case
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/{lang}/staff/login/")
    # The username field takes the focus by itself (wait for it: under load that can lag behind "load").
    page.wait_for_function("document.activeElement && document.activeElement.name === 'username'")
    page.keyboard.type("agent_a")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/staff/")


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_staff_pages_direction_and_accessibility(page, agent_a, lang, direction):
    ResponseTemplate.objects.create(title_ar="تم", title_en="Done", body_ar="تم الإصلاح.", body_en="Fixed.")
    case = make_case(photos=1, contact_cpr="880112345")
    add_internal_note(case=case, actor=agent_a, body="Call the contractor.")
    page.goto(f"/{lang}/staff/login/")
    assert page.locator("html").get_attribute("dir") == direction
    assert axe_violations(page) == []
    _sign_in(page, lang)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    page.get_by_role("link", name=case.reference).click()
    page.wait_for_url(f"**/cases/{case.reference}/")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    page.select_option("#id_answer-template", label="Done" if lang == "en" else "تم")
    assert page.input_value("#id_answer-body") == "تم الإصلاح."  # the citizen's language, filled by site.js
    page.locator("#action-close, #action-note").first.get_by_role("button").click()  # an empty note
    assert page.locator("[data-error-summary]").is_visible()
    assert axe_violations(page) == []

"""The citizen journey in a real browser: keyboard only, focus on errors, axe-core on every page."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from civicdesk.cases.models import Case
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _continue(page):  # type: ignore[no-untyped-def]
    page.locator("main button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_submit_and_track_a_complaint_with_the_keyboard(page, settings, tmp_path, lang, direction):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    page.goto(f"/{lang}/submit/")
    assert page.locator("html").get_attribute("dir") == direction
    assert axe_violations(page) == []

    _continue(page)  # nothing chosen: the error summary takes the focus
    assert page.title().startswith("Error:" if lang == "en" else "خطأ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert axe_violations(page) == []

    page.locator("#id_case_type_0").focus()
    page.keyboard.press("Space")
    page.locator("#id_category").select_option("street_lighting")
    _continue(page)

    assert page.url.endswith("/submit/describe/")
    assert axe_violations(page) == []
    page.locator("#id_description").focus()
    page.keyboard.type("The street lights on road 45 have been off for a week.")
    _continue(page)

    assert axe_violations(page) == []
    page.locator("#id_area").select_option("isa_town")
    page.locator("#id_block").focus()
    page.keyboard.type("804")
    _continue(page)

    assert axe_violations(page) == []
    page.locator("#id_contact_name").focus()
    page.keyboard.type("Fatima Ali")
    page.locator("#id_contact_phone").focus()
    page.keyboard.type("36123456")
    _continue(page)

    assert page.url.endswith("/submit/check/")
    assert axe_violations(page) == []
    _continue(page)

    assert page.url.endswith("/submit/confirmation/")
    reference = page.locator(".panel__ref bdi").inner_text()
    assert re.fullmatch(r"TW-\d{2}-[A-Z0-9]{7}", reference)
    assert axe_violations(page) == []

    page.goto(page.locator("main a[href*='/track/']").first.get_attribute("href"))
    assert page.url.endswith(f"/track/{reference}/")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    status = page.locator("main .tag").first.inner_text().strip()
    case = Case.objects.get(
        reference=reference
    )  # routed at once, or waiting for triage: as the model decided
    with translation.override(lang):
        assert status == str(case.get_status_display())
    assert status in {"Received", "Routed", "تم الاستلام", "تمت الإحالة"}
    assert reference in page.locator("main").inner_text()

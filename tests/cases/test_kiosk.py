"""Smart office kiosk: the submission pages on a tablet, channel smart_office, a clean start for the next."""

from __future__ import annotations

import re

import pytest

from civicdesk.cases.models import Case
from tests.cases.conftest_citizen import fill_steps, nonce_of, private_media, url  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]


def test_a_kiosk_case_records_the_smart_office_channel_and_the_next_person_starts_clean(client):
    start = client.get(url("kiosk"))
    assert start.status_code == 302 and start["Location"] == url("submit_start")
    page = client.get(url("submit_start")).content.decode()
    assert re.search(r'<body class="[^"]*\bkiosk\b', page)
    assert f'data-kiosk-reset="{url("kiosk")}"' in page and 'lang="ar" dir="rtl"' in page
    fill_steps(client, "ar")
    check = client.get(url("submit_check"))
    sent = client.post(url("submit_check"), {"nonce": nonce_of(check)})
    assert sent.status_code == 302
    case = Case.objects.get()
    assert case.channel_id == "smart_office"
    assert client.get(url("track_detail", "ar", case.reference)).status_code == 200  # the person, now

    client.get(url("kiosk"))  # after inactivity, or "start again"
    assert client.get(url("track_detail", "ar", case.reference)).status_code != 200  # not the next person
    assert client.get(url("submit_check")).status_code == 302  # no draft left
    assert "data-kiosk-reset" in client.get(url("submit_start")).content.decode()  # still a kiosk


def test_an_ordinary_browser_is_not_a_kiosk(client):
    assert "data-kiosk-reset" not in client.get(url("submit_start")).content.decode()

"""The QR service: staff create a code for a place, print the poster, and a scan opens the pre-filled form."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdfium2
import pytest
import zxingcpp
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.models import Case
from civicdesk.intake.models import QrPlace
from tests.cases.conftest_citizen import answers, nonce_of, private_media, url  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]
PLACE = {
    "label_ar": "حديقة مدينة عيسى",
    "label_en": "Isa Town park",
    "area": "isa_town",
    "block": "804",
    "road": "45",
    "latitude": "26.172500",
    "longitude": "50.548100",
    "category": "street_lighting",
}


def staff_url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def place(client, supervisor_a):  # type: ignore[no-untyped-def]
    client.force_login(supervisor_a)
    assert client.post(staff_url("staff:qr_places"), PLACE).status_code == 302
    client.logout()
    return QrPlace.objects.get()


def test_the_poster_renders_and_its_code_opens_the_pre_filled_form(client, supervisor_a, place):
    client.force_login(supervisor_a)
    listing = client.get(staff_url("staff:qr_places")).content.decode()
    assert "Isa Town park" in listing
    poster = client.get(staff_url("staff:qr_poster", place.pk))
    assert poster.status_code == 200 and poster["Content-Type"] == "application/pdf"
    page = pypdfium2.PdfDocument(io.BytesIO(poster.content))[0]
    image = page.render(scale=2).to_pil()
    [code] = zxingcpp.read_barcodes(image)
    assert code.text == "http://testserver" + url("qr_scan", "ar", place.token)
    client.logout()

    opened = client.get(code.text.removeprefix("http://testserver"))
    assert opened.status_code == 302 and opened["Location"] == url("submit_start")
    kind = client.get(url("submit_start")).content.decode()
    assert 'value="street_lighting" selected' in kind  # the topic of the poster, chosen already
    data = answers()
    for step in ("submit_start", "submit_describe"):
        key = "kind" if step == "submit_start" else "describe"
        assert client.post(url(step), data[key]).status_code == 302
    where = client.get(url("submit_where")).content.decode()
    assert 'value="804"' in where  # the place of the poster
    assert (
        client.post(url("submit_where"), {"area": "isa_town", "block": "804", "road": "45"}).status_code
        == 302
    )
    assert client.post(url("submit_contact"), data["contact"]).status_code == 302
    check = client.get(url("submit_check"))
    assert client.post(url("submit_check"), {"nonce": nonce_of(check)}).status_code == 302
    case = Case.objects.get()
    assert (case.channel_id, case.area_id, case.block) == ("qr_code", "isa_town", 804)
    assert (case.latitude, case.longitude) == (Decimal("26.172500"), Decimal("50.548100"))


def test_bad_places_are_refused_with_clear_errors(client, supervisor_a, agent_a):
    client.force_login(supervisor_a)
    refused = client.post(staff_url("staff:qr_places"), PLACE | {"block": "901", "longitude": ""})
    html = refused.content.decode()
    assert refused.status_code == 400 and "Block 901 is not in" in html and "or neither" in html
    client.force_login(agent_a)
    assert (
        client.post(staff_url("staff:qr_places"), PLACE).status_code == 400
    )  # case officers do not print codes
    assert QrPlace.objects.count() == 0


def test_another_entitys_poster_is_404_and_an_unknown_code_too(client, place, agent_b):
    client.force_login(agent_b)
    assert client.get(staff_url("staff:qr_poster", place.pk)).status_code == 404
    assert client.get(url("qr_scan", "ar", "nope")).status_code == 404
    assert client.get(url("qr_scan", "ar", place.token)).status_code == 302
    QrPlace.objects.filter(pk=place.pk).update(is_active=False)  # taken down: its code no longer opens
    assert client.get(url("qr_scan", "ar", place.token)).status_code == 404

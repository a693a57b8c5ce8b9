"""The citizen submission flow: question pages, errors, check answers, double submit, confirmation."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from PIL import Image

from civicdesk.cases.citizen_session import Draft, drafts_dir, send_draft
from civicdesk.cases.forms.citizen import ContactForm, draft_submission
from civicdesk.cases.models import Case
from civicdesk.cases.photos import photo_path
from civicdesk.notify.sms import MemorySmsBackend
from tests.cases.conftest_citizen import (
    HTML_LANG,
    STEP_URLS,
    answers,
    error_summary_links,
    fill_steps,
    jpeg_bytes,
    nonce_of,
    photo_upload,
    private_media,  # noqa: F401  (fixture)
    url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_whole_flow_creates_one_case_and_confirms_it(client, language, django_capture_on_commit_callbacks):
    data = answers(contact={"contact_language": language})
    for step, name in STEP_URLS.items():
        page = client.get(url(name, language))
        html = page.content.decode()
        assert page.status_code == 200, step
        assert HTML_LANG[language] in html
        assert html.count("<h1") == 1
        assert 'class="back-link"' in html
        assert html.count('<button type="submit"') == 1
        assert client.post(url(name, language), data[step]).status_code == 302

    check = client.get(url("submit_check", language))
    html = check.content.decode()
    assert check.status_code == 200 and HTML_LANG[language] in html
    assert html.count("<h1") == 1
    assert "fatima@example.com" in html and "+97336123456" in html
    assert html.count('class="visually-hidden"') >= 10
    assert f'href="{url("submit_where", language)}?return=check#id_block"' in html

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url("submit_check", language), {"nonce": nonce_of(check)})
    assert sent.status_code == 302 and sent["Location"] == url("submit_done", language)
    case = Case.objects.get()
    assert case.channel_id == "web_form"
    assert case.category_id == "street_lighting" and case.entity_id == "works"
    assert case.area_id == "isa_town" and case.block == 804 and case.road == "45"
    assert case.contact_phone == "+97336123456" and case.language == language
    assert case.contact_language == language

    done = client.get(url("submit_done", language))
    html = done.content.decode()
    assert done.status_code == 200 and HTML_LANG[language] in html
    assert f'<bdi dir="ltr">{case.reference}</bdi>' in html
    tracking_url = "http://testserver" + url("track_case", language, case.reference, case.tracking_token)
    assert f'<a href="{tracking_url}">' in html
    assert case.masked_phone in html and case.masked_email in html
    assert case.entity.name_en in html or case.entity.name_ar in html
    assert ("AH" in html) if language == "en" else ("هـ" in html)
    assert any(case.reference in sms["body"] for sms in MemorySmsBackend.outbox)


def test_language_switch_keeps_the_step_and_the_answers(client):
    fill_steps(client, "ar", until="where")
    page = client.get(url("submit_describe", "ar"))
    assert 'href="/en/submit/describe/"' in page.content.decode()
    english = client.get("/en/submit/describe/")
    html = english.content.decode()
    assert english.status_code == 200 and HTML_LANG["en"] in html
    assert "أعمدة الإنارة" in html
    kind = client.get("/en/submit/").content.decode()
    assert re.search(r'value="complaint"[^>]*checked', kind)
    assert re.search(r'value="street_lighting"[^>]*selected', kind)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("submit_describe", "submit_start"),
        ("submit_contact", "submit_start"),
        ("submit_check", "submit_start"),
    ],
)
def test_later_steps_redirect_to_the_first_missing_one(client, target, expected):
    response = client.get(url(target))
    assert response.status_code == 302
    assert response["Location"].split("?")[0] == url(expected)


def test_skipping_a_middle_step_redirects_to_it(client):
    fill_steps(client, until="where")
    assert client.get(url("submit_contact"))["Location"] == url("submit_where")


def _assert_rejected(response, field_ids):  # type: ignore[no-untyped-def]
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in html or "<title>خطأ" in html
    links = error_summary_links(html)
    for field_id in field_ids:
        assert field_id in links
        assert f'id="{field_id}"' in html
    assert Case.objects.count() == 0


@pytest.mark.parametrize("language", ["ar", "en"])
def test_empty_first_step_shows_the_error_summary(client, language):
    response = client.post(url("submit_start", language), {})
    _assert_rejected(response, ["id_case_type_0", "id_category"])
    html = response.content.decode()
    assert HTML_LANG[language] in html
    if language == "en":
        assert "There is a problem" in html
        assert html.count("Choose what kind of message this is.") == 2  # summary and inline, same words
    # Every id that aria-describedby points at is on the page (the inline error, the hint).
    described = [i for ids in re.findall(r'aria-describedby="([^"]+)"', html) for i in ids.split()]
    assert described and all(f'id="{target}"' in html for target in described)


@pytest.mark.parametrize(
    ("description", "message"),
    [("", "Describe what happened"), ("short", "at least 10"), ("x" * 5001, "5000 characters or fewer")],
)
def test_description_must_be_10_to_5000_characters(client, description, message):
    fill_steps(client, "en", until="describe")
    response = client.post(url("submit_describe", "en"), {"description": description})
    _assert_rejected(response, ["id_description"])
    assert message in response.content.decode()


def test_a_file_that_is_not_an_image_is_refused_even_named_jpg(client):
    fill_steps(client, "en", until="describe")
    fake = photo_upload("photo.jpg", b"<?php echo 'not an image'; ?>" * 20)
    response = client.post(
        url("submit_describe", "en"), {"description": "A broken street light", "photos": [fake]}
    )
    _assert_rejected(response, ["id_photos"])
    assert "JPEG, PNG or WebP" in response.content.decode()
    assert not drafts_dir().exists() or not any(drafts_dir().iterdir())


def test_an_oversize_photo_is_refused(client, settings):
    settings.PHOTO_MAX_BYTES = 500
    fill_steps(client, "en", until="describe")
    big = photo_upload("big.jpg", jpeg_bytes((400, 400)))
    response = client.post(
        url("submit_describe", "en"), {"description": "A broken street light", "photos": [big]}
    )
    _assert_rejected(response, ["id_photos"])
    assert "10 MB or smaller" in response.content.decode()


def test_more_than_five_photos_are_refused(client):
    fill_steps(client, "en", until="describe")
    uploads = [photo_upload(f"p{i}.jpg") for i in range(6)]
    response = client.post(
        url("submit_describe", "en"), {"description": "A broken street light", "photos": uploads}
    )
    _assert_rejected(response, ["id_photos"])
    assert "up to 5 photos" in response.content.decode()


def test_photos_survive_the_steps_without_exif_and_reach_the_case(client, django_capture_on_commit_callbacks):
    fill_steps(client, "en", until="describe")
    uploads = [photo_upload("one.jpg", jpeg_bytes(with_exif=True)), photo_upload("two.jpg")]
    response = client.post(
        url("submit_describe", "en"), {"description": "A broken street light", "photos": uploads}
    )
    assert response.status_code == 302
    drafts = list(drafts_dir().iterdir())
    assert len(drafts) == 2
    assert all(b"SecretCameraMaker" not in path.read_bytes() for path in drafts)
    # Coming back to the page lists them; ticking one removes it.
    page = client.get(url("submit_describe", "en")).content.decode()
    assert "one.jpg" in page and "two.jpg" in page
    name = re.search(r'name="remove" value="([0-9a-f]{32})"', page).group(1)
    client.post(url("submit_describe", "en"), {"description": "A broken street light", "remove": [name]})
    assert len(list(drafts_dir().iterdir())) == 1
    fill_steps(client, "en", until="check")
    check = client.get(url("submit_check", "en"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("submit_check", "en"), {"nonce": nonce_of(check)})
    case = Case.objects.get()
    attachment = case.attachments.get()
    assert attachment.content_type == "image/jpeg"
    with Image.open(photo_path(attachment.storage_name)) as image:
        assert image.size == (40, 30)
    assert list(drafts_dir().iterdir()) == []


@pytest.mark.parametrize(
    ("where", "field", "message"),
    [
        ({"area": "isa_town", "block": "301"}, "id_block", "is not in Isa Town"),
        ({"area": "isa_town", "block": "99999"}, "id_block", "We do not know block 99999"),
        ({"area": "isa_town", "block": "8a4"}, "id_block", "in digits"),
        ({"area": "atlantis", "block": ""}, "id_area", "Choose an area from the list"),
        ({"area": "", "block": "", "road": "x" * 61}, "id_road", "60 characters or fewer"),
    ],
)
def test_where_step_validates_the_block_and_area(client, where, field, message):
    fill_steps(client, "en", until="where")
    response = client.post(url("submit_where", "en"), {"road": "", **where})
    _assert_rejected(response, [field])
    html = response.content.decode()
    assert message in html
    for name in ("block", "road"):  # entered values are kept
        if where.get(name):
            assert re.search(rf'name="{name}"[^>]*value="{where[name]}"', html)


def test_block_alone_fills_in_its_area_and_arabic_digits_are_accepted(client):
    fill_steps(client, until="where")
    assert client.post(url("submit_where"), {"area": "", "block": "٨٠٤", "road": ""}).status_code == 302
    assert Draft(client.session).answers("where") == {"area": "isa_town", "block": 804, "road": ""}


def test_governorate_topics_need_an_area(client):
    fill_steps(client, "en", until="where", kind={"category": "home_repair"})
    response = client.post(url("submit_where", "en"), {"area": "", "block": "", "road": ""})
    _assert_rejected(response, ["id_area"])


@pytest.mark.parametrize(
    ("contact", "field", "message"),
    [
        ({"contact_name": ""}, "id_contact_name", "Enter your name."),
        ({"contact_name": "n" * 121}, "id_contact_name", "120 characters or fewer"),
        ({"contact_phone": "1234"}, "id_contact_phone", "Bahraini phone number"),
        ({"contact_cpr": "12345"}, "id_contact_cpr", "CPR number as 9 digits"),
        ({"contact_email": "not-an-email"}, "id_contact_email", "name@example.com"),
        ({"contact_phone": "", "contact_email": ""}, "id_contact_phone", "phone number or an e-mail"),
    ],
)
def test_contact_step_validates_each_field(client, contact, field, message):
    fill_steps(client, "en", until="contact")
    data = {**answers()["contact"], **contact}
    response = client.post(url("submit_contact", "en"), data)
    _assert_rejected(response, [field])
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    if data["contact_name"]:
        assert f'value="{data["contact_name"]}"' in html  # entered values kept


def test_contact_inputs_are_left_to_right_with_the_right_keyboards(client):
    fill_steps(client, "ar", until="contact")
    html = client.get(url("submit_contact")).content.decode()
    for name, mode in [("contact_phone", "tel"), ("contact_cpr", "numeric"), ("contact_email", "email")]:
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'dir="ltr"' in tag and f'inputmode="{mode}"' in tag
    assert re.search(r'value="ar"[^>]*checked', html)  # preferred language defaults to the page's


def test_arabic_digits_in_phone_and_cpr_are_accepted(client):
    fill_steps(client, until="contact")
    data = {**answers()["contact"], "contact_phone": "٣٦١٢٣٤٥٦", "contact_cpr": "۸۵۰۱۰۱۲۳۴"}
    assert client.post(url("submit_contact"), data).status_code == 302
    saved = Draft(client.session).answers("contact")
    assert saved["contact_phone"] == "+97336123456" and saved["contact_cpr"] == "850101234"


def test_change_link_returns_to_check_answers(client):
    fill_steps(client, "en")
    response = client.post(
        url("submit_where", "en") + "?return=check", {"area": "isa_town", "block": "805", "road": ""}
    )
    assert response["Location"] == url("submit_check", "en")
    page = client.get(url("submit_where", "en") + "?return=check").content.decode()
    assert f'class="back-link" href="{url("submit_check", "en")}"' in page


def test_changing_the_topic_to_one_that_needs_an_area_sends_the_citizen_to_that_step(client):
    fill_steps(client, "en", where={"area": "", "block": "", "road": ""})
    client.post(
        url("submit_start", "en") + "?return=check", {"case_type": "request", "category": "home_repair"}
    )
    response = client.get(url("submit_check", "en"))
    assert response["Location"] == url("submit_where", "en") + "?return=check"


def test_script_in_the_description_is_shown_escaped(client):
    evil = '<script>alert("x")</script><b>bold</b>'
    fill_steps(client, "en", describe={"description": evil})
    html = client.get(url("submit_check", "en")).content.decode()
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_double_submit_creates_one_case(client):
    fill_steps(client, "en")
    nonce = nonce_of(client.get(url("submit_check", "en")))
    first = client.post(url("submit_check", "en"), {"nonce": nonce})
    second = client.post(url("submit_check", "en"), {"nonce": nonce})
    assert first["Location"] == second["Location"] == url("submit_done", "en")
    assert Case.objects.count() == 1
    # Back to the check page after sending: the confirmation again, not a second form.
    assert client.get(url("submit_check", "en"))["Location"] == url("submit_done", "en")
    assert Case.objects.get().reference in client.get(url("submit_done", "en")).content.decode()


def test_two_concurrent_posts_with_the_same_nonce_create_one_case(client):
    """Both requests read the session before either wrote it: the nonce row decides."""
    fill_steps(client, "en")
    nonce = nonce_of(client.get(url("submit_check", "en")))
    with translation.override("en"):
        first = Draft(client.session)
        second = Draft(client.session)
        submission = draft_submission(first, language="en")
        assert send_draft(draft=first, submission=submission, nonce=nonce) is not None
        assert send_draft(draft=second, submission=submission, nonce=nonce) is None
    assert Case.objects.count() == 1


def test_a_forged_nonce_creates_nothing(client):
    fill_steps(client, "en")
    client.get(url("submit_check", "en"))
    response = client.post(url("submit_check", "en"), {"nonce": "forged"})
    assert response["Location"] == url("submit_check", "en")
    assert Case.objects.count() == 0


def test_confirmation_without_a_submission_goes_to_the_start(client):
    assert client.get(url("submit_done"))["Location"] == url("submit_start")


def test_a_refused_submission_writes_nothing_and_keeps_the_nonce(client, monkeypatch):
    from civicdesk.cases import citizen_session
    from civicdesk.core.errors import InvalidInput

    fill_steps(client, "en")
    nonce = nonce_of(client.get(url("submit_check", "en")))
    real = citizen_session.submit_case

    def refuse(**kwargs):  # type: ignore[no-untyped-def]
        raise InvalidInput("Choose an area from the list.")

    monkeypatch.setattr(citizen_session, "submit_case", refuse)
    response = client.post(url("submit_check", "en"), {"nonce": nonce})
    html = response.content.decode()
    assert response.status_code == 400 and "<title>Error:" in html and "There is a problem" in html
    assert Case.objects.count() == 0
    monkeypatch.setattr(citizen_session, "submit_case", real)
    assert client.post(url("submit_check", "en"), {"nonce": nonce_of(response)})["Location"] == url(
        "submit_done", "en"
    )
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"contact_email": "a@example.com", "contact_channel": "sms"}, "You chose SMS"),
        ({"contact_phone": "36123456", "contact_channel": "email"}, "You chose e-mail"),
        (
            {"contact_phone": "36123456", "contact_channel": "pigeon"},
            "Choose how we should send you updates.",
        ),
    ],
)
def test_the_chosen_update_channel_needs_its_contact_detail(client, data, message):
    with translation.override("en"):
        form = ContactForm({"contact_name": "Sara", "contact_language": "en", **data})
        assert not form.is_valid()
        assert any(message in error for error in form.errors.get("contact_channel", []))

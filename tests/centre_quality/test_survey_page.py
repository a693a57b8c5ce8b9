"""The survey page in Arabic and English: the form, its errors, the thank-you, the already-answered page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.centre_quality.services import invite_to_survey

pytestmark = pytest.mark.django_db

GOOD = {"rating_staff": "4", "rating_waiting": "5", "rating_organisation": "3", "rating_overall": "4"}


def url(name: str, language: str, token: str) -> str:
    with translation.override(language):
        return reverse(name, args=[token])


@pytest.fixture
def survey(ticket):  # type: ignore[no-untyped-def]
    return invite_to_survey(ticket=ticket)


@pytest.mark.parametrize(
    ("language", "direction", "words"),
    [("ar", "rtl", "مركز خدمات مدينة عيسى"), ("en", "ltr", "How was your visit?")],
)
def test_the_form_in_both_languages(client, survey, language, direction, words):  # type: ignore[no-untyped-def]
    page = client.get(f"/{language}/feedback/{survey.token}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert f'lang="{language}" dir="{direction}"' in html and words in html
    assert html.count('type="radio"') == 20 and 'name="comment"' in html


def test_unknown_token_is_404(client, survey):  # type: ignore[no-untyped-def]
    assert client.get("/en/feedback/not-a-token/").status_code == 404


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"rating_waiting": ""}, "Choose a rating for the waiting time."),
        ({"rating_overall": "9"}, "Choose a rating from 1 to 5."),
    ],
)
def test_bad_input_is_400_and_writes_nothing(client, survey, change, message):  # type: ignore[no-untyped-def]
    page = client.post(url("visit_survey", "en", survey.token), GOOD | change)
    html = page.content.decode()
    assert page.status_code == 400 and "There is a problem" in html and message in html
    survey.refresh_from_db()
    assert survey.answered_at is None


def test_answer_then_thanks_then_already_answered(client, survey):  # type: ignore[no-untyped-def]
    sent = client.post(url("visit_survey", "en", survey.token), GOOD | {"comment": "Fine"})
    assert sent.status_code == 302 and sent["Location"] == url("visit_survey_thanks", "en", survey.token)
    thanks = client.get(sent["Location"]).content.decode()
    assert "Thank you for your answers" in thanks and "Complaint reference" not in thanks
    again = client.get(url("visit_survey", "en", survey.token))
    assert again.status_code == 200 and "already been answered" in again.content.decode()
    assert 'name="rating_staff"' not in again.content.decode()
    resent = client.post(url("visit_survey", "en", survey.token), GOOD)
    assert resent.status_code == 409
    survey.refresh_from_db()
    assert survey.comment == "Fine"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_low_rating_shows_the_complaint_reference(client, survey, language):  # type: ignore[no-untyped-def]
    sent = client.post(url("visit_survey", language, survey.token), GOOD | {"rating_staff": "1"}, follow=True)
    survey.refresh_from_db()
    assert survey.complaint is not None
    assert sent.status_code == 200 and survey.complaint.reference in sent.content.decode()


def test_the_thanks_page_of_an_unanswered_survey_goes_back_to_the_form(client, survey):  # type: ignore[no-untyped-def]
    page = client.get(url("visit_survey_thanks", "ar", survey.token))
    assert page.status_code == 302 and page["Location"] == url("visit_survey", "ar", survey.token)

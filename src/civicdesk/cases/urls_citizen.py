"""Citizen pages: the submission steps and confirmation, tracking by link or code, and case actions."""

from django.urls import path

from civicdesk.cases.views import citizen_submit as submit
from civicdesk.cases.views import citizen_track as track
from civicdesk.cases.views import kiosk
from civicdesk.intake import views as qr_views

urlpatterns = [
    path("submit/", submit.submit_start, name="submit_start"),
    path("kiosk/", kiosk.kiosk, name="kiosk"),
    path("qr/<str:token>/", qr_views.qr_scan, name="qr_scan"),
    path("submit/describe/", submit.submit_describe, name="submit_describe"),
    path("submit/where/", submit.submit_where, name="submit_where"),
    path("submit/contact/", submit.submit_contact, name="submit_contact"),
    path("submit/check/", submit.submit_check, name="submit_check"),
    path("submit/confirmation/", submit.submit_done, name="submit_done"),
    path("track/", track.track_lookup, name="track_lookup"),
    path("track/code/", track.track_code, name="track_code"),
    path("track/<str:reference>/", track.track_detail, name="track_detail"),
    path("track/<str:reference>/add/", track.track_add_information, name="track_add_information"),
    path("track/<str:reference>/rate/", track.track_rate, name="track_rate"),
    path("track/<str:reference>/second-look/", track.track_second_look, name="track_second_look"),
    path("track/<str:reference>/photos/<uuid:photo_id>/", track.track_photo, name="track_photo"),
    # Last: the token segment would otherwise swallow "add", "rate" and "second-look".
    path("track/<str:reference>/<str:token>/", track.track_by_link, name="track_case"),
]

"""Citizen pages: submit, confirmation, tracking."""

from django.urls import path

from civicdesk.cases.views import citizen

urlpatterns = [
    path("submit/", citizen.submit_start, name="submit_start"),
    path("track/", citizen.track_lookup, name="track_lookup"),
    path("track/<str:reference>/<str:token>/", citizen.track_by_link, name="track_case"),
]

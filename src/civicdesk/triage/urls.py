"""Triage pages, inside the staff namespace."""

from django.urls import path

from civicdesk.triage import views

urlpatterns = [
    path("triage/", views.queue, name="triage"),
    path("triage/<str:reference>/confirm/", views.confirm, name="triage_confirm"),
    path("triage/<str:reference>/correct/", views.correct, name="triage_correct"),
]

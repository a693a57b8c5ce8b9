"""Citizen pages (placeholder until the submission flow lands)."""

from django.http import HttpRequest, HttpResponse


def submit_start(request: HttpRequest) -> HttpResponse:
    return HttpResponse("submit")


def track_lookup(request: HttpRequest) -> HttpResponse:
    return HttpResponse("track")


def track_by_link(request: HttpRequest, reference: str, token: str) -> HttpResponse:
    return HttpResponse("case")

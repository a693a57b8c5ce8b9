"""Staff pages (placeholder)."""

from django.http import HttpRequest, HttpResponse


def inbox(request: HttpRequest) -> HttpResponse:
    return HttpResponse("inbox")


def case_page(request: HttpRequest, reference: str) -> HttpResponse:
    return HttpResponse("case")

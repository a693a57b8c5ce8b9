"""Open311 GeoReport v2 routes; every one ends in .xml or .json."""

from django.urls import re_path

from civicdesk.api.open311 import views

FMT = r"\.(?P<fmt>xml|json)$"

urlpatterns = [
    re_path(r"^discovery" + FMT, views.discovery, name="open311_discovery"),
    re_path(r"^services" + FMT, views.services, name="open311_services"),
    re_path(r"^services/(?P<code>[\w-]+)" + FMT, views.service_definition, name="open311_service"),
    re_path(r"^requests" + FMT, views.requests, name="open311_requests"),
    re_path(r"^requests/(?P<reference>[\w-]+)" + FMT, views.one_request, name="open311_request"),
    re_path(r"^tokens/(?P<token_id>[\w-]+)" + FMT, views.token, name="open311_token"),
]

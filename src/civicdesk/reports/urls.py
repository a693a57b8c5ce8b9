"""Report pages, mounted in the staff namespace (staff:kpi)."""

from django.urls import path

from civicdesk.reports import views

urlpatterns = [
    path("kpi/", views.kpi, name="kpi"),
    path("channels/", views.channels, name="channels"),
]

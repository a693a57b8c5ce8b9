"""The staff pages of centre quality, in the staff namespace (staff:centre_kpi, staff:centre_assessment)."""

from django.urls import path

from civicdesk.centre_quality import views_staff

urlpatterns = [
    path("centres/kpi/", views_staff.centre_kpi, name="centre_kpi"),
    path("centres/<str:centre>/assessment/", views_staff.centre_assessment, name="centre_assessment"),
]

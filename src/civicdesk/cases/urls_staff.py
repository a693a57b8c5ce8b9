"""Staff pages: inbox and case page."""

from django.urls import path

from civicdesk.cases.views import staff

urlpatterns = [
    path("", staff.inbox, name="inbox"),
    path("cases/<str:reference>/", staff.case_page, name="case"),
]

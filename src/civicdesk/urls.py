"""URL map: health probes and admin outside the language prefix; every page under /ar/ or /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from civicdesk.accounts.urls import urlpatterns as account_urls
from civicdesk.api.api import api
from civicdesk.appointments.urls_staff import urlpatterns as appointment_staff_urls
from civicdesk.cases.urls_staff import urlpatterns as case_staff_urls
from civicdesk.centre_quality.urls_staff import urlpatterns as quality_staff_urls
from civicdesk.queues.urls_staff import urlpatterns as queue_staff_urls
from civicdesk.reports.urls import urlpatterns as report_urls
from civicdesk.triage.urls import urlpatterns as triage_urls
from civicdesk.web import views as web

urlpatterns = [
    path("healthz", web.healthz, name="healthz"),
    path("readyz", web.readyz, name="readyz"),
    path("favicon.ico", web.favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("open311/v2/", include("civicdesk.api.open311.urls")),
]
urlpatterns += i18n_patterns(
    path("", web.home, name="home"),
    path("", include("civicdesk.cases.urls_citizen")),
    path("appointments/", include("civicdesk.appointments.urls")),
    path("queue/", include("civicdesk.queues.urls")),
    path("feedback/", include("civicdesk.centre_quality.urls")),
    path(
        "staff/",
        include(
            (
                account_urls
                + case_staff_urls
                + triage_urls
                + report_urls
                + appointment_staff_urls
                + queue_staff_urls
                + quality_staff_urls,
                "staff",
            ),
            namespace="staff",
        ),
    ),
    prefix_default_language=True,
)

"""The public queue pages, under /ar/queue/ and /en/queue/."""

from django.urls import path

from civicdesk.queues import views

urlpatterns = [
    path("t/<str:token>/", views.ticket_page, name="ticket_page"),
    path("<slug:centre>/", views.centre_waits, name="queue_centre"),
    path("<slug:centre>/kiosk/", views.kiosk, name="queue_kiosk"),
    path("<slug:centre>/display/", views.display, name="queue_display"),
    path("<slug:centre>/display/events", views.display_events, name="queue_events"),
]

"""The counter console, in the staff namespace (staff:counters, staff:counter_console)."""

from django.urls import path

from civicdesk.queues import views_console

urlpatterns = [
    path("counters/", views_console.counters, name="counters"),
    path("counters/<int:pk>/", views_console.console, name="counter_console"),
    path("counters/<int:pk>/<slug:action>/", views_console.counter_action, name="counter_action"),
]

"""The public booking pages, under /ar/appointments/ and /en/appointments/."""

from django.urls import path

from civicdesk.appointments import views

urlpatterns = [
    path("", views.book_start, name="book_start"),
    path("details/", views.book_details, name="book_details"),
    path("confirm/", views.book_confirm, name="book_confirm"),
    path("b/<str:code>/<str:token>/", views.booking_page, name="booking_page"),
    path("b/<str:code>/<str:token>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("b/<str:code>/<str:token>/move/", views.booking_move, name="booking_move"),
    path("b/<str:code>/<str:token>/booking.ics", views.booking_ics, name="booking_ics"),
    path("<slug:centre>/<slug:service>/", views.book_day, name="book_day"),
]

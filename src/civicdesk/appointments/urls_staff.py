"""The staff pages of appointments, in the staff namespace (staff:staff_book, staff:booking_calls...)."""

from django.urls import path

from civicdesk.appointments import views_staff

urlpatterns = [
    path("appointments/", views_staff.staff_index, name="staff_appointments"),
    path("appointments/book/", views_staff.staff_book, name="staff_book"),
    path("appointments/book/<str:code>/", views_staff.staff_booked, name="staff_booked"),
    path("appointments/calls/", views_staff.booking_calls, name="booking_calls"),
    path("appointments/calls/<str:code>/solved/", views_staff.booking_solved, name="booking_solved"),
]

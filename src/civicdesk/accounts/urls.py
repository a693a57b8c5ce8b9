"""Staff sign-in and sign-out."""

from django.urls import path

from civicdesk.accounts import views

urlpatterns = [
    path("login/", views.StaffLoginView.as_view(), name="login"),
    path("logout/", views.StaffLogoutView.as_view(), name="logout"),
]

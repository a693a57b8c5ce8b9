"""Staff sign-in and sign-out: Django's views with our template; the audit trail listens to the signals."""

from __future__ import annotations

from django.contrib.auth import views as auth_views


class StaffLoginView(auth_views.LoginView):
    """The staff sign-in page; a signed-in member of staff goes straight to the inbox."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class StaffLogoutView(auth_views.LogoutView):
    """Sign out. Django's view accepts only POST, so a link or an image cannot sign anyone out."""

    next_page = "staff:login"

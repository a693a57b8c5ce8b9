"""Staff pages: the inbox, the case page, its audited reveals and one POST URL per action.

Every URL that takes a reference reads the case through `get_case_for`, so out of scope is a 404.
"""

from django.urls import path

from civicdesk.cases.forms.staff import ACTION_FORMS
from civicdesk.cases.views import staff_actions, staff_case, staff_inbox, staff_intake
from civicdesk.intake import views as qr_views

urlpatterns = [
    path("", staff_inbox.inbox, name="inbox"),
    path("intake/", staff_intake.intake, name="intake"),
    path("intake/slip/", staff_intake.slip, name="intake_slip"),
    path("qr/", qr_views.qr_places, name="qr_places"),
    path("qr/<int:pk>/poster.pdf", qr_views.qr_poster, name="qr_poster"),
    path("cases/<str:reference>/", staff_case.case_page, name="case"),
    path("cases/<str:reference>/contact/", staff_case.reveal_contact, name="case_contact"),
    path("cases/<str:reference>/photos/<uuid:photo_id>/", staff_case.photo, name="case_photo"),
    # One URL per action, e.g. cases/<reference>/assign/ named staff:case_assign.
    *(
        path(
            f"cases/<str:reference>/{name.replace('_', '-')}/",
            staff_actions.act,
            {"action": name},
            name=f"case_{name}",
        )
        for name in ACTION_FORMS
    ),
]

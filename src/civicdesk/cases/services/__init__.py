"""Case services: the only code that writes cases. Import from here."""

from civicdesk.cases.services.citizen import (
    NotAllowedNow,
    add_citizen_information,
    can_ask_second_look,
    rate_answer,
    request_second_look,
)
from civicdesk.cases.services.intake import Submission, build_case, submit_case
from civicdesk.cases.services.staff import (
    add_internal_note,
    answer_case,
    assign_case,
    close_case,
    mark_duplicate,
    recategorise_case,
    reject_case,
    request_information,
    transfer_case,
)

__all__ = [
    "NotAllowedNow",
    "Submission",
    "add_citizen_information",
    "add_internal_note",
    "answer_case",
    "assign_case",
    "build_case",
    "can_ask_second_look",
    "close_case",
    "mark_duplicate",
    "rate_answer",
    "recategorise_case",
    "reject_case",
    "request_information",
    "request_second_look",
    "submit_case",
    "transfer_case",
]

from civicdesk.cases.models import Status


def test_submitted_case_is_routed_and_has_deadline(citizen_case):
    assert citizen_case.entity_id == "works"
    assert citizen_case.department.code == "street_lighting"
    # A clear message from the web form, where the citizen chose the same category: routed at once.
    assert citizen_case.status == Status.TRIAGED
    assert citizen_case.triage_state == "auto"
    assert citizen_case.suggestion["category"] == "street_lighting"
    assert citizen_case.due_at > citizen_case.created_at

from civicdesk.cases.models import Status


def test_submitted_case_is_routed_and_has_deadline(citizen_case):
    assert citizen_case.entity_id == "works"
    assert citizen_case.department.code == "street_lighting"
    assert citizen_case.status == Status.NEW
    assert citizen_case.due_at > citizen_case.created_at

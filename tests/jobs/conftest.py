"""Fixtures for the runner tests: the sample tasks, with their call log emptied around each test."""

from __future__ import annotations

import pytest

from tests.jobs import sample_tasks


@pytest.fixture(autouse=True)
def calls():  # type: ignore[no-untyped-def]
    sample_tasks.CALLS.clear()
    sample_tasks.FAILURES.clear()
    sample_tasks.NAP_STARTED.clear()
    yield sample_tasks.CALLS
    sample_tasks.CALLS.clear()
    sample_tasks.FAILURES.clear()

"""The Awb arithmetic: beslistermijn from receipt, suspended by an aanvulling; bezwaar six weeks."""

import datetime

import pytest

from subsidies.terms import bezwaar_deadline, decision_deadline

D = datetime.date


def test_eight_weeks_from_receipt_without_aanvulling():
    assert decision_deadline(received_on=D(2027, 1, 4), weeks=8, aanvullingen=[], today=D(2027, 1, 10)) == D(2027, 3, 1)


def test_answered_aanvulling_suspends_from_the_day_after_asking_until_the_answer():
    # Asked Monday 11 January, answered Monday 18 January: the 12th..17th do not count (6 days).
    deadline = decision_deadline(
        received_on=D(2027, 1, 4),
        weeks=8,
        aanvullingen=[(D(2027, 1, 11), D(2027, 1, 25), D(2027, 1, 18))],
        today=D(2027, 2, 1),
    )
    assert deadline == D(2027, 3, 1) + datetime.timedelta(days=6)


def test_open_aanvulling_holds_the_term_still():
    deadline = decision_deadline(
        received_on=D(2027, 1, 4), weeks=8, aanvullingen=[(D(2027, 1, 11), D(2027, 1, 25), None)], today=D(2027, 1, 20)
    )
    assert deadline is None


def test_unanswered_aanvulling_stops_suspending_when_its_own_deadline_passes():
    # Due 25 January, never answered: suspended 12..25 January (14 days), then the term runs again.
    deadline = decision_deadline(
        received_on=D(2027, 1, 4), weeks=8, aanvullingen=[(D(2027, 1, 11), D(2027, 1, 25), None)], today=D(2027, 2, 1)
    )
    assert deadline == D(2027, 3, 1) + datetime.timedelta(days=14)


def test_a_late_answer_counts_only_until_the_aanvulling_deadline():
    deadline = decision_deadline(
        received_on=D(2027, 1, 4),
        weeks=8,
        aanvullingen=[(D(2027, 1, 11), D(2027, 1, 25), D(2027, 2, 10))],
        today=D(2027, 2, 11),
    )
    assert deadline == D(2027, 3, 1) + datetime.timedelta(days=14)


def test_two_aanvullingen_add_up():
    deadline = decision_deadline(
        received_on=D(2027, 1, 4),
        weeks=8,
        aanvullingen=[(D(2027, 1, 11), D(2027, 1, 25), D(2027, 1, 13)), (D(2027, 2, 1), D(2027, 2, 15), D(2027, 2, 4))],
        today=D(2027, 2, 5),
    )
    assert deadline == D(2027, 3, 1) + datetime.timedelta(days=1 + 2)


@pytest.mark.parametrize(
    ("sent", "last_day"),
    [(D(2027, 3, 1), D(2027, 4, 12)), (D(2027, 12, 24), D(2028, 2, 4))],
)
def test_bezwaar_six_weeks_from_the_day_after_sending(sent, last_day):
    assert bezwaar_deadline(sent) == last_day

"""Schedule rows as people run them (activities.schedule), against dates written out by hand."""

import datetime

import pytest

from activities import schedule
from activities.models import SchoolHoliday
from activities.schedule import DATES, MONTHLY, WEEKLY, Rule

D = datetime.date
T = datetime.time
UTC = datetime.UTC
# Regio Noord's herfst- and kerstvakantie 2026, as the data migration has them.
HOLIDAYS = ((D(2026, 10, 17), D(2026, 10, 25)), (D(2026, 12, 19), D(2027, 1, 3)))


def weekly(day, start="10:00", end="12:00", **kwargs):
    return Rule(WEEKLY, day, T.fromisoformat(start), T.fromisoformat(end), **kwargs)


def monthly(day, week, start="10:00", end="12:00", **kwargs):
    return Rule(MONTHLY, day, T.fromisoformat(start), T.fromisoformat(end), week_of_month=week, **kwargs)


def on_dates(*dates, start="10:00", end="12:00", **kwargs):
    return Rule(DATES, None, T.fromisoformat(start), T.fromisoformat(end), dates=tuple(dates), **kwargs)


def test_the_first_tuesday_of_the_month():
    rule = monthly(1, 1)

    assert schedule.dates_between(rule, D(2026, 11, 1), D(2027, 4, 30)) == (
        D(2026, 11, 3),
        D(2026, 12, 1),
        D(2027, 1, 5),
        D(2027, 2, 2),
        D(2027, 3, 2),
        D(2027, 4, 6),
    )


def test_the_last_friday_of_the_month():
    rule = monthly(4, -1, "19:00", "21:00")

    assert schedule.dates_between(rule, D(2026, 1, 1), D(2026, 6, 30)) == (
        D(2026, 1, 30),
        D(2026, 2, 27),
        D(2026, 3, 27),
        D(2026, 4, 24),
        D(2026, 5, 29),
        D(2026, 6, 26),
    )


def test_every_other_week_keeps_its_own_weeks_whatever_the_window():
    rule = weekly(2, "14:00", "16:00", interval=2, starts_on=D(2026, 12, 2))

    assert schedule.dates_between(rule, D(2026, 11, 1), D(2027, 1, 31)) == (
        D(2026, 12, 2),
        D(2026, 12, 16),
        D(2026, 12, 30),
        D(2027, 1, 13),
        D(2027, 1, 27),
    )
    # Asked from a week it is not on, it does not start then.
    assert schedule.dates_between(rule, D(2027, 1, 4), D(2027, 1, 17)) == (D(2027, 1, 13),)


def test_from_and_until_are_both_included():
    rule = weekly(3, starts_on=D(2026, 12, 3), ends_on=D(2026, 12, 17))

    assert schedule.dates_between(rule, D(2026, 11, 1), D(2027, 1, 31)) == (
        D(2026, 12, 3),
        D(2026, 12, 10),
        D(2026, 12, 17),
    )


def test_single_dates():
    rule = on_dates(D(2026, 12, 3), D(2026, 12, 10), D(2026, 12, 17))

    assert schedule.dates_between(rule, D(2026, 12, 4), D(2026, 12, 31)) == (D(2026, 12, 10), D(2026, 12, 17))
    assert schedule.dates_between(rule, D(2027, 1, 1), D(2027, 12, 31)) == ()


@pytest.mark.parametrize(
    ("day", "first", "last", "expected_utc_hours"),
    [
        # Last Sunday of March 2026 (29th): 10:00 is 09:00 UTC before, 08:00 UTC after.
        (6, D(2026, 3, 22), D(2026, 4, 5), [9, 8, 8]),
        # Last Sunday of October 2026 (25th): back to winter time.
        (6, D(2026, 10, 18), D(2026, 11, 1), [8, 9, 9]),
        # And in 2027: 28 March and 31 October.
        (6, D(2027, 3, 21), D(2027, 4, 4), [9, 8, 8]),
        (6, D(2027, 10, 24), D(2027, 11, 7), [8, 9, 9]),
    ],
)
def test_the_wall_clock_stays_across_the_change_to_and_from_summer_time(day, first, last, expected_utc_hours):
    found = schedule.occurrences([weekly(day)], first, last)

    assert [start.strftime("%H:%M") for start, _end in found] == ["10:00"] * 3
    assert [end.strftime("%H:%M") for _start, end in found] == ["12:00"] * 3
    assert [start.astimezone(UTC).hour for start, _end in found] == expected_utc_hours
    assert all(str(start.tzinfo) == "Europe/Amsterdam" for start, _end in found)


def test_the_last_sunday_of_march_is_the_night_the_clocks_move():
    """A monthly activity on exactly that Sunday runs at its own time, in summer time."""
    (start, end), *_ = schedule.occurrences([monthly(6, -1, "14:00", "16:00")], D(2026, 3, 1), D(2026, 3, 31))

    assert start == datetime.datetime(2026, 3, 29, 12, 0, tzinfo=UTC)
    assert end == datetime.datetime(2026, 3, 29, 14, 0, tzinfo=UTC)


def test_a_row_paused_in_the_school_holidays_skips_them():
    paused = weekly(1, school_holidays=False)
    always = weekly(1)

    autumn = (D(2026, 10, 10), D(2026, 10, 31))
    assert schedule.dates_between(paused, *autumn, HOLIDAYS) == (D(2026, 10, 13), D(2026, 10, 27))
    assert schedule.dates_between(always, *autumn, HOLIDAYS) == (D(2026, 10, 13), D(2026, 10, 20), D(2026, 10, 27))
    christmas = (D(2026, 12, 14), D(2027, 1, 12))
    assert schedule.dates_between(paused, *christmas, HOLIDAYS) == (D(2026, 12, 15), D(2027, 1, 5), D(2027, 1, 12))


def test_the_next_time_skips_a_holiday_and_ends_with_the_rule():
    rule = monthly(1, 1, school_holidays=False)  # 1 December, then 5 January

    start, _end = schedule.next_occurrence([rule], D(2026, 12, 2), HOLIDAYS)
    assert start.date() == D(2027, 1, 5)
    assert schedule.next_occurrence([weekly(1, ends_on=D(2026, 11, 24))], D(2026, 11, 27)) is None
    # Of several rows, the soonest.
    rules = [weekly(4, "19:00", "21:00"), on_dates(D(2026, 11, 28), start="13:00", end="15:00")]
    assert schedule.next_occurrence(rules, D(2026, 11, 27))[0] == datetime.datetime(
        2026, 11, 27, 19, 0, tzinfo=schedule.AMSTERDAM
    )


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (monthly(1, 1), "Elke eerste dinsdag van de maand, 10:00–12:00"),
        (monthly(4, -1, "19:00", "21:00"), "Elke laatste vrijdag van de maand, 19:00–21:00"),
        (weekly(2, interval=2, starts_on=D(2026, 12, 2)), "Om de week op woensdag, 10:00–12:00, vanaf 2 december 2026"),
        (weekly(0, school_holidays=False), "Elke maandag, 10:00–12:00, niet in de schoolvakanties"),
        (on_dates(D(2026, 12, 3), D(2026, 12, 10), D(2026, 12, 17)), "Op 3, 10 en 17 december, 10:00–12:00"),
        (on_dates(D(2026, 12, 30), D(2027, 1, 6)), "Op 30 december en 6 januari 2027, 10:00–12:00"),
        (
            weekly(3, starts_on=D(2027, 1, 7), ends_on=D(2027, 6, 24)),
            "Elke donderdag, 10:00–12:00, van 7 januari 2027 tot en met 24 juni 2027",
        ),
    ],
)
def test_in_plain_dutch(rule, text):
    assert schedule.describe(rule, today=D(2026, 11, 27)) == text


def test_the_next_time_in_plain_dutch():
    assert schedule.describe_next([monthly(1, 1)], D(2026, 11, 27)) == "Volgende keer: dinsdag 1 december"
    assert schedule.describe_next([monthly(1, 1)], D(2026, 12, 2)) == "Volgende keer: dinsdag 5 januari 2027"
    assert schedule.describe_next([weekly(1, ends_on=D(2026, 1, 1))], D(2026, 11, 27)) == ""
    # Today and tomorrow are said as such, before the date.
    assert schedule.describe_next([weekly(4)], D(2026, 11, 27)) == "Volgende keer: vandaag, vrijdag 27 november"
    assert schedule.describe_next([weekly(5)], D(2026, 11, 27)) == "Volgende keer: morgen, zaterdag 28 november"
    assert schedule.describe_next([weekly(4)], D(2026, 12, 31)) == "Volgende keer: morgen, vrijdag 1 januari 2027"


@pytest.mark.parametrize(
    ("rule", "today", "expected"),
    [
        # Friday 27 November 2026: "deze week" is today to Sunday the 29th.
        (weekly(4, "19:00", "21:00"), D(2026, 11, 27), {"vandaag", "week", "avond"}),
        (weekly(5, "09:30", "11:00"), D(2026, 11, 27), {"week", "weekend", "ochtend"}),
        (weekly(1, "14:00", "15:00"), D(2026, 11, 27), {"middag"}),
        # Every other Wednesday from 2 December: not this week (the 25th was not one), the next is.
        (weekly(2, interval=2, starts_on=D(2026, 12, 2)), D(2026, 11, 23), {"ochtend"}),
        (weekly(2, interval=2, starts_on=D(2026, 12, 2)), D(2026, 11, 30), {"week", "ochtend"}),
        # Paused in the kerstvakantie: not today, and not this week, on Tuesday 22 December.
        (weekly(1, school_holidays=False), D(2026, 12, 22), {"ochtend"}),
        (weekly(1), D(2026, 12, 22), {"vandaag", "week", "ochtend"}),
        # Over: no part of the day either.
        (weekly(1, ends_on=D(2026, 11, 24)), D(2026, 11, 27), set()),
        (on_dates(D(2026, 11, 29), start="18:00", end="20:00"), D(2026, 11, 27), {"week", "weekend", "avond"}),
    ],
)
def test_when_options_follow_the_real_dates(rule, today, expected):
    assert {value for _filter, value in schedule.when_options(rule, today, HOLIDAYS)} == expected


@pytest.mark.django_db
def test_the_school_holidays_of_regio_noord_are_rows():
    holidays = schedule.school_holidays()

    assert (D(2026, 10, 17), D(2026, 10, 25)) in holidays
    assert (D(2026, 12, 19), D(2027, 1, 3)) in holidays
    names = set(SchoolHoliday.objects.values_list("name", flat=True))
    for kind in ["Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie", "Meivakantie", "Zomervakantie"]:
        assert sum(name.startswith(kind) for name in names) == 2


@pytest.mark.parametrize(
    ("frequency", "dates"), [("dates", []), ("dates", ["3-12-2026"]), ("dates", "2026-12-03"), ("weekly", [1])]
)
def test_the_admin_refuses_dates_the_rules_cannot_read(frequency, dates):
    from django.core.exceptions import ValidationError

    from activities.models import ScheduleSlot

    slot = ScheduleSlot(frequency=frequency, day=1, dates=dates, start=T(10), end=T(12))
    with pytest.raises(ValidationError) as error:
        slot.clean()
    assert "dates" in error.value.message_dict
    ScheduleSlot(frequency="dates", dates=["2026-12-03"], start=T(10), end=T(12)).clean()

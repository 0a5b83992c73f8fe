"""When an activity happens: the one place that answers "when is the next time" and "which dates in
[from, to]", for the detail page, the result card, the .ics, the JSON-LD and the "when" filters.

A schedule row is a rule python-dateutil evaluates: weekly (every `interval` weeks), monthly on
the nth weekday (`week_of_month`, -1 for the last), or a list of dates; each optionally from and
until a date, and optionally paused in Amsterdam's school holidays (activities.SchoolHoliday rows).
Rules run on the wall clock (naive times) and the result is then placed in Europe/Amsterdam, so a
10:00 activity stays at 10:00 across the change to and from summer time.
"""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEKLY, MONTHLY, DATES = "weekly", "monthly", "dates"
WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
# The days as the filters, the exchange format and the search write them, Monday first.
DAY_SLUGS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
# A rule every other week counts its weeks from its first date; without one (the form and the import
# ask for it) from this Monday, so the answer is at least always the same.
EPOCH = datetime.date(2024, 1, 1)
# How far ahead "the next time" and "does it still happen" look.
HORIZON = datetime.timedelta(days=400)


@dataclass(frozen=True)
class Rule:
    """One schedule row, as plain values (hashable, so its dates are computed once per window)."""

    frequency: str
    day: int | None  # 0 is Monday; None for a list of dates
    start: datetime.time
    end: datetime.time
    interval: int = 1
    week_of_month: int | None = None
    dates: tuple[datetime.date, ...] = ()
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    school_holidays: bool = True  # False: not in the school holidays

    FIELDS = (
        "frequency",
        "day",
        "start",
        "end",
        "interval",
        "week_of_month",
        "dates",
        "starts_on",
        "ends_on",
        "school_holidays",
    )

    @classmethod
    def of(cls, slot):
        return cls.from_values(*(getattr(slot, field) for field in cls.FIELDS))

    @classmethod
    def from_values(cls, frequency, day, start, end, interval, week_of_month, dates, *rest):
        """From a row of ScheduleSlot.objects.values_list(*Rule.FIELDS); dates as ISO strings (or their JSON)."""
        if isinstance(dates, str):
            dates = json.loads(dates)
        dates = tuple(sorted(datetime.date.fromisoformat(value) for value in dates or ()))
        return cls(frequency, day, start, end, interval, week_of_month, dates, *rest)

    @property
    def part_of_day(self):
        if self.start.hour < 12:
            return "ochtend"
        return "middag" if self.start.hour < 18 else "avond"

    def recurrence(self, dtstart, until=None):
        """The dateutil rule (without the holiday pause) from `dtstart`, a naive datetime."""
        weekday = WEEKDAYS[self.day]
        if self.frequency == MONTHLY:
            return rrule.rrule(rrule.MONTHLY, byweekday=weekday(self.week_of_month), dtstart=dtstart, until=until)
        return rrule.rrule(rrule.WEEKLY, interval=self.interval, byweekday=weekday, dtstart=dtstart, until=until)

    def first_date(self, first):
        """Where its rule starts when asked from `first`: a rule every other week keeps its own weeks."""
        if self.interval > 1:
            return self.starts_on or EPOCH
        return max(first, self.starts_on) if self.starts_on else first


@lru_cache(maxsize=20_000)
def _dates(rule, first, last):
    if rule.frequency == DATES:
        return tuple(date for date in rule.dates if first <= date <= last)
    last = min(last, rule.ends_on) if rule.ends_on else last
    first_date = rule.first_date(first)
    if last < first or last < first_date:
        return ()
    recurrence = rule.recurrence(datetime.datetime.combine(first_date, datetime.time()))
    window = (datetime.datetime.combine(first, datetime.time()), datetime.datetime.combine(last, datetime.time()))
    return tuple(moment.date() for moment in recurrence.between(*window, inc=True))


def in_holiday(date, holidays):
    return any(holiday_first <= date <= holiday_last for holiday_first, holiday_last in holidays)


def dates_between(rule, first, last, holidays=()):
    """The dates from `first` to `last` (both included) on which the row happens.

    `holidays`: (first day, last day) of each school holiday; see school_holidays().
    """
    dates = _dates(rule, first, last)
    if not rule.school_holidays:
        dates = tuple(date for date in dates if not in_holiday(date, holidays))
    return dates


def occurrences(rules, first, last, holidays=()):
    """Every (start, end) in Amsterdam time of these rows from `first` to `last`, in order."""
    found = []
    for rule in rules:
        for date in dates_between(rule, first, last, holidays):
            found.append(
                (
                    datetime.datetime.combine(date, rule.start, tzinfo=AMSTERDAM),
                    datetime.datetime.combine(date, rule.end, tzinfo=AMSTERDAM),
                )
            )
    return sorted(found)


def next_occurrence(rules, today, holidays=()):
    """The first (start, end) on or after `today`, or None when none is planned (within about a year)."""
    found = occurrences(rules, today, today + HORIZON, holidays)
    return found[0] if found else None


def when_options(rule, today, holidays=()):
    """The "when" filter options this row meets on `today`: [(filter, value), ...].

    wanneer: vandaag; week (from today to Sunday); weekend (this week's Saturday and Sunday still to come).
    dagdeel: the part of the day it starts in, when it still happens.
    """
    sunday = today + datetime.timedelta(days=6 - today.weekday())
    dates = dates_between(rule, today, sunday, holidays)
    options = []
    if today in dates:
        options.append(("wanneer", "vandaag"))
    if dates:
        options.append(("wanneer", "week"))
    if any(date.weekday() >= 5 for date in dates):
        options.append(("wanneer", "weekend"))
    # A repeating row without an end always comes again (no holiday lasts a year).
    endless = rule.frequency != DATES and rule.ends_on is None
    if dates or endless or dates_between(rule, today, today + HORIZON, holidays):
        options.append(("dagdeel", rule.part_of_day))
    return options


# The filters about a schedule row. Ticked together, one row must meet them all: "vandaag" and "avond"
# is this evening, not this morning with an evening on another day.
ROW_FILTERS = ("wanneer", "dag", "dagdeel")


def row_options(rule, today, holidays=()):
    """when_options and the row's weekday ("dag"; a row of single dates has none), as a frozenset."""
    options = when_options(rule, today, holidays)
    if rule.day is not None:
        options.append(("dag", DAY_SLUGS[rule.day]))
    return frozenset(options)


def meets(options, ticked):
    """Whether a row with these options meets every ticked row filter ({filter: values}, any value)."""
    return all(any((name, value) in options for value in values) for name, values in ticked.items())


def school_holidays():
    """The school holidays as (first day, last day) pairs, for the functions above."""
    from activities.models import SchoolHoliday

    return tuple(SchoolHoliday.objects.values_list("first_day", "last_day"))


# In plain Dutch ------------------------------------------------------------------------------------

ORDINALS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}


def day_name(day):
    return date_format(EPOCH + datetime.timedelta(days=day), "l")


def _date_list(dates, this_year):
    """ "3, 10 en 17 december", "30 november en 7 december 2027": a year only when it is not this one's."""
    parts = []
    for number, date in enumerate(dates):
        following = dates[number + 1] if number + 1 < len(dates) else None
        if following is not None and (following.month, following.year) == (date.month, date.year):
            parts.append(str(date.day))
        elif following is not None and following.year == date.year:
            parts.append(date_format(date, "j F"))
        else:
            parts.append(date_format(date, "j F" if date.year == this_year else "j F Y"))
    return str(get_text_list(parts, _("en")))


def describe(rule, today=None):
    """ "Elke eerste dinsdag van de maand, 10:00–12:00", "Om de week op woensdag, …", "Op 3, 10 en 17 december, …"."""
    today = today or timezone.localdate()
    if rule.frequency == DATES:
        when = _("Op %(dates)s") % {"dates": _date_list(rule.dates, today.year)}
    elif rule.frequency == MONTHLY:
        when = _("Elke %(nth)s %(day)s van de maand") % {
            "nth": pgettext("elke … van de maand", ORDINALS[rule.week_of_month]),
            "day": day_name(rule.day),
        }
    elif rule.interval == 2:
        when = _("Om de week op %(day)s") % {"day": day_name(rule.day)}
    elif rule.interval > 2:
        when = _("Om de %(n)d weken op %(day)s") % {"n": rule.interval, "day": day_name(rule.day)}
    else:
        when = _("Elke %(day)s") % {"day": day_name(rule.day)}
    text = f"{when}, {rule.start:%H:%M}–{rule.end:%H:%M}"
    if rule.frequency != DATES:
        if rule.starts_on and rule.ends_on:
            text += ", " + _("van %(first)s tot en met %(last)s") % {
                "first": date_format(rule.starts_on, "j F Y"),
                "last": date_format(rule.ends_on, "j F Y"),
            }
        elif rule.starts_on:
            text += ", " + _("vanaf %(first)s") % {"first": date_format(rule.starts_on, "j F Y")}
        elif rule.ends_on:
            text += ", " + _("tot en met %(last)s") % {"last": date_format(rule.ends_on, "j F Y")}
    if not rule.school_holidays:
        text += ", " + _("niet in de schoolvakanties")
    return text


def describe_next(rules, today, holidays=()):
    """ "Volgende keer: dinsdag 1 december", "Volgende keer: morgen, dinsdag 1 december", or "" when
    nothing is planned. The result cards and pages that show it are kept for one day only."""
    found = next_occurrence(rules, today, holidays)
    if found is None:
        return ""
    start = found[0].date()
    shown = date_format(start, "l j F" if start.year == today.year else "l j F Y")
    if start == today:
        shown = _("vandaag, %(date)s") % {"date": shown}
    elif start == today + datetime.timedelta(days=1):
        shown = _("morgen, %(date)s") % {"date": shown}
    return _("Volgende keer: %(date)s") % {"date": shown}

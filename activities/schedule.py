import datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def next_occurrence(slot, today):
    """The first date on or after `today` that falls on the slot's weekday, with its times."""
    date = today + datetime.timedelta(days=(slot.day - today.weekday()) % 7)
    start = datetime.datetime.combine(date, slot.start, tzinfo=AMSTERDAM)
    end = datetime.datetime.combine(date, slot.end, tzinfo=AMSTERDAM)
    return start, end

"""Dates as the council counts them: Vietnam's calendar day, and deadlines in working days.

Vietnam keeps UTC+7 all year. A deadline of N working days skips Saturdays and Sundays;
public holidays are not known here (the secretariat adjusts a deadline that falls on one).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def today_vn() -> date:
    """Today's date in Vietnam (the server may keep another time zone)."""
    return datetime.now(VN_TZ).date()


def working_days_after(start: date, days: int) -> date:
    """The day ``days`` working days after ``start`` (weekends skipped; ``start`` itself
    does not count)."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    return day

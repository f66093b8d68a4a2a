"""Calendar-month arithmetic that Django and the standard library leave out."""

import calendar


def months_before(moment, months):
    """`moment` (a date or datetime) less whole calendar months: 31 March less one month is 28 or 29 February."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))

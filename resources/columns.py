"""How the cells of an import file are read and written: text, yes/no, dates, choices, hours, lists.

Each widget raises ValueError with a message for the person who fixes the file.
"""

import datetime
import re
import uuid

from import_export import widgets

from resources.models import OpeningHours

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAY = r"[a-z]{2,}\.?"
HOURS_ENTRY = re.compile(
    rf"^(?P<days>{DAY}(?:\s*[-–,]\s*{DAY})*)\s+(?P<opens>\d{{1,2}}:\d{{2}})\s*[-–]\s*(?P<closes>\d{{1,2}}:\d{{2}})"
    r"(?:\s*\((?P<note>[^()]*)\))?$",
    re.IGNORECASE,
)
HOURS_EXAMPLE = "Mon 09:00-17:00; Tue 09:00-12:00"


def _weekday(name):
    """0 for "Mon", "Monday" or "Mo": the first two letters tell English weekdays apart."""
    prefixes = [day[:2].lower() for day in DAYS]
    return prefixes.index(name[:2].lower()) if name[:2].lower() in prefixes else None


def _weekdays(days):
    """[0, 1, 2, 3, 4] from "Mon-Fri"; [1, 3] from "Tue, Thu"; None if a day is not a day."""
    weekdays = []
    for item in days.split(","):
        first, _, last = item.replace("–", "-").partition("-")
        start, end = _weekday(first.strip()), _weekday((last or first).strip())
        if start is None or end is None or end < start:
            return None
        weekdays += range(start, end + 1)
    return weekdays


def parse_hours(text):
    """OpeningHours rows (unsaved) from text like "Mon-Fri 09:00-17:00; Sat 10:00-12:00 (walk-ins only)"."""
    hours = []
    for entry in filter(None, (part.strip() for part in (text or "").split(";"))):
        match = HOURS_ENTRY.match(entry)
        weekdays = match and _weekdays(match["days"])
        if not weekdays:
            raise ValueError(f'Write hours like "{HOURS_EXAMPLE}"; could not read "{entry}".')
        try:
            opens, closes = (datetime.time.fromisoformat(match[name].zfill(5)) for name in ("opens", "closes"))
        except ValueError:
            raise ValueError(f'"{entry}" is not a time of day: use 24-hour times from 00:00 to 23:59.') from None
        if closes <= opens:
            raise ValueError(f'"{entry}" closes before it opens.')
        note = (match["note"] or "").strip()
        hours += [OpeningHours(weekday=day, opens=opens, closes=closes, note=note) for day in weekdays]
    return hours


def format_hours(hours):
    entries = []
    for opening in sorted(hours, key=lambda opening: (opening.weekday, opening.opens)):
        entry = f"{DAYS[opening.weekday]} {opening.opens:%H:%M}-{opening.closes:%H:%M}"
        entries.append(f"{entry} ({opening.note})" if opening.note else entry)
    return "; ".join(entries)


def split_list(value):
    """The items of "en, es" (or of a JSON list)."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [str(item).strip() for item in items if str(item).strip()]


class TextWidget(widgets.CharWidget):
    """Text without the spaces spreadsheets leave around it; numbers (a ZIP typed as 21044) become text."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super().clean(value, row, **kwargs).strip()


class YesNoWidget(widgets.Widget):
    TRUE, FALSE = {"yes", "y", "true", "1", "x"}, {"no", "n", "false", "0", ""}

    def __init__(self, default):
        super().__init__()
        self.default = default

    def clean(self, value, row=None, **kwargs):
        if value is None or value == "":
            return self.default
        text = str(value).strip().lower()
        if text not in self.TRUE | self.FALSE:
            raise ValueError(f'Write yes or no, not "{value}".')
        return text in self.TRUE

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class ChoiceWidget(widgets.Widget):
    """One of a TextChoices, written as its value (temporarily_closed) or its label (Temporarily closed)."""

    def __init__(self, choices, default):
        super().__init__()
        self.choices, self.default = choices, default

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().casefold()
        if not text:
            return self.default
        for choice in self.choices:
            if text in (choice.value, str(choice.label).casefold()):
                return choice.value
        raise ValueError(f'Write one of {", ".join(self.choices.values)}, not "{value}".')


class DayWidget(widgets.DateWidget):
    """A date written 2026-03-31, or a spreadsheet's date cell."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        try:
            return super().clean(str(value).strip() if isinstance(value, str) else value, row, **kwargs)
        except ValueError:
            raise ValueError(f'Write the date as YYYY-MM-DD, not "{value}".') from None


class HsdsIdWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return uuid.UUID(str(value).strip())
        except ValueError:
            raise ValueError(f'"{value}" is not an hsds_id (a UUID such as {uuid.UUID(int=0)}).') from None

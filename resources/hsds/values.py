"""HSDS field values as the directory keeps them: opening hours, local times, dates and rich text."""

import datetime
import html
import re

from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from wagtail.rich_text import RichText

from resources.hsds.tables import WEEKDAYS
from resources.models import OpeningHours

TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
LINE_BREAK = re.compile(r"<br\s*/?>|</li>", re.IGNORECASE)
BLOCK_END = re.compile(r"</(p|h[1-6]|ul|ol|blockquote)>", re.IGNORECASE)
SUMMARY_LENGTH = 300  # ResourcePage.summary


def weekly_hours(schedule):
    """Unsaved opening hours, one per day of a weekly schedule; ValueError says why a schedule cannot be."""
    if schedule.get("freq", "WEEKLY") != "WEEKLY":
        raise ValueError("only weekly schedules become opening hours")
    days = [day.strip().upper() for day in str(schedule.get("byday", "")).split(",") if day.strip()]
    if not days or any(day not in WEEKDAYS for day in days):
        raise ValueError(f"byday {schedule.get('byday', '')!r} is not a list of days (MO,TU...)")
    opens, closes = local_time(schedule.get("opens_at")), local_time(schedule.get("closes_at"))
    if opens is None or closes is None:
        raise ValueError("it needs opens_at and closes_at as HH:MM")
    if closes <= opens:
        raise ValueError("it closes before it opens")
    note = str(schedule.get("description") or schedule.get("notes") or "").strip()
    return [
        OpeningHours(weekday=WEEKDAYS.index(day), opens=opens, closes=closes, note=Truncator(note).chars(100))
        for day in days
    ]


def local_time(value):
    """A local time from HH:MM[:SS], converting a UTC offset (Z, -05:00) to local time as of today; else None."""
    match = TIME.match(str(value or "").strip())
    if not match:
        return None
    hour, minute, second, offset = match.groups()
    try:
        moment = datetime.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    if not offset:
        return moment
    if offset.upper() == "Z":
        zone = datetime.UTC
    else:
        sign = -1 if offset[0] == "-" else 1
        hours, minutes = int(offset[1:3]), int(offset[-2:])
        zone = datetime.timezone(sign * datetime.timedelta(hours=hours, minutes=minutes))
    aware = datetime.datetime.combine(timezone.localdate(), moment, tzinfo=zone)
    return timezone.localtime(aware).time().replace(tzinfo=None)


def iso_date(value):
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def summary_and_body(description):
    """A description's first paragraph as the summary, and the rest as body blocks (all of it if that is too long)."""
    parts = paragraphs(description)
    if not parts:
        return "", []
    summary, body = parts[0], parts[1:]
    if len(summary) > SUMMARY_LENGTH:
        summary, body = Truncator(summary).chars(SUMMARY_LENGTH), parts
    return summary, paragraph_blocks(body)


def paragraphs(text):
    """Plain text's paragraphs (a blank line between two), each line stripped: what counts when text is compared."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    parts = ("\n".join(line.strip() for line in part.strip().splitlines()) for part in PARAGRAPH_BREAK.split(text))
    return [part for part in parts if part]


def paragraph_blocks(parts):
    """Body StreamField paragraph blocks, one per paragraph of plain text, its line breaks kept."""
    return [("paragraph", RichText("<p>" + escape(text).replace("\n", "<br/>") + "</p>")) for text in parts]


def plain_text(source):
    """Rich text as plain text: a blank line between its paragraphs, a line break for each <br> and list item."""
    text = BLOCK_END.sub("\n\n", LINE_BREAK.sub("\n", source))
    return "\n\n".join(paragraphs(html.unescape(strip_tags(text))))

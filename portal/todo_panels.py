"""The admin dashboard as a to-do list: each app adds panels of what waits for staff (construct_homepage_panels).

A panel is a count, the oldest few items and a link to the filtered list; the app that owns the
data builds it, so this module imports no app.
"""

from dataclasses import dataclass

from wagtail.admin.ui.components import Component

# Items a panel lists beside its count: the oldest first.
OLDEST_SHOWN = 5


@dataclass(frozen=True)
class TodoItem:
    label: str
    url: str
    detail: str = ""


class TodoPanel(Component):
    """A heading with a count, up to OLDEST_SHOWN items and a link to all of them; says so when nothing waits."""

    template_name = "portal/admin/todo_panel.html"

    def __init__(self, *, name, heading, count, items, list_url, order, note=""):
        self.name = name
        self.heading = heading
        self.count = count
        self.items = items
        self.list_url = list_url
        self.order = order
        self.note = note

    def get_context_data(self, parent_context=None):
        return {"panel": self}


def panel_from(queryset, *, item, **attributes):
    """A TodoPanel over `queryset` (already in oldest-first order): two queries, a count and the first few rows."""
    rows = list(queryset[:OLDEST_SHOWN])
    return TodoPanel(count=queryset.count(), items=[item(row) for row in rows], **attributes)

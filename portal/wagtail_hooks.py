from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import Alert


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = "Notices"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["message", "level", "starts_at", "ends_at"]
    list_filter = ["level"]


register_snippet(AlertViewSet)

"""Every URL pattern the resolver knows, as the permission matrix walks them."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

OUR_APPS = ("portal", "resources", "aid_requests", "holiday_drive", "referrals", "texts")
CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Pattern:
    key: str  # the name with its namespace, or the route for an unnamed pattern
    route: str
    module: str
    model: str  # the model a generic view was built for, as "app_label.model_name", else ""

    @property
    def model_app(self):
        return self.model.split(".")[0]

    @property
    def is_wagtails_own_admin(self):
        """A view Wagtail ships (pages, images, users...), not one built by or for our apps."""
        return (
            self.route.startswith("admin/")
            and not self.module.startswith(OUR_APPS)
            and self.model_app not in OUR_APPS
            and not any(f"_{app}_" in self.key for app in OUR_APPS)
        )

    def path(self, value=None):
        """The path with every parameter filled by `value` (one object's id or slug), else a placeholder."""

        def fill(match):
            if value is not None:
                return str(value)
            return "1"  # every converter (int, str, slug, path) accepts it

        route = CONVERTER.sub(fill, self.route)
        route = re.sub(r"\((?:[^()]|\([^()]*\))*\)", "1", route).replace("^", "").replace("$", "")  # regex routes
        return "/" + route.replace("\\", "")


def _label(model):
    if model is None:
        return ""
    return model.lower() if isinstance(model, str) else model._meta.label_lower


def walk(patterns=None, prefix="", namespace=""):
    """Yield a Pattern for each URL pattern, depth first, in the resolver's order."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            model = getattr(callback, "view_initkwargs", {}).get("model")
            yield Pattern(
                key=":".join(filter(None, [namespace, entry.name])) if entry.name else prefix + str(entry.pattern),
                route=prefix + str(entry.pattern),
                module=getattr(callback, "__module__", ""),
                model=_label(model),
            )

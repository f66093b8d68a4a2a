"""Wagtail model viewsets whose records open on a page of their own ("detail") instead of Wagtail's edit form."""

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet


class DetailViewSet(ModelViewSet):
    """A ModelViewSet with a "detail" view and no "edit" view (records change only through their page's actions).

    Wagtail links to a record from elsewhere in the admin by its edit URL: the usage page of a kind of help lists
    the requests of that kind, a pickup slot's lists its registrations. Without an edit view that link was a
    NoReverseMatch and the usage page a 500; it goes to the record's page instead.
    """

    @property
    def url_finder_class(self):
        return type("DetailURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("detail")})

"""The account chooser of an agency's membership form: staff and partner accounts only, searchable by email
or name, shown only to people who keep memberships. Families' accounts are never offered."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenMultipleView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from portal import bounded
from portal.roles import staff_and_partner_accounts
from portal.search_terms import search_words

PERMISSION = "resources.change_agencymembership"


class AccountSearchForm(BaseFilterForm):
    q = forms.CharField(label=_("Search term"), required=False, max_length=254)

    def filter(self, objects):
        for word in search_words(self.cleaned_data.get("q") or "").split():
            objects = objects.filter(
                Q(email__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
            )
            self.is_searching = True
        return objects


class AccountListMixin:
    filter_form_class = AccountSearchForm
    ordering = ["email"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        accounts = get_user_model().objects.filter(is_active=True)
        return accounts.filter(pk__in=accounts.filter(staff_and_partner_accounts()).values("pk"))

    @property
    def columns(self):
        return [self.title_column, Column("name", label=_("Name"), accessor="get_full_name")]


class AccountChooseView(AccountListMixin, ChooseView):
    pass


class AccountChooseResultsView(AccountListMixin, ChooseResultsView):
    pass


class AccountChosenView(AccountListMixin, ChosenView):
    def get_object(self, pk):
        """A family's id answers 404, never its email."""
        return bounded.get_object_or_404(self.get_object_list(), pk)


class AccountChosenMultipleView(AccountListMixin, ChosenMultipleView):
    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=bounded.ids(pks))


class AccountChooserViewSet(ChooserViewSet):
    model = get_user_model()
    icon = "user"
    choose_one_text = _("Choose a staff or partner account")
    choose_another_text = _("Choose another account")
    choose_view_class = AccountChooseView
    choose_results_view_class = AccountChooseResultsView
    chosen_view_class = AccountChosenView
    chosen_multiple_view_class = AccountChosenMultipleView
    register_widget = False  # only the membership form uses it; other user fields keep their own widget
    per_page = 20


account_chooser = AccountChooserViewSet("partner_account_chooser", url_prefix="directory/accounts")

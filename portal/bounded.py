"""Ids and numbers a client sends, checked against what the databases hold before any query uses them.

SQLite refuses an integer past 2**63 - 1 with an OverflowError, Python refuses a date past the year 9999, and
"²".isdigit() is true while int("²") fails: unchecked, a tampered link or form answers 500 instead of a plain
"not found" or a form error. Every id or number from a query string or a form goes through this module.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404 as django_get_object_or_404
from django_filters import fields as filter_fields
from wagtail.admin.filters import WagtailFilterSet

MAX_ID = 2**63 - 1  # the largest integer SQLite and PostgreSQL's bigint hold


def whole_number(value, *, minimum, maximum):
    """`value` (text of ASCII digits) as an int from `minimum` to `maximum`, or None."""
    text = "" if value is None else str(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def as_id(value):
    """`value` as a database id, or None when it cannot be one (not a whole number, 0, past MAX_ID)."""
    return whole_number(value, minimum=1, maximum=MAX_ID)


def ids(values):
    """The values that can be database ids, as ints; the others name no row and are left out."""
    return [number for number in map(as_id, values) if number is not None]


def get_object_or_404(queryset, pk):
    """Django's get_object_or_404 by primary key; a pk that cannot be an id is not found either."""
    number = as_id(pk)
    if number is None:
        raise Http404
    return django_get_object_or_404(queryset, pk=number)


class _IdChoices:
    """Mixin for model choice fields: a value that cannot be an id of the model is an invalid choice, before any
    query (Django's own check lets an id past the database's range through to the database)."""

    def _refuse_what_is_not_an_id(self, values):
        options = self.queryset.model._meta
        field = options.get_field(self.to_field_name) if self.to_field_name else options.pk
        while field.is_relation:  # a page's pk is its link to Page
            field = field.target_field
        if not isinstance(field, models.IntegerField):
            return
        for value in values:
            if not isinstance(value, models.Model) and as_id(value) is None:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                )


class _IdChoice(_IdChoices):
    def to_python(self, value):
        if value not in self.empty_values and not (getattr(self, "null_label", None) and value == self.null_value):
            self._refuse_what_is_not_an_id([value])
        return super().to_python(value)


class _IdMultipleChoice(_IdChoices):
    def _check_values(self, value):
        if isinstance(value, (list, tuple)):
            self._refuse_what_is_not_an_id(value)
        return super()._check_values(value)


class ModelChoiceField(_IdChoice, forms.ModelChoiceField):
    pass


class ModelMultipleChoiceField(_IdMultipleChoice, forms.ModelMultipleChoiceField):
    pass


class _FilterModelChoiceField(_IdChoice, filter_fields.ModelChoiceField):
    pass


class _FilterModelMultipleChoiceField(_IdMultipleChoice, filter_fields.ModelMultipleChoiceField):
    pass


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _FilterModelChoiceField


class ModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = _FilterModelMultipleChoiceField


class NumberFilter(django_filters.NumberFilter):
    """django-filter's NumberFilter that must be given its range: a number outside it is a form error."""

    def __init__(self, *args, min_value, max_value, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


_BOUNDED_FILTERS = {
    django_filters.ModelChoiceFilter: ModelChoiceFilter,
    django_filters.ModelMultipleChoiceFilter: ModelMultipleChoiceFilter,
}


class FilterSet(WagtailFilterSet):
    """Wagtail's admin filter set whose filters on relations (from `list_filter` or `Meta.fields` too) are the ones
    above: the base of every filter set of ours, and `base_filterset_class` of index views with a `list_filter`."""

    FILTER_DEFAULTS = {
        field: default | {"filter_class": _BOUNDED_FILTERS.get(default["filter_class"], default["filter_class"])}
        for field, default in WagtailFilterSet.FILTER_DEFAULTS.items()
    }

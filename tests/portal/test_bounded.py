"""Ids and numbers from clients, checked before a query: out of range is "not found" or a form error, never 500."""

import pytest
from django import forms
from django.http import Http404
from django.utils import translation

from portal import bounded
from resources.models import ServiceCategory

NOT_IDS = ["", " ", "0", "-1", "²", "٣", "1e3", "1.0", "abc", "9223372036854775808", "1" * 5000, None, "4\x00"]


def test_a_whole_number_within_range_is_an_id():
    assert bounded.as_id("42") == 42 and bounded.as_id(" 42 ") == 42 and bounded.as_id(7) == 7
    assert bounded.as_id(str(bounded.MAX_ID)) == bounded.MAX_ID


@pytest.mark.parametrize("value", NOT_IDS)
def test_anything_else_is_not_an_id(value):
    assert bounded.as_id(value) is None


def test_ids_leaves_out_what_cannot_be_an_id():
    assert bounded.ids(["3", "²", "99999999999999999999", "5"]) == [3, 5]


@pytest.mark.django_db
@pytest.mark.parametrize("pk", ["99999999999999999999", "²", "-1"])
def test_get_object_or_404_finds_nothing_past_any_id(pk):
    with pytest.raises(Http404):
        bounded.get_object_or_404(ServiceCategory.objects.all(), pk)


@pytest.mark.django_db
def test_get_object_or_404_finds_by_an_id_given_as_text():
    category = ServiceCategory.objects.first()
    assert bounded.get_object_or_404(ServiceCategory.objects.all(), str(category.pk)) == category


@pytest.mark.django_db
@pytest.mark.parametrize("field_class", [bounded.ModelChoiceField, bounded.ModelMultipleChoiceField])
def test_model_choice_fields_refuse_a_value_past_any_id_without_a_query(field_class, django_assert_num_queries):
    field = field_class(queryset=ServiceCategory.objects.all())
    value = "99999999999999999999"
    with (
        translation.override("en"),
        django_assert_num_queries(0),
        pytest.raises(forms.ValidationError, match="Select a valid choice"),
    ):
        field.clean([value] if field_class is bounded.ModelMultipleChoiceField else value)


@pytest.mark.django_db
def test_model_choice_fields_still_accept_a_real_id():
    category = ServiceCategory.objects.first()
    assert bounded.ModelChoiceField(queryset=ServiceCategory.objects.all()).clean(str(category.pk)) == category


def test_a_number_filter_must_be_given_its_range():
    with pytest.raises(TypeError):
        bounded.NumberFilter(field_name="days")

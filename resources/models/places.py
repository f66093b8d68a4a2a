"""What agencies and programs share: a street address with its coordinates."""

from django.core.validators import RegexValidator
from django.db import models

zip_validator = RegexValidator(r"^\d{5}$", "Enter a five-digit ZIP code.")


class Place(models.Model):
    """An address; coordinates are filled in by the geocoding task, never during a page request."""

    address_1 = models.CharField("street address", max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True, default="MD")
    zip_code = models.CharField("ZIP code", max_length=5, blank=True, validators=[zip_validator])
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def one_line_address(self):
        street_and_city = ", ".join(part for part in (self.address_1, self.city) if part)
        return " ".join(part for part in (street_and_city + ",", self.state, self.zip_code) if part.strip(", "))

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

"""A family that asks for help, its children, and the audit trail of staff who opened it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.phones import display, normalize

zip_validator = RegexValidator(r"^\d{5}$", _("Enter a ZIP code of five digits, like 21044."))


class Household(models.Model):
    """Who to contact and where they live. Private flags are never shown to agencies or sponsors."""

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    guardian_name = models.CharField(_("your name"), max_length=120)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    preferred_language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    contact_method = models.CharField(
        _("how should we contact you?"), max_length=10, choices=ContactMethod.choices, default=ContactMethod.PHONE
    )
    zip_code = models.CharField(_("ZIP code"), max_length=5, validators=[zip_validator])
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    school = models.ForeignKey(
        "resources.School", null=True, blank=True, on_delete=models.SET_NULL, related_name="households"
    )
    # The family's own words when their school is not listed (and what families typed before schools were listed).
    schools = models.CharField(_("school name, if it is not listed"), max_length=300, blank=True)
    # McKinney-Vento (homeless students) eligibility, marked by a referrer or office staff. Office staff only:
    # raises the priority of the household's requests; every page showing it writes a HouseholdView.
    mckinney_vento = models.BooleanField(default=False, editable=False)
    mckinney_vento_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    is_homeless = models.BooleanField(_("we do not have a steady place to live"), default=False)
    has_free_meals = models.BooleanField(_("my children get free or reduced-price meals"), default=False)
    consent_to_share = models.BooleanField(default=False)
    consent_given_at = models.DateTimeField(null=True, blank=True)
    # When the family chose texts, and the words (in its language) it agreed to: what a US sender must keep.
    text_consent_at = models.DateTimeField(null=True, blank=True)
    text_consent_wording = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="households"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The family asked us to delete what we hold (from /my/data/); staff carry it out (aid_requests.privacy).
    deletion_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Names, contacts and free text are gone (aid_requests.privacy); what reports count stays.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["zip_code"])]

    def __str__(self):
        return f"Household {self.pk}"

    def save(self, *args, **kwargs):
        # E.164 however the number came in (a form, the admin, an import); one that cannot be parsed stays as typed.
        # Text consent is not recorded here: a staff edit, an import or a school's referral is not the family
        # agreeing. Only the forms that show CONSENT_WORDING call agree_to_texts_if_chosen.
        self.phone = normalize(self.phone) or self.phone
        super().save(*args, **kwargs)

    @property
    def first_name(self):
        return self.guardian_name.split()[0] if self.guardian_name.strip() else ""

    @property
    def phone_display(self):
        """The number as people write it, (410) 555-0142, not as it is stored."""
        return display(self.phone) if self.phone else ""

    def agree_to_texts_if_chosen(self):
        """The family itself chose texts on a form showing CONSENT_WORDING: record it, unless already recorded."""
        if self.contact_method == self.ContactMethod.TEXT and self.phone and self.text_consent_at is None:
            self.record_text_consent()

    def record_text_consent(self):
        """The family chose texts on a form that showed CONSENT_WORDING in the active language: keep both."""
        from portal.notices import CONSENT_WORDING

        self.text_consent_at = timezone.now()
        self.text_consent_wording = str(CONSENT_WORDING)

    @property
    def texts_turned_off(self):
        from portal.notices import texts_turned_off

        return bool(self.phone) and texts_turned_off(self.phone)

    @property
    def school_name(self):
        return self.school.name if self.school_id else self.schools

    def mark_mckinney_vento(self, by):
        type(self).objects.filter(pk=self.pk).update(mckinney_vento=True, mckinney_vento_marked_by=by)
        self.mckinney_vento, self.mckinney_vento_marked_by = True, by

    def record_consent(self, given):
        self.consent_to_share = bool(given)
        self.consent_given_at = timezone.now() if given else None


class Child(models.Model):
    class Grade(models.TextChoices):
        PRE_K = "pre-k", _("Pre-K")
        K = "k", _("Kindergarten")
        G1 = "1", _("Grade 1")
        G2 = "2", _("Grade 2")
        G3 = "3", _("Grade 3")
        G4 = "4", _("Grade 4")
        G5 = "5", _("Grade 5")
        G6 = "6", _("Grade 6")
        G7 = "7", _("Grade 7")
        G8 = "8", _("Grade 8")
        G9 = "9", _("Grade 9")
        G10 = "10", _("Grade 10")
        G11 = "11", _("Grade 11")
        G12 = "12", _("Grade 12")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="children")
    first_name = models.CharField(_("first name"), max_length=60)
    age = models.PositiveSmallIntegerField(_("age"), validators=[MaxValueValidator(21)])
    grade = models.CharField(_("grade"), max_length=5, choices=Grade.choices, blank=True)
    school = models.CharField(_("school"), max_length=120, blank=True)
    size_top = models.CharField(_("shirt size"), max_length=20, blank=True)
    size_bottom = models.CharField(_("pants size"), max_length=20, blank=True)
    size_shoes = models.CharField(_("shoe size"), max_length=20, blank=True)
    size_coat = models.CharField(_("coat size"), max_length=20, blank=True)
    notes = models.CharField(_("anything else we should know"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "children"

    def __str__(self):
        return f"{self.first_name}, {self.age}"


class HouseholdView(models.Model):
    """The audit log: every time staff open a household's page."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="views")
    viewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(default=timezone.now)
    # The page showed the household's McKinney-Vento eligibility.
    saw_mckinney_vento = models.BooleanField(default=False)

    class Meta:
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.viewed_by} opened household {self.household_id} at {self.viewed_at:%Y-%m-%d %H:%M}"

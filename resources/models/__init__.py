from resources.models.agencies import Agency, Language, ServiceCategory
from resources.models.listings import (
    AgencyChange,
    ListingCheck,
    ListingReminder,
    ListingReviewLink,
    ProblemReport,
)
from resources.models.pages import Closure, OpeningHours, ResourceIndexPage, ResourcePage
from resources.models.partners import AgencyCapacity, AgencyMembership
from resources.models.schools import School, SchoolStaffLink

__all__ = [
    "Agency",
    "AgencyCapacity",
    "AgencyChange",
    "AgencyMembership",
    "Closure",
    "Language",
    "ListingCheck",
    "ListingReminder",
    "ListingReviewLink",
    "OpeningHours",
    "ProblemReport",
    "ResourceIndexPage",
    "ResourcePage",
    "School",
    "SchoolStaffLink",
    "ServiceCategory",
]

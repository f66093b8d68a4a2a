from resources.models.agencies import Agency, Language, ServiceCategory
from resources.models.pages import Closure, OpeningHours, ResourceIndexPage, ResourcePage
from resources.models.partners import AgencyCapacity, AgencyMembership
from resources.models.schools import School, SchoolStaffLink

__all__ = [
    "Agency",
    "AgencyCapacity",
    "AgencyMembership",
    "Closure",
    "Language",
    "OpeningHours",
    "ResourceIndexPage",
    "ResourcePage",
    "School",
    "SchoolStaffLink",
    "ServiceCategory",
]

from resources.models.agencies import Agency, Language, ServiceCategory
from resources.models.pages import Closure, OpeningHours, ResourceIndexPage, ResourcePage
from resources.models.partners import AgencyCapacity, AgencyMembership

__all__ = [
    "Agency",
    "AgencyCapacity",
    "AgencyMembership",
    "Closure",
    "Language",
    "OpeningHours",
    "ResourceIndexPage",
    "ResourcePage",
    "ServiceCategory",
]

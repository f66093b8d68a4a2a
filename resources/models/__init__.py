from resources.models.agencies import Agency, Language, ServiceCategory
from resources.models.pages import Closure, OpeningHours, ResourceIndexPage, ResourcePage

__all__ = ["Agency", "Closure", "Language", "OpeningHours", "ResourceIndexPage", "ResourcePage", "ServiceCategory"]

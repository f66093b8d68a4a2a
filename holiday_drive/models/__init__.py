from holiday_drive.models.campaigns import HolidayCampaignPage, Package, ReferralCode
from holiday_drive.models.pickups import DistributionSite, PickupSlot
from holiday_drive.models.registrations import DuplicateFlag, RegisteredChild, Registration
from holiday_drive.models.sponsors import Adoption, Sponsor

__all__ = [
    "Adoption",
    "DistributionSite",
    "DuplicateFlag",
    "HolidayCampaignPage",
    "Package",
    "PickupSlot",
    "ReferralCode",
    "RegisteredChild",
    "Registration",
    "Sponsor",
]

from aid_requests.models.households import Child, Household, HouseholdView
from aid_requests.models.offers import Offer
from aid_requests.models.requests import AidRequest, StatusEvent

__all__ = ["AidRequest", "Child", "Household", "HouseholdView", "Offer", "StatusEvent"]
